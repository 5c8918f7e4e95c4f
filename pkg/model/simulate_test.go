package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

func TestSimulationIsDeterministic(t *testing.T) {
	draw := func(seed uint64) []Simulated {
		rng := rand.New(rand.NewPCG(seed, 1))
		var out []Simulated
		for range 50 {
			out = append(out, SimulateBGNBD(rng, benchBGNBD, 52), SimulateParetoNBD(rng, benchPareto, 52))
		}
		return out
	}
	a, b, c := draw(1), draw(1), draw(2)
	same := func(x, y []Simulated) bool {
		return slices.EqualFunc(x, y, func(p, q Simulated) bool {
			return slices.Equal(p.Times, q.Times) && p.Dropout == q.Dropout && p.Rate == q.Rate
		})
	}
	if !same(a, b) {
		t.Error("the same seed gave different customers")
	}
	if same(a, c) {
		t.Error("different seeds gave the same customers")
	}
}

func TestSimulatedCustomersAreConsistent(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 3))
	for i := range 2000 {
		for _, s := range []Simulated{SimulateBGNBD(rng, benchBGNBD, 40), SimulateParetoNBD(rng, benchPareto, 40)} {
			if s.Times[0] != 0 || !slices.IsSorted(s.Times) || s.Times[len(s.Times)-1] > s.T {
				t.Fatalf("customer %d: times %v outside [0, %v] or unsorted", i, s.Times, s.T)
			}
			if !s.Alive() && (s.Dropout > s.T || s.Times[len(s.Times)-1] > s.Dropout) {
				t.Fatalf("customer %d: bought at %v after dropping out at %v", i, s.Times, s.Dropout)
			}
			if err := s.Summary().Validate(); err != nil {
				t.Fatalf("customer %d: %v", i, err)
			}
		}
	}
}

// TestFitsRecoverSimulatedParameters fits customers simulated in continuous time: the
// estimates must come back near the truth, and the share of customers the fitted model
// calls alive must match the share that were.
func TestFitsRecoverSimulatedParameters(t *testing.T) {
	const n = 40000
	rng := rand.New(rand.NewPCG(11, 12))
	ages := func() float64 { return 13 + 65*rng.Float64() }

	t.Run("BG/NBD parameters come back within 10%", func(t *testing.T) {
		truth := BGNBD{R: 0.8, Alpha: 6, A: 1.2, B: 3.5}
		sims := make([]Simulated, n)
		data := make([]Summary, n)
		for i := range sims {
			sims[i] = SimulateBGNBD(rng, truth, ages())
			data[i] = sims[i].Summary()
		}
		fit, err := FitBGNBD(data)
		if err != nil {
			t.Fatal(err)
		}
		if ok, why := fit.Usable(); !ok {
			t.Fatalf("not usable: %s", why)
		}
		got := []float64{fit.Params.R, fit.Params.Alpha, fit.Params.A, fit.Params.B}
		for i, want := range []float64{truth.R, truth.Alpha, truth.A, truth.B} {
			checkRel(t, []string{"r", "alpha", "a", "b"}[i], got[i], want, 0.1)
		}
		checkAliveShare(t, fit.Params, sims)
	})
	t.Run("Pareto/NBD parameters come back within 15% even with β ≫ α", func(t *testing.T) {
		// β/α = 20 puts z = |α−β|/(β+t) up to 0.95: the continued fraction's regime.
		truth := ParetoNBD{R: 1.2, Alpha: 2, S: 1.5, Beta: 40}
		const n = 20000
		sims := make([]Simulated, n)
		data := make([]Summary, n)
		for i := range sims {
			sims[i] = SimulateParetoNBD(rng, truth, ages())
			data[i] = sims[i].Summary()
		}
		fit, err := FitParetoNBD(data)
		if err != nil {
			t.Fatal(err)
		}
		if ok, why := fit.Usable(); !ok {
			t.Fatalf("not usable: %s", why)
		}
		got := []float64{fit.Params.R, fit.Params.Alpha, fit.Params.S, fit.Params.Beta}
		for i, want := range []float64{truth.R, truth.Alpha, truth.S, truth.Beta} {
			checkRel(t, []string{"r", "alpha", "s", "beta"}[i], got[i], want, 0.15)
		}
		checkAliveShare(t, fit.Params, sims)
	})
}

// checkAliveShare compares the mean P(alive) with the true share of customers alive at T.
func checkAliveShare(t *testing.T, m Predictor, sims []Simulated) {
	t.Helper()
	var alive, p float64
	for _, s := range sims {
		if s.Alive() {
			alive++
		}
		p += m.PAlive(s.Summary())
	}
	alive /= float64(len(sims))
	p /= float64(len(sims))
	if math.Abs(alive-p) > 0.02 {
		t.Errorf("mean P(alive) = %.3f, but %.3f of the customers were alive", p, alive)
	}
}
