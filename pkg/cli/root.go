// Package cli is winback's command line: cobra commands that bind flags into options,
// validate them and call one run function each. Analysis lives in the other packages; this
// one only reads inputs, calls them and writes outputs to injected streams.
package cli

import (
	"fmt"
	"runtime/debug"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/config"
	"github.com/winback/winback/pkg/report"
)

// Exit codes, documented in the README.
const (
	ExitOK      = 0 // success
	ExitFailure = 1 // the work failed (an output could not be written, ...)
	ExitUsage   = 2 // bad flags or arguments, or an input that cannot be used as it is
)

// Version is set at build time with -ldflags "-X github.com/winback/winback/pkg/cli.Version=v1.2.3";
// otherwise it comes from the build information ([versionOf]).
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	bi, _ := debug.ReadBuildInfo()
	return versionOf(bi)
}

// versionOf is the version the build information gives: the module's version (a
// release, or the pseudo-version go build makes in a clone), else the VCS revision with
// "-modified" for uncommitted changes, else "dev".
func versionOf(bi *debug.BuildInfo) string {
	if bi == nil {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return "dev"
	}
	if modified == "true" {
		return "dev-" + rev[:min(len(rev), 12)] + "-modified"
	}
	return "dev-" + rev[:min(len(rev), 12)]
}

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
	a := &app{io: io}
	root.PersistentFlags().StringVar(&a.configPath, "config", "", "read flags from this YAML file (keys are the long flag names; flags on the command line win)")
	root.PersistentFlags().BoolVarP(&a.quiet, "quiet", "q", false, "print nothing but the output and errors")
	root.PersistentPreRunE = func(cmd *cobra.Command, args []string) error {
		err := a.loadConfig(root, cmd)
		io.Quiet = a.quiet
		return err
	}
	root.AddCommand(newInspectCmd(a, nil), newSegmentsCmd(a), newModelCmd(a), newLapsedCmd(a), newExplainCmd(a), newReportCmd(a))
	root.AddCommand(newBacktestCmd(a))
	root.AddCommand(newInitCmd(a, root))
	root.AddCommand(newHelpTopics()...)
	return root
}

// app is what every command shares: the streams and the loaded configuration.
type app struct {
	io         *IOStreams
	configPath string
	quiet      bool
	cfg        *config.Config
}

// runE returns a command's RunE: it resolves the exports to read (the arguments, else the
// config file's files) into *files and calls run.
func (a *app) runE(files *[]string, run func() error) func(*cobra.Command, []string) error {
	return func(_ *cobra.Command, args []string) error {
		fs, err := a.files(args)
		if err != nil {
			return err
		}
		*files = fs
		return run()
	}
}

// files returns the exports to read: the arguments, else the config file's files.
func (a *app) files(args []string) ([]string, error) {
	if len(args) == 0 && a.cfg != nil {
		args = a.cfg.Files
	}
	if len(args) == 0 {
		return nil, usagef("name one or more export files (or - for standard input), or files: in the --config file", "requires at least 1 arg(s), only received 0")
	}
	return args, nil
}

// Main runs winback with args and returns the process exit code. It is the one place where
// errors become exit codes and messages.
func Main(args []string, io *IOStreams) int {
	// Every write to standard output goes through out, so that a failed one fails the run
	// even where a command (or cobra's help) did not check it.
	out := &errWriter{w: io.Out}
	streams := *io
	streams.Out = out
	root := NewRootCmd(&streams)
	root.SetArgs(args)
	err := commandError(root, root.Execute())
	if err == nil && out.err != nil {
		err = stdoutError(out.err)
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
