package outreach

import (
	"math"
	"slices"

	"github.com/winback/winback/pkg/state"
	"github.com/winback/winback/pkg/visit"
)

// z90 is the standard normal quantile of a two-sided 90 % interval.
const z90 = 1.6448536269514722

// Too small to tell: fewer customers than this in either group, or fewer returns than
// minBack in both together.
const (
	minGroup = 30
	minBack  = 10
)

// Group is one side of the comparison: customers put on the win-back list, how many
// visited since, and what those visits brought (currency units).
type Group struct {
	Customers, Back int
	Value           float64
	values          []float64 // per customer
}

// Share is the share of the group that came back.
func (g Group) Share() float64 {
	if g.Customers == 0 {
		return math.NaN()
	}
	return float64(g.Back) / float64(g.Customers)
}

// Effect compares the customers who were to be called with those who were not. With a
// control group (Fair), drawn at random when a customer is first on the win-back list, it
// is the effect of being put on the list (intention to treat); without one, Called are
// the customers with a filed call and Other the rest of the list, which is not fair: the
// practice chooses whom to call. The share's interval is Agresti and Caffo's (2000), which
// keeps its coverage from about ten customers per group; the value's is Welch's. TooSmall:
// fewer than 30 customers in a group, or fewer than 10 returns in both together.
type Effect struct {
	Fair          bool
	Called, Other Group
	// Diff is Called's share back minus Other's, with its 90 % interval Lo..Hi.
	Diff, Lo, Hi float64
	// ValueDiff is the difference in value per customer, with its 90 % interval.
	ValueDiff, ValueLo, ValueHi float64
	TooSmall                    bool
}

// Effect compares the groups; nil when nobody was on the win-back list before today.
func (p *Plan) Effect() *Effect {
	r := p.r
	called := make([]bool, len(p.why))
	for _, c := range p.calls {
		if c.i >= 0 && c.CalledOn != "" {
			called[c.i] = true
		}
	}
	fair := slices.Contains(p.group, state.Control)
	e := &Effect{Fair: fair}
	for i, g := range p.group {
		if g == "" {
			continue
		}
		var side *Group
		switch {
		case fair && g == state.Called:
			side = &e.Called
		case fair && g == state.Control:
			side = &e.Other
		case fair:
			continue // listed before the control group was kept
		case called[i]:
			side = &e.Called
		default:
			side = &e.Other
		}
		since, err := visit.ParseDay(p.since[i])
		if err != nil || since >= r.AsOf {
			continue // first listed today: no time to come back yet
		}
		var value int64
		back := false
		for d, amount := range r.Set.Customers[i].VisitDays(r.AsOf) {
			if d > since {
				back = true
				value += amount
			}
		}
		side.Customers++
		if back {
			side.Back++
		}
		side.Value += float64(value) / 100
		side.values = append(side.values, float64(value)/100)
	}
	if e.Called.Customers+e.Other.Customers == 0 {
		return nil
	}
	e.compare()
	return e
}

// compare works out the differences and their intervals.
func (e *Effect) compare() {
	a, b := e.Called, e.Other
	e.TooSmall = a.Customers < minGroup || b.Customers < minGroup || a.Back+b.Back < minBack
	e.Diff = a.Share() - b.Share()
	pa := (float64(a.Back) + 1) / (float64(a.Customers) + 2)
	pb := (float64(b.Back) + 1) / (float64(b.Customers) + 2)
	se := math.Sqrt(pa*(1-pa)/(float64(a.Customers)+2) + pb*(1-pb)/(float64(b.Customers)+2))
	e.Lo, e.Hi = pa-pb-z90*se, pa-pb+z90*se
	ma, va := meanVar(a.values)
	mb, vb := meanVar(b.values)
	e.ValueDiff = ma - mb
	vse := math.Sqrt(va/float64(max(a.Customers, 1)) + vb/float64(max(b.Customers, 1)))
	e.ValueLo, e.ValueHi = e.ValueDiff-z90*vse, e.ValueDiff+z90*vse
	if a.Customers == 0 || b.Customers == 0 {
		e.Diff, e.Lo, e.Hi = math.NaN(), math.NaN(), math.NaN()
		e.ValueDiff, e.ValueLo, e.ValueHi = math.NaN(), math.NaN(), math.NaN()
		e.TooSmall = true
	}
}

// meanVar returns the mean and the sample variance of xs.
func meanVar(xs []float64) (mean, variance float64) {
	if len(xs) == 0 {
		return 0, 0
	}
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	if len(xs) < 2 {
		return mean, 0
	}
	for _, x := range xs {
		variance += (x - mean) * (x - mean)
	}
	return mean, variance / float64(len(xs)-1)
}
