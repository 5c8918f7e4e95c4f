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
