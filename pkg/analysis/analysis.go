// Package analysis runs winback's whole analysis on a set of customer histories as of one
// date — the repeat-buying models, the lapse rules, the reasons to ask about, the segments,
// the trends — and assembles the report. It is the pure core behind the lapsed, explain and
// report commands: inputs in, results out, no I/O, no clock.
package analysis

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/winback/winback/internal/par"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/segment"
	"github.com/winback/winback/pkg/trend"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// Options are the inputs of [Run] besides the histories.
type Options struct {
	AsOf     visit.Day
	Period   model.Period
	Lapse    lapse.Config
	Reasons  reason.Config
	Segments *segment.Map // nil: the default map
	// Backtest gathers, in the models' pass over the visits, what [Result.Backtest] needs
	// of the data, which then spares a pass of its own.
	Backtest bool
}

// Result is every analysis of one run.
type Result struct {
	Set      *history.Set
	AsOf     visit.Day
	Models   *lapse.Models
	Verdicts []lapse.Verdict    // parallel to Set.Customers
	Findings [][]reason.Finding // parallel to Set.Customers
	Segments *segment.Result
	// segment is each customer's segment code, parallel to Set.Customers ("" without a
	// visit); see [Result.SegmentOf].
	segment []string
	opt     Options
	holdout *lapse.Holdout // gathered for the backtest (Options.Backtest)
	// days are the ISO texts of the days from the set's first to the as-of date, made once
	// and shared by the lapsed customers' last visits (see Result.day).
	days func() []string

	// What every report of the result shares, worked out once however many reports a
	// run writes (a pseudonymized web page and the state with real ids, say).
	mu     sync.Mutex
	shared map[sharedKey]*sharedParts
	ranked struct {
		once sync.Once
		idx  []int
	}
}

// sharedKey says which reports share parts: those in one language, with the overview or
// without (ReportOptions.LapsedOnly).
type sharedKey struct {
	lang     string
	overview bool
}

// sharedParts are the parts of a report that depend neither on the ids nor on contact
// details, worked out in goroutines: done waits for all of them, revenue for the revenue
// alone (the summary needs it before the rest).
type sharedParts struct {
	done, revenue sync.WaitGroup
	parts         report.Report // Lift, and with the overview Trends, Cohorts, Mix and Recency
	revenue12m    float64
}

// wait waits for all the parts: the mix is worked out with the revenue (see Result.tails).
func (sh *sharedParts) wait() {
	sh.revenue.Wait()
	sh.done.Wait()
}

// SegmentOf returns the segment code of customer i of the set ("" without a visit).
func (r *Result) SegmentOf(i int) string { return r.segment[i] }

// Run analyses set as of opt.AsOf.
func Run(set *history.Set, opt Options) (*Result, error) {
	if err := opt.Lapse.Validate(); err != nil {
		return nil, err
	}
	r := &Result{Set: set, AsOf: opt.AsOf, opt: opt}
	r.days = sync.OnceValue(func() []string {
		if set.FirstDay == visit.NoDay || set.FirstDay > opt.AsOf {
			return nil
		}
		days := make([]string, opt.AsOf-set.FirstDay+1)
		for k := range days {
			days[k] = (set.FirstDay + visit.Day(k)).String()
		}
		return days
	})
	// The segments need neither the models nor the verdicts: score them meanwhile.
	var segErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		r.Segments, segErr = segment.Analyze(segment.FromSet(set, opt.AsOf), opt.Segments)
		if segErr != nil {
			return
		}
		// The scored customers are the set's customers with a visit, in the set's order.
		r.segment = make([]string, len(set.Customers))
		scored := r.Segments.Customers
		for i := range set.Customers {
			if len(scored) > 0 && scored[0].Key == set.Customers[i].Key {
				r.segment[i] = scored[0].Segment
				scored = scored[1:]
			}
		}
	})
	cal, backtest := visit.NoDay, false
	if opt.Backtest {
		cal, backtest = calibrationEnd(set, opt.AsOf)
	}
	var ms *lapse.Models
	var err error
	if backtest {
		ms, r.holdout, err = lapse.FitForLapseWithHoldout(set, opt.AsOf, cal, opt.Period)
	} else {
		ms, err = lapse.FitForLapse(set, opt.AsOf, opt.Period)
	}
	if err != nil {
		wg.Wait()
		return nil, err
	}
	r.Models = ms
	r.Verdicts, r.Findings = judge(set, opt, ms)
	wg.Wait()
	if segErr != nil {
		return nil, segErr
	}
	return r, nil
}

// judge returns every customer's verdict and findings, as [lapse.Assess] and
// [reason.DetectAll] would, in one pass: both read all of a customer's events, which are
// unpacked once and still in the cache for the findings. The customers are spread over
// GOMAXPROCS goroutines; a customer's results depend on their own history alone, not on
// which goroutine judges them.
func judge(set *history.Set, opt Options, ms *lapse.Models) ([]lapse.Verdict, [][]reason.Finding) {
	n := len(set.Customers)
	as := lapse.NewAssessor(set, opt.AsOf, opt.Lapse, ms)
	det := reason.NewDetector(set, opt.Reasons)
	verdicts := make([]lapse.Verdict, n)
	findings := make([][]reason.Finding, n)
	type scratch struct {
		events []history.Event
		ls     lapse.Scratch
		rs     reason.Scratch
	}
	par.Ranges(n, 512, func(s *scratch, lo, hi int) {
		for i := lo; i < hi; i++ {
			h := &set.Customers[i]
			s.events = h.AppendEvents(s.events[:0])
			as.Assess(i, s.events, &s.ls, &verdicts[i])
			findings[i] = det.Detect(h, s.events, &verdicts[i], opt.AsOf, &s.rs)
		}
	})
	return verdicts, findings
}

// Lapsed returns the indexes of the lapsed and lost customers, most value at risk first.
func (r *Result) Lapsed() []int { return slices.Clone(r.lapsedIndex()) }

// lapsedIndex is [Result.Lapsed], ranked once and shared: not to be modified.
func (r *Result) lapsedIndex() []int {
	r.ranked.once.Do(func() { r.ranked.idx = lapse.RankLapsedIndexInKeyOrder(r.Verdicts) })
	return r.ranked.idx
}

// sharedFor returns the shared parts of the reports in lang, starting to work them out
// for the first report that asks.
func (r *Result) sharedFor(lang string, overview bool) *sharedParts {
	r.mu.Lock()
	defer r.mu.Unlock()
	k := sharedKey{lang, overview}
	if sh := r.shared[k]; sh != nil {
		return sh
	}
	sh := &sharedParts{}
	if r.shared == nil {
		r.shared = map[sharedKey]*sharedParts{}
	}
	r.shared[k] = sh
	if overview {
		r.overview(&sh.parts, &sh.done)
		sh.revenue.Go(func() { sh.revenue12m, sh.parts.Mix = r.tails() })
	}
	sh.done.Go(func() {
		for _, l := range reason.Lift(r.Verdicts, r.Findings) {
			lift := l.Lift
			if math.IsInf(lift, 0) || math.IsNaN(lift) {
				lift = 0 // never seen among active customers: the report says so by ActiveShare 0
			}
			sh.parts.Lift = append(sh.parts.Lift, report.LiftRow{Code: l.Code, Label: words.For(lang).ReasonLabel(l.Code),
				Lapsed: l.Lapsed, LapsedShare: l.LapsedShare, Active: l.Active, ActiveShare: l.ActiveShare, Lift: lift})
		}
	})
	return sh
}

// Index returns the position of the customer with the given key, or -1.
func (r *Result) Index(key string) int {
	i, ok := slices.BinarySearchFunc(r.Set.Customers, key, func(h history.History, k string) int { return strings.Compare(h.Key, k) })
	if !ok {
		return -1
	}
	return i
}

// SegmentName returns the display name of a segment code in a language.
func (r *Result) SegmentName(code, lang string) string {
	c := words.For(lang)
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

// lapseAfter is the number of days without a visit after which customer i counts as
// lapsed in the trend: Tolerance × their usual gap (their own, or the population's when
// they have too few visits), at least the minimum gap; 0 when unknown.
func (r *Result) lapseAfter(i int) int {
	v := r.Verdicts[i]
	usual := v.UsualGap
	if usual <= 0 && v.ExpectedBack != visit.NoDay && v.LastVisit != visit.NoDay {
		usual = float64(v.ExpectedBack - v.LastVisit)
	}
	if usual <= 0 {
		return 0
	}
	return int(math.Max(r.opt.Lapse.Tolerance*usual, float64(r.opt.Lapse.MinGapDays)))
}

// ReportOptions say how the report shows the results.
type ReportOptions struct {
	Lang string
	// Pseudonyms replaces ids with pseudonyms and leaves out names, e-mails and phones.
	Pseudonyms *pseudo.Pseudonymizer
	// Contacts includes names, phones and e-mails (ignored with Pseudonyms).
	Contacts bool
	// Shown is how many lapsed customers the human formats list (all are in csv/json).
	Shown    int
	Files    []string
	Quality  report.Quality
	Previous *report.Report
	// PreviousPseudonyms turns keys into the ids of the previous report when that one was
	// pseudonymized (nil: it has real ids).
	PreviousPseudonyms *pseudo.Pseudonymizer
	// Defer leaves the lapsed customers and the status map to be filled in when a
	// format needs them (see [report.Report.Defer]): a table or web page shows a few dozen
	// of possibly hundreds of thousands of lapsed customers, and only JSON the statuses.
	Defer bool
	// LapsedOnly builds only what a list of the lapsed customers shows (winback lapsed): the
	// summary's counts and value at risk, the lapsed customers, the lift and the model. The
	// revenue, segment table, trend, cohorts, mix and recency histogram are left empty: on a
	// large data set they are each another pass over every customer's events.
	LapsedOnly bool
	// Noun is what the report's texts call customers; empty for customers.
	Noun words.Noun
}

// Report assembles the report. The model's backtest is left to the caller ([Result.Backtest]
// fits the models again, which one run should do once for all its outputs). The reports of
// one result share what depends on neither ids nor contact details (the ranking, lift,
// trend, cohorts, mix, recency and revenue), worked out once per language.
func (r *Result) Report(o ReportOptions) *report.Report {
	lang := o.Lang
	set := r.Set
	rep := &report.Report{
		Version: report.Version, Lang: lang, AsOf: r.AsOf.String(),
		Pseudonymized: o.Pseudonyms != nil, HasAmounts: set.Columns.Amount,
		Quality: o.Quality, LapsedShown: o.Shown,
	}
	if o.Noun != words.Customers {
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
	// summary
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
	// The parts that do not depend on the lapsed list are worked out meanwhile, once for
	// all reports: a JSON report writes its lapsed list before them, and so may start
	// before they are done (report.Deferred.Parts).
	sh := r.sharedFor(lang, !o.LapsedOnly)
	if !o.LapsedOnly {
		rep.Segments = r.segmentsPart(lang)
	}
	// The lapsed customers, ranked, are filled in when a format shows them: a web page or
	// table shows a few dozen of possibly hundreds of thousands. What the list's columns
	// depend on is known now.
	idx := r.lapsedIndex()
	d := report.Deferred{
		Lapsed: len(idx),
		Customer: func(k int, c *report.Customer) {
			r.customer(idx[k], lang, o, c)
			r.details(idx[k], lang, id, c)
		},
		Statuses: func() []report.Status { return r.statuses(id) },
		// The set's keys ascend, each once; pseudonyms do not keep their order.
		StatusesInOrder: o.Pseudonyms == nil,
	}
	for _, i := range idx {
		if math.Round(r.Verdicts[i].PAlive*1000)/1000 >= 0 { // as customer rounds it
			d.PAlive = true
			break
		}
	}
	if o.Pseudonyms == nil && o.Contacts {
		if r.Set.ContactsWithheld {
			panic("analysis: a report with contact details of a set read without them (export.Options.WithholdContacts)")
		}
		for _, i := range idx {
			if h := &set.Customers[i]; h.Name != "" || h.Phone != "" || h.Email != "" || h.ContactPreference != "" {
				d.Contacts = true
				break
			}
		}
	}
	done := func() {
		sh.wait()
		p := &sh.parts
		rep.Lift, rep.Trends, rep.Cohorts, rep.Mix, rep.Recency = p.Lift, p.Trends, p.Cohorts, p.Mix, p.Recency
	}
	if o.Defer && !o.LapsedOnly {
		d.Parts = done
	}
	rep.Defer(d)
	rep.Unavailable = reason.Unavailable(set.Columns)
	rep.Model = r.modelPart(decided, words.ForNoun(lang, o.Noun))
	if o.Previous != nil {
		prevID := func(key string) string { return key }
		if o.PreviousPseudonyms != nil {
			prevID = o.PreviousPseudonyms.Name
		}
		rep.Since = since(o.Previous, r, prevID, id)
	}
	sh.revenue.Wait()
	rep.Summary.Revenue12m = sh.revenue12m
	if d.Parts == nil {
		done()
	}
	if !o.Defer {
		rep.Complete()
	}
	return rep
}

// segmentsPart is the report's segment grid and table.
func (r *Result) segmentsPart(lang string) report.SegmentsPart {
	p := report.SegmentsPart{Grid: r.Segments.Grid}
	for _, s := range r.Segments.Segments {
		p.Rows = append(p.Rows, report.SegmentRow{
			Code: s.Code, Name: r.SegmentName(s.Code, lang), Customers: s.Customers, Share: s.Share,
			MedianRecency: s.MedianRecency, MedianFrequency: s.MedianFrequency,
			Revenue: float64(s.Revenue) / 100, RevenueShare: s.RevenueShare,
		})
	}
	return p
}

// overview works out the parts of the report about all customers' visits into parts: the
// trend and cohorts, the mix and the recency histogram, in goroutines of side.
func (r *Result) overview(parts *report.Report, side *sync.WaitGroup) {
	set := r.Set
	side.Go(func() {
		months, cohorts := trend.Compute(set, r.AsOf, r.lapseAfter)
		for _, m := range months {
			parts.Trends = append(parts.Trends, report.MonthRow{Month: m.Month, Active: m.Active, New: m.New, Lapsed: m.Lapsed, Returned: m.Returned})
		}
		for _, c := range cohorts {
			parts.Cohorts = append(parts.Cohorts, report.CohortRow{Cohort: c.Name, Customers: c.Customers, After: trend.After, Retained: c.Retained})
		}
	})
	side.Go(func() { parts.Recency = r.recency() })
}

// statuses lists the id of every customer the summary counts with their status, in the
// customers' order (that of the ids unless they are pseudonyms).
func (r *Result) statuses(id func(string) string) []report.Status {
	list := make([]report.Status, 0, len(r.Verdicts))
	for i, v := range r.Verdicts {
		if v.Rule == lapse.RuleNoVisit && v.Status != lapse.Booked {
			continue
		}
		list = append(list, report.Status{ID: id(r.Set.Customers[i].Key), Status: v.Status.String()})
	}
	return list
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// day returns d.String(), shared for the days of the data: a list of 200,000 lapsed
// customers made as many strings of a few thousand days.
func (r *Result) day(d visit.Day) string {
	// Without a first day (a set made by hand) there are no days, and d-FirstDay would
	// overflow.
	if days := r.days(); len(days) > 0 && d >= r.Set.FirstDay {
		if k := int64(d) - int64(r.Set.FirstDay); k < int64(len(days)) {
			return days[k]
		}
	}
	return d.String()
}

// customer fills in lapsed customer i's verdict and contact details.
func (r *Result) customer(i int, lang string, o ReportOptions, c *report.Customer) {
	h := &r.Set.Customers[i]
	v := &r.Verdicts[i]
	*c = report.Customer{
		Status: v.Status.String(), LastVisit: r.day(v.LastVisit), Visits: v.Visits,
		UsualGap: math.Round(v.UsualGap*10) / 10, Overdue: v.Overdue, ValueAtRisk: float64(v.ValueAtRisk) / 100,
		PAlive: math.Round(v.PAlive*1000) / 1000, Rule: words.ForNoun(lang, o.Noun).Explanation(v),
	}
	if o.Pseudonyms == nil && o.Contacts {
		c.Name, c.Phone, c.Email, c.ContactPreference = h.Name, h.Phone, h.Email, h.ContactPreference
	}
}

// details fills in lapsed customer i's id, segment, reasons and questions.
func (r *Result) details(i int, lang string, id func(string) string, c *report.Customer) {
	c.ID, c.Segment = id(r.Set.Customers[i].Key), r.SegmentName(r.segment[i], lang)
	c.Reasons, c.Questions = nil, "" // nil as JSON shows
	fs := r.Findings[i]
	if len(fs) == 0 {
		return
	}
	// The texts are rendered into one buffer, on the stack when they fit, and made one
	// string, which the reasons' texts are substrings of.
	var (
		stack [1024]byte
		endsA [16]int
	)
	buf, ends := stack[:0], endsA[:0] // ends: where each text ends in buf
	cat := words.For(lang)
	for k := range fs {
		start := len(buf)
		var evLen int
		buf, evLen = cat.AppendReason(buf, fs[k].Code, &fs[k].Facts)
		ends = append(ends, start+evLen, len(buf))
	}
	texts := string(buf)
	c.Reasons = make([]report.Reason, len(fs))
	from := 0
	for k := range fs {
		c.Reasons[k] = report.Reason{Code: fs[k].Code, Weight: fs[k].Weight,
			Evidence: texts[from:ends[2*k]], Question: texts[ends[2*k]:ends[2*k+1]]}
		from = ends[2*k+1]
	}
	// The top two questions, as the call list joins them.
	c.Questions = c.Reasons[0].Question
	if len(c.Reasons) > 1 {
		c.Questions += " " + c.Reasons[1].Question
	}
}

// tails works out the revenue of the visits in the year up to as-of, and the mix: the
// channel and service of each customer's last visit among active and lapsed customers.
// Both read the end of each history, which is a cache miss to reach, so they are worked
// out in one pass, from each history's end back over the last year and to the last visit.
func (r *Result) tails() (revenue12m float64, mix []report.MixRow) {
	type key struct{ kind, name string }
	type count struct{ active, lapsed int }
	// Counted by symbol, then by name: a map lookup by name per customer was most of it.
	var channels, services []count
	if r.Set.Columns.Channel {
		channels = make([]count, max(1, r.Set.Channels.Len()))
	}
	if r.Set.Columns.Service {
		services = make([]count, max(1, r.Set.Services.Len()))
	}
	at := func(c []count, x history.Sym) *count {
		if c == nil {
			return nil
		}
		if int(x) >= len(c) {
			x = 0 // no name, as for 0 (see history.Symbols.Name)
		}
		return &c[x]
	}
	var cents int64
	var active, lapsed int
	yearAgo := r.AsOf - 365
	for i, v := range r.Verdicts {
		missing := v.Status.Missing()
		counted := missing || (v.Visits > 0 && (v.Status == lapse.Active || v.Status == lapse.Due || v.Status == lapse.Booked))
		switch {
		case !counted:
		case missing:
			lapsed++
		default:
			active++
		}
		h := &r.Set.Customers[i]
		last := !counted // the last visit is found, or not wanted
		for j := h.Len() - 1; j >= 0; j-- {
			e := h.At(j)
			if e.Day <= yearAgo && last {
				break
			}
			if !e.IsVisit(r.AsOf) {
				continue
			}
			if e.Day > yearAgo {
				cents = money.Add(cents, e.Amount)
			}
			if last {
				continue
			}
			last = true
			for _, c := range [2]*count{at(channels, e.Channel), at(services, e.Service)} {
				switch {
				case c == nil:
				case missing:
					c.lapsed++
				default:
					c.active++
				}
			}
		}
	}
	revenue12m = round2(float64(cents) / 100)
	counts := map[key]*count{}
	fold := func(kind string, cs []count, names *history.Symbols) {
		for x := range cs {
			c := &cs[x]
			if c.active == 0 && c.lapsed == 0 {
				continue
			}
			k := key{kind, names.Name(history.Sym(x))}
			if counts[k] == nil {
				counts[k] = &count{}
			}
			counts[k].active += c.active
			counts[k].lapsed += c.lapsed
		}
	}
	fold("channel", channels, r.Set.Channels)
	fold("service", services, r.Set.Services)
	for k, c := range counts {
		row := report.MixRow{Kind: k.kind, Name: k.name, Active: c.active, Lapsed: c.lapsed}
		if active > 0 {
			row.ActiveShare = float64(c.active) / float64(active)
		}
		if lapsed > 0 {
			row.LapsedShare = float64(c.lapsed) / float64(lapsed)
		}
		if row.Name == "" {
			row.Name = "–"
		}
		mix = append(mix, row)
	}
	slices.SortFunc(mix, func(a, b report.MixRow) int {
		if a.Kind != b.Kind {
			return strings.Compare(a.Kind, b.Kind)
		}
		if a.Active+a.Lapsed != b.Active+b.Lapsed {
			return (b.Active + b.Lapsed) - (a.Active + a.Lapsed)
		}
		return strings.Compare(a.Name, b.Name)
	})
	return revenue12m, mix
}

// recencyEdges are the recency histogram's bins in days since the last visit.
var recencyEdges = []int{0, 30, 60, 90, 180, 365, 730}

func (r *Result) recency() []report.Bin {
	bins := make([]report.Bin, len(recencyEdges))
	for i, lo := range recencyEdges {
		bins[i] = report.Bin{FromDays: lo, ToDays: -1}
		if i+1 < len(recencyEdges) {
			bins[i].ToDays = recencyEdges[i+1]
			bins[i].Label = fmt.Sprintf("%d–%d", lo, recencyEdges[i+1]-1)
		} else {
			bins[i].Label = fmt.Sprintf("%d+", lo)
		}
	}
	for _, v := range r.Verdicts {
		if v.Visits == 0 {
			continue
		}
		for i := len(bins) - 1; i >= 0; i-- {
			if v.CurrentGap >= bins[i].FromDays {
				bins[i].Customers++
				break
			}
		}
	}
	return bins
}

func (r *Result) modelPart(decided map[string]int, c *words.Catalogue) report.ModelPart {
	m := report.ModelPart{Decided: decided, Note: c.ModelNote(r.Models)}
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

// since compares with the previous run's report. prevID maps a customer key to the id the
// previous report used; outID to the id this report shows. Won back are the customers who
// were lapsed, lost or due a follow-up after a finished course last time and have visited
// since: all of them needed a call to come back. The win-back rate divides by all of those.
func since(prev *report.Report, r *Result, prevID, outID func(string) string) *report.Since {
	s := &report.Since{PreviousAsOf: prev.AsOf, NewlyLapsed: []string{}, StillLapsed: []string{}, WonBack: []string{}, NewlyDue: []string{}}
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

// Backtest checks the model on the data itself: it fits up to a calibration end before
// the as-of date and compares the predicted with the actual visits since, by calibration
// frequency. The holdout is a third of the data's span, at most 26 weeks; nil when the data
// span less than a year or no model is usable on the calibration period.
func (r *Result) Backtest() *report.Backtest {
	h := r.holdout // gathered by Run with Options.Backtest
	if h == nil {
		cal, ok := calibrationEnd(r.Set, r.AsOf)
		if !ok {
			return nil
		}
		h = lapse.GatherHoldout(r.Set, r.AsOf, cal, r.opt.Period)
	}
	cal := h.Cal
	pred, err := lapse.FitHoldout(h)
	if err != nil || pred == nil {
		return nil
	}
	hc, err := model.CompareHoldout(pred, h.Summaries, h.Actual, float64(r.AsOf-cal)/r.opt.Period.Length())
	if err != nil {
		return nil
	}
	b := &report.Backtest{CalibrationEnd: cal.String(), HoldoutEnd: r.AsOf.String(),
		Actual: hc.SumActual, Predicted: round2(hc.SumPredicted), Error: hc.TotalError}
	for _, bin := range hc.Bins {
		b.Bins = append(b.Bins, report.BacktestBin{Frequency: bin.Label, Customers: bin.Customers,
			Actual: math.Round(bin.Actual*1e4) / 1e4, Predicted: math.Round(bin.Predicted*1e4) / 1e4})
	}
	return b
}

// calibrationEnd returns the end of the backtest's calibration period, or false when the
// data span less than a year: a third of the span before asOf, at most 26 weeks. The span
// starts at the earliest first event of a customer that is a visit.
func calibrationEnd(set *history.Set, asOf visit.Day) (visit.Day, bool) {
	first := visit.NoDay
	for i := range set.Customers {
		if h := &set.Customers[i]; h.Len() > 0 {
			if e := h.At(0); e.IsVisit(asOf) && (first == visit.NoDay || e.Day < first) {
				first = e.Day
			}
		}
	}
	span := int(asOf - first)
	if first == visit.NoDay || span < 365 {
		return visit.NoDay, false
	}
	return asOf - visit.Day(min(span/3, 182)), true
}
