package lapse

import (
	"fmt"
	"math"
	"slices"
	"sync"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/visit"
)

// An Assessor judges the customers of a set as of a date (see [NewAssessor]), one at a time
// through its [Worker]s.
type Assessor struct{ a *assessor }

// NewAssessor prepares the verdicts of set's customers as of asOf. m holds the models
// fitted to the same set and date, or is nil; without a usable model the population rule
// stands in for the model rule and every PAlive is -1. cfg must be valid
// ([Config.Validate]). The rules, tried in order; the first that applies decides:
//
//  1. booked: an appointment after asOf that is not cancelled;
//  2. course: the last visits are a course of treatment (see [Config]): active or due
//     while it goes on, follow-up once it is over;
//  3. own rhythm: the days since the last visit against the customer's usual gap, with at
//     least RhythmMinVisits visit days, or a yearly rhythm with fewer;
//  4. recall: the days since the latest visit of a service with a recall interval;
//  5. model: the chance of a visit within ReturnWindowDays against PAliveDue and
//     PAliveLapsed; not for one-visit customers under BG/NBD, whose P(alive) is always 1;
//  6. population: the days since the last visit against everyone's gaps (or those after
//     the last visit's service, see [Config.PopulationStratumMinGaps]).
//
// Every rule yields a due and a lapse gap (never below MinGapDays), so that UsualGap,
// ExpectedBack and Overdue mean the same under each. Customers without a visit by asOf get
// [RuleNoVisit] ([Booked] or [NotSeen]) and stay index for index with the set.
// ValueAtRisk is the models' expected value of the next 12 months given the customer is
// still active, when a model is usable and does not rule them out, else the spend in the
// 365 days up to the last visit; 0 without amounts. NewAssessor panics when m was fitted
// for another set or as-of date.
func NewAssessor(set *history.Set, asOf visit.Day, cfg Config, m *Models) *Assessor {
	n := len(set.Customers)
	if m != nil && (m.asOf != asOf || len(m.Customers) != n) {
		panic(fmt.Sprintf("lapse: models fitted as of %s for %d customers, assessing %d as of %s",
			m.asOf, len(m.Customers), n, asOf))
	}
	return &Assessor{newAssessor(set, asOf, cfg, m)}
}

// A Worker judges customers for an [Assessor] on one goroutine, reusing buffers of its own
// between them.
type Worker struct {
	a  *assessor
	sc scratch
}

// Worker returns a new [Worker]; each goroutine needs its own.
func (a *Assessor) Worker() *Worker { return &Worker{a: a.a} }

// Assess writes the verdict of customer i of the set to v. events are all of the
// customer's events, oldest first (see [history.History.AppendEvents]).
func (w *Worker) Assess(i int, events []history.Event, v *Verdict) { w.a.assess(i, events, &w.sc, v) }

// assessor holds what every customer's verdict needs.
type assessor struct {
	set        *history.Set
	asOf       visit.Day
	cfg        Config
	m          *Models
	recall     []int  // recall interval per service symbol, 0 for none
	courseSvc  []bool // whether a service symbol comes in courses; nil: every one does
	hasAmounts bool
	// The population's median gap (0: nobody came back), quantile and lapse gap.
	popMedian, popQuantile, popLapse float64
	// strata are the population rule's gaps by service (see [countStrata]); nil when not
	// kept, e.g. when a usable model leaves the population rule nobody to judge.
	strata []stratum
}

// maxGap bounds the gap histogram: longer gaps count as maxGap days.
const maxGap = 20 * 366

func newAssessor(set *history.Set, asOf visit.Day, cfg Config, m *Models) *assessor {
	a := &assessor{set: set, asOf: asOf, cfg: cfg, m: m}
	if len(cfg.Recall) > 0 && set.Services != nil {
		byKey := make(map[string]int, len(cfg.Recall))
		for name, d := range cfg.Recall {
			byKey[recallKey(name)] = d
		}
		a.recall = make([]int, set.Services.Len())
		for s := range a.recall {
			a.recall[s] = byKey[recallKey(set.Services.Name(history.Sym(s)))]
		}
	}
	if len(cfg.CourseServices) > 0 && set.Services != nil {
		named := make(map[string]bool, len(cfg.CourseServices))
		for _, name := range cfg.CourseServices {
			named[recallKey(name)] = true
		}
		a.courseSvc = make([]bool, set.Services.Len())
		for s := range a.courseSvc {
			a.courseSvc[s] = named[recallKey(set.Services.Name(history.Sym(s)))]
		}
	}
	// The models' pass over the visits counts the gaps too.
	var g *gapCounts
	if m != nil {
		g = m.gaps
	}
	if g == nil {
		g = countGaps(set, asOf)
	}
	a.hasAmounts = g.amounts && set.Columns.Amount
	if cfg.PopulationStratumMinGaps > 0 && set.Columns.Service && set.Services != nil &&
		set.Services.Len() <= maxStrata && (m == nil || m.pred == nil || m.Chosen == ChoseBGNBD) {
		a.strata = countStrata(set, asOf, cfg)
	}
	if g.total > 0 {
		a.popMedian = float64(histQuantile(g.counts, g.total, 0.5))
		a.popQuantile = float64(histQuantile(g.counts, g.total, cfg.PopulationQuantile))
		a.popLapse = math.Max(a.popQuantile, float64(cfg.MinGapDays))
	}
	return a
}

// gapCounts is a histogram of the gaps between every customer's visit days, and whether
// any of those visits has an amount.
type gapCounts struct {
	counts  []int64 // by days, gaps over maxGap counted as maxGap
	total   int64
	amounts bool
	mu      sync.Mutex
}

func newGapCounts() *gapCounts { return &gapCounts{counts: make([]int64, maxGap+1)} }

// add counts the gaps of one customer's visit days, sorted and distinct.
func (g *gapCounts) add(days []visit.Day) {
	for k := 1; k < len(days); k++ {
		g.counts[min(int(days[k]-days[k-1]), maxGap)]++
	}
	g.total += int64(max(len(days)-1, 0))
}

// merge adds part, one goroutine's counts, to g.
func (g *gapCounts) merge(part *gapCounts) {
	g.mu.Lock()
	defer g.mu.Unlock()
	for d, c := range part.counts {
		g.counts[d] += c
	}
	g.total += part.total
	g.amounts = g.amounts || part.amounts
}

// countGaps counts the gaps of every customer of set as of asOf.
func countGaps(set *history.Set, asOf visit.Day) *gapCounts {
	g := newGapCounts()
	parallelChunks(len(set.Customers), func(_, lo, hi int) {
		part := newGapCounts()
		var cd customerData
		for i := lo; i < hi; i++ {
			cd.load(&set.Customers[i], asOf, asOf)
			part.add(cd.days)
			part.amounts = part.amounts || cd.anyAmount
		}
		g.merge(part)
	})
	return g
}

// histQuantile returns the nearest-rank q-quantile of the values counted in counts.
func histQuantile(counts []int64, total int64, q float64) int {
	rank := max(int64(math.Ceil(q*float64(total))), 1)
	var acc int64
	for g, c := range counts {
		acc += c
		if acc >= rank {
			return g
		}
	}
	return len(counts) - 1
}

// quantile returns the nearest-rank q-quantile of the gaps v in days (the ⌈q·n⌉-th
// smallest), which may reorder v. A high quantile is found among the few largest gaps.
func quantile(v []visit.Day, q float64) float64 {
	n := len(v)
	k := min(max(int(math.Ceil(q*float64(n))), 1), n)
	m := n - k + 1 // the quantile is the m-th largest
	var buf [32]visit.Day
	if m > len(buf) {
		slices.Sort(v)
		return float64(v[k-1])
	}
	top := buf[:0] // the m largest so far, largest first
	for _, g := range v {
		if len(top) == m {
			if g <= top[m-1] {
				continue
			}
			top[m-1] = g
		} else {
			top = append(top, g)
		}
		for j := len(top) - 1; j > 0 && top[j] > top[j-1]; j-- {
			top[j], top[j-1] = top[j-1], top[j]
		}
	}
	return float64(top[m-1])
}

// median returns the median of the gaps v in days (the mean of the middle two for an even
// count), sorting v.
func median(v []visit.Day) float64 {
	slices.Sort(v)
	k := len(v) / 2
	if len(v)%2 == 0 {
		return (float64(v[k-1]) + float64(v[k])) / 2
	}
	return float64(v[k])
}

// dayVisit is one visit day: the amount of its visits and the first service named.
type dayVisit struct {
	day     visit.Day
	amount  int64
	service history.Sym
}

// scratch is one goroutine's reusable buffers.
type scratch struct {
	visits []dayVisit
	gaps   []visit.Day // between the visit days
	sorted []visit.Day
}

// load fills sc.visits with the visit days on or before asOf and returns the first
// appointment after asOf, NoDay when none.
func (sc *scratch) load(events []history.Event, asOf visit.Day) visit.Day {
	sc.visits = sc.visits[:0]
	for _, e := range events {
		if e.IsBooking(asOf) {
			return e.Day
		}
		if !e.IsVisit(asOf) {
			continue
		}
		if k := len(sc.visits) - 1; k >= 0 && sc.visits[k].day == e.Day {
			sc.visits[k].amount = money.Add(sc.visits[k].amount, e.Amount)
			if sc.visits[k].service == 0 {
				sc.visits[k].service = e.Service
			}
			continue
		}
		sc.visits = append(sc.visits, dayVisit{e.Day, e.Amount, e.Service})
	}
	return visit.NoDay
}

// assess writes customer i's verdict to v; events are all of theirs.
func (a *assessor) assess(i int, events []history.Event, sc *scratch, v *Verdict) {
	h := &a.set.Customers[i]
	next := sc.load(events, a.asOf)
	vs := sc.visits
	*v = Verdict{
		Key: h.Key, Visits: len(vs), LastVisit: visit.NoDay, ExpectedBack: visit.NoDay,
		NextBooked: next, PAlive: -1, ValueSource: ValueNone,
	}
	var pred *Prediction
	if a.m != nil {
		pred = &a.m.Customers[i]
		if pred.Key != h.Key {
			panic(fmt.Sprintf("lapse: models fitted to customer %q at index %d, assessing %q", pred.Key, i, h.Key))
		}
		if a.m.pred != nil && len(vs) > 0 {
			v.PAlive = pred.PAlive
		}
	}
	if len(vs) == 0 {
		v.Rule, v.Status = RuleNoVisit, NotSeen
		if next != visit.NoDay {
			v.Status, v.ExpectedBack = Booked, next
		}
		return
	}
	last := vs[len(vs)-1].day
	v.LastVisit = last
	v.CurrentGap = int(a.asOf - last)
	a.value(v, vs, pred)

	sc.gaps = sc.gaps[:0]
	for k := 1; k < len(vs); k++ {
		sc.gaps = append(sc.gaps, vs[k].day-vs[k-1].day)
	}
	rhythm := 0.0
	if len(vs) >= a.cfg.RhythmMinVisits {
		sc.sorted = append(sc.sorted[:0], sc.gaps...)
		rhythm = quantile(sc.sorted, a.cfg.RhythmQuantile)
	}

	// 1. A booked appointment.
	if next != visit.NoDay {
		v.Rule, v.Status = RuleBooked, Booked
		v.UsualGap, v.ExpectedBack = rhythm, next
		return
	}

	// 2. A course of treatment.
	if c, ok := a.course(vs, events, sc); ok {
		v.Rule = RuleCourse
		v.UsualGap = c.usual
		end := math.Max(a.cfg.Tolerance*c.usual, float64(a.cfg.CourseEndDays))
		switch gap := float64(v.CurrentGap); {
		case gap > end:
			v.Status = FollowUp
		case gap > a.cfg.DueFactor*c.usual:
			v.Status = Due
		default:
			v.Status = Active
		}
		if v.Status != FollowUp {
			v.setExpected(last, c.usual, a.asOf)
		}
		v.Basis = Basis{Service: a.set.Services.Name(c.service), CourseVisits: c.visits}
		return
	}

	// 3. The customer's own rhythm.
	if rhythm > 0 {
		v.Rule = RuleOwnRhythm
		v.UsualGap = rhythm
		v.setExpected(last, rhythm, a.asOf)
		v.Status = a.judge(v.CurrentGap, a.cfg.DueFactor*rhythm, a.rhythmLapse(rhythm, sc.gaps))
		return
	}

	// 3b. A yearly rhythm, recognised from fewer visits: a summer guest.
	if a.yearly(sc.gaps) {
		year := float64(daysPerYear)
		v.Rule = RuleOwnRhythm
		v.UsualGap = year
		v.setExpected(last, year, a.asOf)
		v.Status = a.judge(v.CurrentGap, a.cfg.DueFactor*year, a.lapseGap(a.cfg.Tolerance*year))
		return
	}

	// 4. A recall interval of the latest service that has one.
	if a.recall != nil {
		for k := len(vs) - 1; k >= 0; k-- {
			interval := a.recall[vs[k].service]
			if interval == 0 {
				continue
			}
			since := int(a.asOf - vs[k].day)
			v.Rule = RuleRecall
			v.UsualGap = float64(interval)
			v.setExpected(vs[k].day, float64(interval), a.asOf)
			v.Status = a.judge(since, a.cfg.DueFactor*float64(interval),
				a.lapseGap(a.cfg.RecallTolerance*float64(interval)))
			v.Basis = Basis{Service: a.set.Services.Name(vs[k].service), Since: since}
			return
		}
	}

	// 5. The repeat-buying model, unless BG/NBD and a single visit.
	if a.m != nil && a.m.pred != nil && !(a.m.Chosen == ChoseBGNBD && pred.X == 0) {
		usual := a.popMedian
		if pred.X > 0 {
			usual = float64(last-vs[0].day) / pred.X
		}
		v.Rule = RuleModel
		v.UsualGap = usual
		v.setExpected(last, usual, a.asOf)
		v.Status = a.modelStatus(pred, float64(last-vs[0].day), v.CurrentGap)
		return
	}

	// 6. Everyone's gaps, or those after the customer's last service.
	med, within, lapseGap := a.popMedian, a.popQuantile, a.popLapse
	if st := a.stratumOf(vs[len(vs)-1].service); st.ok {
		med, within, lapseGap = st.median, st.quantile, st.lapse
	}
	v.Rule = RulePopulation
	v.UsualGap = med
	if med == 0 {
		// Nobody came back: nothing to compare with but the lost limit.
		v.Status = a.judge(v.CurrentGap, math.Inf(1), float64(a.cfg.LostAfterDays))
		return
	}
	v.setExpected(last, med, a.asOf)
	v.Status = a.judge(v.CurrentGap, a.cfg.DueFactor*med, lapseGap)
	v.Basis = Basis{Within: within}
}

// stratumOf returns the population rule's gaps after service s (see [countStrata]).
func (a *assessor) stratumOf(s history.Sym) stratum {
	if int(s) < len(a.strata) {
		return a.strata[s]
	}
	return stratum{}
}

// daysPerYear is the length of the yearly rhythm.
const daysPerYear = 365

// yearly reports whether gaps, the gaps between a customer's visit days, show a yearly
// rhythm (see [Config.YearlySlackDays]).
func (a *assessor) yearly(gaps []visit.Day) bool {
	slack := a.cfg.YearlySlackDays
	if slack == 0 || len(gaps) == 0 {
		return false
	}
	years := 0
	for _, g := range gaps {
		off := int(g) % daysPerYear
		off = min(off, daysPerYear-off) // days from the nearest whole number of years
		switch {
		case int(g) >= daysPerYear-slack && off <= slack:
			years++
		case int(g) >= 2*slack:
			return false
		}
	}
	return years > 0
}

// rhythmLapse returns the own-rhythm rule's lapse gap for a customer whose usual gap is
// rhythm and whose gaps are gaps (see [Config.RhythmPopulationFactor]).
func (a *assessor) rhythmLapse(rhythm float64, gaps []visit.Day) float64 {
	margin := a.cfg.RhythmPopulationFactor * a.popLapse
	if variation(gaps) < a.cfg.RhythmRegularCV {
		margin = math.Min(margin, a.cfg.RhythmMarginCap*rhythm)
	}
	return math.Max(a.lapseGap(a.cfg.Tolerance*rhythm), margin)
}

// variation returns the coefficient of variation of gaps (standard deviation over mean).
func variation(gaps []visit.Day) float64 {
	var sum, sq float64
	for _, g := range gaps {
		sum += float64(g)
	}
	mean := sum / float64(len(gaps))
	for _, g := range gaps {
		d := float64(g) - mean
		sq += d * d
	}
	return math.Sqrt(sq/float64(len(gaps))) / mean
}

// setExpected sets ExpectedBack to from + usual (rounded to a day) and Overdue to the days
// since then.
func (v *Verdict) setExpected(from visit.Day, usual float64, asOf visit.Day) {
	v.ExpectedBack = from + visit.Day(math.Round(usual))
	v.Overdue = max(0, int(asOf-v.ExpectedBack))
}

// lapseGap applies the MinGapDays floor to a rule's lapse gap.
func (a *assessor) lapseGap(g float64) float64 { return math.Max(g, float64(a.cfg.MinGapDays)) }

// judge returns the status of a customer gap days after the reference visit, due after
// due days, lapsed after lapse days, lost after LostFactor × lapse or LostAfterDays.
func (a *assessor) judge(gap int, due, lapse float64) Status {
	g := float64(gap)
	switch {
	case gap > a.cfg.LostAfterDays:
		return Lost
	case g > lapse:
		if g > a.cfg.LostFactor*lapse {
			return Lost
		}
		return Lapsed
	case g > due:
		return Due
	}
	return Active
}

// modelStatus is [assessor.judge] of gap against the days at which the model's chance
// crosses PAliveDue and PAliveLapsed (the lapse gap floored at MinGapDays). The chance
// falls with every day away, so "beyond the crossing of p" is "the chance at gap is below p".
func (a *assessor) modelStatus(pred *Prediction, span float64, gap int) Status {
	g, minGap := float64(gap), float64(a.cfg.MinGapDays)
	if gap > a.cfg.LostAfterDays {
		return Lost
	}
	chance := a.chanceAt(pred, span, gap)
	switch {
	case g > minGap && !(chance >= a.cfg.PAliveLapsed):
		// Lost beyond LostFactor × the lapse gap L: for the whole day L, the chance at
		// ⌈g/LostFactor⌉ is below p.
		x := g / a.cfg.LostFactor
		if x > minGap && !(a.chanceAt(pred, span, int(math.Ceil(x))) >= a.cfg.PAliveLapsed) {
			return Lost
		}
		return Lapsed
	case !(chance >= a.cfg.PAliveDue):
		return Due
	}
	return Active
}

// crossingLimit is the longest gap the model rule looks at: 89 years.
const crossingLimit = 1 << 15

// chanceAt returns, gap days after the last visit (at most [crossingLimit]), the model's
// chance of a visit within the return window (or P(alive)). span is the days from the
// first to the last visit.
func (a *assessor) chanceAt(pred *Prediction, span float64, gap int) float64 {
	l := a.m.Period.Length()
	s := pred.Summary
	s.T = (span + float64(min(gap, crossingLimit))) / l
	p := pred.PAlive // the models' own, at the as-of date
	if s.T != pred.T {
		p = a.m.pred.PAlive(s)
	}
	if w := float64(a.cfg.ReturnWindowDays) / l; w > 0 {
		return p * a.m.pred.VisitIfAlive(s.X, s.T, w)
	}
	return p
}

// value fills v's ValueAtRisk and ValueSource.
func (a *assessor) value(v *Verdict, vs []dayVisit, pred *Prediction) {
	if !a.hasAmounts {
		return
	}
	// Given that they are still a customer (divided by P(alive)): the expectation itself
	// shrinks to nothing for exactly the customers a win-back call is for.
	if a.m != nil && a.m.pred != nil && pred.PAlive > 1e-9 && pred.ExpectedValue > 0 {
		v.ValueAtRisk = money.Round(pred.ExpectedValue / pred.PAlive * 100)
		v.ValueSource = ValueModel
		return
	}
	last := vs[len(vs)-1].day
	var sum int64
	for k := len(vs) - 1; k >= 0 && vs[k].day > last-365; k-- {
		sum = money.Add(sum, vs[k].amount)
	}
	v.ValueAtRisk, v.ValueSource = sum, ValuePastSpend
}

// courseRun is the course of treatment the last visits form.
type courseRun struct {
	service history.Sym
	visits  int
	usual   float64 // the usual gap within the course
}

// course reports whether the customer's last visits are a course of treatment that
// decides their status (see [Config]). The block of visits each within CourseMaxGap days
// of the previous, whatever its service, so that a massage among weekly physiotherapy
// does not start a course. events are all of the customer's, oldest first.
func (a *assessor) course(vs []dayVisit, events []history.Event, sc *scratch) (courseRun, bool) {
	cfg := &a.cfg
	last := vs[len(vs)-1]
	if cfg.CourseMinVisits == 0 || len(vs) < cfg.CourseMinVisits || !a.coursed(last.service) {
		return courseRun{}, false
	}
	// The trailing block first: most customers fail here.
	start := a.blockStart(vs, len(vs))
	if !a.isCourse(vs[start:], sc) {
		return courseRun{}, false
	}
	for k := len(events) - 1; k >= 0 && events[k].Day > last.day; k-- {
		if st := events[k].Status; events[k].Day <= a.asOf && (st == visit.Cancelled || st == visit.NoShow) {
			return courseRun{}, false
		}
	}
	run := courseRun{service: last.service, visits: len(vs) - start}
	sc.sorted = append(sc.sorted[:0], sc.gaps[start:]...)
	run.usual = quantile(sc.sorted, cfg.RhythmQuantile)
	// Count the visits before it that are not part of a course.
	regular := 0
	for end := start; end > 0; {
		s := a.blockStart(vs, end)
		if !a.isCourse(vs[s:end], sc) {
			regular += end - s
			if regular >= cfg.RhythmMinVisits {
				return courseRun{}, false
			}
		}
		end = s
	}
	return run, true
}

// blockStart returns where the block of visits ending before vs[end] starts.
func (a *assessor) blockStart(vs []dayVisit, end int) int {
	s := end - 1
	for s > 0 && int(vs[s].day-vs[s-1].day) <= a.cfg.CourseMaxGap {
		s--
	}
	return s
}

// isCourse reports whether a block of visits, each within CourseMaxGap days of the
// previous one, is a course (see [Config]).
func (a *assessor) isCourse(run []dayVisit, sc *scratch) bool {
	cfg := &a.cfg
	if len(run) < cfg.CourseMinVisits || len(run) > cfg.CourseMaxVisits || !a.coursed(run[0].service) {
		return false
	}
	sc.sorted = sc.sorted[:0]
	for k := 1; k < len(run); k++ {
		if run[k].service != run[0].service {
			return false
		}
		sc.sorted = append(sc.sorted, run[k].day-run[k-1].day)
	}
	return median(sc.sorted) <= float64(cfg.CourseMedianGap)
}

// coursed reports whether service s can come in courses.
func (a *assessor) coursed(s history.Sym) bool {
	return s != 0 && (a.courseSvc == nil || a.courseSvc[s])
}
