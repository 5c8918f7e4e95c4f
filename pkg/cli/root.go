// Package cli is winback's command line: cobra commands that bind flags into options,
// validate them and call one run function each. Analysis lives in the other packages; this
// one only reads inputs, calls them and writes outputs to injected streams.
package cli

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/config"
	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/report"
)

// Exit codes, documented in the README.
const (
	ExitOK      = 0 // success
	ExitFailure = 1 // the work failed (an output could not be written, ...)
	ExitUsage   = 2 // bad flags or arguments, or an input that cannot be used as it is
)

// Version is set at build time with -ldflags "-X github.com/winback/winback/pkg/cli.Version=v1.2.3";
// otherwise it comes from the module's build information.
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// usageError marks a problem with how winback was called.
type usageError struct {
	err  error
	hint string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(hint, format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...), hint: hint}
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
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{err: err, hint: fmt.Sprintf("see 'winback help %s'", strings.TrimPrefix(c.CommandPath(), "winback "))}
	})
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

// loadConfig applies --config to cmd's flags that were not given on the command line.
func (a *app) loadConfig(root, cmd *cobra.Command) error {
	if a.configPath == "" {
		return nil
	}
	cfg, err := config.Load(a.configPath)
	if err != nil {
		return &usageError{err: err, hint: "the keys are the long flag names, e.g. lang: de; see 'winback init'"}
	}
	known := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) { known[f.Name] = true })
		c.PersistentFlags().VisitAll(func(f *pflag.Flag) { known[f.Name] = true })
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	for _, k := range cfg.Keys {
		if !known[k] {
			return usagef("the keys are the long flag names of winback's commands (see winback help)", "config %s: unknown key %q", cfg.Path, k)
		}
		f := cmd.Flags().Lookup(k)
		if f == nil || f.Changed || k == "config" {
			continue
		}
		for _, v := range cfg.Values[k] {
			if err := f.Value.Set(v); err != nil {
				return usagef("fix the value in the config file", "config %s: %s: %v", cfg.Path, k, err)
			}
		}
		f.Changed = true // as if given: pseudonymize: false must override a format's default
	}
	// Files in the config may use environment variables ($HOME/exports/...) and patterns
	// (2025-*.csv), and are relative to the config file, wherever the job runs from.
	var files []string
	for _, f := range cfg.Files {
		f = os.Expand(f, a.io.Getenv)
		if f != "-" && !filepath.IsAbs(f) {
			f = filepath.Join(filepath.Dir(cfg.Path), f)
		}
		if strings.ContainsAny(f, "*?[") {
			matches, err := filepath.Glob(f)
			if err != nil || len(matches) == 0 {
				return usagef("check the pattern in files: of the config file", "config %s: no file matches %s", cfg.Path, f)
			}
			files = append(files, matches...)
			continue
		}
		files = append(files, f)
	}
	cfg.Files = files
	a.cfg = cfg
	return nil
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
	err := root.Execute()
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

// classify maps an error to its exit code and hint.
func classify(err error) (int, string) {
	var ue *usageError
	var ie *export.InputError
	switch {
	case errors.As(err, &ie):
		return ExitUsage, ie.Hint
	case errors.As(err, &ue):
		return ExitUsage, ue.hint
	case errors.Is(err, atomicfile.ErrNotRegular):
		return ExitUsage, "name a file to write (or /dev/stdout)"
	case errors.Is(err, export.ErrUsage):
		return ExitUsage, "see 'winback help'"
	case strings.HasPrefix(err.Error(), "unknown command"), strings.HasPrefix(err.Error(), "unknown flag"),
		strings.Contains(err.Error(), "arg(s)"), strings.HasPrefix(err.Error(), "requires at least"):
		return ExitUsage, "see 'winback help'"
	}
	return ExitFailure, ""
}
