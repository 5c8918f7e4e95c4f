// Package analysis runs winback's whole analysis on a set of customer histories as of one
// date — the repeat-buying models, the lapse rules, the reasons to ask about, the segments,
// the trends — and returns the results as codes and facts, with no I/O and no words:
// package report builds the report from a [Result].
package analysis

import (
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/winback/winback/pkg/calls"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/par"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/segment"
	"github.com/winback/winback/pkg/trend"
	"github.com/winback/winback/pkg/visit"
)

// Options are the inputs of [Run] besides the histories.
type Options struct {
	AsOf     visit.Day
	Period   model.Period
	Lapse    lapse.Config
	Reasons  reason.Config
	Segments *segment.Map // nil: the default map
	// Calls are the thresholds of the call plan (zero fields: the defaults).
	Calls calls.Config
}

// Result is every analysis of one run. The overview parts are worked out once, when first
// asked for.
type Result struct {
	Set  *history.Set
	AsOf visit.Day
	// Models are the fitted models, without their per-customer predictions: what the
	// report needs of those is in the verdicts (P(alive), value at risk).
	Models   *lapse.Models
	Verdicts []lapse.Verdict    // parallel to Set.Customers
	Findings [][]reason.Finding // parallel to Set.Customers
	Segments *segment.Result
	scored   []int32 // parallel to Set.Customers: the index into Segments.Customers, -1 for none
	opt      Options

	ranked struct {
		once    sync.Once
		idx     []int
		winBack []calls.Call
	}
	plan  *calls.Plan
	lift  func() []reason.LiftRow
	trend func() ([]trend.Month, []trend.Cohort)
	tail  func() (float64, []Mix)

	withheld func(i int) bool // see [Result.Withhold]
	narrow   func(i int) bool // see [Result.Narrow]
}

// SegmentOf returns the segment code of customer i of the set ("" without a visit).
func (r *Result) SegmentOf(i int) string {
	if k := r.scored[i]; k >= 0 {
		return r.Segments.Customers[k].Segment
	}
	return ""
}

// Run analyses set as of opt.AsOf.
func Run(set *history.Set, opt Options) (*Result, error) {
	if err := opt.Lapse.Validate(); err != nil {
		return nil, err
	}
	r := &Result{Set: set, AsOf: opt.AsOf, opt: opt}
	r.lift = sync.OnceValue(func() []reason.LiftRow { return reason.Lift(r.Verdicts, r.Findings) })
	r.tail = sync.OnceValues(r.tails)
	// The segments need neither the models nor the verdicts: score them meanwhile.
	var segErr error
	var wg sync.WaitGroup
	wg.Go(func() {
		r.Segments, segErr = segment.Analyze(segment.FromSet(set, opt.AsOf), opt.Segments)
		if segErr != nil {
			return
		}
		// The scored customers are the set's customers with a visit, in the set's order.
		r.scored = make([]int32, len(set.Customers))
		scored := r.Segments.Customers
		k := 0
		for i := range set.Customers {
			r.scored[i] = -1
			if k < len(scored) && scored[k].Key == set.Customers[i].Key {
				r.scored[i] = int32(k)
				k++
			}
		}
	})
	ms, err := lapse.FitForLapse(set, opt.AsOf, opt.Period)
	if err != nil {
		wg.Wait()
		return nil, err
	}
	r.Models = ms
	p := r.judge()
	r.Models = ms.Fits()
	r.trend = sync.OnceValues(p.trend.Result)
	platform := func(name string) bool {
		return reason.Classify(name, opt.Reasons.PlatformChannels, opt.Reasons.DirectChannels) == reason.ChannelPlatform
	}
	r.plan = calls.NewPlan(set, r.Verdicts, &p.absences, r.AsOf, opt.Calls, platform)
	wg.Wait()
	if segErr != nil {
		return nil, segErr
	}
	return r, nil
}

// pass is what [Result.judge] gathers besides the verdicts and findings, in the same pass
// over each customer's events: the absences of the return curve and the trend.
type pass struct {
	absences calls.Absences
	trend    *trend.Counter
}

// judge works out every customer's verdict and findings, and the pass, unpacking each
// customer's events once for all of them.
func (r *Result) judge() *pass {
	set, opt := r.Set, r.opt
	n := len(set.Customers)
	as := lapse.NewAssessor(set, opt.AsOf, opt.Lapse, r.Models)
	det := reason.NewDetector(set, opt.Reasons)
	r.Verdicts = make([]lapse.Verdict, n)
	r.Findings = make([][]reason.Finding, n)
	all := &pass{trend: trend.NewCounter(opt.AsOf)}
	type worker struct {
		events []history.Event
		lapse  *lapse.Worker
		reason *reason.Worker
		pass   *pass // the worker's own absences and trend, merged into all's at the end
	}
	var mu sync.Mutex
	var parts []*pass
	par.Ranges(n, 512, func(w *worker, lo, hi int) {
		if w.lapse == nil {
			w.lapse, w.reason = as.Worker(), det.Worker()
			w.pass = &pass{trend: trend.NewCounter(opt.AsOf)}
			mu.Lock()
			parts = append(parts, w.pass)
			mu.Unlock()
		}
		for i := lo; i < hi; i++ {
			h := &set.Customers[i]
			w.events = h.AppendEvents(w.events[:0])
			w.lapse.Assess(i, w.events, &r.Verdicts[i])
			r.Findings[i] = w.reason.Detect(h, w.events, &r.Verdicts[i], opt.AsOf)
			w.pass.absences.Add(w.events, opt.AsOf)
			w.pass.trend.Add(w.events, r.lapseAfter(i))
		}
	})
	for _, p := range parts {
		all.absences.Merge(&p.absences)
		all.trend.Merge(p.trend)
	}
	return all
}

// Lapsed returns the indexes of the lapsed and lost customers listed (selected and not
// held) in the order of the win-back calls ([calls.RankWinBack]), ranked once and shared:
// not to be modified.
func (r *Result) Lapsed() []int {
	r.rank()
	return r.ranked.idx
}

// WinBack returns the win-back calls of the customers [Result.Lapsed] lists, in its order:
// not to be modified.
func (r *Result) WinBack() []calls.Call {
	r.rank()
	return r.ranked.winBack
}

func (r *Result) rank() {
	r.ranked.once.Do(func() {
		wb := r.Calls().WinBack()
		unlisted := func(c calls.Call) bool { return !r.Selected(c.Index) || r.Held(c.Index) }
		if slices.ContainsFunc(wb, unlisted) { // a filter or earlier calls left some out
			wb = slices.DeleteFunc(slices.Clone(wb), unlisted)
		}
		idx := make([]int, len(wb))
		for k, c := range wb {
			idx[k] = c.Index
		}
		r.ranked.idx, r.ranked.winBack = idx, wb
	})
}

// Calls returns the week's call plan; each part is worked out once: not to be modified.
func (r *Result) Calls() *calls.Plan { return r.plan }

// Index returns the position of the customer with the given key, or -1.
func (r *Result) Index(key string) int {
	i, ok := slices.BinarySearchFunc(r.Set.Customers, key, func(h history.History, k string) int { return strings.Compare(h.Key, k) })
	if !ok {
		return -1
	}
	return i
}

// lapseAfter is the number of days without a visit after which customer i counts as
// lapsed in the trend: Tolerance × their usual gap, at least MinGapDays; 0 when unknown.
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

// Lift is how much more often each finding is seen among the lapsed than among the active
// customers ([reason.Lift]).
func (r *Result) Lift() []reason.LiftRow { return r.lift() }

// Trend returns the monthly trend and the cohorts ([trend.Counter]), a customer counting
// as lapsed after Tolerance × their usual gap.
func (r *Result) Trend() ([]trend.Month, []trend.Cohort) { return r.trend() }

// RevenueAndMix returns the revenue of the visits in the year up to as-of, in currency
// units rounded to cents, and the channel and service mix.
func (r *Result) RevenueAndMix() (revenue12m float64, mix []Mix) { return r.tail() }

// Mix counts the active and lapsed customers whose last visit was of one channel or
// service ("–" for none).
type Mix struct {
	Kind                     string // channel or service
	Name                     string
	Active, Lapsed           int
	ActiveShare, LapsedShare float64 // of all active, all lapsed customers
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// tails works out the revenue of the visits in the year up to as-of, and the mix: the
// channel and service of each customer's last visit among active and lapsed customers, in
// one pass from each history's end back over the last year and to the last visit.
func (r *Result) tails() (revenue12m float64, mix []Mix) {
	// Counted by symbol, then by name.
	var channels, services []mixCount
	if r.Set.Columns.Channel {
		channels = make([]mixCount, max(1, r.Set.Channels.Len()))
	}
	if r.Set.Columns.Service {
		services = make([]mixCount, max(1, r.Set.Services.Len()))
	}
	at := func(c []mixCount, x history.Sym) *mixCount {
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
			for _, c := range [2]*mixCount{at(channels, e.Channel), at(services, e.Service)} {
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
	counts := map[mixKey]*mixCount{}
	fold := func(kind string, cs []mixCount, names *history.Symbols) {
		for x := range cs {
			c := &cs[x]
			if c.active == 0 && c.lapsed == 0 {
				continue
			}
			k := mixKey{kind, names.Name(history.Sym(x))}
			if counts[k] == nil {
				counts[k] = &mixCount{}
			}
			counts[k].active += c.active
			counts[k].lapsed += c.lapsed
		}
	}
	fold("channel", channels, r.Set.Channels)
	fold("service", services, r.Set.Services)
	return revenue12m, mixRows(counts, active, lapsed)
}

// mixKey and mixCount count the customers by the channel or service of their last visit.
type mixKey struct{ kind, name string }
type mixCount struct{ active, lapsed int }

// mixRows are the mix's rows with their shares, by kind, then most customers first.
func mixRows(counts map[mixKey]*mixCount, active, lapsed int) []Mix {
	var mix []Mix
	for k, c := range counts {
		row := Mix{Kind: k.kind, Name: k.name, Active: c.active, Lapsed: c.lapsed}
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
	slices.SortFunc(mix, func(a, b Mix) int {
		if a.Kind != b.Kind {
			return strings.Compare(a.Kind, b.Kind)
		}
		if a.Active+a.Lapsed != b.Active+b.Lapsed {
			return (b.Active + b.Lapsed) - (a.Active + a.Lapsed)
		}
		return strings.Compare(a.Name, b.Name)
	})
	return mix
}

// recencyEdges are the recency histogram's bins in days since the last visit.
var recencyEdges = []int{0, 30, 60, 90, 180, 365, 730}

// RecencyBin counts the customers with a visit whose last one was FromDays to ToDays
// (exclusive; -1: no end) days before as-of.
type RecencyBin struct{ FromDays, ToDays, Customers int }

// Recency is the histogram of the days since each customer's last visit.
func (r *Result) Recency() []RecencyBin {
	bins := make([]RecencyBin, len(recencyEdges))
	for i, lo := range recencyEdges {
		bins[i] = RecencyBin{FromDays: lo, ToDays: -1}
		if i+1 < len(recencyEdges) {
			bins[i].ToDays = recencyEdges[i+1]
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

// Backtest checks the model on the data itself: it fits up to a calibration end before
// the as-of date ([calibrationEnd]) and compares the predicted with the actual visits
// since. h is nil when the data span less than a year or no model is usable.
func (r *Result) Backtest() (calEnd visit.Day, h *model.Holdout) {
	cal, ok := calibrationEnd(r.Set, r.AsOf)
	if !ok {
		return visit.NoDay, nil
	}
	hold := lapse.GatherHoldout(r.Set, r.AsOf, cal, r.opt.Period)
	pred, expected, err := lapse.FitHoldout(hold, float64(r.AsOf-cal)/r.opt.Period.Length())
	if err != nil || pred == nil {
		return visit.NoDay, nil
	}
	hc, err := model.ComparePredicted(expected, hold.Summaries, hold.Actual)
	if err != nil {
		return visit.NoDay, nil
	}
	return cal, &hc
}

// calibrationEnd returns the end of the backtest's calibration period, a third of the
// data's span before asOf, at most 26 weeks; false when the data span less than a year.
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
