package visitgen

import (
	"math"
	"math/rand/v2"
)

// Streams separate the random number sequences of the generators, so that adding a draw
// to one generator does not change another's output.
const (
	streamPraxis uint64 = 0x7072617869730000 + iota<<8
	streamPraxisIDs
	streamLarge
	streamSim
)

// newRand returns a PCG generator for seed and stream; sub distinguishes the sequences of
// one stream (a patient, an attempt).
func newRand(seed, stream, sub uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, splitmix(stream^splitmix(sub))))
}

// splitmix is the SplitMix64 finaliser: it spreads nearby integers over all 64 bits.
func splitmix(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// gamma draws from the gamma distribution with the given shape and rate (mean shape/rate)
// by Marsaglia and Tsang's method.
func gamma(r *rand.Rand, shape, rate float64) float64 {
	if shape < 1 {
		// Boost: Gamma(k) = Gamma(k+1) * U^(1/k).
		u := r.Float64()
		for u == 0 {
			u = r.Float64()
		}
		return gamma(r, shape+1, rate) * math.Pow(u, 1/shape)
	}
	d := shape - 1.0/3
	c := 1 / math.Sqrt(9*d)
	for {
		x := r.NormFloat64()
		v := 1 + c*x
		if v <= 0 {
			continue
		}
		v = v * v * v
		u := r.Float64()
		if u < 1-0.0331*x*x*x*x || math.Log(u) < 0.5*x*x+d*(1-v+math.Log(v)) {
			return d * v / rate
		}
	}
}

// beta draws from the beta distribution with parameters a and b.
func beta(r *rand.Rand, a, b float64) float64 {
	x := gamma(r, a, 1)
	y := gamma(r, b, 1)
	if x+y == 0 {
		return 0
	}
	return x / (x + y)
}

// between returns a uniform integer in [lo, hi]; hi < lo returns lo.
func between(r *rand.Rand, lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + r.IntN(hi-lo+1)
}

func chance(r *rand.Rand, p float64) bool { return r.Float64() < p }

// pick returns the index drawn from weights (which need not sum to one).
func pick(r *rand.Rand, weights []float64) int {
	var sum float64
	for _, w := range weights {
		sum += w
	}
	x := r.Float64() * sum
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}
