package calls_test

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/winback/winback/pkg/calls"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
)

// benchSet is 100,000 customers with 1 to 40 visits each over three years.
func benchSet() (*history.Set, []lapse.Verdict, visit.Day) {
	asOf := day("2025-06-30")
	rng := rand.New(rand.NewPCG(1, 2))
	set := &history.Set{Channels: history.NewSymbols(), Columns: history.Columns{Channel: true}}
	portal := set.Channels.Intern("Doctolib")
	vs := make([]lapse.Verdict, 100_000)
	for i := range vs {
		n := 1 + rng.IntN(40)
		d := asOf - 1100 + visit.Day(rng.IntN(300))
		evs := make([]history.Event, 0, n)
		for range n {
			if d > asOf {
				break
			}
			evs = append(evs, history.Event{Day: d, Status: visit.Attended, Channel: portal, Lead: history.NoLead})
			d += 1 + visit.Day(rng.ExpFloat64()*30)
		}
		set.Customers = append(set.Customers, historyOf(fmt.Sprintf("%06d", i), evs...))
		last := evs[len(evs)-1].Day
		vs[i] = lapse.Verdict{Status: lapse.Lapsed, CurrentGap: int(asOf - last), ValueAtRisk: int64(rng.IntN(100000)), Visits: len(evs)}
	}
	return set, vs, asOf
}

func BenchmarkAbsencesCurve(b *testing.B) {
	set, _, asOf := benchSet()
	b.ResetTimer()
	for b.Loop() {
		returnCurve(set, asOf, calls.Config{})
	}
}

func BenchmarkRankWinBack(b *testing.B) {
	set, vs, asOf := benchSet()
	c := returnCurve(set, asOf, calls.Config{})
	b.ResetTimer()
	for b.Loop() {
		calls.RankWinBack(vs, c, calls.Config{})
	}
}

func BenchmarkPlatformFirstTimers(b *testing.B) {
	set, _, asOf := benchSet()
	platform := func(name string) bool { return name == "Doctolib" }
	b.ResetTimer()
	for b.Loop() {
		calls.PlatformFirstTimers(set, asOf, calls.Config{}, platform)
	}
}
