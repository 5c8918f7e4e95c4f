package model

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/optimize"

	"github.com/winback/winback/pkg/par"
)

// ErrNoCustomers is returned by the fitting functions when they are given no customer.
var ErrNoCustomers = errors.New("no customers to fit")

// Thresholds of the data checks behind [Fit.Usable]: a fit that fails one may still be
// right, but callers should not rank customers by it.
const (
	// MinRepeaters is the least number of customers with a repeat transaction (x > 0).
	MinRepeaters = 30
	// MinRepeatShare is the least share of customers with a repeat transaction.
	MinRepeatShare = 0.05
	// MinSpanPeriods is the least median observation length T, in periods.
	MinSpanPeriods = 2
	// MinSpanGaps is the least median observation length T in units of the repeaters'
	// median gap (t_x/x): a shorter window cannot tell who stopped from who is between visits.
	MinSpanGaps = 3
	// BoundaryLog is how far (in natural log) a parameter may go from 1 before the fit is
	// said to have run to a boundary: e^±15 ≈ 3e-7 or 3e6.
	BoundaryLog = 15
	// StopLog is where the optimiser gives up on a parameter that walks off: e^±10. Such a
	// fit is flagged either way, and the walk is its slow part.
	StopLog = 10
	// FlatLog and FlatLogLik find a parameter that heads for a boundary without reaching
	// BoundaryLog: one further than FlatLog from 1 (in natural log) whose move by a further
	// factor e^FlatLog outwards costs the summed log-likelihood less than FlatLogLik (a 95%
	// likelihood-ratio interval spans 1.92): the data do not pin it down.
	FlatLog    = 5
	FlatLogLik = 0.5
)

// FlagKind names a reason not to trust a [Fit].
type FlagKind string

// The reasons a [Fit] can be flagged for.
const (
	NotConverged FlagKind = "not-converged"  // stopped before the gradient vanished
	AtBoundary   FlagKind = "at-boundary"    // a parameter ran towards 0 or infinity ([BoundaryLog])
	FewRepeaters FlagKind = "few-repeaters"  // see [MinRepeaters] and [MinRepeatShare]
	ShortSpan    FlagKind = "short-span"     // see [MinSpanPeriods] and [MinSpanGaps]
	NoFiniteMean FlagKind = "no-finite-mean" // a Gamma-Gamma fit with q ≤ 1
	StoppedEarly FlagKind = "stopped-early"  // stopped on its way to a boundary ([boundaryWatch])
)

// Flag is one reason not to trust a [Fit], with a plain-English explanation.
type Flag struct {
	Kind   FlagKind `json:"kind"`
	Reason string   `json:"reason"`
}

// Fit is the result of a maximum-likelihood fit of model M: its parameters and what a
// caller needs to decide whether to use them.
type Fit[M any] struct {
	Params M       `json:"params"`
	LogLik float64 `json:"log_likelihood"` // at Params, summed over the customers
	// Converged: the optimiser stopped with a vanishing gradient away from the boundaries.
	Converged bool `json:"converged"`
	// Customers is the number of customers fitted; Repeaters those with x > 0.
	Customers int `json:"customers"`
	Repeaters int `json:"repeaters"`
	// Iterations is the number of major iterations of the optimiser.
	Iterations int `json:"iterations"`
	// Flags lists the reasons not to trust the fit, most basic first.
	Flags []Flag `json:"flags,omitempty"`

	data *cohort // what was fitted, for [Fit.Predict]
}

// Result returns f without the data it was fitted to, which only [Fit.Predict] needs:
// what to keep of a fit once its predictions are made.
func (f Fit[M]) Result() Fit[M] {
	f.data = nil
	return f
}

// Predict returns P(alive) and the expected transactions in the next t periods of each
// customer the fit was made on, in their order: the PAlive(s) and Expected(s, t) of
// Params, computed once per distinct summary. It returns nil when Params is no
// [Predictor] or the fit failed.
func (f Fit[M]) Predict(t float64) (palive, expected []float64) {
	c := f.data
	if c == nil {
		return nil, nil
	}
	var rp, re []float64
	switch m := any(f.Params).(type) {
	case ParetoNBD:
		rp, re = c.paretoPredict(m, t)
	case Predictor:
		rp, re = make([]float64, len(c.recs)), make([]float64, len(c.recs))
		par.Ranges(len(c.recs), 1024, func(_ *struct{}, lo, hi int) {
			for i, r := range c.recs[lo:hi] {
				s := Summary{X: c.xs[r.x], Tx: c.ts[r.tx], T: c.ts[r.t]}
				rp[lo+i] = m.PAlive(s)
				re[lo+i] = m.ExpectedIfAlive(s.X, s.T, t) * rp[lo+i]
			}
		})
	default:
		return nil, nil
	}
	palive, expected = make([]float64, len(c.cust)), make([]float64, len(c.cust))
	for i, r := range c.cust {
		palive[i], expected[i] = rp[r], re[r]
	}
	return palive, expected
}

// Usable reports whether the fit can be used for predictions; when it cannot, reason
// says why in plain English.
func (f Fit[M]) Usable() (ok bool, reason string) {
	if len(f.Flags) == 0 && f.Converged {
		return true, ""
	}
	reasons := make([]string, 0, len(f.Flags)+1)
	for _, fl := range f.Flags {
		reasons = append(reasons, fl.Reason)
	}
	if len(reasons) == 0 {
		reasons = append(reasons, "the fit did not converge")
	}
	return false, strings.Join(reasons, "; ")
}

// Has reports whether f carries a flag of kind k.
func (f Fit[M]) Has(k FlagKind) bool {
	return slices.ContainsFunc(f.Flags, func(fl Flag) bool { return fl.Kind == k })
}

// checks returns the data flags of a BG/NBD or Pareto/NBD fit and the number of
// repeaters. The medians are weighted by distinct time and (x, t_x) pair.
func (c *cohort) checks() (flags []Flag, repeaters int) {
	tw := make([]float64, len(c.ts))
	gw := make([]float64, len(c.pairs))
	for _, r := range c.recs {
		tw[r.t] += r.n
		if c.xs[r.x] > 0 {
			repeaters += int(r.n)
			gw[r.ptx] += r.n
		}
	}
	ts := make([]weighted, 0, len(c.ts))
	for i, w := range tw {
		if w > 0 {
			ts = append(ts, weighted{c.ts[i], w})
		}
	}
	var gaps []weighted
	for i, w := range gw {
		if w > 0 {
			p := c.pairs[i]
			gaps = append(gaps, weighted{c.ts[p.t] / c.xs[p.x], w})
		}
	}
	n := int(c.n)
	if repeaters < MinRepeaters || float64(repeaters) < MinRepeatShare*float64(n) {
		flags = append(flags, Flag{FewRepeaters, fmt.Sprintf(
			"only %d of %d customers came back at least once (need %d and %.0f%%)",
			repeaters, n, MinRepeaters, 100*MinRepeatShare)})
	}
	medT := median(ts)
	switch {
	case medT < MinSpanPeriods:
		flags = append(flags, Flag{ShortSpan, fmt.Sprintf(
			"customers were watched for a median of %.3g periods (need %d)", medT, MinSpanPeriods)})
	case len(gaps) > 0 && medT < MinSpanGaps*median(gaps):
		flags = append(flags, Flag{ShortSpan, fmt.Sprintf(
			"customers were watched for a median of %.3g periods, less than %d usual gaps between visits (%.3g periods)",
			medT, MinSpanGaps, median(gaps))})
	}
	return flags, repeaters
}

// weighted is a value that stands for w customers.
type weighted struct{ v, w float64 }

// median returns the weighted median of v (the lower one on a tie), reordering v.
func median(v []weighted) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	slices.SortFunc(v, func(a, b weighted) int { return cmp.Compare(a.v, b.v) })
	total := 0.0
	for _, x := range v {
		total += x.w
	}
	acc := 0.0
	for _, x := range v {
		acc += x.w
		if acc >= total/2 {
			return x.v
		}
	}
	return v[len(v)-1].v
}

// clampLog bounds the optimiser's log-parameters so that no evaluation overflows.
const clampLog = 30

// objective evaluates a mean log-likelihood and its gradient in the parameters at params.
type objective func(params, grad []float64) float64

// optimum is where [maximize] stopped.
type optimum struct {
	params     []float64
	logLik     float64 // mean log-likelihood
	converged  bool
	iterations int
	walkedOff  bool // the optimiser gave up on a parameter past ±[StopLog]
	// stopped: a [boundaryWatch] stopped the optimiser; param headed for the boundary, and
	// the data fitted it at moved as well.
	stopped bool
	param   int
	moved   float64
}

// Tolerances of [maximize], on the mean log-likelihood per customer and its gradient.
const (
	gradTol      = 1e-9  // converged
	looseGradTol = 1e-6  // converged, when the line search can go no further
	maxIter      = 1000  // major iterations
	maxEval      = 3000  // evaluations of the likelihood, line searches included
	stallIter    = 50    // major iterations without progress
	stallTol     = 1e-10 // progress, relative and absolute
)

// maximize maximises the mean log-likelihood ll over the logs of its positive
// parameters from start, by gonum's BFGS. It returns an error only when the likelihood at
// start is not a number. With n > 0 customers, a [boundaryWatch] stops a walk towards a
// boundary early.
func maximize(ll objective, start []float64, n float64) (optimum, error) {
	dim := len(start)
	e := &logScale{ll: ll, params: make([]float64, dim), raw: make([]float64, dim),
		at: make([]float64, dim), grad: make([]float64, dim)}
	u := make([]float64, dim)
	for i, p := range start {
		u[i] = math.Log(p)
	}
	conv := &boundedConverge{FunctionConverge: optimize.FunctionConverge{
		Absolute: stallTol, Relative: stallTol, Iterations: stallIter}}
	if n > 0 {
		conv.watch = &boundaryWatch{ll: ll, n: n}
	}
	settings := &optimize.Settings{
		GradientThreshold: gradTol,
		MajorIterations:   maxIter,
		// A line search on a flat or broken surface may never stop on its own.
		FuncEvaluations: maxEval,
		Converger:       conv,
	}
	method := &optimize.BFGS{Linesearcher: &optimize.MoreThuente{}, GradStopThreshold: gradTol}
	res, err := optimize.Minimize(optimize.Problem{Func: e.value, Grad: e.gradient}, u, settings, method)
	if res == nil || errors.As(err, new(optimize.ErrFunc)) {
		return optimum{}, fmt.Errorf("the log-likelihood at the start values is not a number: %w", err)
	}
	out := optimum{params: make([]float64, dim), logLik: -res.F, iterations: res.MajorIterations - 1,
		walkedOff: maxAbs(res.X) > StopLog}
	for i, ui := range res.X {
		out.params[i] = math.Exp(clamp(ui))
	}
	if w := conv.watch; w != nil && w.stopped {
		out.stopped, out.param, out.moved = true, w.param, w.moved
		return out, nil
	}
	switch {
	case res.Status == optimize.GradientThreshold:
		out.converged = true
	case err != nil:
		// The line search found no better point: the top, if the gradient is small.
		out.converged = maxAbs(res.Gradient) < looseGradTol
	}
	return out, nil
}

func clamp(u float64) float64 { return math.Max(-clampLog, math.Min(clampLog, u)) }

// logScale turns an [objective] into gonum's problem: minus the mean log-likelihood and
// its gradient in the log-parameters, clamped to ±[clampLog]. gonum asks for value and
// gradient one after the other at the same point, so the last evaluation is kept.
type logScale struct {
	ll          objective
	params, raw []float64
	at          []float64 // the log-parameters of the last evaluation
	f           float64
	grad        []float64
	done        bool
}

func (e *logScale) eval(u []float64) {
	if e.done && slices.Equal(u, e.at) {
		return
	}
	for i, ui := range u {
		e.params[i] = math.Exp(clamp(ui))
	}
	e.f = -e.ll(e.params, e.raw)
	if math.IsNaN(e.f) {
		e.f = math.Inf(1)
	}
	for i, ui := range u {
		g := -e.raw[i] * e.params[i]
		if math.Abs(ui) >= clampLog || math.IsNaN(g) || math.IsInf(g, 0) {
			g = 0
		}
		e.grad[i] = g
	}
	copy(e.at, u)
	e.done = true
}

func (e *logScale) value(u []float64) float64 {
	e.eval(u)
	return e.f
}

func (e *logScale) gradient(grad, u []float64) {
	e.eval(u)
	copy(grad, e.grad)
}

// boundedConverge stops the optimiser when a log-parameter runs past ±[StopLog], when its
// watch sees it head for a boundary, or when the likelihood has stopped improving.
type boundedConverge struct {
	optimize.FunctionConverge
	watch *boundaryWatch // nil: no early stop
}

func (c *boundedConverge) Converged(loc *optimize.Location) optimize.Status {
	if maxAbs(loc.X) > StopLog || c.watch != nil && c.watch.headsForBoundary(loc.X, -loc.F) {
		return optimize.Failure
	}
	return c.FunctionConverge.Converged(loc)
}

// boundaryWatch stops a fit that heads for a boundary before it gets there, the slowest
// part of such a fit. Once a log-parameter is past ±[FlatLog] and still moving outwards,
// it tries the point a further [FlatLog] along the last step; when the data fit that as
// well (within [FlatLogLik]), the fit stops, flagged [StoppedEarly]. A parameter is tried
// again only after it moved one more unit of log.
type boundaryWatch struct {
	ll      objective
	n       float64   // customers: the objective is their mean
	prev    []float64 // log-parameters at the last major iteration
	tried   []float64 // |log| of each parameter where it was last tried
	stopped bool
	param   int     // the parameter that headed for the boundary
	moved   float64 // and the value the data fitted as well
}

// headsForBoundary reports whether the fit at log-parameters u heads for a boundary.
func (w *boundaryWatch) headsForBoundary(u []float64, ll float64) bool {
	if w.prev == nil {
		w.prev = slices.Clone(u)
		w.tried = make([]float64, len(u))
		return false
	}
	step := make([]float64, len(u))
	for i := range u {
		step[i] = u[i] - w.prev[i]
	}
	copy(w.prev, u)
	k := -1
	for i, ui := range u {
		a := math.Abs(ui)
		if a <= FlatLog || step[i]*ui <= 0 || a < w.tried[i]+1 || a > StopLog {
			continue
		}
		if k < 0 || a > math.Abs(u[k]) {
			k = i
		}
	}
	if k < 0 {
		return false
	}
	w.tried[k] = math.Abs(u[k])
	scale := FlatLog / math.Abs(step[k])
	far := make([]float64, len(u))
	for i := range u {
		far[i] = math.Exp(clamp(u[i] + scale*step[i]))
	}
	got := w.ll(far, make([]float64, len(u)))
	if !(w.n*(ll-got) < FlatLogLik) {
		return false
	}
	w.stopped, w.param, w.moved = true, k, far[k]
	return true
}

func maxAbs(v []float64) float64 {
	m := 0.0
	for _, x := range v {
		m = math.Max(m, math.Abs(x))
	}
	return m
}

// boundaryFlags flags the parameters whose log went past ±[BoundaryLog], or past
// ±[StopLog] when the optimiser gave up there (see [optimum]).
func boundaryFlags(names []string, opt optimum) []Flag {
	limit := float64(BoundaryLog)
	if opt.walkedOff {
		limit = StopLog
	}
	var flags []Flag
	for i, p := range opt.params {
		if l := math.Log(p); math.Abs(l) > limit || math.IsNaN(l) {
			dir := "infinity"
			if l < 0 {
				dir = "zero"
			}
			flags = append(flags, Flag{AtBoundary, fmt.Sprintf(
				"parameter %s ran towards %s (%.3g): the data do not pin the model down", names[i], dir, p)})
		}
	}
	return flags
}

// frequencyFlags returns the flags of a BG/NBD or Pareto/NBD fit (called model) at opt,
// and whether the fit converged.
func frequencyFlags(model string, names []string, opt optimum, ll objective, n float64) (flags []Flag, converged bool) {
	if opt.stopped {
		dir := "infinity"
		if opt.params[opt.param] < 1 {
			dir = "zero"
		}
		return []Flag{{StoppedEarly, fmt.Sprintf(
			"the %s fit stopped early: parameter %s heads for %s (%.3g) and the data fit %.3g as well: they do not pin the model down",
			model, names[opt.param], dir, opt.params[opt.param], opt.moved)}}, false
	}
	flags = append(boundaryFlags(names, opt), flatFlags(names, opt.params, ll, n)...)
	converged = opt.converged && len(flags) == 0
	if !opt.converged {
		flags = append(flags, Flag{NotConverged, fmt.Sprintf("the %s fit did not converge", model)})
	}
	return flags, converged
}

// flatFlags flags the parameters that head for a boundary on a flat likelihood (see
// [FlatLog]), short of [StopLog]; ll is the mean log-likelihood of n customers.
func flatFlags(names []string, params []float64, ll objective, n float64) []Flag {
	var flags []Flag
	var top float64
	moved := make([]float64, len(params))
	grad := make([]float64, len(params))
	for i, p := range params {
		l := math.Log(p)
		if math.Abs(l) <= FlatLog || math.Abs(l) > StopLog {
			continue
		}
		if top == 0 {
			top = ll(params, grad) * n
		}
		copy(moved, params)
		step := float64(FlatLog)
		if l < 0 {
			step = -step
		}
		moved[i] = math.Exp(l + step)
		if got := ll(moved, grad) * n; !(top-got >= FlatLogLik) {
			dir := "infinity"
			if l < 0 {
				dir = "zero"
			}
			flags = append(flags, Flag{AtBoundary, fmt.Sprintf(
				"parameter %s heads for %s (%.3g) and the data fit %.3g as well: they do not pin the model down",
				names[i], dir, p, moved[i])})
		}
	}
	return flags
}

// chunkSize is the number of records summed at a time: fixed, so that the sums do not
// depend on the number of processors.
const chunkSize = 4096

// parallelSum lets f add each chunk of [0, n) into an accumulator of its own, in
// parallel, and adds the accumulators in chunk order.
func parallelSum(n, dim int, f func(lo, hi int, acc []float64)) []float64 {
	chunks := (n + chunkSize - 1) / chunkSize
	parts := make([]float64, chunks*dim)
	par.Ranges(n, chunkSize, func(_ *struct{}, lo, hi int) {
		c := lo / chunkSize
		f(lo, hi, parts[c*dim:(c+1)*dim])
	})
	total := make([]float64, dim)
	for c := range chunks {
		for j := range dim {
			total[j] += parts[c*dim+j]
		}
	}
	return total
}

// cohort is a list of summaries prepared for the likelihoods: identical customers are
// merged into weighted records, and the distinct frequencies, times and pairs are listed
// once, so that their terms are computed once per evaluation, not once per customer.
type cohort struct {
	xs    []float64 // distinct frequencies
	ts    []float64 // distinct times, t_x and T pooled
	pairs []xtPair  // distinct (x, t) pairs, t_x and T pooled
	recs  []record
	cust  []int32 // each customer's record, in the order of the data
	n     float64 // number of customers
	// byTime lists the pairs by time and, within a time, by falling x; the pairs of
	// time ts[i] are byTime[timeStart[i]:timeStart[i+1]].
	byTime    []int32
	timeStart []int32
	// pairTerms is [cohort.paretoLogLik]'s, kept between evaluations.
	pairTerms []pairTerm
}

type xtPair struct{ x, t int32 }

// record is a group of identical customers: indices into the cohort's lists, and their number.
type record struct {
	x, tx, t int32
	ptx, pt  int32
	n        float64
}

// mean divides a summed log-likelihood and its gradient by the number of customers.
func (c *cohort) mean(ll float64, grad []float64) float64 {
	for i := range grad {
		grad[i] /= c.n
	}
	return ll / c.n
}

// newCohort merges identical summaries into records, in the order of their first
// customer (which fixes the order of the likelihood's sums), and lists the distinct
// frequencies, times and pairs in the order first seen. The table of summaries holds
// record numbers alone; a record's summary is read from data at its first customer.
func newCohort(data []Summary) (*cohort, error) {
	c := &cohort{n: float64(len(data))}
	var (
		xs, ts numbering[float64]
		pairs  numbering[xtPair]
	)
	size := 16
	for size < 2*len(data) {
		size *= 2 // at most half full, with room for all: it never grows
	}
	slots := make([]int32, size) // 1 + a record's number; 0 is free
	first := make([]int32, 0, len(data))
	mask := uint64(size - 1)
	c.recs = make([]record, 0, len(data))
	c.cust = make([]int32, 0, len(data))
	for k, s := range data {
		if err := s.Validate(); err != nil {
			return nil, err
		}
		i := hashSummary(s) & mask
		for slots[i] != 0 && data[first[slots[i]-1]] != s {
			i = (i + 1) & mask
		}
		if r := slots[i]; r != 0 {
			c.recs[r-1].n++
			c.cust = append(c.cust, r-1)
			continue
		}
		first = append(first, int32(k))
		slots[i] = int32(len(first))
		c.cust = append(c.cust, slots[i]-1)
		x, _ := xs.number(s.X, hashFloat(s.X))
		tx, _ := ts.number(s.Tx, hashFloat(s.Tx))
		t, _ := ts.number(s.T, hashFloat(s.T))
		r := record{x: x, tx: tx, t: t, n: 1}
		r.ptx, _ = pairs.number(xtPair{x, tx}, hashPair(xtPair{x, tx}))
		r.pt, _ = pairs.number(xtPair{x, t}, hashPair(xtPair{x, t}))
		c.recs = append(c.recs, r)
	}
	c.xs, c.ts, c.pairs = xs.keys, ts.keys, pairs.keys
	c.sortPairs()
	return c, nil
}

// sortPairs fills byTime and timeStart (see [cohort]).
func (c *cohort) sortPairs() {
	c.timeStart = make([]int32, len(c.ts)+1)
	for _, p := range c.pairs {
		c.timeStart[p.t+1]++
	}
	for i := range c.ts {
		c.timeStart[i+1] += c.timeStart[i]
	}
	c.byTime = make([]int32, len(c.pairs))
	next := slices.Clone(c.timeStart[:len(c.ts)])
	for i, p := range c.pairs {
		c.byTime[next[p.t]] = int32(i)
		next[p.t]++
	}
	for i := range c.ts {
		slices.SortFunc(c.byTime[c.timeStart[i]:c.timeStart[i+1]], func(a, b int32) int {
			return cmp.Compare(c.xs[c.pairs[b].x], c.xs[c.pairs[a].x])
		})
	}
}

// numbering numbers distinct keys in the order they are first seen: an open-addressing
// hash table over the list of keys. Equal keys need equal hashes (see [floatBits]).
type numbering[K comparable] struct {
	keys   []K
	hashes []uint64 // of keys, for growing
	slots  []int32  // 1 + an index into keys; 0 is free
}

// number returns the number of k, whose hash is h, and whether k is new.
func (t *numbering[K]) number(k K, h uint64) (int32, bool) {
	if 2*len(t.keys) >= len(t.slots) {
		t.grow()
	}
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s == 0 {
			t.keys = append(t.keys, k)
			t.hashes = append(t.hashes, h)
			t.slots[i] = int32(len(t.keys))
			return int32(len(t.keys) - 1), true
		}
		if t.hashes[s-1] == h && t.keys[s-1] == k {
			return s - 1, false
		}
	}
}

// grow doubles the table (or makes its first one) and puts the keys back.
func (t *numbering[K]) grow() {
	t.slots = make([]int32, max(16, 2*len(t.slots)))
	mask := uint64(len(t.slots) - 1)
	for k, h := range t.hashes {
		i := h & mask
		for t.slots[i] != 0 {
			i = (i + 1) & mask
		}
		t.slots[i] = int32(k + 1)
	}
}

// floatBits returns the bits of v with −0 as +0, so that equal floats have equal bits.
func floatBits(v float64) uint64 {
	if v == 0 {
		return 0
	}
	return math.Float64bits(v)
}

// mix64 is the finaliser of MurmurHash3.
func mix64(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

func hashFloat(v float64) uint64 { return mix64(floatBits(v)) }

func hashPair(p xtPair) uint64 { return mix64(uint64(uint32(p.x))<<32 | uint64(uint32(p.t))) }

func hashSummary(s Summary) uint64 {
	return mix64(floatBits(s.X) ^ mix64(floatBits(s.Tx)^mix64(floatBits(s.T))))
}
