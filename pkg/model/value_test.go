package model

import "testing"

// TestExpectedIsIfAliveTimesPAlive checks that Expected is ExpectedIfAlive × PAlive
// exactly, as the lapse models compute it, under both models.
func TestExpectedIsIfAliveTimesPAlive(t *testing.T) {
	models := map[string]Predictor{
		"bgnbd":  BGNBD{R: 0.24, Alpha: 4.41, A: 0.79, B: 2.43},
		"bgnbd1": BGNBD{R: 0.5, Alpha: 3, A: 1, B: 2}, // a = 1 takes expectedCore's other branch
		"pareto": ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67},
	}
	for name, m := range models {
		for _, horizon := range []float64{0, 1, 52} {
			for x := 0.0; x <= 12; x++ {
				for _, T := range []float64{x + 1, 20, 38.86, 39} {
					for _, tx := range []float64{0, T / 3, T / 2, T} {
						if x == 0 {
							tx = 0
						}
						s := Summary{X: x, Tx: tx, T: T}
						want := m.Expected(s, horizon)
						if got := m.ExpectedIfAlive(s.X, s.T, horizon) * m.PAlive(s); got != want {
							t.Fatalf("%s %+v over %g: ExpectedIfAlive × PAlive %v, Expected %v", name, s, horizon, got, want)
						}
					}
				}
			}
		}
	}
}
