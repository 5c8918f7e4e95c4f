// Package calls plans a week of phone calls from the lapse verdicts: whom to call to win
// back, ranked by the value a call can still recover; whom to call after a finished course
// ("how is it going?"); and which new customers who first booked through a platform to
// welcome before they drift. It says nothing in words and writes nothing: it returns the
// customers' positions, ranks and the facts behind each rank.
//
// The package is pure: the as-of date comes in as an argument, and the same set, verdicts
// and configuration give the same plan.
package calls

import (
	"cmp"
	"math"
	"slices"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// Config holds the thresholds of the plan.
type Config struct {
	// HorizonDays is the window of "came back": a customer away a days came back when
	// their next visit fell within a+HorizonDays (365: within a year).
	HorizonDays int
	// MinCases is the least number of gaps at a length whose outcome is known for the
	// curve to use the data there (30); beyond, the chance decays from the last length
	// with enough cases with HalfLifeDays.
	MinCases int
	// HalfLifeDays is the decay used where the data are too few: the chance halves with
	// every HalfLifeDays further away (365). Without data at all the chance starts at
	// 0.5 at the first length.
	HalfLifeDays float64
	// LongLostDays: a customer away longer is long lost and marked as such (365).
	LongLostDays int
	// WelcomeDays: a new customer whose one visit, booked through a platform, was at
	// most this many days ago gets a welcome call (42).
	WelcomeDays int
	// FirstTimerMonths is how many months the platform first-timers' table covers (12).
	FirstTimerMonths int
}

// DefaultConfig returns the documented defaults.
func DefaultConfig() Config {
	return Config{HorizonDays: 365, MinCases: 30, HalfLifeDays: 365, LongLostDays: 365, WelcomeDays: 42, FirstTimerMonths: 12}
}

// orDefault fills the zero fields of c with the defaults.
func (c Config) orDefault() Config {
	d := DefaultConfig()
	if c.HorizonDays <= 0 {
		c.HorizonDays = d.HorizonDays
	}
	if c.MinCases <= 0 {
		c.MinCases = d.MinCases
	}
	if c.HalfLifeDays <= 0 {
		c.HalfLifeDays = d.HalfLifeDays
	}
	if c.LongLostDays <= 0 {
		c.LongLostDays = d.LongLostDays
	}
	if c.WelcomeDays <= 0 {
		c.WelcomeDays = d.WelcomeDays
	}
	if c.FirstTimerMonths <= 0 {
		c.FirstTimerMonths = d.FirstTimerMonths
	}
	return c
}

// curveDays are the lengths of absence, in days, at which [ReturnCurve] estimates the
// chance of coming back.
var curveDays = []int{0, 30, 60, 90, 120, 150, 180, 240, 300, 365, 450, 545, 730, 910, 1095, 1460, 1825}

// Curve is the chance that a customer away for a number of days comes back within the
// horizon, estimated from the data's own history.
type Curve struct {
	// Days are the lengths of absence; Chance the chance of a visit within the horizon
	// after being away that long; Cases how many absences of that length had a known
	// outcome (fewer than MinCases: Chance is the decay from the length before).
	Days   []int
	Chance []float64
	Cases  []int
	// Horizon is the window of "came back" in days.
	Horizon  int
	halfLife float64
	measured []bool
}

// ReturnCurve estimates, from every customer's history up to asOf, the chance that a
// customer who has been away a days comes back within cfg.HorizonDays: the history at
// earlier cut dates. Every absence in the data is one case: a gap between two visits
// (ended by a return) and the current gap since each customer's last visit (still open,
// censored at asOf). Of the absences that lasted a days, the share that ended within
// a+HorizonDays is 1 − S(a+H)/S(a), with S the Kaplan–Meier survival of the absences'
// lengths, which counts an open absence for as long as it has lasted and no further.
// They came back without a call; the chance if called is taken to be the same.
//
// The chance is made to fall with the time away (each length's chance is at most that of
// the length before). Where fewer than cfg.MinCases absences lasted a days, or no absence
// in the data was observed as long as a+HorizonDays, it halves every cfg.HalfLifeDays from
// the last length with enough.
func ReturnCurve(set *history.Set, asOf visit.Day, cfg Config) *Curve {
	cfg = cfg.orDefault()
	var gaps []gap
	for i := range set.Customers {
		last := visit.NoDay
		for d := range set.Customers[i].VisitDays(asOf) {
			if last != visit.NoDay && d != last {
				gaps = append(gaps, gap{int32(d - last), true})
			}
			last = d
		}
		if last != visit.NoDay {
			gaps = append(gaps, gap{int32(asOf - last), false})
		}
	}
	slices.SortFunc(gaps, func(x, y gap) int { return cmp.Compare(x.days, y.days) })
	n, h := len(curveDays), cfg.HorizonDays
	// The survival at every curve length and every length plus the horizon.
	at := make([]int, 0, 2*n)
	for _, a := range curveDays {
		at = append(at, a, a+h)
	}
	surv, risk := kaplanMeier(gaps, at)
	longest := 0
	if len(gaps) > 0 {
		longest = int(gaps[len(gaps)-1].days)
	}
	c := &Curve{Days: curveDays, Chance: make([]float64, n), Cases: make([]int, n), Horizon: h, halfLife: cfg.HalfLifeDays,
		measured: make([]bool, n)}
	for k, a := range curveDays {
		c.Cases[k] = risk[2*k]
		var p float64
		switch {
		case c.Cases[k] >= cfg.MinCases && longest >= a+h && surv[2*k] > 0:
			p = 1 - surv[2*k+1]/surv[2*k]
			c.measured[k] = true
		case k == 0:
			p = 0.5
		default:
			p = c.decay(c.Chance[k-1], curveDays[k]-curveDays[k-1])
		}
		if k > 0 {
			p = math.Min(p, c.Chance[k-1])
		}
		c.Chance[k] = p
	}
	return c
}

// gap is one absence: its length in days, and whether a visit ended it.
type gap struct {
	days   int32
	closed bool
}

// kaplanMeier returns, for each length in at, the Kaplan–Meier survival S(t) of gaps (in
// ascending order of length) at t — the chance that an absence lasts longer than t — and
// the number of gaps at least t long.
func kaplanMeier(gaps []gap, at []int) (surv []float64, risk []int) {
	order := make([]int, len(at))
	for k := range order {
		order[k] = k
	}
	slices.SortFunc(order, func(x, y int) int { return cmp.Compare(at[x], at[y]) })
	surv, risk = make([]float64, len(at)), make([]int, len(at))
	s, j := 1.0, 0
	for _, k := range order {
		t := int32(at[k])
		// Every length up to t: the returns at each length reduce the survival by the
		// share of the absences still open there that ended.
		for j < len(gaps) && gaps[j].days <= t {
			d := gaps[j].days
			open, returns := len(gaps)-j, 0
			for j < len(gaps) && gaps[j].days == d {
				if gaps[j].closed {
					returns++
				}
				j++
			}
			s *= 1 - float64(returns)/float64(open)
		}
		surv[k] = s
		// The gaps at least t long: those not yet passed, and those of length t.
		r := len(gaps) - j
		for i := j - 1; i >= 0 && gaps[i].days == t; i-- {
			r++
		}
		risk[k] = r
	}
	return surv, risk
}

func (c *Curve) decay(p float64, days int) float64 {
	return p * math.Exp2(-float64(days)/c.halfLife)
}

// At returns the chance of coming back within the horizon for a customer away days:
// interpolated between the curve's lengths, decaying beyond the last.
func (c *Curve) At(days int) float64 {
	last := len(c.Days) - 1
	switch {
	case days <= c.Days[0]:
		return c.Chance[0]
	case days >= c.Days[last]:
		return c.decay(c.Chance[last], days-c.Days[last])
	}
	k := 1
	for c.Days[k] < days {
		k++
	}
	a, b := c.Days[k-1], c.Days[k]
	t := float64(days-a) / float64(b-a)
	return c.Chance[k-1] + t*(c.Chance[k]-c.Chance[k-1])
}

// Measured reports whether the chance at days rests on at least MinCases absences of
// about that length in the data (else it is the documented decay).
func (c *Curve) Measured(days int) bool {
	k := 0
	for k+1 < len(c.Days) && c.Days[k+1] <= days {
		k++
	}
	return c.measured[k]
}
