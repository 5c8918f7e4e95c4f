// Package cli is winback's command line: cobra commands that bind flags into options,
// validate them and call one run function each. Analysis lives in the other packages; this
// one only reads inputs, calls them and writes outputs to injected streams.
package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/report"
)

// Exit codes, documented in the README.
const (
	ExitOK      = 0 // success
	ExitFailure = 1 // the work failed (an output could not be written, ...)
	ExitUsage   = 2 // bad flags or arguments, or an input that cannot be used as it is
)

// NewRootCmd builds the winback command tree on the given streams.
func NewRootCmd(io *IOStreams) *cobra.Command {
	root := &cobra.Command{
		Use:   "winback",
		Short: "Find the customers who quietly stopped coming, and what to ask them",
		Long: `winback reads the visit, appointment or booking export of a practice, salon, hotel or
shop, segments customers by recency and frequency, finds the ones who quietly stopped
coming, and suggests for each what to ask about when calling them back.

Exports are read as they come: CSV with , ; tab | or whitespace, UTF-8, UTF-16 or
Windows-1252, English or German headers, dates and amounts in the usual European and US
forms. Start with "winback inspect FILE" to see how an export was understood.`,
		Version:       version(),
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(io.In)
	root.SetOut(io.Out)
	root.SetErr(io.ErrOut)
	root.SetFlagErrorFunc(flagError)
	useGroupedFlags(root, io.Width)
	a := &app{io: io}
	root.PersistentFlags().StringVar(&a.configPath, "config", "", "read flags from this YAML file (keys are the long flag names; flags on the command line win)")
	root.PersistentFlags().BoolVarP(&a.quiet, "quiet", "q", false, "print nothing but the output and errors")
	// Every command takes --lang; the ones that print an analysis bind their own, with
	// the same meaning (outputOptions); inspect and init read it here (app.language).
	root.PersistentFlags().StringVar(&a.lang, "lang", "", "language of the output: de or en (default from LANG)")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		err := a.loadConfig(root, cmd)
		io.Quiet = a.quiet
		if err == nil && a.lang != "" {
			_, err = (&outputOptions{lang: a.lang}).language(io)
		}
		return err
	}
	root.AddCommand(newInspectCmd(a), newSegmentsCmd(a), newModelCmd(a), newLapsedCmd(a), newExplainCmd(a), newReportCmd(a))
	root.AddCommand(newBacktestCmd(a))
	root.AddCommand(newInitCmd(a, root))
	root.AddCommand(newHelpTopics()...)
	return root
}

// Main runs winback with args and returns the process exit code. It is the one place where
// errors become exit codes and messages.
func Main(args []string, io *IOStreams) int {
	// Every write to standard output goes through out, so that a failed one fails the run
	// even where a command (or cobra's help) did not check it.
	out := report.NewErrWriter(io.Out)
	streams := *io
	streams.Out = out
	root := NewRootCmd(&streams)
	root.SetArgs(args)
	err := commandError(root, root.Execute())
	if err == nil && out.Err() != nil {
		err = stdoutError(out.Err())
	}
	if err == nil {
		return ExitOK
	}
	code, hint := classify(err)
	// An error or hint can quote the data (a header, a status value): made safe like the
	// tables.
	fmt.Fprintf(io.ErrOut, "winback: error: %s\n", report.SafeText(err.Error()))
	if hint != "" {
		fmt.Fprintf(io.ErrOut, "winback: hint: %s\n", report.SafeText(hint))
	}
	return code
}
