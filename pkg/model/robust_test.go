package model

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPredictionsAreFiniteEverywhere draws models and customers far from CDNOW (parameters
// from e^-4 to e^4, up to 500 transactions over up to 1,000 periods) and requires finite
// log-likelihoods, probabilities in [0, 1] and finite, non-negative expectations.
func TestPredictionsAreFiniteEverywhere(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 5))
	param := func() float64 { return math.Exp(8*rng.Float64() - 4) }
	summary := func() Summary {
		T := 1000 * rng.Float64() * rng.Float64()
		x := math.Floor(500 * math.Pow(rng.Float64(), 4))
		if x == 0 {
			return Summary{T: T}
		}
		return Summary{X: x, Tx: T * rng.Float64(), T: T}
	}
	bad := 0
	for i := range 3000 {
		models := []Predictor{
			BGNBD{R: param(), Alpha: param(), A: param(), B: param()},
			ParetoNBD{R: param(), Alpha: param(), S: param(), Beta: param()},
		}
		s := summary()
		h := 100 * rng.Float64()
		for _, m := range models {
			ll, p, e, n := m.(interface{ LogLik(Summary) float64 }).LogLik(s), m.PAlive(s), m.Expected(s, h), m.ExpectedIfAlive(0, 0, h)
			if math.IsNaN(ll) || math.IsInf(ll, 0) || !(p >= 0 && p <= 1) ||
				!(e >= 0) || math.IsInf(e, 0) || !(n >= 0) || math.IsInf(n, 0) {
				if bad++; bad <= 10 {
					t.Errorf("draw %d: %T%+v, %+v, t=%.3g: LogLik %v, PAlive %v, Expected %v, ExpectedNew %v",
						i, m, m, s, h, ll, p, e, n)
				}
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d bad draws", bad)
	}
}
