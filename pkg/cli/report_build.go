package cli

import (
	"sync"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
)

// buildOptions are the options of the run's reports.
func (o *reportOptions) buildOptions(lang string, q *export.Summary, prev *report.Report, prevPseudo *pseudo.Pseudonymizer) report.BuildOptions {
	return report.BuildOptions{Lang: lang, Noun: o.an.noun.noun, Contacts: o.withContacts, Shown: o.top, Files: o.files, Defer: true,
		Quality: report.Quality{Rows: q.Rows, Accepted: q.Accepted, Rejected: q.Rejected, Blank: q.Blank, Duplicates: q.Duplicates,
			RejectsOut: o.input.rejects, AfterAsOf: o.out.cut.Events, FirstDate: q.FirstDay, LastDate: q.LastDay},
		Previous: prev, PreviousPseudonyms: prevPseudo, Filter: o.an.filter.describe()}
}

// reports are the reports of one run, built once each: with ids and with pseudonyms. The
// backtest fits the models again, meanwhile.
type reports struct {
	r          *analysis.Result
	base       report.BuildOptions
	pseudonyms func() *pseudo.Pseudonymizer
	built      map[bool]*report.Report
	backtest   *report.Backtest
	fitted     sync.WaitGroup
	// reliable is "How reliable is this?", run meanwhile too.
	reliable *report.Reliability
	tested   sync.WaitGroup
}

func newReports(r *analysis.Result, reliability func() *report.Reliability) *reports {
	reps := &reports{r: r, built: map[bool]*report.Report{}}
	reps.fitted.Go(func() { reps.backtest = report.BacktestOf(r) })
	reps.tested.Go(func() { reps.reliable = reliability() })
	return reps
}

// get returns the report, pseudonymized or not.
func (reps *reports) get(pseudonymize bool) *report.Report {
	if rep, ok := reps.built[pseudonymize]; ok {
		return rep
	}
	opt := reps.base
	if pseudonymize {
		opt.Pseudonyms = reps.pseudonyms()
		opt.Contacts = false
	}
	rep := report.Build(reps.r, opt)
	reps.tested.Wait()
	rep.Reliability = reps.reliable
	reps.fitted.Wait()
	rep.Model.Backtest = reps.backtest
	reps.built[pseudonymize] = rep
	return rep
}
