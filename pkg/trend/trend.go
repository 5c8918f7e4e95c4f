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

// Compute returns one row per month from the month of the first visit to the month of
// asOf, and the cohorts: the customers grouped by the quarter of their first visit (by
// month when the data span two years or less) with their retention. lapseAfter(i) is the
// number of days without a visit after which customer i of the set counts as lapsed (0:
// unknown, the customer is left out of lapsed and returned).
func Compute(set *history.Set, asOf visit.Day, lapseAfter func(i int) int) ([]Month, []Cohort) {
	last := asOf.Month()
	var rows []Month // rows[k] is the month k months before asOf's until reversed
	var back []int   // back[n]: how many months before asOf's the day n days before asOf lies
	lapsedOn := func(d visit.Day) {
		if k := last - d.Month(); k >= 0 && k < len(rows) {
			rows[k].Lapsed++
		}
	}
	spans := make([]span, 0, len(set.Customers))
	for i := range set.Customers {
		limit := lapseAfter(i)
		prevMonth, prevDay, firstDay := -1, visit.NoDay, visit.NoDay
		for day := range set.Customers[i].VisitDays(asOf) {
			for int(asOf-day) >= len(back) {
				back = append(back, last-(asOf-visit.Day(len(back))).Month())
			}
			k := back[asOf-day]
			for len(rows) <= k {
				rows = append(rows, Month{})
			}
			row := &rows[k]
			if prevDay == visit.NoDay {
				firstDay = day
				row.New++
			} else if limit > 0 && int(day-prevDay) > limit {
				lapsedOn(prevDay + visit.Day(limit))
				row.Returned++
			}
			if k != prevMonth {
				row.Active++
				prevMonth = k
			}
			prevDay = day
		}
		if prevDay == visit.NoDay {
			continue
		}
		if limit > 0 && int(asOf-prevDay) > limit {
			lapsedOn(prevDay + visit.Day(limit))
		}
		spans = append(spans, span{firstDay, prevDay})
	}
	slices.Reverse(rows)
	for i := range rows {
		rows[i].Month = visit.MonthName(last - len(rows) + 1 + i)
	}
	return rows, cohorts(spans, asOf)
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
