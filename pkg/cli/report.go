package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
)

type reportOptions struct {
	a            *app
	cmd          *cobra.Command
	input        inputOptions
	out          outputOptions
	an           analysisOptions
	outputs      []string
	previous     string
	state        string
	contacts     string
	withContacts bool
	top          int
	files        []string
}

func newReportCmd(a *app) *cobra.Command {
	o := &reportOptions{a: a}
	c := &cobra.Command{
		Use:   "report FILE...",
		Short: "The monthly report: segments, who lapsed and what to ask, what changed, trends",
		Long: `Report brings everything together: a summary (customers by status, revenue, value at
risk, data quality), what changed since last time (newly lapsed, still lapsed, won back,
newly due), the segments and the R×F grid, the lapsed customers with their top questions,
what the hints say about the business, the monthly trend and cohort retention, channels
and services among active and lapsed customers, and how lapse was decided (with a check
of the model on the data's own last months).

Formats: table (on a terminal), md, json (everything, with a schema version), csv (the
lapsed customers), html (one self-contained file with charts, for the projector and for
printing), xlsx (one sheet per table). -o can be given several times; each file's format
follows its extension.

Privacy: html and md show pseudonyms instead of customer ids by default (they are the
formats that get projected, printed and sent around; --pseudonymize=false shows the ids).
Names, phones and e-mails appear only with --with-contacts. --key or WINBACK_KEY makes
pseudonyms stable from month to month.

For a cron job: --config holds the flags, --state DIR keeps each run's JSON and compares
with the latest earlier one, and nothing is printed but errors with --quiet.`,
		Example: `  # the owner's monthly report, as a web page in German
  winback report --lang de -o bericht.html testdata/praxis/praxis.csv

  # the cron job: HTML, JSON and call list, compared with last month
  winback report --config winback.yaml --state /var/lib/winback -o report.html -o report.json --contacts calls.csv

  # in a workshop: what if lapsed meant twice the usual gap?
  winback report --tolerance 2 -o what-if.html export.csv`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error { return runReport(o) }),
	}
	o.cmd = c
	o.input.bind(c)
	o.out.bindWithout(c, report.Formats, "output")
	c.Flags().StringArrayVarP(&o.outputs, "output", "o", nil, "write to this file (atomically); repeatable; the format follows the extension (.html .md .json .csv .xlsx .txt)")
	o.an.bind(c)
	o.an.bindFilter(c)
	c.Flags().StringVar(&o.previous, "previous", "", "the JSON report of an earlier run, to show what changed since")
	c.Flags().StringVar(&o.state, "state", "", "keep each run's JSON in this directory and compare with the latest earlier one")
	c.Flags().StringVar(&o.contacts, "contacts", "", "also write the call list to this CSV file (personal data: permissions 0600)")
	c.Flags().BoolVar(&o.withContacts, "with-contacts", false, "include names, phones and e-mails in the report (not with --pseudonymize)")
	c.Flags().IntVar(&o.top, "top", report.DefaultLapsedShown, "how many lapsed customers table, md and html list (json, csv and xlsx list all)")
	return c
}

func runReport(o *reportOptions) error {
	lang, err := o.out.language(o.a.io)
	if err != nil {
		return err
	}
	targets, err := o.targets()
	if err != nil {
		return err
	}
	if err := o.check(targets); err != nil {
		return err
	}
	o.an.backtest = true
	o.an.contacts = o.withContacts || o.contacts != "" // the report or the call list shows them
	exp, r, err := analyse(o.a, o.files, &o.input, &o.out, &o.an)
	if err != nil {
		return err
	}
	reps := newReports(r)
	defer reps.fitted.Wait()
	keys := customerKeys(r.Set)
	prev, prevPseudo, err := o.loadPrevious(r, keys)
	if err != nil {
		return err
	}
	reps.base = o.buildOptions(lang, &exp.Report, prev, prevPseudo)
	reps.pseudonyms = func() *pseudo.Pseudonymizer { return o.an.keyed(o.a.io, keys) }
	// The files are replaced as one set: all are written first, then renamed, so that a
	// failed run leaves last month's page, JSON, call list and state together.
	var files atomicfile.Set
	defer files.Abort()
	if err := o.write(&files, targets, reps, lang); err != nil {
		return err
	}
	var calls *report.CallList
	if o.contacts != "" {
		if calls, err = addCallList(&files, o.contacts, r, lang); err != nil {
			return err
		}
	}
	if o.state != "" {
		if err := o.addState(&files, reps.state(o.withContacts)); err != nil {
			return err
		}
	}
	if err := files.Commit(); err != nil {
		return err
	}
	for _, t := range targets {
		written(o.a.io, t.path, t.format)
	}
	if o.contacts != "" && !o.a.io.Quiet && o.a.io.ErrTTY {
		fmt.Fprintf(o.a.io.ErrOut, "winback: call list %s: %d customers, %d left out (no contact wanted)\n", o.contacts, calls.Len(), calls.Skipped)
	}
	return nil
}
