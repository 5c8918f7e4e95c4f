package lapse

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/winback/winback/pkg/visit"
)

func TestQuantileIsTheNearestRankOfTheSortedGaps(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		v := make([]visit.Day, 1+rng.IntN(60))
		for i := range v {
			v[i] = visit.Day(rng.IntN(1 + rng.IntN(100))) // few distinct values: ties
		}
		sorted := slices.Sorted(slices.Values(v))
		for _, q := range []float64{0.05, 0.5, 0.8, 0.9, 0.95, 1} {
			want := float64(sorted[min(max(int(math.Ceil(q*float64(len(v)))), 1), len(v))-1])
			if got := quantile(slices.Clone(v), q); got != want {
				t.Fatalf("quantile(%v, %v) = %v, want %v", v, q, got, want)
			}
		}
	}
}
