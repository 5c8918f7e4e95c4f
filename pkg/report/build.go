package report

import (
	"fmt"
	"iter"
	"math"
	"path/filepath"
	"slices"
	"sync"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/calls"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/segment"
	"github.com/winback/winback/pkg/trend"
	"github.com/winback/winback/pkg/visit"
	catalogue "github.com/winback/winback/pkg/words"
)

// startParts starts laying out, in goroutines while the rest is built, the parts of r's
// report in lang that depend neither on ids nor on contacts: the lift always, the overview
// (trend, cohorts, mix, recency and revenue) when asked for. Each writes fields of its own.
func startParts(rep *Report, r *analysis.Result, lang string, overview bool) *sync.WaitGroup {
	var done sync.WaitGroup
	if overview {
		done.Go(func() {
			months, cohorts := r.Trend()
			for _, m := range months {
				rep.Trends = append(rep.Trends, MonthRow{Month: m.Month, Active: m.Active, New: m.New, Lapsed: m.Lapsed, Returned: m.Returned})
			}
			for _, c := range cohorts {
				rep.Cohorts = append(rep.Cohorts, CohortRow{Cohort: c.Name, Customers: c.Customers, After: trend.After, Retained: c.Retained})
			}
		})
		done.Go(func() { rep.Recency = recency(r.Recency()) })
		done.Go(func() {
			var mix []analysis.Mix
			rep.Summary.Revenue12m, mix = r.RevenueAndMix()
			for _, m := range mix {
				rep.Mix = append(rep.Mix, MixRow{Kind: m.Kind, Name: m.Name, Active: m.Active, Lapsed: m.Lapsed, ActiveShare: m.ActiveShare, LapsedShare: m.LapsedShare})
			}
		})
	}
	done.Go(func() {
		for _, l := range r.Lift() {
			lift := l.Lift
			if math.IsInf(lift, 0) || math.IsNaN(lift) {
				lift = 0 // never seen among active customers: the report says so by ActiveShare 0
			}
			rep.Lift = append(rep.Lift, LiftRow{Code: l.Code, Label: catalogue.For(lang).ReasonLabel(l.Code),
				Lapsed: l.Lapsed, LapsedShare: l.LapsedShare, Active: l.Active, ActiveShare: l.ActiveShare, Lift: lift})
		}
	})
	return &done
}

// recency labels the bins of the recency histogram.
func recency(bins []analysis.RecencyBin) []Bin {
	out := make([]Bin, len(bins))
	for i, b := range bins {
		out[i] = Bin{FromDays: b.FromDays, ToDays: b.ToDays, Customers: b.Customers}
		if b.ToDays >= 0 {
			out[i].Label = fmt.Sprintf("%d–%d", b.FromDays, b.ToDays-1)
		} else {
			out[i].Label = fmt.Sprintf("%d+", b.FromDays)
		}
	}
	return out
}

// BacktestOf checks r's model on the data itself ([analysis.Result.Backtest]); nil when the
// data span less than a year or no model is usable on the calibration period.
func BacktestOf(r *analysis.Result) *Backtest {
	cal, hc := r.Backtest()
	if hc == nil {
		return nil
	}
	b := &Backtest{CalibrationEnd: cal.String(), HoldoutEnd: r.AsOf.String(),
		Actual: hc.SumActual, Predicted: round2(hc.SumPredicted), Error: hc.TotalError}
	for _, bin := range hc.Bins {
		b.Bins = append(b.Bins, BacktestBin{Frequency: bin.Label, Customers: bin.Customers,
			Actual: math.Round(bin.Actual*1e4) / 1e4, Predicted: math.Round(bin.Predicted*1e4) / 1e4})
	}
	return b
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// SegmentName returns the display name of a segment code of r in a language.
func SegmentName(r *analysis.Result, code, lang string) string {
	c := catalogue.For(lang)
	for _, s := range r.Segments.Segments {
		if s.Code == code {
			return c.SegmentName(s.Segment)
		}
	}
	if s, ok := segment.Lookup(code); ok {
		return c.SegmentName(s)
	}
	return code
}

// BuildOptions say how the report shows the results.
type BuildOptions struct {
	Lang string
	// Pseudonyms replaces ids with pseudonyms and leaves out names, e-mails and phones.
	Pseudonyms *pseudo.Pseudonymizer
	// Contacts includes names, phones and e-mails (ignored with Pseudonyms).
	Contacts bool
	// Shown is how many lapsed customers the human formats list (all are in csv/json).
	Shown    int
	Files    []string
	Quality  Quality
	Previous *Report
	// PreviousPseudonyms turns keys into the ids of the previous report when that one was
	// pseudonymized (nil: it has real ids).
	PreviousPseudonyms *pseudo.Pseudonymizer
	// Defer leaves the lapsed customers and the status map to be filled in when a
	// format needs them: a web page shows a few dozen of possibly hundreds of thousands.
	Defer bool
	// LapsedOnly builds only what winback lapsed shows: the summary's counts and value at
	// risk, the lapsed customers, the lift and the model.
	LapsedOnly bool
	// Noun is what the report's texts call customers; empty for customers.
	Noun catalogue.Noun
	// Outreach is what the filed calls say (nil: no calls filed, no state).
	Outreach *Outreach
	// Filter are the flags that narrowed the list ([Report.Filter]).
	Filter string
}

// Build assembles the report of an analysis. The model's backtest is left to the caller:
// [BacktestOf] fits the models again, once for all the reports of a run.
func Build(r *analysis.Result, o BuildOptions) *Report {
	lang := o.Lang
	set := r.Set
	rep := &Report{
		Version: Version, Lang: lang, AsOf: r.AsOf.String(),
		Pseudonymized: o.Pseudonyms != nil, HasAmounts: set.Columns.Amount,
		Quality: o.Quality, LapsedShown: o.Shown, Filter: o.Filter,
	}
	if o.Noun != catalogue.Customers {
		rep.Noun = string(o.Noun)
	}
	for _, f := range o.Files {
		rep.Files = append(rep.Files, filepath.Base(f))
	}
	id := func(key string) string {
		if o.Pseudonyms != nil {
			return o.Pseudonyms.Name(key)
		}
		return key
	}
	// Counted by number, named after: a map update per customer was most of the loop.
	var byStatus, byRule [256]int
	for i := range r.Verdicts {
		v := &r.Verdicts[i]
		if v.Rule == lapse.RuleNoVisit && v.Status != lapse.Booked {
			continue
		}
		rep.Summary.Customers++
		byStatus[v.Status]++
		byRule[v.Rule]++
		if v.Status.Missing() {
			rep.Summary.ValueAtRisk += float64(v.ValueAtRisk) / 100
		}
	}
	rep.Summary.ByStatus = map[string]int{}
	decided := map[string]int{}
	for k := range 256 {
		if byStatus[k] > 0 {
			rep.Summary.ByStatus[lapse.Status(k).String()] += byStatus[k]
		}
		if byRule[k] > 0 {
			decided[lapse.Rule(k).String()] += byRule[k]
		}
	}
	rep.Summary.ValueAtRisk = round2(rep.Summary.ValueAtRisk)
	parts := startParts(rep, r, lang, !o.LapsedOnly)
	if !o.LapsedOnly {
		rep.Segments = segmentsPart(r, lang)
		rep.charts = sync.OnceValue(func() *chartData { return chartsOf(r) })
	}
	f := newFiller(r, o, id)
	rep.src = lapsedSource(f)
	if !o.LapsedOnly {
		callGroups(rep, f)
	}
	rep.Unavailable = reason.Unavailable(set.Columns)
	rep.Model = modelPart(r, decided, catalogue.ForNoun(lang, o.Noun))
	if o.Previous != nil {
		prevID := func(key string) string { return key }
		if o.PreviousPseudonyms != nil {
			prevID = o.PreviousPseudonyms.Name
		}
		rep.Since = since(o.Previous, r, prevID, id, o.Outreach.hold())
	}
	if o.Outreach != nil {
		rep.Answers, rep.Calling = outreachParts(o.Outreach, catalogue.ForNoun(lang, o.Noun))
	}
	parts.Wait()
	if !o.Defer {
		rep.CompleteLapsed(rep.NumLapsed())
		rep.Statuses = statusMap(statuses(r, id), len(r.Verdicts))
	}
	return rep
}

// lapsedSource is where the report's lapsed customers, ranked, are filled in from, and
// which optional columns a list of them needs.
func lapsedSource(f *filler) *source {
	r, o := f.r, f.o
	idx, winBack := r.Lapsed(), r.WinBack()
	general := f.words.T("calls.question.general")
	s := &source{n: len(idx), fill: func(k int, c *Customer, t *texts) {
		f.fill(idx[k], c, &winBack[k], t)
		if c.Questions == "" {
			c.Questions = general
		}
	}, statuses: statuses(r, f.id), sorted: o.Pseudonyms == nil}
	for _, i := range idx {
		if math.Round(r.Verdicts[i].PAlive*1000)/1000 >= 0 { // as customer rounds it
			s.pAlive = true
			break
		}
	}
	if o.Pseudonyms == nil && o.Contacts {
		if r.Set.ContactsWithheld {
			panic("report: a report with contact details of a set read without them (export.Options.WithholdContacts)")
		}
		for _, i := range idx {
			if r.Set.Customers[i].Details() != (history.Contact{}) {
				s.contacts = true
				break
			}
		}
	}
	return s
}

// segmentsPart is the report's segment grid and table.
func segmentsPart(r *analysis.Result, lang string) SegmentsPart {
	p := SegmentsPart{Grid: r.Segments.Grid}
	for _, s := range r.Segments.Segments {
		p.Rows = append(p.Rows, SegmentRow{
			Code: s.Code, Name: SegmentName(r, s.Code, lang), Customers: s.Customers, Share: s.Share,
			MedianRecency: s.MedianRecency, MedianFrequency: s.MedianFrequency,
			Revenue: float64(s.Revenue) / 100, RevenueShare: s.RevenueShare,
		})
	}
	return p
}

// statuses yields the id and status of every customer the summary counts, in the set's
// order (that of the ids unless they are pseudonyms).
func statuses(r *analysis.Result, id func(string) string) iter.Seq[Status] {
	return func(yield func(Status) bool) {
		for i, v := range r.Verdicts {
			if v.Rule == lapse.RuleNoVisit && v.Status != lapse.Booked {
				continue
			}
			if !yield(Status{ID: id(r.Set.Customers[i].Key), Status: v.Status.String()}) {
				return
			}
		}
	}
}

// filler fills in the customers of a report.
type filler struct {
	r  *analysis.Result
	o  BuildOptions
	id func(string) string
	// words say the rules and why a customer is called, in the report's noun; reasons
	// the reasons.
	words, reasons *catalogue.Catalogue
	segments       map[string]string // names by code
}

func newFiller(r *analysis.Result, o BuildOptions, id func(string) string) *filler {
	f := &filler{r: r, o: o, id: id, words: catalogue.ForNoun(o.Lang, o.Noun), reasons: catalogue.For(o.Lang), segments: map[string]string{}}
	for _, s := range r.Segments.Segments {
		f.segments[s.Code] = SegmentName(r, s.Code, o.Lang)
	}
	return f
}

// fill fills in customer i, and with call, their win-back call, why they rank where they
// do. The texts are appended to one buffer and cut from one string of t (nil: a string of
// their own).
func (f *filler) fill(i int, c *Customer, call *calls.Call, t *texts) {
	r, h, v := f.r, &f.r.Set.Customers[i], &f.r.Verdicts[i]
	*c = Customer{ID: f.id(h.Key), Status: v.Status.String(), Visits: v.Visits,
		UsualGap: math.Round(v.UsualGap*10) / 10, Overdue: v.Overdue, ValueAtRisk: float64(v.ValueAtRisk) / 100,
		PAlive: math.Round(v.PAlive*1000) / 1000, ChanceBack: -1}
	seg, ok := f.segments[r.SegmentOf(i)]
	if !ok {
		seg = SegmentName(r, r.SegmentOf(i), f.o.Lang)
	}
	c.Segment = seg
	if f.o.Pseudonyms == nil && f.o.Contacts {
		ct := h.Details()
		c.Name, c.Phone, c.Email, c.ContactPreference = ct.Name, ct.Phone, ct.Email, ct.Preference
	}
	// ends are where the texts end: the last visit, the rule, each reason's evidence and
	// question, why.
	var buf [1024]byte
	ends := make([]int, 0, 16)
	b := v.LastVisit.AppendISO(buf[:0])
	ends = append(ends, len(b))
	b = f.words.AppendExplanation(b, v)
	ends = append(ends, len(b))
	fs := r.Findings[i]
	for k := range fs {
		start, n := len(b), 0
		b, n = f.reasons.AppendReason(b, fs[k].Code, &fs[k].Facts)
		ends = append(ends, start+n, len(b))
	}
	if call != nil {
		b = f.words.AppendWinBackWhy(b, call, r.Set.Columns.Amount)
		c.ChanceBack = round3(call.Chance)
	}
	s := t.string(b)
	c.LastVisit, c.Rule = s[:ends[0]], s[ends[0]:ends[1]]
	if call != nil {
		c.Why = s[ends[len(ends)-1]:]
	}
	if len(fs) == 0 {
		return
	}
	c.Reasons = t.reasons(len(fs))
	for k := range fs {
		e := ends[1+2*k:]
		c.Reasons[k] = Reason{Code: fs[k].Code, Weight: fs[k].Weight, Evidence: s[e[0]:e[1]], Question: s[e[1]:e[2]]}
	}
	// The top two questions, as the call list joins them.
	c.Questions = c.Reasons[0].Question
	if len(c.Reasons) > 1 {
		c.Questions += " " + c.Reasons[1].Question
	}
}

func modelPart(r *analysis.Result, decided map[string]int, c *catalogue.Catalogue) ModelPart {
	m := ModelPart{Decided: decided, Note: c.ModelNote(r.Models)}
	switch r.Models.Chosen {
	case "bgnbd":
		p := r.Models.BGNBD.Params
		m.Model, m.Params = "BG/NBD", map[string]float64{"r": p.R, "alpha": p.Alpha, "a": p.A, "b": p.B}
	case "pareto-nbd":
		p := r.Models.ParetoNBD.Params
		m.Model, m.Params = "Pareto/NBD", map[string]float64{"r": p.R, "alpha": p.Alpha, "s": p.S, "beta": p.Beta}
	}
	return m
}

// since compares with the previous run's report; prevID maps a customer key to the id it
// used, outID to the id this report shows. Won back are those lapsed, lost or due a
// follow-up last time who have visited since; the win-back rate divides by all of those.
// held (nil: none) keeps those on no call list this month out of the lists of the lapsed.
func since(prev *Report, r *analysis.Result, prevID, outID func(string) string, held func(int) bool) *Since {
	s := &Since{PreviousAsOf: prev.AsOf, NewlyLapsed: []string{}, StillLapsed: []string{}, WonBack: []string{}, NewlyDue: []string{}}
	missing := func(st string) bool { return st == lapse.Lapsed.String() || st == lapse.Lost.String() }
	away := func(st string) bool { return missing(st) || st == lapse.FollowUp.String() }
	prevAsOf, err := visit.ParseDay(prev.AsOf)
	if err != nil {
		prevAsOf = visit.NoDay
	}
	lapsedBefore := 0
	for _, st := range prev.Statuses {
		if away(st) {
			lapsedBefore++
		}
	}
	for i, v := range r.Verdicts {
		if v.Rule == lapse.RuleNoVisit && v.Status != lapse.Booked {
			continue
		}
		key := r.Set.Customers[i].Key
		before := prev.Statuses[prevID(key)]
		st := v.Status.String()
		id := outID(key)
		switch {
		case away(before) && prevAsOf != visit.NoDay && v.LastVisit != visit.NoDay && v.LastVisit > prevAsOf:
			s.WonBack = append(s.WonBack, id)
		case missing(st) && held != nil && held(i):
		case missing(st) && missing(before):
			s.StillLapsed = append(s.StillLapsed, id)
		case missing(st):
			s.NewlyLapsed = append(s.NewlyLapsed, id)
		case st == lapse.Due.String() && before != lapse.Due.String():
			s.NewlyDue = append(s.NewlyDue, id)
		}
	}
	for _, l := range [][]string{s.NewlyLapsed, s.StillLapsed, s.WonBack, s.NewlyDue} {
		slices.Sort(l)
	}
	if lapsedBefore > 0 {
		s.WinBackRate = float64(len(s.WonBack)) / float64(lapsedBefore)
	}
	return s
}
