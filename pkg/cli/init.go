package cli

import (
	"io"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/words"
)

type initOptions struct {
	a      *app
	input  inputOptions
	output string
	files  []string
}

func newInitCmd(a *app, root *cobra.Command) *cobra.Command {
	o := &initOptions{a: a}
	c := &cobra.Command{
		Use:   "init FILE...",
		Short: "Write a commented configuration file from what an export shows",
		Long: `Init reads an export and writes a YAML configuration to standard output: the files, the
detected encoding, delimiter, column mapping and date order (so next month's run does not
depend on detection), the status values seen with what they were taken to mean, and every
setting of 'winback report' with its default, commented out, ready to change.

Keys are the long flag names; flags given on the command line win over the file.

The file ends with a new random key for the pseudonyms (key:), so that a customer keeps
their pseudonym from month to month: keep the file private. -o writes it with
permissions 0600.`,
		Example: `  winback init -o winback.yaml testdata/praxis/praxis.csv
  winback report --config winback.yaml -o report.html`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error {
			if err := checkOutputs(a.io, o.files, o.input.rejects, o.output); err != nil {
				return err
			}
			res, err := readExports(a.io, o.files, &o.input, false)
			if err != nil {
				return err
			}
			var settings *pflag.FlagSet
			if reportCmd, _, _ := root.Find([]string{"report"}); reportCmd != nil {
				settings = reportCmd.Flags()
			}
			lang, err := a.language()
			if err != nil {
				return err
			}
			key, err := pseudo.NewKey()
			if err != nil {
				return err
			}
			cfg := &report.ConfigFile{Files: o.files, Export: &res.Summary, Noun: words.NounFromColumns(columnNames(&res.Summary)),
				Settings: settings, Lang: lang, LangGiven: a.lang != "", Key: key}
			var files atomicfile.Set
			defer files.Abort()
			if err := writeOut(&files, a.io, o.output, true, func(w io.Writer) error { return report.WriteConfig(w, cfg) }); err != nil {
				return err
			}
			return files.Commit()
		}),
	}
	o.input.bind(c)
	c.Flags().StringVarP(&o.output, "output", "o", "", "write the configuration to this file (permissions 0600: it holds the key) instead of standard output")
	return c
}
