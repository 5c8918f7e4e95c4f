package cli

import (
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/words"
)

type initOptions struct {
	a     *app
	input inputOptions
	files []string
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

Keys are the long flag names; flags given on the command line win over the file.`,
		Example: `  winback init testdata/praxis/praxis.csv > winback.yaml
  winback report --config winback.yaml -o report.html`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error {
			if err := checkOutputs(a.io, o.files, o.input.rejects); err != nil {
				return err
			}
			res, err := readExports(a.io, o.files, &o.input)
			if err != nil {
				return err
			}
			var settings *pflag.FlagSet
			if reportCmd, _, _ := root.Find([]string{"report"}); reportCmd != nil {
				settings = reportCmd.Flags()
			}
			noun := words.NounFromColumns(columnNames(&res.Report))
			if err := report.WriteConfig(a.io.Out, o.files, &res.Report, noun, settings); err != nil {
				return stdoutError(err)
			}
			return nil
		}),
	}
	o.input.bind(c)
	return c
}
