// Package trend counts, month by month, the customers who visited (active), came for the
// first time (new), became lapsed and came back after being lapsed; and the retention of
// cohorts by the month or quarter of their first visit. It takes each customer's lapse
// threshold from the caller (package lapse decides those) and does not judge anyone itself.
package trend

import (
	"fmt"
	"maps"
	"slices"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// Month is one month of the trend.
type Month struct {
	Month    string // yyyy-mm
	Active   int    // customers with a visit in the month
	New      int    // customers whose first visit was in the month
	Lapsed   int    // customers whose gap passed their lapse threshold in the month
	Returned int    // customers who visited in the month after a gap beyond their threshold
}

// Counter counts the trend and the cohorts one customer at a time ([Counter.Add]), on one
// goroutine; counters of parts of the customers add up with [Counter.Merge].
type Counter struct {
	asOf  visit.Day
	last  int     // asOf's month
	rows  []Month // rows[k] is the month k months before asOf's
	back  []int   // back[n]: how many months before asOf's the day n days before asOf lies
	spans []span
}

// NewCounter returns an empty counter as of asOf.
func NewCounter(asOf visit.Day) *Counter { return &Counter{asOf: asOf, last: asOf.Month()} }

// Add counts one customer whose events, oldest first, are given. limit is the number of
// days without a visit after which the customer counts as lapsed (0: unknown, the customer
// is left out of lapsed and returned).
func (c *Counter) Add(events []history.Event, limit int) {
	asOf := c.asOf
	prevMonth, prevDay, firstDay := -1, visit.NoDay, visit.NoDay
	for _, e := range events {
		if e.Day > asOf {
			break
		}
		if !e.IsVisit(asOf) {
			continue
		}
		day := e.Day
		for int(asOf-day) >= len(c.back) {
			c.back = append(c.back, c.last-(asOf-visit.Day(len(c.back))).Month())
		}
		k := c.back[asOf-day]
		for len(c.rows) <= k {
			c.rows = append(c.rows, Month{})
		}
		row := &c.rows[k]
		if prevDay == visit.NoDay {
			firstDay = day
			row.New++
		} else if limit > 0 && int(day-prevDay) > limit {
			c.lapsedOn(prevDay + visit.Day(limit))
			row.Returned++
		}
		if k != prevMonth {
			row.Active++
			prevMonth = k
		}
		prevDay = day
	}
	if prevDay == visit.NoDay {
		return
	}
	if limit > 0 && int(asOf-prevDay) > limit {
		c.lapsedOn(prevDay + visit.Day(limit))
	}
	c.spans = append(c.spans, span{firstDay, prevDay})
}

// lapsedOn counts a customer lapsing on d, a day of a month already counted.
func (c *Counter) lapsedOn(d visit.Day) {
	if k := c.last - d.Month(); k >= 0 && k < len(c.rows) {
		c.rows[k].Lapsed++
	}
}

// Merge adds the customers counted by o, a counter as of the same day, to c.
func (c *Counter) Merge(o *Counter) {
	for len(c.rows) < len(o.rows) {
		c.rows = append(c.rows, Month{})
	}
	for k, m := range o.rows {
		r := &c.rows[k]
		r.Active, r.New, r.Lapsed, r.Returned = r.Active+m.Active, r.New+m.New, r.Lapsed+m.Lapsed, r.Returned+m.Returned
	}
	c.spans = append(c.spans, o.spans...)
}

// Result returns one row per month from the month of the first visit to the month of
// asOf, and the cohorts: the customers grouped by the quarter of their first visit (by
// month when the data span two years or less) with their retention.
func (c *Counter) Result() ([]Month, []Cohort) {
	rows := slices.Clone(c.rows)
	slices.Reverse(rows)
	for i := range rows {
		rows[i].Month = visit.MonthName(c.last - len(rows) + 1 + i)
	}
	return rows, cohorts(c.spans, c.asOf)
}

// span is a customer's first and last visit.
type span struct {
	first, last visit.Day
}

// Cohort is the retention of the customers who first came in one month or quarter.
type Cohort struct {
	Name      string // yyyy-mm or yyyy-Qn
	Customers int
	// Retained[i] is the share of the cohort with a visit at least After[i] months after
	// their first visit; -1 when the whole cohort cannot have reached that point by as-of.
	Retained []float64
}

// After are the months at which cohorts' retention is measured.
var After = []int{1, 3, 6, 12}

// cohorts groups the customers with the visit spans ms by the quarter of their first
// visit (by month when the data span two years or less) and measures their retention.
func cohorts(ms []span, asOf visit.Day) []Cohort {
	if len(ms) == 0 {
		return nil
	}
	earliest := slices.MinFunc(ms, func(a, b span) int { return int(a.first - b.first) })
	quarters := asOf.Month()-earliest.first.Month() > 24
	key := func(y, m int) int {
		if quarters {
			return y*4 + (m-1)/3
		}
		return y*12 + m - 1
	}
	name := func(k int) string {
		if quarters {
			return fmt.Sprintf("%04d-Q%d", k/4, k%4+1)
		}
		return visit.MonthName(k)
	}
	type acc struct {
		name      string
		n         int
		kept      []int
		latestFst visit.Day
	}
	groups := map[int]*acc{}
	for _, m := range ms {
		y, mo, dd := m.first.Date()
		k := key(y, mo)
		a := groups[k]
		if a == nil {
			a = &acc{name: name(k), kept: make([]int, len(After))}
			groups[k] = a
		}
		a.n++
		a.latestFst = max(a.latestFst, m.first)
		for i, months := range After {
			if m.last >= visit.DayOf(y, mo+months, dd) { // as addMonths
				a.kept[i]++
			}
		}
	}
	var out []Cohort
	for _, k := range slices.Sorted(maps.Keys(groups)) {
		a := groups[k]
		c := Cohort{Name: a.name, Customers: a.n, Retained: make([]float64, len(After))}
		for i, months := range After {
			if addMonths(a.latestFst, months) > asOf {
				c.Retained[i] = -1
				continue
			}
			c.Retained[i] = float64(a.kept[i]) / float64(a.n)
		}
		out = append(out, c)
	}
	return out
}

// addMonths adds calendar months (31 January + 1 month = 3 March, as time.AddDate does).
func addMonths(d visit.Day, months int) visit.Day {
	y, m, dd := d.Date()
	return visit.DayOf(y, m+months, dd)
}
