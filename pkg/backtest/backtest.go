// Package backtest measures whether lapse verdicts, judged on the data cut at a date,
// foretell who does not come back by the end of a horizon: precision and recall of the
// verdicts (lapsed and lost are flagged) against the naive ranking by days since the last
// visit that flags as many customers. It returns counts, not single customers.
package backtest

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/visit"
)

// ErrNoHorizon is returned by [Measure] when the horizon's end is not after the as-of date.
var ErrNoHorizon = errors.New("backtest: the horizon ends on or before the as-of date")

// Score is how one ranking did in one group of customers.
type Score struct {
	// Flagged is how many customers the ranking flagged; Hits how many of them did not
	// come back.
	Flagged, Hits int
	// NotBack is how many customers of the group did not come back: what recall is a
	// share of.
	NotBack int
}

// Precision is the share of the flagged customers who did not come back; 0 when none was
// flagged (see [Score.Flagged]).
func (s Score) Precision() float64 { return share(s.Hits, s.Flagged) }

// Recall is the share of the customers who did not come back that were flagged; 0 when
// all came back.
func (s Score) Recall() float64 { return share(s.Hits, s.NotBack) }

func share(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// Group is the scores of the customers decided by one rule, or of all customers.
type Group struct {
	// Rule decided the group's verdicts; 0 for all customers.
	Rule lapse.Rule
	// Judged counts the customers with a visit on or before the as-of date; NotBack those
	// of them without a visit in the horizon.
	Judged, NotBack int
	// Lapsed and Lost count the verdicts that flag a customer, by status.
	Lapsed, Lost int
	// Verdicts scores the verdicts: lapsed and lost are flagged. Naive scores the ranking
	// by days since the last visit that flags as many customers of the group, ties broken
	// by the customers' keys.
	Verdicts, Naive Score
	// Overall scores the group's customers among those the naive ranking of all customers
	// flags ([Result.All]'s Naive): by rule, its hits and the verdicts' sum to the totals,
	// so the difference says which rule's verdicts gain or lose against recency overall.
	Overall Score
}

// BaseRate is the share of the group that did not come back: the precision of flagging
// at random.
func (g Group) BaseRate() float64 { return share(g.NotBack, g.Judged) }

// Result is a backtest's figures.
type Result struct {
	// AsOf is the day the verdicts were judged on; End the last day of the horizon, in
	// which a visit is coming back.
	AsOf, End visit.Day
	// All is every judged customer; ByRule the customers of each rule that judged any, in
	// the order the rules are tried. The naive ranking of a rule's group ranks that group
	// alone, so the two scores compare orderings among the same customers.
	All    Group
	ByRule []Group
	// Unjudged counts the verdicts without a visit on or before AsOf (rule no-visit):
	// they have no days since a last visit to rank by, and count nowhere else.
	Unjudged int
	// PAlive scores flagging, of all judged customers, those whose model P(alive) is
	// below [PAliveCut], however many they are; PAliveUsable is false when no judged
	// customer has a P(alive) (no usable model), and PAlive is then zero.
	PAlive       Score
	PAliveUsable bool
	// Hints compares, for each hint code found on a judged customer, how often the
	// customers with it and those without it did not come back: by lift (highest first),
	// then by how many have the hint, then by code.
	Hints []Hint
}

// Hint is how one hint code did: With judged customers had it, WithNotBack of them did
// not come back; Without and WithoutNotBack are the other judged customers.
type Hint struct {
	Code                                       string
	With, WithNotBack, Without, WithoutNotBack int
}

// Lift is the share of the customers with the hint who did not come back divided by that
// share among those without it: above 1 the hint foretells staying away. +Inf when every
// customer without the hint came back (or everybody has it) and some with it did not.
func (h Hint) Lift() float64 {
	with, without := share(h.WithNotBack, h.With), share(h.WithoutNotBack, h.Without)
	switch {
	case without > 0:
		// From the counts, so that 3 of 4 against 1 of 4 is exactly 3.
		return float64(h.WithNotBack*h.Without) / float64(h.With*h.WithoutNotBack)
	case with > 0:
		return math.Inf(1)
	}
	return 0
}

// PAliveCut is the P(alive) below which the model alone flags a customer.
const PAliveCut = 0.3

// Measure scores verdicts judged as of asOf on the data cut at asOf: a customer came back
// when full, the same data uncut, has a visit of theirs in (asOf, end] (see
// [history.Event.IsVisit]). end must be a day the data covers. findings, when not nil, are
// the hints found on the cut data, findings[i] for verdicts[i] (see [Result.Hints]).
func Measure(full *history.Set, verdicts []lapse.Verdict, findings [][]reason.Finding, asOf, end visit.Day) (*Result, error) {
	if findings != nil && len(findings) != len(verdicts) {
		return nil, fmt.Errorf("backtest: %d findings for %d verdicts", len(findings), len(verdicts))
	}
	if end <= asOf {
		return nil, fmt.Errorf("%w: %s, as of %s", ErrNoHorizon, end, asOf)
	}
	r := &Result{AsOf: asOf, End: end}
	// Verdicts come in the cut set's order, by key: the ranking's ties are broken so.
	var all []judged
	for i := range verdicts {
		v := &verdicts[i]
		if v.LastVisit == visit.NoDay {
			r.Unjudged++
			continue
		}
		h := full.Find(v.Key)
		if h == nil {
			return nil, fmt.Errorf("backtest: customer %q of the verdicts is not in the data", v.Key)
		}
		var hints []reason.Finding
		if findings != nil {
			hints = findings[i]
		}
		all = append(all, judged{hints: hints, rule: v.Rule, status: v.Status, gap: int(asOf - v.LastVisit), pAlive: v.PAlive, notBack: !cameBack(h, asOf, end)})
	}
	score := func(rule lapse.Rule, in []judged) Group {
		g := Group{Rule: rule, Judged: len(in)}
		for _, c := range in {
			if c.notBack {
				g.NotBack++
			}
			switch c.status {
			case lapse.Lapsed:
				g.Lapsed++
			case lapse.Lost:
				g.Lost++
			}
			if c.status.Missing() {
				g.Verdicts.Flagged++
				if c.notBack {
					g.Verdicts.Hits++
				}
			}
			if c.overall {
				g.Overall.Flagged++
				if c.notBack {
					g.Overall.Hits++
				}
			}
		}
		g.Verdicts.NotBack, g.Naive.NotBack, g.Overall.NotBack = g.NotBack, g.NotBack, g.NotBack
		g.Naive.Flagged = g.Verdicts.Flagged
		for _, c := range in[:g.Naive.Flagged] { // in is ranked by days since the last visit
			if c.notBack {
				g.Naive.Hits++
			}
		}
		return g
	}
	// The naive ranking: by days since the last visit, ties by key; every group keeps it.
	slices.SortStableFunc(all, func(a, b judged) int { return b.gap - a.gap })
	r.All = score(0, all)
	r.All.Overall = r.All.Naive // overall is the naive ranking of all customers
	for i := range all[:r.All.Naive.Flagged] {
		all[i].overall = true
	}
	r.PAlive, r.PAliveUsable = pAliveScore(all, r.All.NotBack)
	r.Hints = hintLifts(all, r.All.NotBack)
	byRule := map[lapse.Rule][]judged{}
	for _, c := range all {
		byRule[c.rule] = append(byRule[c.rule], c)
	}
	for rule := lapse.RuleBooked; rule <= lapse.RuleNoVisit; rule++ {
		if in := byRule[rule]; len(in) > 0 {
			r.ByRule = append(r.ByRule, score(rule, in))
		}
	}
	return r, nil
}

// judged is one customer judged as of the as-of date.
type judged struct {
	rule    lapse.Rule
	status  lapse.Status
	gap     int
	pAlive  float64 // -1 without a usable model
	notBack bool
	overall bool // flagged by the naive ranking of all customers
	hints   []reason.Finding
}

// pAliveScore scores flagging the customers whose P(alive) is below [PAliveCut]; usable
// is false when none has a P(alive).
func pAliveScore(all []judged, notBack int) (s Score, usable bool) {
	s.NotBack = notBack
	for _, c := range all {
		if c.pAlive < 0 {
			continue
		}
		usable = true
		if c.pAlive < PAliveCut {
			s.Flagged++
			if c.notBack {
				s.Hits++
			}
		}
	}
	return s, usable
}

// hintLifts counts, for each hint code, the customers with it and who of them did not come
// back, against the others (notBack of all did not come back), in [Result.Hints]' order.
func hintLifts(all []judged, notBack int) []Hint {
	hints := map[string]*Hint{}
	for _, c := range all {
		for k, f := range c.hints {
			if slices.ContainsFunc(c.hints[:k], func(g reason.Finding) bool { return g.Code == f.Code }) {
				continue // once per customer
			}
			h := hints[f.Code]
			if h == nil {
				h = &Hint{Code: f.Code}
				hints[f.Code] = h
			}
			h.With++
			if c.notBack {
				h.WithNotBack++
			}
		}
	}
	var out []Hint
	for _, h := range hints {
		h.Without, h.WithoutNotBack = len(all)-h.With, notBack-h.WithNotBack
		out = append(out, *h)
	}
	slices.SortFunc(out, func(a, b Hint) int {
		return cmp.Or(cmp.Compare(b.Lift(), a.Lift()), b.With-a.With, strings.Compare(a.Code, b.Code))
	})
	return out
}

// cameBack reports whether h has a visit in (asOf, end].
func cameBack(h *history.History, asOf, end visit.Day) bool {
	for i := h.NumPast(asOf); i < h.Len(); i++ {
		e := h.At(i)
		if e.Day > end {
			return false
		}
		if e.IsVisit(end) {
			return true
		}
	}
	return false
}
