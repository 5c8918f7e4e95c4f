package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
)

type reportOptions struct {
	a            *app
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
	o.input.bind(c)
	o.out.bindWithout(c, report.Formats, "output")
	c.Flags().StringArrayVarP(&o.outputs, "output", "o", nil, "write to this file (atomically); repeatable; the format follows the extension (.html .md .json .csv .xlsx .txt)")
	o.an.bind(c)
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
	// -o may be given several times for report: collect them all.
	outputs := slices.Clone(o.outputs)
	if o.out.output != "" {
		outputs = append([]string{o.out.output}, outputs...)
	}
	type target struct{ path, format string }
	var targets []target
	for _, p := range outputs {
		f := o.out.format
		if len(outputs) > 1 || f == "" {
			f = report.FormatFor(p)
		}
		if f == "" {
			return usagef("name the file with an extension: .html .md .json .csv .xlsx .txt, or give --format", "cannot tell the format of %s", p)
		}
		targets = append(targets, target{p, f})
	}
	if len(targets) == 0 {
		f := o.out.format
		if f == "" {
			f = "md"
			if o.a.io.OutTTY {
				f = "table"
			}
		}
		if f == "xlsx" {
			return usagef("write xlsx to a file: -o report.xlsx", "xlsx is not written to the terminal")
		}
		targets = append(targets, target{"", f})
	}
	for _, t := range targets {
		if !slices.Contains(report.Formats, t.format) {
			return usagef("use one of: "+strings.Join(report.Formats, ", "), "unknown format %q", t.format)
		}
	}
	paths := []string{o.input.rejects, o.contacts}
	for _, t := range targets {
		paths = append(paths, t.path)
	}
	if err := checkOutputs(o.a.io, o.files, paths...); err != nil {
		return err
	}
	if o.withContacts && o.an.pseudo {
		return usagef("choose one: --with-contacts for the owner, --pseudonymize for a workshop", "--with-contacts and --pseudonymize exclude each other")
	}
	o.an.backtest = true
	o.an.contacts = o.withContacts || o.contacts != "" // the report or the call list shows them
	exp, r, err := analyse(o.a, o.files, &o.input, &o.out, &o.an)
	if err != nil {
		return err
	}
	// The backtest fits the models again: meanwhile, build the report, and write the parts
	// that come before the model (report.Report.DeferBacktest).
	var (
		backtest *report.Backtest
		fitted   sync.WaitGroup
	)
	fitted.Go(func() { backtest = report.BacktestOf(r) })
	defer fitted.Wait()
	waitBacktest := func() *report.Backtest {
		fitted.Wait()
		return backtest
	}
	keys := customerKeys(r.Set)
	prev, prevPseudo, err := o.loadPrevious(r, keys)
	if err != nil {
		return err
	}
	q := exp.Report
	base := report.BuildOptions{Lang: lang, Noun: o.an.noun.noun, Contacts: o.withContacts, Shown: o.top, Files: o.files, Defer: true,
		Quality: report.Quality{Rows: q.Rows, Accepted: q.Accepted, Rejected: q.Rejected, Blank: q.Blank, Duplicates: q.Duplicates,
			RejectsOut: o.input.rejects, AfterAsOf: o.out.cut.Events, FirstDate: q.FirstDay, LastDate: q.LastDay},
		Previous: prev, PreviousPseudonyms: prevPseudo}
	built := map[bool]*report.Report{}
	build := func(pseudonymize bool) *report.Report {
		if rep, ok := built[pseudonymize]; ok {
			return rep
		}
		opt := base
		if pseudonymize {
			opt.Pseudonyms = o.an.keyed(o.a.io, keys)
			opt.Contacts = false
		}
		rep := report.Build(r, opt)
		rep.DeferBacktest(waitBacktest)
		built[pseudonymize] = rep
		return rep
	}
	// The files are replaced as one set: all are written first, then renamed, so that a
	// failed run leaves last month's page, JSON, call list and state together.
	var files atomicfile.Set
	defer files.Abort()
	for _, t := range targets {
		rep := build(o.an.pseudonymize(t.format, o.withContacts))
		w, err := report.NewWriter(t.format, report.Options{Excel: o.out.excel || (lang == "de" && t.format == "csv"), MaxLapsed: o.top})
		if err != nil {
			return usagef("use one of: "+strings.Join(report.Formats, ", "), "%v", err)
		}
		if t.path == "" || t.path == "-" {
			if err := w.Write(o.a.io.Out, rep); err != nil {
				return stdoutError(err)
			}
			continue
		}
		perm := os.FileMode(0o644)
		if o.withContacts {
			perm = 0o600
		}
		if err := files.Add(t.path, perm, func(f io.Writer) error { return w.Write(f, rep) }); err != nil {
			return err
		}
	}
	var calls *report.CallList
	if o.contacts != "" {
		if calls, err = addCallList(&files, o.contacts, r, lang); err != nil {
			return err
		}
	}
	if o.state != "" {
		state := build(false)
		if o.withContacts {
			// the state holds ids and statuses only, never contact details
			opt := base
			opt.Contacts = false
			state = report.Build(r, opt)
			state.DeferBacktest(waitBacktest)
		}
		if err := o.addState(&files, state); err != nil {
			return err
		}
	}
	if err := files.Commit(); err != nil {
		return err
	}
	if o.contacts != "" && !o.a.io.Quiet && o.a.io.ErrTTY {
		fmt.Fprintf(o.a.io.ErrOut, "winback: call list %s: %d customers, %d left out (no contact wanted)\n", o.contacts, calls.Len(), calls.Skipped)
	}
	return nil
}

// statePrefix names the JSON files kept in --state.
const statePrefix = "winback-report-"

// loadPrevious reads --previous, or the latest report in --state before this as-of date.
func (o *reportOptions) loadPrevious(r *analysis.Result, keys []string) (*report.Report, *pseudo.Pseudonymizer, error) {
	path := o.previous
	if path == "" && o.state != "" {
		entries, err := os.ReadDir(o.state)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("state: %w", err)
		}
		asOf := r.AsOf.String()
		for _, e := range entries {
			n := e.Name()
			if !strings.HasPrefix(n, statePrefix) || !strings.HasSuffix(n, ".json") {
				continue
			}
			switch date := strings.TrimSuffix(strings.TrimPrefix(n, statePrefix), ".json"); {
			case date < asOf:
				path = filepath.Join(o.state, n) // names sort by date; keep the latest
			case date > asOf:
				// A cron job given last month's export again would report old news as new.
				return nil, nil, usagef("check that the export is the new one, or keep an older month's rerun apart with another --state directory",
					"--state %s holds a run as of %s, after this run's as-of date %s", o.state, date, asOf)
			}
		}
		if path == "" {
			return nil, nil, nil
		}
	}
	if path == "" {
		return nil, nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, usagef("name the JSON written by an earlier 'winback report -o FILE.json'", "--previous: %v", err)
	}
	var prev report.Report
	if err := json.Unmarshal(b, &prev); err != nil || prev.Version == 0 || prev.Statuses == nil {
		return nil, nil, usagef("name the JSON written by an earlier 'winback report -o FILE.json'", "%s is not a winback report", path)
	}
	if len(prev.Statuses) == 0 && prev.Summary.Customers > 0 {
		return nil, nil, usagef("name the JSON written by an earlier 'winback report -o FILE.json'", "%s holds no customer statuses to compare with", path)
	}
	if prev.AsOf > r.AsOf.String() {
		return nil, nil, usagef("name the report of an earlier run, or give --as-of", "%s is a report as of %s, after this run's as-of date %s", path, prev.AsOf, r.AsOf)
	}
	if prev.Version > report.Version {
		return nil, nil, usagef("use a winback at least as new as the one that wrote it", "%s has report schema version %d; this winback reads up to %d", path, prev.Version, report.Version)
	}
	var pp *pseudo.Pseudonymizer
	if prev.Pseudonymized {
		pp = o.an.keyed(o.a.io, keys)
		if pp.FromData {
			return nil, nil, usagef("give the --key (or WINBACK_KEY) the earlier report was written with", "%s holds pseudonyms; comparing needs the same key", path)
		}
	}
	return &prev, pp, nil
}

// addState adds this run's JSON (real ids, no contact details) in --state to files.
func (o *reportOptions) addState(files *atomicfile.Set, rep *report.Report) error {
	if err := os.MkdirAll(o.state, 0o700); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	path := filepath.Join(o.state, statePrefix+rep.AsOf+".json")
	w, err := report.NewWriter("json", report.Options{})
	if err != nil {
		return err
	}
	return files.Add(path, 0o600, func(f io.Writer) error { return w.Write(f, rep) })
}
