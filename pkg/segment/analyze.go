package segment

import (
	"errors"
	"fmt"
	"slices"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/visit"
)

// ErrInvalidCustomer is returned for a customer whose recency or frequency cannot be.
var ErrInvalidCustomer = errors.New("invalid customer")

// Customer is what scoring needs to know of one customer.
type Customer struct {
	Key string
	// Recency is the number of days from the last visit to the as-of date, 0 or more.
	Recency int32
	// Frequency is the number of visit days, 1 or more.
	Frequency int
	// Monetary is the total spend in minor units (cents); ignored unless
	// [Input.HasAmounts].
	Monetary int64
}

// Input is the population to segment.
type Input struct {
	Customers []Customer
	// HasAmounts says whether the export had amounts; without them there are no M scores
	// and no revenue.
	HasAmounts bool
	// Skipped counts customers left out because they had no visit on or before the as-of
	// date (only cancellations, no-shows or future bookings); it is passed on to [Result].
	Skipped int
}

// FromHistories builds the input as of asOf from customer histories: recency from the
// last visit, frequency as visit days, monetary as the sum of visit amounts (see
// [history.History.Summarize]). Customers without a visit on or before asOf are left out
// and counted in [Input.Skipped]. Customers keep the order of hs.
func FromHistories(hs []history.History, asOf visit.Day, hasAmounts bool) Input {
	in := Input{Customers: make([]Customer, 0, len(hs)), HasAmounts: hasAmounts}
	for i := range hs {
		s := hs[i].Summarize(asOf)
		if s.Visits == 0 {
			in.Skipped++
			continue
		}
		in.Customers = append(in.Customers, Customer{
			Key:       hs[i].Key,
			Recency:   int32(asOf - s.Last),
			Frequency: s.Visits,
			Monetary:  s.Spend,
		})
	}
	return in
}

// FromSet is [FromHistories] on every customer of s, with amounts when the export had an
// amount column.
func FromSet(s *history.Set, asOf visit.Day) Input {
	return FromHistories(s.Customers, asOf, s.Columns.Amount)
}

// Scored is one customer with their scores and segment.
type Scored struct {
	Customer
	// R, F and M are the scores 1–5; M is [NoScore] without amounts.
	R, F, M Score
	// Segment is the code of the customer's segment in the map used.
	Segment string
}

// Grid holds the number of customers per cell of the R×F grid: Grid[r-1][f-1].
type Grid [5][5]int

// At returns the number of customers in cell (r, f).
func (g *Grid) At(r, f Score) int { return g[r-1][f-1] }

// Summary describes one segment of a [Result].
type Summary struct {
	Segment
	// Customers in the segment, and their share of all customers scored.
	Customers int
	Share     float64
	// MedianRecency (days) and MedianFrequency (visits) are exact medians; for an even
	// number of customers, the mean of the two middle values. Both 0 for an empty segment.
	MedianRecency, MedianFrequency float64
	// Revenue is the segment's total spend in minor units and RevenueShare its share of
	// all spend; both 0 without amounts (RevenueShare also when all spend sums to 0).
	Revenue      int64
	RevenueShare float64
}

// Result is the outcome of [Analyze].
type Result struct {
	// Customers are the input customers, in input order, with scores and segment.
	Customers []Scored
	// R, F and M are the scales used, with their bins and a note on ties. M has no groups
	// without amounts.
	R, F, M Scale
	// Segments summarises every segment of the map, in the map's order (champions first,
	// hibernating last for the default map), empty ones included.
	Segments []Summary
	// Grid counts customers per R×F cell, for a heat map.
	Grid Grid
	// HasAmounts, Revenue (total spend in minor units) and Skipped (customers without a
	// visit by the as-of date) come from the input.
	HasAmounts bool
	Revenue    int64
	Skipped    int
}

// Analyze scores every customer of in on R, F and (with amounts) M by quintiles (see [Scale]),
// places them on the grid of m ([DefaultMap] when nil) and summarises each segment. It
// fails for a customer with negative recency or no visits, and for more than
// [MaxCustomers] customers.
func Analyze(in Input, m *Map) (*Result, error) {
	if m == nil {
		m = DefaultMap()
	}
	if len(m.segments) == 0 {
		return nil, fmt.Errorf("%w: the map has no segments (use NewMap)", ErrInvalidMap)
	}
	cs := in.Customers
	n := len(cs)
	for i := range cs {
		switch c := &cs[i]; {
		case c.Recency < 0:
			return nil, fmt.Errorf("%w %q: recency %d is negative (a visit after the as-of date?)", ErrInvalidCustomer, c.Key, c.Recency)
		case c.Frequency < 1:
			return nil, fmt.Errorf("%w %q: frequency %d, but a customer has at least one visit", ErrInvalidCustomer, c.Key, c.Frequency)
		}
	}

	res := &Result{HasAmounts: in.HasAmounts, Skipped: in.Skipped}
	values := make([]int64, n) // scratch, overwritten by each scoring
	score := func(meas Measure, get func(*Customer) int64) ([]Score, Scale, error) {
		for i := range cs {
			values[i] = get(&cs[i])
		}
		return quintiles(meas, values)
	}
	rs, rScale, err := score(Recency, func(c *Customer) int64 { return int64(c.Recency) })
	if err != nil {
		return nil, err
	}
	fs, fScale, err := score(Frequency, func(c *Customer) int64 { return int64(c.Frequency) })
	if err != nil {
		return nil, err
	}
	var ms []Score
	mScale := Scale{Measure: Monetary, Customers: n, Ties: Ties{Kind: TiesNoAmounts}}
	for s := range mScale.Bins {
		mScale.Bins[s].Score = Score(s + 1)
	}
	if in.HasAmounts {
		ms, mScale, err = score(Monetary, func(c *Customer) int64 { return c.Monetary })
		if err != nil {
			return nil, err
		}
	}
	res.R, res.F, res.M = rScale, fScale, mScale

	segs := m.segments
	counts := make([]int, len(segs))
	revenue := make([]int64, len(segs))
	recency := make([][]int32, len(segs))
	frequency := make([][]int, len(segs))
	res.Customers = make([]Scored, n)
	for i := range cs {
		r, f := rs[i], fs[i]
		s := m.cells[r-1][f-1]
		counts[s]++
		recency[s] = append(recency[s], cs[i].Recency)
		frequency[s] = append(frequency[s], cs[i].Frequency)
		res.Grid[r-1][f-1]++
		sc := Scored{Customer: cs[i], R: r, F: f, Segment: segs[s].Code}
		if in.HasAmounts {
			sc.M = ms[i]
			revenue[s] = money.Add(revenue[s], cs[i].Monetary)
			res.Revenue = money.Add(res.Revenue, cs[i].Monetary)
		}
		res.Customers[i] = sc
	}

	res.Segments = make([]Summary, len(segs))
	for s, seg := range segs {
		sum := Summary{Segment: seg, Customers: counts[s], Revenue: revenue[s]}
		if n > 0 {
			sum.Share = float64(counts[s]) / float64(n)
		}
		if res.Revenue != 0 {
			sum.RevenueShare = float64(revenue[s]) / float64(res.Revenue)
		}
		sum.MedianRecency = median(recency[s])
		sum.MedianFrequency = median(frequency[s])
		res.Segments[s] = sum
	}
	return res, nil
}

// median returns the median of xs, reordering them: the middle value, or the mean of the
// two middle values for an even count; 0 for none.
func median[T int | int32](xs []T) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	return (float64(xs[(len(xs)-1)/2]) + float64(xs[len(xs)/2])) / 2
}
