package model

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// noDropout draws n customers who buy at Poisson rates and never stop: the dropout
// parameters of both models have nothing to fit and head for a boundary.
func noDropout(n int) []Summary {
	return simulateCohort(n, 7, func(rng *rand.Rand, T float64) simulated {
		return simulateParetoNBD(rng, ParetoNBD{R: 0.55, Alpha: 10.6, S: 1e-9, Beta: 1e9}, T)
	})
}

func TestAFitHeadingForABoundaryIsNotUsable(t *testing.T) {
	data := noDropout(3000)
	for _, f := range fitters {
		t.Run(f.name+" on customers who never drop out is flagged stopped-early", func(t *testing.T) {
			params, ok, why, info, err := f.fit(data)
			if err != nil {
				t.Fatal(err)
			}
			if ok || !hasFlag(info.flags, StoppedEarly) {
				t.Errorf("params %v: usable %v (%s), flags %v; want stopped-early, not usable", params, ok, why, info.flags)
			}
		})
	}
}

func TestAFitAlongARidgeStopsEarly(t *testing.T) {
	data := shopLike(3000)
	for _, f := range fitters {
		t.Run(f.name+" on a shop where few drop out is flagged stopped-early", func(t *testing.T) {
			params, ok, why, info, err := f.fit(data)
			if err != nil {
				t.Fatal(err)
			}
			if ok || !hasFlag(info.flags, StoppedEarly) || !strings.Contains(why, "stopped early") {
				t.Errorf("params %v: usable %v (%s), flags %v; want stopped-early, not usable", params, ok, why, info.flags)
			}
		})
	}
}

func TestFlatFlagsSparesAParameterThatIsPinnedDown(t *testing.T) {
	// A steep likelihood in a parameter far from 1 is no boundary.
	ll := func(p, grad []float64) float64 { d := p[0] - 1e-4; return -1e12 * d * d }
	if fl := flatFlags([]string{"a"}, []float64{1e-4}, ll, 1); len(fl) != 0 {
		t.Errorf("flags %v for a pinned parameter", fl)
	}
	flat := func(p, grad []float64) float64 { return -1 }
	if fl := flatFlags([]string{"a"}, []float64{1e-4}, flat, 1); len(fl) != 1 || fl[0].Kind != AtBoundary {
		t.Errorf("flags %v for a flat likelihood, want one at-boundary", fl)
	}
}

// BenchmarkFitParetoNBDAtBoundary fits 25,000 customers who never drop out, a fit that
// heads for the boundary and is stopped on the way.
func BenchmarkFitParetoNBDAtBoundary(b *testing.B) {
	data := noDropout(25_000)
	b.ResetTimer()
	for b.Loop() {
		fit, err := FitParetoNBD(data)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(fit.Iterations), "iterations")
	}
}

// shopLike draws n customers of a shop whose buyers rarely drop out after a purchase:
// BG/NBD with b ≫ a (a = 2.1, b = 178, as fitted on a real shop log). Pareto/NBD has no
// such dropout and heads for s, β → ∞ with s/β fixed.
func shopLike(n int) []Summary {
	return simulateCohort(n, 11, func(rng *rand.Rand, T float64) simulated {
		return simulateBGNBD(rng, BGNBD{R: 0.5, Alpha: 6, A: 2.1, B: 178}, T)
	})
}

// BenchmarkFitParetoNBDShop fits 25,000 customers of [shopLike], a fit that heads for the
// boundary along a ridge.
func BenchmarkFitParetoNBDShop(b *testing.B) {
	data := shopLike(25_000)
	b.ResetTimer()
	for b.Loop() {
		fit, err := FitParetoNBD(data)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(fit.Iterations), "iterations")
	}
}

// BenchmarkFitBGNBDAtBoundary is [BenchmarkFitParetoNBDAtBoundary] for BG/NBD.
func BenchmarkFitBGNBDAtBoundary(b *testing.B) {
	data := noDropout(25_000)
	b.ResetTimer()
	for b.Loop() {
		fit, err := FitBGNBD(data)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(fit.Iterations), "iterations")
	}
}

func TestBoundaryWatchStopsOnlyAWalkThatTheDataDoNotPin(t *testing.T) {
	// Pinned at e^6, beyond FlatLog: the optimiser must get there and converge.
	pinned := func(p, grad []float64) float64 {
		u := math.Log(p[0]) - 6
		grad[0] = -2 * u / p[0]
		return -u * u
	}
	opt, err := maximize(pinned, []float64{1}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if opt.stopped || !opt.converged || math.Abs(math.Log(opt.params[0])-6) > 1e-6 {
		t.Errorf("pinned at e^6: %+v", opt)
	}
	// Rising ever more slowly towards infinity: stopped on the way, before StopLog.
	rising := func(p, grad []float64) float64 {
		grad[0] = 1 / (p[0] * p[0])
		return -1 / p[0]
	}
	opt, err = maximize(rising, []float64{1}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if !opt.stopped || opt.param != 0 || !(math.Log(opt.params[0]) < StopLog) || !(opt.moved > opt.params[0]) {
		t.Errorf("rising to infinity: %+v, want stopped early", opt)
	}
}
