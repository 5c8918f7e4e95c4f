package outreach_test

import (
	"bytes"
	"io"
	"math/rand/v2"
	"testing"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/outreach"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/state"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/visitgen"
)

// practice generates a practice of n patients from 2022 to the end of 2025.
func practice(t *testing.T, seed uint64, n int) *history.Set {
	t.Helper()
	cfg := visitgen.DefaultPraxisConfig()
	cfg.Seed, cfg.Patients = seed, n
	cfg.Start, cfg.AsOf, cfg.PriceRise = visit.DayOf(2022, 1, 1), visit.DayOf(2025, 12, 31), visit.DayOf(2024, 7, 1)
	var b bytes.Buffer
	if _, err := visitgen.WritePraxis(&b, io.Discard, cfg); err != nil {
		t.Fatal(err)
	}
	res, err := export.Read([]export.Input{{Name: "praxis.csv", R: &b}}, export.Options{WithholdContacts: true})
	if err != nil {
		t.Fatal(err)
	}
	return res.Set
}

// monthEnd is the last day of month m of 2025 (1..12).
func monthEnd(m int) visit.Day {
	if m == 12 {
		return visit.DayOf(2025, 12, 31)
	}
	return visit.DayOf(2025, m+1, 1) - 1
}

// addVisit adds an attended visit to h on day d (or the next free day).
func addVisit(h *history.History, d visit.Day) {
	evs := h.AppendEvents(nil)
	var out []history.Event
	added := false
	for _, e := range evs {
		if !added && e.Day >= d {
			if e.Day == d {
				d++
				if e.Status != visit.Attended {
					// a cancelled or booked event of the same day: the visit goes first
				}
			}
			if e.Day > d || (e.Day == d && e.Status > visit.Attended) {
				out = append(out, history.Event{Day: d, Status: visit.Attended, Amount: 6000, Lead: history.NoLead})
				added = true
			}
		}
		out = append(out, e)
	}
	if !added {
		out = append(out, history.Event{Day: d, Status: visit.Attended, Amount: 6000, Lead: history.NoLead})
	}
	h.SetEvents(out...)
}

// returnAnyway is the chance that a customer on the win-back list comes back within four
// weeks without a call (the generated practice's lapsed patients hardly ever do).
const returnAnyway = 0.15

// simulate plays twelve months of 2025 with a control group of 10 %: each month the
// newly lapsed are put on the list or in the control group, and a customer on the list
// comes back within four weeks of the call with probability effect beyond what they do
// anyway. It returns the effect the final report shows and the true effect on the
// customers compared: the share of them whom a call brings back who would not have come
// back otherwise (each customer's coin is drawn whether or not they are called; only
// the called act on it).
func simulate(t *testing.T, seed uint64, effect float64) (*outreach.Effect, float64) {
	full := practice(t, seed, 2000)
	natural := map[string]visit.Day{} // last visit in the data as generated
	for i := range full.Customers {
		h := &full.Customers[i]
		last := visit.NoDay
		for d := range h.VisitDays(monthEnd(12)) {
			last = d
		}
		natural[h.Key] = last
	}
	rng := rand.New(rand.NewPCG(seed, 7))
	key := pseudo.New("simulated practice", nil)
	coin, anyway := map[string]bool{}, map[string]bool{}
	since := map[string]visit.Day{}
	var prev *state.State
	var plan *outreach.Plan
	for m := 1; m <= 12; m++ {
		asOf := monthEnd(m)
		set, _ := full.AsOf(asOf)
		r, err := analysis.Run(set, analysis.Options{AsOf: asOf, Period: model.Weeks, Lapse: lapse.DefaultConfig(), Reasons: reason.DefaultConfig()})
		if err != nil {
			t.Fatal(err)
		}
		plan = outreach.New(r, prev, nil, outreach.Options{Pseudonyms: key, Control: 0.1, PauseWeeks: 8})
		r.Withhold(plan.Hold)
		prev = plan.State()
		groups := map[string]state.Customer{}
		for _, c := range prev.Customers {
			groups[c.ID] = c
		}
		for i := range set.Customers {
			k := set.Customers[i].Key
			c := groups[key.Name(k)]
			if c.Since != asOf.String() {
				continue
			}
			since[k] = asOf
			// Some come back by themselves, called or not; the call brings back some more.
			anyway[k] = rng.Float64() < returnAnyway
			coin[k] = rng.Float64() < effect
			if anyway[k] || coin[k] && c.Group == state.Called {
				addVisit(full.Find(k), asOf+1+visit.Day(rng.IntN(28)))
			}
		}
		if m < 12 && len(r.Lapsed()) == 0 {
			t.Fatalf("%s: nobody on the list", asOf)
		}
	}
	// The true effect: among the customers compared, the share a call brings back who
	// would not have come back by the end otherwise.
	moved, n := 0, 0
	for k, d := range since {
		n++
		if coin[k] && !anyway[k] && !(natural[k] != visit.NoDay && natural[k] > d) {
			moved++
		}
	}
	return plan.Effect(), float64(moved) / float64(n)
}

// TestControlGroupFindsThePlantedEffect plays the twelve months three times for each
// planted effect (30 points more come back when called; none) and checks that the 90 %
// interval of the difference between called and control covers the true effect at least
// twice: a correct 90 % interval fails that with a chance of 2.8 %. (Measured over twelve
// seeds with the effect planted, it covered the truth in eleven.)
func TestControlGroupFindsThePlantedEffect(t *testing.T) {
	for _, tt := range []struct {
		name   string
		effect float64
	}{{"calls help", 0.3}, {"calls do nothing", 0}} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			covered, seen := 0, 0
			for seed := uint64(1); seed <= 3; seed++ {
				e, truth := simulate(t, seed, tt.effect)
				if e == nil || !e.Fair {
					t.Fatalf("no fair comparison: %+v", e)
				}
				t.Logf("seed %d: called %d (%d back, %.0f), control %d (%d back, %.0f): difference %.3f, 90%% %.3f..%.3f, true %.3f; value %.1f (%.1f..%.1f)",
					seed, e.Called.Customers, e.Called.Back, e.Called.Value, e.Other.Customers, e.Other.Back, e.Other.Value, e.Diff, e.Lo, e.Hi, truth, e.ValueDiff, e.ValueLo, e.ValueHi)
				if e.TooSmall {
					t.Fatalf("the simulated practice is too small to tell")
				}
				if truth >= e.Lo && truth <= e.Hi {
					covered++
				}
				if e.Lo > 0 {
					seen++
				}
				if tt.effect == 0 && truth != 0 {
					t.Fatalf("seed %d: no effect planted, yet the true effect is %.3f", seed, truth)
				}
			}
			if covered < 2 {
				t.Errorf("the 90%% interval covered the true effect in %d of 3 runs", covered)
			}
			if tt.effect > 0 && seen < 2 {
				t.Errorf("a planted effect of %.0f %% was seen in %d of 3 runs", 100*tt.effect, seen)
			}
			if tt.effect == 0 && seen > 1 {
				t.Errorf("no effect planted, but one was seen in %d of 3 runs", seen)
			}
		})
	}
}
