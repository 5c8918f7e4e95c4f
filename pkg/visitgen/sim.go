package visitgen

import (
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"

	"github.com/winback/winback/pkg/visit"
)

// Model names a repeat-buying process of [Simulate].
type Model string

// The models [Simulate] draws from.
const (
	// BGNBD: purchases are Poisson with rate λ ~ Gamma(R, Alpha); after every repeat
	// purchase the customer drops out with probability p ~ Beta(A, B) (Fader, Hardie and
	// Lee 2005).
	BGNBD Model = "bgnbd"
	// ParetoNBD: purchases as in BG/NBD; the customer's lifetime is exponential with rate
	// μ ~ Gamma(S, Beta) (Schmittlein, Morrison and Colombo 1987).
	ParetoNBD Model = "pareto-nbd"
)

// SimConfig describes a cohort for [Simulate]. Rates are per time unit: UnitDays 1 for
// days, 7 for weeks.
type SimConfig struct {
	Seed      uint64
	Model     Model
	Customers int
	UnitDays  int
	R, Alpha  float64 // purchase rate λ ~ Gamma(shape R, rate Alpha)
	A, B      float64 // BG/NBD: dropout probability p ~ Beta(A, B)
	S, Beta   float64 // Pareto/NBD: dropout rate μ ~ Gamma(shape S, rate Beta)
	// Customers make their first purchase on a uniform day in [Start, Start+EntryDays)
	// and are observed up to and including End.
	Start     visit.Day
	EntryDays int
	End       visit.Day
	// Spend per purchase is Gamma(SpendP, ν) with ν ~ Gamma(SpendQ, SpendGamma) per
	// customer (the Gamma-Gamma model): mean spend SpendP·SpendGamma/(SpendQ-1).
	SpendP, SpendQ, SpendGamma float64
	// CancelRate and NoShowRate are the chances, per purchase, that a cancelled or missed
	// appointment falls between it and the next purchase. They are rows, not purchases.
	CancelRate, NoShowRate float64
}

// DefaultSimConfig returns the default scenario: 5,000 customers of a studio whose
// regulars come about once a week, entering during the first half of 2023 and observed to
// the end of 2024 under BG/NBD with r = α = 6 (weeks) and p ~ Beta(2, 200). See
// testdata/sim/README.md for why this makes a fair test of lapse detection.
func DefaultSimConfig() SimConfig {
	return SimConfig{
		Seed:       1,
		Model:      BGNBD,
		Customers:  5000,
		UnitDays:   7,
		R:          6,
		Alpha:      6,
		A:          2,
		B:          200,
		S:          2,
		Beta:       200,
		Start:      visit.DayOf(2023, 1, 1),
		EntryDays:  181,
		End:        visit.DayOf(2024, 12, 31),
		SpendP:     6,
		SpendQ:     4,
		SpendGamma: 15,
		CancelRate: 0.05,
		NoShowRate: 0.02,
	}
}

func (c SimConfig) validate() error {
	switch {
	case c.Model != BGNBD && c.Model != ParetoNBD:
		return fmt.Errorf("%w: unknown model %q (known: %s, %s)", ErrConfig, c.Model, BGNBD, ParetoNBD)
	case c.Customers < 1 || c.Customers > 10_000_000:
		return fmt.Errorf("%w: customers %d not in [1, 10000000]", ErrConfig, c.Customers)
	case c.UnitDays != 1 && c.UnitDays != 7:
		return fmt.Errorf("%w: unit of %d days: use 1 (days) or 7 (weeks)", ErrConfig, c.UnitDays)
	case c.EntryDays < 1 || c.Start+visit.Day(c.EntryDays)-1 > c.End:
		return fmt.Errorf("%w: the entry window of %d days from %s must end by %s", ErrConfig, c.EntryDays, c.Start, c.End)
	case c.End-c.Start > 366*30:
		return fmt.Errorf("%w: %s to %s is longer than 30 years", ErrConfig, c.Start, c.End)
	case c.CancelRate < 0 || c.NoShowRate < 0 || c.CancelRate+c.NoShowRate > 0.5:
		return fmt.Errorf("%w: cancel rate %g and no-show rate %g must be non-negative and sum to at most 0.5",
			ErrConfig, c.CancelRate, c.NoShowRate)
	}
	type named struct {
		name string
		v    float64
	}
	checks := []named{{"r", c.R}, {"alpha", c.Alpha}, {"spend p", c.SpendP}, {"spend q", c.SpendQ}, {"spend gamma", c.SpendGamma}}
	if c.Model == BGNBD {
		checks = append(checks, named{"a", c.A}, named{"b", c.B})
	} else {
		checks = append(checks, named{"s", c.S}, named{"beta", c.Beta})
	}
	for _, ch := range checks {
		if !(ch.v > 0) || math.IsInf(ch.v, 0) {
			return fmt.Errorf("%w: %s must be positive and finite, not %g", ErrConfig, ch.name, ch.v)
		}
	}
	return nil
}

// WriteParams writes the model parameters of c as `name,value` CSV.
func (c SimConfig) WriteParams(w io.Writer) error {
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
	rows := [][]string{
		{"name", "value"},
		{"model", string(c.Model)},
		{"seed", strconv.FormatUint(c.Seed, 10)},
		{"customers", strconv.Itoa(c.Customers)},
		{"unit_days", strconv.Itoa(c.UnitDays)},
		{"r", f(c.R)},
		{"alpha", f(c.Alpha)},
	}
	if c.Model == BGNBD {
		rows = append(rows, []string{"a", f(c.A)}, []string{"b", f(c.B)})
	} else {
		rows = append(rows, []string{"s", f(c.S)}, []string{"beta", f(c.Beta)})
	}
	rows = append(rows,
		[]string{"start", c.Start.String()},
		[]string{"entry_days", strconv.Itoa(c.EntryDays)},
		[]string{"end", c.End.String()},
		[]string{"spend_p", f(c.SpendP)},
		[]string{"spend_q", f(c.SpendQ)},
		[]string{"spend_gamma", f(c.SpendGamma)},
		[]string{"cancel_rate", f(c.CancelRate)},
		[]string{"no_show_rate", f(c.NoShowRate)},
	)
	out := csv.NewWriter(w)
	if err := out.WriteAll(rows); err != nil {
		return fmt.Errorf("write simulation parameters: %w", err)
	}
	return nil
}

// SimStats describes what [Simulate] wrote.
type SimStats struct {
	Stats
	Dropped int // customers whose dropout day is on or before End
}

// simCustomer is one customer's latent parameters and progress.
type simCustomer struct {
	lambda, drop float64 // purchase rate; p (BG/NBD) or μ (Pareto/NBD)
	nu           float64 // spend rate of the Gamma-Gamma model
	t            float64 // time of the next purchase, units since entry
	death        float64 // Pareto/NBD: lifetime in units
	T            float64 // observation length in units
	entry        visit.Day
	next         visit.Day // day of the next purchase while a cancellation is pending
	cancel       visit.Day // day of a pending cancelled appointment, or NoDay
	dropout      visit.Day // NoDay while alive
	last         visit.Day // last purchase day
	x            int32     // repeat purchases
	days         int32     // purchase days
	spend        float64   // total spend
}

// Simulate draws cfg.Customers customers from the repeat-buying process cfg names and
// writes their history as an export to export (the format of [WriteLarge]: one row per
// purchase day, Completed, with the day's spend; plus cancelled and missed appointments)
// and one line per customer to truth: entry day, true dropout day (empty when alive at
// End), purchases, latent rate and dropout parameter, mean spend. Either writer may be nil.
// Memory is proportional to the number of customers.
func Simulate(export, truth io.Writer, cfg SimConfig) (SimStats, error) {
	var st SimStats
	if err := cfg.validate(); err != nil {
		return st, err
	}
	if export == nil {
		export = io.Discard
	}
	r := newRand(cfg.Seed, streamSim, 0)
	u := float64(cfg.UnitDays)
	span := int(cfg.End-cfg.Start) + 1
	buckets := make([][]int32, span)
	customers := make([]simCustomer, cfg.Customers)
	lw := newLargeWriter(export, LargeConfig{Start: cfg.Start, AsOf: cfg.End}, cfg.Customers, r)
	cs := lw.cs
	for i := range customers {
		c := &customers[i]
		cs.add(r, i)
		cs.channel[i] = uint8(pick(r, lw.chW))
		c.lambda = gamma(r, cfg.R, cfg.Alpha)
		c.death = math.Inf(1)
		if cfg.Model == BGNBD {
			c.drop = beta(r, cfg.A, cfg.B)
		} else {
			c.drop = gamma(r, cfg.S, cfg.Beta)
			c.death = r.ExpFloat64() / c.drop
		}
		c.nu = gamma(r, cfg.SpendQ, cfg.SpendGamma)
		c.entry = cfg.Start + visit.Day(r.IntN(cfg.EntryDays))
		c.T = float64(cfg.End-c.entry+1) / u
		c.cancel, c.dropout, c.last = visit.NoDay, visit.NoDay, visit.NoDay
		if c.death < c.T {
			c.dropout = c.entry + visit.Day(c.death*u)
		}
		buckets[c.entry-cfg.Start] = append(buckets[c.entry-cfg.Start], int32(i))
	}
	type event struct {
		c      int32
		status visit.Status
		cents  int64
		slot   uint8
	}
	var today []event
	for d := range span {
		day := cfg.Start + visit.Day(d)
		today = today[:0]
		for _, i := range buckets[d] {
			c := &customers[i]
			if c.cancel == day {
				status := visit.Cancelled
				if r.Float64()*(cfg.CancelRate+cfg.NoShowRate) < cfg.NoShowRate {
					status = visit.NoShow
				}
				z := gamma(r, cfg.SpendP, c.nu)
				today = append(today, event{i, status, int64(math.Round(z * 100)), uint8(r.IntN(slotsPerDay))})
				c.cancel = visit.NoDay
				buckets[c.next-cfg.Start] = append(buckets[c.next-cfg.Start], i)
				continue
			}
			// A purchase day: every purchase that falls on it, then the next one.
			var spend float64
			more := false
			for {
				spend += gamma(r, cfg.SpendP, c.nu)
				if c.t > 0 {
					c.x++
					if cfg.Model == BGNBD && chance(r, c.drop) {
						c.dropout = day
						break
					}
				}
				t := c.t + r.ExpFloat64()/c.lambda
				if t >= c.death || t >= c.T {
					break
				}
				c.t = t
				if c.entry+visit.Day(t*u) != day {
					more = true
					break
				}
			}
			c.days++
			c.last = day
			c.spend += spend
			today = append(today, event{i, visit.Attended, int64(math.Round(spend * 100)), uint8(r.IntN(slotsPerDay))})
			if !more {
				continue
			}
			next := c.entry + visit.Day(c.t*u)
			if next-day >= 2 && chance(r, cfg.CancelRate+cfg.NoShowRate) {
				c.cancel = day + 1 + visit.Day(r.IntN(int(next-day)-1))
				c.next = next
				buckets[c.cancel-cfg.Start] = append(buckets[c.cancel-cfg.Start], i)
			} else {
				buckets[next-cfg.Start] = append(buckets[next-cfg.Start], i)
			}
		}
		buckets[d] = nil
		slices.SortStableFunc(today, func(a, b event) int { return int(a.slot) - int(b.slot) })
		for _, e := range today {
			if err := lw.emit(e.c, d, e.slot, e.status, simService(e.cents), money(e.cents)); err != nil {
				return st, err
			}
		}
	}
	if err := lw.flush(); err != nil {
		return st, err
	}
	st.Stats = lw.st
	st.Customers = cfg.Customers
	for i := range customers {
		if customers[i].dropout != visit.NoDay {
			st.Dropped++
		}
	}
	if truth != nil {
		if err := writeSimTruth(truth, cfg, customers); err != nil {
			return st, err
		}
	}
	return st, nil
}

// simService names what a purchase of the given amount bought at a fitness studio.
func simService(cents int64) []byte {
	switch {
	case cents < 2000:
		return []byte("Drop-in Class")
	case cents < 4000:
		return []byte("Class + Sauna")
	case cents < 8000:
		return []byte("Personal Training")
	}
	return []byte("Training Package")
}

func writeSimTruth(w io.Writer, cfg SimConfig, customers []simCustomer) error {
	dropName := "p"
	if cfg.Model == ParetoNBD {
		dropName = "mu"
	}
	out := csv.NewWriter(w) // its errors stick: out.Error tells after Flush
	out.Write([]string{
		"customer_id", "entry_day", "dropout_day", "last_purchase_day", "repeat_purchases",
		"purchase_days", "T", "lambda", dropName, "mean_spend",
	})
	f := func(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }
	for i := range customers {
		c := &customers[i]
		out.Write([]string{
			"C" + strconv.Itoa(i+1), c.entry.String(), c.dropout.String(), c.last.String(),
			strconv.Itoa(int(c.x)), strconv.Itoa(int(c.days)), f(c.T), f(c.lambda), f(c.drop),
			strconv.FormatFloat(cfg.SpendP/c.nu, 'f', 2, 64),
		})
	}
	out.Flush()
	if err := out.Error(); err != nil {
		return fmt.Errorf("write simulation truth: %w", err)
	}
	return nil
}
