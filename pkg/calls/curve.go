// Package calls plans a week of phone calls from the lapse verdicts: whom to call to win
// back, ranked by the value a call can still recover; whom to call after a finished course;
// and which new customers who first booked through a platform to welcome. It returns the
// customers' positions, ranks and the facts behind each rank, as of a date passed in.
package calls

import (
	"math"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// Config holds the thresholds of the plan.
type Config struct {
	// HorizonDays is the window of "came back": a customer away a days came back when
	// their next visit fell within a+HorizonDays (365: within a year).
	HorizonDays int
	// MinCases is the least number of absences at a length for the curve to use the data
	// there (30).
	MinCases int
	// HalfLifeDays is the decay where the data are too few: the chance halves with every
	// HalfLifeDays further away (365), from 0.5 without data at all.
	HalfLifeDays float64
	// LongLostDays: a customer away longer is long lost and marked as such (365).
	LongLostDays int
	// WelcomeDays: a new customer whose one visit, booked through a platform, was at
	// most this many days ago gets a welcome call (42).
	WelcomeDays int
	// FollowUpDays: a customer whose course of treatment ended at most this many days
	// ago gets a follow-up call (180).
	FollowUpDays int
	// FirstTimerMonths is how many months the platform first-timers' table covers (12).
	FirstTimerMonths int
}

// DefaultConfig returns the documented defaults.
func DefaultConfig() Config {
	return Config{HorizonDays: 365, MinCases: 30, HalfLifeDays: 365, LongLostDays: 365, WelcomeDays: 42, FollowUpDays: 180, FirstTimerMonths: 12}
}

// orDefault fills the zero (or negative) fields of c with the defaults.
func (c Config) orDefault() Config {
	d := DefaultConfig()
	c.HorizonDays = positiveOr(c.HorizonDays, d.HorizonDays)
	c.MinCases = positiveOr(c.MinCases, d.MinCases)
	c.HalfLifeDays = positiveOr(c.HalfLifeDays, d.HalfLifeDays)
	c.LongLostDays = positiveOr(c.LongLostDays, d.LongLostDays)
	c.WelcomeDays = positiveOr(c.WelcomeDays, d.WelcomeDays)
	c.FollowUpDays = positiveOr(c.FollowUpDays, d.FollowUpDays)
	c.FirstTimerMonths = positiveOr(c.FirstTimerMonths, d.FirstTimerMonths)
	return c
}

// positiveOr returns v when it is positive, else d.
func positiveOr[T int | float64](v, d T) T {
	if v > 0 {
		return v
	}
	return d
}

// curveDays are the lengths of absence, in days, at which [Absences.Curve] estimates the
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

// Absences counts the absences of customers by their length in days, for [Absences.Curve]:
// every gap between two visit days, and the open gap since the last visit (censored at the
// as-of date). The zero value is empty.
type Absences struct{ closed, open []int32 }

// Add counts the absences of one customer whose events, oldest first, are given, as of asOf.
func (abs *Absences) Add(events []history.Event, asOf visit.Day) {
	last := visit.NoDay
	for _, e := range events {
		if e.Day > asOf {
			break
		}
		if !e.IsVisit(asOf) {
			continue
		}
		if last != visit.NoDay && e.Day != last {
			count(&abs.closed, e.Day-last)
		}
		last = e.Day
	}
	if last != visit.NoDay {
		count(&abs.open, asOf-last)
	}
}

// Merge adds b's counts to abs's.
func (abs *Absences) Merge(b *Absences) {
	for _, c := range [2]struct{ dst, src *[]int32 }{{&abs.closed, &b.closed}, {&abs.open, &b.open}} {
		if len(*c.src) > len(*c.dst) {
			*c.dst = append(*c.dst, make([]int32, len(*c.src)-len(*c.dst))...)
		}
		for d, k := range *c.src {
			(*c.dst)[d] += k
		}
	}
}

// count counts one absence of the given length in *c.
func count(c *[]int32, days visit.Day) {
	if int(days) >= len(*c) {
		*c = append(*c, make([]int32, int(days)+1-len(*c))...)
	}
	(*c)[days]++
}

// Curve estimates, from the absences counted, the chance that a customer who has been
// away a days comes back within cfg.HorizonDays: 1 − S(a+H)/S(a), with S the Kaplan–Meier
// survival of the absences' lengths, made to fall with the time away; where fewer than
// cfg.MinCases absences lasted a days, or none was observed as long as a+H, it halves
// every cfg.HalfLifeDays.
func (abs *Absences) Curve(cfg Config) *Curve {
	cfg = cfg.orDefault()
	surv, risk := kaplanMeier(abs.closed, abs.open)
	at := func(x []float64, d int) float64 {
		if len(x) == 0 {
			return 1
		}
		return x[min(d, len(x)-1)]
	}
	n, h := len(curveDays), cfg.HorizonDays
	c := &Curve{Days: curveDays, Chance: make([]float64, n), Cases: make([]int, n), Horizon: h, halfLife: cfg.HalfLifeDays,
		measured: make([]bool, n)}
	for k, a := range curveDays {
		if a < len(risk) {
			c.Cases[k] = risk[a]
		}
		var p float64
		switch {
		case c.Cases[k] >= cfg.MinCases && len(risk) > a+h && at(surv, a) > 0:
			p = 1 - at(surv, a+h)/at(surv, a)
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

// kaplanMeier returns, for each length d in days up to the longest absence, the
// Kaplan–Meier survival S(d) of the absences — the chance that an absence lasts longer
// than d — and the number of absences at least d long, given the numbers of closed (ended
// by a visit) and open absences of each length.
func kaplanMeier(closed, open []int32) (surv []float64, risk []int) {
	n := max(len(closed), len(open))
	num := func(c []int32, d int) int {
		if d < len(c) {
			return int(c[d])
		}
		return 0
	}
	left := 0 // the absences at least d long
	for d := range n {
		left += num(closed, d) + num(open, d)
	}
	surv, risk = make([]float64, n), make([]int, n)
	s := 1.0
	for d := range n {
		risk[d] = left
		if r := num(closed, d); r > 0 {
			s *= 1 - float64(r)/float64(left)
		}
		surv[d] = s
		left -= num(closed, d) + num(open, d)
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
