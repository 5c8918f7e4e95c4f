package model

import (
	"math"
	"math/rand/v2"
)

// Simulated is one customer drawn from a model, with what the models cannot see: when
// they dropped out.
type Simulated struct {
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
func (s Simulated) Summary() Summary {
	n := len(s.Times)
	if n == 0 {
		return Summary{T: s.T}
	}
	return Summary{X: float64(n - 1), Tx: s.Times[n-1], T: s.T}
}

// Alive reports whether the customer was still active at T.
func (s Simulated) Alive() bool { return math.IsInf(s.Dropout, 1) }

// SimulateBGNBD draws one customer from m, observed for T periods after the first
// transaction: λ ~ Gamma(r, α), p ~ Beta(a, b); after every repeat transaction the customer
// drops out with probability p. The result depends only on m, T and the state of rng.
func SimulateBGNBD(rng *rand.Rand, m BGNBD, T float64) Simulated {
	lambda := gammaRand(rng, m.R) / m.Alpha
	g1 := gammaRand(rng, m.A)
	p := g1 / (g1 + gammaRand(rng, m.B))
	s := Simulated{Times: []float64{0}, T: T, Dropout: math.Inf(1), Rate: lambda}
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

// SimulateParetoNBD draws one customer from m, observed for T periods after the first
// transaction: λ ~ Gamma(r, α), μ ~ Gamma(s, β), a lifetime τ ~ Exponential(μ) during which
// transactions come at rate λ. The result depends only on m, T and the state of rng.
func SimulateParetoNBD(rng *rand.Rand, m ParetoNBD, T float64) Simulated {
	lambda := gammaRand(rng, m.R) / m.Alpha
	mu := gammaRand(rng, m.S) / m.Beta
	tau := rng.ExpFloat64() / mu
	s := Simulated{Times: []float64{0}, T: T, Dropout: math.Inf(1), Rate: lambda}
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
