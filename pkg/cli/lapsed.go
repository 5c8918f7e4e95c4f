package cli

import (
	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/report"
)

type lapsedOptions struct {
	a       *app
	input   inputOptions
	out     outputOptions
	an      analysisOptions
	summary bool
	calls   callListOptions
	reach   outreachOptions
	top     int
	files   []string
}

func newLapsedCmd(a *app) *cobra.Command {
	o := &lapsedOptions{a: a}
	c := &cobra.Command{
		Use:   "lapsed FILE...",
		Short: "List the customers who stopped coming, ranked by what a call can still win back, with what to ask them",
		Long: `Lapsed lists the customers past the point where they would normally have come back
(lapsed) or long gone (lost), most value a call can still win back first (the share of
customers away that long who came back within a year, times a year of their value): their
segment, last visit, rhythm, how long overdue, and the top hints from their history as
questions to ask, never a verdict on why they left. How each is judged: 'winback help lapse'.

--summary shows how much more common each hint is among lapsed customers than among active
ones. --contacts writes the working call list (.csv, or .xlsx with drop-downs; German with
';' and a BOM under --lang de) with empty columns to fill in on the call ('winback help
calls'); --follow-ups adds the customers whose course ended, --welcome the new customers
who first booked through a platform. Who does not want to be contacted is left out.`,
		Example: `  # who to call this week, in German
  winback lapsed --lang de testdata/praxis/praxis.csv

  # the call list for a mail merge, and the patterns behind the losses
  winback lapsed --contacts anrufliste.csv --summary testdata/praxis/praxis.csv

  # in a workshop: pseudonyms instead of patients, a stricter rule
  winback lapsed --pseudonymize --tolerance 2 testdata/praxis/praxis.csv`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error { return runLapsed(o) }),
	}
	o.input.bind(c)
	o.out.bind(c, report.ViewFormats)
	o.an.bind(c)
	o.reach.bind(c)
	c.Flags().StringVar(&o.reach.state, "state", "", "the --state directory of the monthly report: leave out whom its filed calls keep off the lists (read only)")
	o.an.bindFilter(c)
	c.Flags().BoolVar(&o.summary, "summary", false, "show how often each hint occurs among lapsed and among active customers")
	o.calls.bind(c)
	c.Flags().IntVar(&o.top, "top", 50, "how many customers the table lists (csv and json list all)")
	return c
}

func runLapsed(o *lapsedOptions) error {
	lang, format, err := o.out.prepare(o.a.io, report.ViewFormats, o.files, o.input.rejects, o.calls.path)
	if err != nil {
		return err
	}
	if err := o.calls.check(); err != nil {
		return err
	}
	if o.calls.path != "" && o.an.pseudo {
		return usagef("write the call list without --pseudonymize: it is for calling people", "--contacts and --pseudonymize exclude each other")
	}
	o.an.contacts = o.calls.path != "" // only the call list shows them
	exp, r, err := analyse(o.a, o.files, &o.input, &o.out, &o.an)
	if err != nil {
		return err
	}
	if err := o.reach.hold(o.a.io, &o.an, r); err != nil {
		return err
	}
	p := o.an.pseudonymizer(o.a.io, format, false, r.Set)
	rep := report.Build(r, report.BuildOptions{Lang: lang, Pseudonyms: p, Contacts: false, Shown: o.top, Defer: true, LapsedOnly: true, Noun: o.an.noun.noun,
		Filter: o.an.filter.describe()})
	// The table lists the first --top customers; csv and json all of them.
	shown := o.top
	if shown < 0 || format == "csv" || format == "json" {
		shown = rep.NumLapsed()
	}
	rep.CompleteLapsed(shown)
	// The call list and -o are replaced together (see atomicfile.Set).
	var files atomicfile.Set
	defer files.Abort()
	var calls *report.CallList
	if o.calls.path != "" {
		if calls, err = addCallList(o.a.io, &files, o.calls, exp, r, lang, o.an.noun.noun); err != nil {
			return err
		}
	}
	if err := o.out.add(&files, o.a.io, format, lang, report.LapsedView(rep, lang, o.summary)); err != nil {
		return err
	}
	if err := files.Commit(); err != nil {
		return err
	}
	written(o.a.io, o.out.output, format)
	if calls != nil {
		reportCallList(o.a.io, o.calls.path, calls)
	}
	return nil
}
