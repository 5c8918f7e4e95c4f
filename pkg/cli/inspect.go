package cli

import (
	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/words"
)

type inspectOptions struct {
	io     *IOStreams
	lang   func() (string, error)
	input  inputOptions
	format string
	show   int
	files  []string
}

func newInspectCmd(a *app) *cobra.Command {
	o := &inspectOptions{io: a.io, lang: a.language}
	c := &cobra.Command{
		Use:   "inspect FILE...",
		Short: "Show how an export was understood: encoding, columns, dates, statuses, rows",
		Long: `Inspect reads one or more exports and shows what winback made of them: the encoding and
delimiter, which column became which concept and which were left unused, the date format
and decimal style, the status values and how they were mapped, what identifies a customer,
the date range, the number of customers, the row accounting (read = accepted + rejected +
blank + duplicate) and the first rejected rows with their reasons.

Run it first on an export you have not seen before. Everything it detects can be
overridden with a flag, and the same flags work for every other command. --lang de (or a
German LANG) writes it in German; the JSON keeps its keys and codes.`,
		Example: `  # a German practice export
  winback inspect testdata/praxis/praxis.csv

  # twelve monthly exports at once, overlapping rows count once
  winback inspect exports/2025-*.csv

  # the same facts as JSON, for scripts
  winback inspect --format json export.csv

  # a headerless file: say which column is which
  winback inspect --no-header --column customer=1 --column date=3 --column amount=5 data.txt`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error {
			if o.format != "table" && o.format != "json" {
				return usagef("use --format table or --format json", "unknown format %q", o.format)
			}
			return runInspect(o)
		}),
	}
	o.input.bind(c)
	c.Flags().StringVar(&o.format, "format", "table", "output format: table or json")
	c.Flags().IntVar(&o.show, "show-rejects", 10, "how many rejected rows to show")
	c.RegisterFlagCompletionFunc("format", fixedChoices("table", "json"))
	return c
}

func runInspect(o *inspectOptions) error {
	lang, err := o.lang()
	if err != nil {
		return err
	}
	if err := checkOutputs(o.io, o.files, o.input.rejects); err != nil {
		return err
	}
	res, err := readExports(o.io, o.files, &o.input, true) // it shows no one's contact details
	if err != nil {
		return err
	}
	in := report.Inspection{Export: &res.Summary, TakenOn: res.Set.TakenOn(),
		FirstRejects: res.Rejects[:min(len(res.Rejects), max(o.show, 0))], RejectsFile: o.input.rejects, Width: o.io.Width, Lang: lang,
		Noun: words.NounFromColumns(columnNames(&res.Summary))}
	write := in.WriteTable
	if o.format == "json" {
		write = in.WriteJSON
	}
	if err := write(o.io.Out); err != nil {
		return stdoutError(err)
	}
	return nil
}
