package model

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// simulated is one customer drawn from a model, with what the models cannot see: when
// they dropped out.
type simulated struct {
	// Times are the transaction times in periods since the first, which is Times[0] = 0,
	// up to T.
	Times []float64
	// T is the length of the observation in periods.
	T float64
	// Dropout is when the customer became inactive, in periods since the first
	// transaction; +Inf when they were still active at T.
	Dropout float64
	// Rate is the customer's purchase rate λ per period while active.
	Rate float64
}

// Summary returns the [Summary] of s.
func (s simulated) Summary() Summary {
	n := len(s.Times)
	if n == 0 {
		return Summary{T: s.T}
	}
	return Summary{X: float64(n - 1), Tx: s.Times[n-1], T: s.T}
}

// Alive reports whether the customer was still active at T.
func (s simulated) Alive() bool { return math.IsInf(s.Dropout, 1) }

// simulateBGNBD draws one customer from m, observed for T periods after the first
// transaction: λ ~ Gamma(r, α), p ~ Beta(a, b); after every repeat transaction the customer
// drops out with probability p. The result depends only on m, T and the state of rng.
func simulateBGNBD(rng *rand.Rand, m BGNBD, T float64) simulated {
	lambda := gammaRand(rng, m.R) / m.Alpha
	g1 := gammaRand(rng, m.A)
	p := g1 / (g1 + gammaRand(rng, m.B))
	s := simulated{Times: []float64{0}, T: T, Dropout: math.Inf(1), Rate: lambda}
	t := 0.0
	for {
		t += rng.ExpFloat64() / lambda
		if !(t <= T) {
			return s
		}
		s.Times = append(s.Times, t)
		if rng.Float64() < p {
			s.Dropout = t
			return s
		}
	}
}

// simulateParetoNBD draws one customer from m, observed for T periods after the first
// transaction: λ ~ Gamma(r, α), μ ~ Gamma(s, β), a lifetime τ ~ Exponential(μ) during which
// transactions come at rate λ. The result depends only on m, T and the state of rng.
func simulateParetoNBD(rng *rand.Rand, m ParetoNBD, T float64) simulated {
	lambda := gammaRand(rng, m.R) / m.Alpha
	mu := gammaRand(rng, m.S) / m.Beta
	tau := rng.ExpFloat64() / mu
	s := simulated{Times: []float64{0}, T: T, Dropout: math.Inf(1), Rate: lambda}
	end := T
	if tau <= T {
		s.Dropout = tau
		end = tau
	}
	for t := rng.ExpFloat64() / lambda; t <= end; t += rng.ExpFloat64() / lambda {
		s.Times = append(s.Times, t)
	}
	return s
}

// gammaRand draws from Gamma(shape, 1) by Marsaglia & Tsang (2000), boosting shapes below
// 1 by U^(1/shape).
func gammaRand(rng *rand.Rand, shape float64) float64 {
	boost := 1.0
	if shape < 1 {
		boost = math.Pow(rng.Float64(), 1/shape)
		shape++
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := rng.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := rng.Float64()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v * boost
		}
	}
}

func TestSimulationIsDeterministic(t *testing.T) {
	draw := func(seed uint64) []simulated {
		rng := rand.New(rand.NewPCG(seed, 1))
		var out []simulated
		for range 50 {
			out = append(out, simulateBGNBD(rng, benchBGNBD, 52), simulateParetoNBD(rng, benchPareto, 52))
		}
		return out
	}
	a, b, c := draw(1), draw(1), draw(2)
	same := func(x, y []simulated) bool {
		return slices.EqualFunc(x, y, func(p, q simulated) bool {
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
		for _, s := range []simulated{simulateBGNBD(rng, benchBGNBD, 40), simulateParetoNBD(rng, benchPareto, 40)} {
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
		sims := make([]simulated, n)
		data := make([]Summary, n)
		for i := range sims {
			sims[i] = simulateBGNBD(rng, truth, ages())
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
		sims := make([]simulated, n)
		data := make([]Summary, n)
		for i := range sims {
			sims[i] = simulateParetoNBD(rng, truth, ages())
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
func checkAliveShare(t *testing.T, m Predictor, sims []simulated) {
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
