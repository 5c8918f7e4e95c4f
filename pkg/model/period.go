package model

import (
	"fmt"
	"math"

	"github.com/winback/winback/pkg/visit"
)

// Period is the time unit of a [Summary], and so of the models' parameters.
type Period uint8

// The time units a [Summary] can be expressed in. A month is 365.25/12 days.
const (
	Days Period = iota
	Weeks
	Months
)

var periodNames = [...]string{"day", "week", "month"}

// Length returns the number of days in one p.
func (p Period) Length() float64 {
	switch p {
	case Days:
		return 1
	case Weeks:
		return 7
	case Months:
		return 365.25 / 12
	}
	return math.NaN()
}

// String returns "day", "week" or "month".
func (p Period) String() string {
	if int(p) < len(periodNames) {
		return periodNames[p]
	}
	return fmt.Sprintf("period(%d)", p)
}

// MarshalText encodes p by its name, for JSON and flags.
func (p Period) MarshalText() ([]byte, error) {
	if int(p) >= len(periodNames) {
		return nil, fmt.Errorf("unknown period %d", p)
	}
	return []byte(periodNames[p]), nil
}

// UnmarshalText decodes a name accepted by [ParsePeriod].
func (p *Period) UnmarshalText(text []byte) error {
	q, err := ParsePeriod(string(text))
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// ParsePeriod returns the [Period] named "day", "week" or "month".
func ParsePeriod(name string) (Period, error) {
	for i, n := range periodNames {
		if n == name {
			return Period(i), nil
		}
	}
	return 0, fmt.Errorf("unknown period %q (known: day, week, month)", name)
}

// Summary is what the BG/NBD and Pareto/NBD models know of one customer, in periods:
// X is the number of repeat transactions (the first one is not counted), Tx the time from
// the first to the last transaction, and T the time from the first transaction to the end
// of the observation. 0 ≤ Tx ≤ T, and Tx = 0 when X = 0.
type Summary struct {
	X  float64 `json:"x"`
	Tx float64 `json:"t_x"`
	T  float64 `json:"T"`
}

// Validate reports whether s is a possible summary.
func (s Summary) Validate() error {
	switch {
	case !(s.X >= 0) || math.IsInf(s.X, 0):
		return fmt.Errorf("frequency x = %v is not a finite number ≥ 0", s.X)
	case !(s.Tx >= 0) || !(s.T >= s.Tx) || math.IsInf(s.T, 0):
		return fmt.Errorf("recency t_x = %v and age T = %v do not satisfy 0 ≤ t_x ≤ T < ∞", s.Tx, s.T)
	case s.X == 0 && s.Tx != 0:
		return fmt.Errorf("recency t_x = %v with no repeat transaction (x = 0)", s.Tx)
	}
	return nil
}

// Summarize returns the [Summary] of one customer's visit days (sorted, distinct) as of
// asOf, in unit, as in the literature: x counts the visit days after the first, t_x = last
// − first and T = asOf − first. ok is false when no visit falls on or before asOf.
func Summarize(days []visit.Day, asOf visit.Day, unit Period) (s Summary, ok bool) {
	n := countUpTo(days, asOf)
	if n == 0 {
		return Summary{}, false
	}
	first, last := days[0], days[n-1]
	l := unit.Length()
	return Summary{
		X:  float64(n - 1),
		Tx: float64(last-first) / l,
		T:  float64(asOf-first) / l,
	}, true
}

// RepeatMean returns zbar, the mean amount (amounts[i] spent on days[i]) of the visit days
// after the first on or before asOf, for Gamma-Gamma; 0 when there is none.
func RepeatMean(days []visit.Day, amounts []float64, asOf visit.Day) float64 {
	n := min(countUpTo(days, asOf), len(amounts))
	if n < 2 {
		return 0
	}
	sum := 0.0
	for _, a := range amounts[1:n] {
		sum += a
	}
	return sum / float64(n-1)
}

// countUpTo returns the number of sorted days on or before asOf.
func countUpTo(days []visit.Day, asOf visit.Day) int {
	n := len(days)
	for n > 0 && days[n-1] > asOf {
		n--
	}
	return n
}
