package cli

import (
	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
)

type reportOptions struct {
	a       *app
	cmd     *cobra.Command
	input   inputOptions
	out     outputOptions
	an      analysisOptions
	outputs []string
	// previous and state are the cron's comparison; contacts the call list's file.
	previous, state, contacts string
	withContacts              bool
	calls                     outreachOptions
	top, reliabilityMax       int
	files                     []string
}

func newReportCmd(a *app) *cobra.Command {
	o := &reportOptions{a: a}
	c := &cobra.Command{
		Use:   "report FILE...",
		Short: "The monthly report: segments, who lapsed and what to ask, what changed, trends",
		Long: `Report brings everything together: customers by status, revenue, value at risk, data
quality; what changed since last time; the segments; the lapsed customers with their
questions, the follow-ups and welcome calls; what the hints and the answers of earlier
calls say; trends, cohorts, channels and services; and how reliable the verdicts were.

On a terminal, without -o, it shows one screen: the counts, the value at risk, this week's
calls and the command that writes the whole report. Formats (-o, repeatable, each by its
extension, or --format): html (charts, for the projector and for printing), table, summary,
md, json (everything), csv (the lapsed customers), xlsx (a sheet per table).
Privacy: html and md show pseudonyms by default; names, phones and e-mails only with
--with-contacts. For a cron job: --config holds the flags, --state DIR compares with the
last run ('winback help cron'), --quiet prints nothing but errors.`,
		Example: `  # the owner's monthly report, as a web page in German
  winback report --lang de -o bericht.html testdata/praxis/praxis.csv

  # the cron job: HTML, JSON and call list, compared with last month
  winback report --config winback.yaml --state /var/lib/winback -o report.html -o report.json --contacts calls.csv

  # one therapist's list, in a workshop: what if lapsed meant twice the usual gap?
  winback report --staff 'Anja Berger' --tolerance 2 -o what-if.html export.csv`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error { return runReport(o) }),
	}
	o.cmd = c
	o.input.bind(c)
	o.out.bindWithout(c, report.Formats, "output")
	c.Flags().StringArrayVarP(&o.outputs, "output", "o", nil, "write to this file (atomically); repeatable; the format follows the extension (.html .md .json .csv .xlsx .txt)")
	o.an.bind(c)
	o.calls.bind(c)
	o.an.bindFilter(c)
	c.Flags().StringVar(&o.previous, "previous", "", "the JSON report of an earlier run, to show what changed since")
	c.Flags().StringVar(&o.state, "state", "", "keep in this directory what the next run compares with (ids, statuses, filed calls, a key)")
	c.Flags().StringVar(&o.contacts, "contacts", "", "also write the call list (win-back, follow-up and welcome calls) to this .csv or .xlsx file (personal data: permissions 0600)")
	c.Flags().BoolVar(&o.withContacts, "with-contacts", false, "include names, phones and e-mails in the report (not with --pseudonymize)")
	o.bindLists(c)
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
	o.an.contacts = o.withContacts || o.contacts != "" // the report or the call list shows them
	exp, r, err := analyse(o.a, o.files, &o.input, &o.out, &o.an)
	if err != nil {
		return err
	}
	reps := newReports(r, func() *report.Reliability { return o.reliability(exp.Set, r.AsOf) })
	defer reps.fitted.Wait()
	// The files are replaced as one set: all are written first, then renamed, so that a
	// failed run leaves last month's page, JSON, call list and state together.
	var files atomicfile.Set
	defer files.Abort()
	calls, err := o.readCalls(&files, r)
	if err != nil {
		return err
	}
	reps.base = o.buildOptions(lang, &exp.Summary, calls.previous, calls.prevKey)
	reps.base.Outreach = calls.outreach
	reps.pseudonyms = func() *pseudo.Pseudonymizer { return calls.key }
	if err := o.write(&files, targets, reps, lang); err != nil {
		return err
	}
	var list *report.CallList
	if o.contacts != "" {
		cl := callListOptions{path: o.contacts, followUps: true, welcome: true}
		if list, err = addCallList(o.a.io, &files, cl, exp, r, lang, o.an.noun.noun); err != nil {
			return err
		}
	}
	if o.state != "" {
		if err := o.addState(&files, calls.plan.State()); err != nil {
			return err
		}
	}
	if err := files.Commit(); err != nil {
		return err
	}
	o.written(targets, list)
	return nil
}
