package model

import (
	"math"
	"testing"
)

func TestCustomerValue(t *testing.T) {
	spend := GammaGamma{P: 6.25, Q: 3.74, Gamma: 15.44}
	tests := []struct {
		name string
		m    Predictor
		s    Summary
		zbar float64
	}{
		{"a BG/NBD regular's value is visits times spend", cdnowBGNBD, Summary{26, 30.85714, 31}, 40},
		{"a Pareto/NBD regular's value is visits times spend", cdnowPareto, Summary{26, 30.85714, 31}, 40},
		{"a one-off customer is valued at the population's spend", cdnowBGNBD, Summary{0, 0, 39}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := CustomerValue(tt.m, spend, tt.s, tt.zbar, 52)
			visits := tt.m.Expected(tt.s, 52)
			each := spend.ExpectedSpend(tt.s.X, tt.zbar)
			if v.Visits != visits || v.Spend != each || math.Abs(v.Value-visits*each) > 1e-12*v.Value || v.PAlive != tt.m.PAlive(tt.s) {
				t.Errorf("CustomerValue = %+v; want visits %v, spend %v", v, visits, each)
			}
			if !(v.Value > 0) {
				t.Errorf("value %v is not positive", v.Value)
			}
		})
	}
	t.Run("a lapsed heavy buyer is worth less than an active one", func(t *testing.T) {
		active := CustomerValue(cdnowBGNBD, spend, Summary{20, 38, 39}, 30, 52)
		lapsed := CustomerValue(cdnowBGNBD, spend, Summary{20, 10, 39}, 30, 52)
		if !(lapsed.Value < active.Value/10) {
			t.Errorf("lapsed %.3f, active %.3f", lapsed.Value, active.Value)
		}
	})
}

// TestExpecterEqualsExpected checks that the shared part gives Expected's values exactly,
// for customers who share x and T and for those who do not, under both models.
func TestExpecterEqualsExpected(t *testing.T) {
	models := map[string]Predictor{
		"bgnbd":  BGNBD{R: 0.24, Alpha: 4.41, A: 0.79, B: 2.43},
		"bgnbd1": BGNBD{R: 0.5, Alpha: 3, A: 1, B: 2}, // a = 1 takes expectedCore's other branch
		"pareto": ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67},
	}
	for name, m := range models {
		for _, horizon := range []float64{0, 1, 52} {
			ex := NewExpecter(m, horizon)
			for x := 0.0; x <= 12; x++ {
				for _, T := range []float64{x + 1, 20, 38.86, 39} {
					for _, tx := range []float64{0, T / 3, T / 2, T} {
						if x == 0 {
							tx = 0
						}
						s := Summary{X: x, Tx: tx, T: T}
						want := m.Expected(s, horizon)
						if got := ex.Expected(s, m.PAlive(s)); got != want {
							t.Fatalf("%s %+v over %g: Expecter %v, Expected %v", name, s, horizon, got, want)
						}
					}
				}
			}
		}
	}
}
