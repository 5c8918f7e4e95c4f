package model

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/winback/winback/pkg/visit"
)

// simulateCohort draws n customers from draw, each observed for a whole number of days
// between 7 and 546 (1 to 78 weeks), and summarises them the way real data are: transaction
// times become visit days (same-day transactions merge) and [Summarize] turns those into
// weeks.
func simulateCohort(n int, seed uint64, draw func(rng *rand.Rand, T float64) simulated) []Summary {
	rng := rand.New(rand.NewPCG(seed, 0x5eed))
	out := make([]Summary, n)
	var days []visit.Day
	for i := range out {
		span := visit.Day(7 + rng.IntN(540))
		sim := draw(rng, float64(span)/7)
		days = days[:0]
		for _, t := range sim.Times {
			d := visit.Day(t * 7)
			if len(days) == 0 || days[len(days)-1] != d {
				days = append(days, d)
			}
		}
		out[i], _ = Summarize(days, span, Weeks)
	}
	return out
}

var (
	benchBGNBD  = BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}
	benchPareto = ParetoNBD{R: 0.553, Alpha: 10.578, S: 0.606, Beta: 11.669}
)

func BenchmarkFitBGNBD(b *testing.B) {
	data := simulateCohort(1_000_000, 1, func(rng *rand.Rand, T float64) simulated {
		return simulateBGNBD(rng, benchBGNBD, T)
	})
	b.ResetTimer()
	for b.Loop() {
		fit, err := FitBGNBD(data)
		if err != nil {
			b.Fatal(err)
		}
		if ok, why := fit.Usable(); !ok {
			b.Fatalf("fit not usable: %s", why)
		}
		b.ReportMetric(float64(fit.Iterations), "iterations")
	}
}

func BenchmarkFitParetoNBD(b *testing.B) {
	data := simulateCohort(1_000_000, 2, func(rng *rand.Rand, T float64) simulated {
		return simulateParetoNBD(rng, benchPareto, T)
	})
	b.ResetTimer()
	for b.Loop() {
		fit, err := FitParetoNBD(data)
		if err != nil {
			b.Fatal(err)
		}
		if ok, why := fit.Usable(); !ok {
			b.Fatalf("fit not usable: %s", why)
		}
		b.ReportMetric(float64(fit.Iterations), "iterations")
	}
}

func BenchmarkFitGammaGamma(b *testing.B) {
	truth := GammaGamma{P: 6.25, Q: 3.74, Gamma: 15.44}
	rng := rand.New(rand.NewPCG(3, 0x5eed))
	const n = 1_000_000
	x := make([]float64, n)
	zbar := make([]float64, n)
	for i := range x {
		// Frequencies 1–20 and amounts in cents, as from real summaries.
		x[i] = float64(1 + rng.IntN(20))
		nu := gammaRand(rng, truth.Q) / truth.Gamma
		zbar[i] = math.Round(100*gammaRand(rng, truth.P*x[i])/nu/x[i]) / 100
	}
	b.ResetTimer()
	for b.Loop() {
		fit, err := FitGammaGamma(x, zbar)
		if err != nil {
			b.Fatal(err)
		}
		if ok, why := fit.Usable(); !ok {
			b.Fatalf("fit not usable: %s", why)
		}
	}
}
