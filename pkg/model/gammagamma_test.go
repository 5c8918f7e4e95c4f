package model

import (
	"math"
	"strconv"
	"testing"
)

// cdnowSpend returns each CDNOW customer's calibration frequency and zbar computed from
// the exact amounts (the summary file rounds zbar to cents).
func cdnowSpend(t *testing.T) (x, zbar []float64) {
	t.Helper()
	for _, c := range readCDNOWSample(t) {
		s, _ := Summarize(c.days, cdnowCalEnd, Weeks)
		x = append(x, s.X)
		zbar = append(zbar, RepeatMean(c.days, c.amounts, cdnowCalEnd))
	}
	return x, zbar
}

func TestFitGammaGammaReproducesCDNOW(t *testing.T) {
	x, zbar := cdnowSpend(t)
	fit, err := FitGammaGamma(x, zbar)
	if err != nil {
		t.Fatal(err)
	}
	if ok, why := fit.Usable(); !ok {
		t.Fatalf("fit not usable: %s", why)
	}
	p := fit.Params
	if math.Abs(p.P-6.25) > 0.005 || math.Abs(p.Q-3.74) > 0.005 || math.Abs(p.Gamma-15.44) > 0.005 {
		t.Errorf("p, q, γ = %.4f, %.4f, %.4f; want 6.25, 3.74, 15.44", p.P, p.Q, p.Gamma)
	}
	if math.Abs(fit.LogLik-(-4055.9177)) > 0.00005 {
		t.Errorf("log-likelihood = %.5f, want -4055.9177", fit.LogLik)
	}
	if fit.Repeaters != 946 || fit.Customers != 2357 {
		t.Errorf("fitted %d of %d customers, want 946 of 2357", fit.Repeaters, fit.Customers)
	}
}

// TestFitGammaGammaFromRoundedSummary fits the summary file's zbar (rounded to cents),
// as lifetimes does, and checks lifetimes' expected spends for its first ten rows.
func TestFitGammaGammaFromRoundedSummary(t *testing.T) {
	rows := readCDNOWSummary(t)
	var x, zbar []float64
	for _, r := range rows {
		x = append(x, r.X)
		zbar = append(zbar, r.zbar)
	}
	fit, err := FitGammaGamma(x, zbar)
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17}
	for i, w := range want {
		t.Run("row "+strconv.Itoa(i+1)+" of the summary file", func(t *testing.T) {
			// lifetimes' values are truncated to cents: allow one cent.
			if got := fit.Params.ExpectedSpend(rows[i].X, rows[i].zbar); math.Abs(got-w) > 0.01 {
				t.Errorf("E[Z | x=%v, zbar=%v] = %.4f, want %.2f", rows[i].X, rows[i].zbar, got, w)
			}
		})
	}
}

func TestExpectedSpend(t *testing.T) {
	m := GammaGamma{P: 6.25, Q: 3.74, Gamma: 15.44}
	pop := 6.25 * 15.44 / 2.74
	tests := []struct {
		name  string
		m     GammaGamma
		x, z  float64
		want  float64
		exact bool
	}{
		{"a customer without repeats gets the population mean", m, 0, 0, pop, true},
		{"one repeat pulls the estimate towards zbar", m, 1, 100, (15.44*6.25 + 6.25*100) / (6.25 + 2.74), true},
		{"many repeats make it almost zbar", m, 1e6, 42, 42, false},
		{"q ≤ 1 has no finite mean", GammaGamma{P: 2, Q: 1, Gamma: 3}, 3, 10, math.Inf(1), true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.m.ExpectedSpend(tt.x, tt.z)
			if tt.exact && got != tt.want && !near(got, tt.want, 1e-14) || !tt.exact && !near(got, tt.want, 1e-4) {
				t.Errorf("ExpectedSpend(%v, %v) = %v, want %v", tt.x, tt.z, got, tt.want)
			}
		})
	}
}

func TestFitGammaGammaRejectsBadInput(t *testing.T) {
	tests := []struct {
		name    string
		x, zbar []float64
	}{
		{"slices of different lengths", []float64{1, 2}, []float64{3}},
		{"a NaN frequency", []float64{math.NaN()}, []float64{3}},
		{"an infinite spend", []float64{1}, []float64{math.Inf(1)}},
		{"no customers at all", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is an error", func(t *testing.T) {
			if _, err := FitGammaGamma(tt.x, tt.zbar); err == nil {
				t.Error("no error")
			}
		})
	}
}

// TestFitGammaGammaLeavesOutRefunds adds customers whose repeat spend is 0 or negative (a
// refund) to CDNOW: they are left out of the fit, as lifetimes advises, instead of
// failing it, and the parameters are those without them.
func TestFitGammaGammaLeavesOutRefunds(t *testing.T) {
	x, zbar := cdnowSpend(t)
	want, err := FitGammaGamma(x, zbar)
	if err != nil {
		t.Fatal(err)
	}
	x = append(x, 2, 1, 5, 3)
	zbar = append(zbar, -2.5, -33.62, 0, -1e-9)
	got, err := FitGammaGamma(x, zbar)
	if err != nil {
		t.Fatalf("a refund failed the fit: %v", err)
	}
	if got.Params != want.Params || got.LogLik != want.LogLik {
		t.Errorf("fit with refunds %+v (%v), want %+v (%v) as without them", got.Params, got.LogLik, want.Params, want.LogLik)
	}
	if got.Repeaters != want.Repeaters || got.Customers != want.Customers+4 {
		t.Errorf("fitted %d of %d customers, want %d of %d", got.Repeaters, got.Customers, want.Repeaters, want.Customers+4)
	}
}

func TestGammaGammaGradientMatchesFiniteDifferences(t *testing.T) {
	x, zbar := cdnowSpend(t)
	var xs, zs []float64
	var xi []int32
	index := map[float64]int32{}
	for i := range x {
		if x[i] > 0 {
			k, ok := index[x[i]]
			if !ok {
				k = int32(len(xs))
				index[x[i]] = k
				xs = append(xs, x[i])
			}
			xi = append(xi, k)
			zs = append(zs, zbar[i])
		}
	}
	for _, m := range []GammaGamma{{6.25, 3.74, 15.44}, {2, 8, 40}} {
		got := make([]float64, 3)
		ggLogLik(m, xs, xi, zs, logs(zs), got)
		want := numericGradient(func(p []float64) float64 {
			return ggLogLik(GammaGamma{p[0], p[1], p[2]}, xs, xi, zs, logs(zs), make([]float64, 3)) / float64(len(zs))
		}, []float64{m.P, m.Q, m.Gamma})
		for k := range got {
			if math.Abs(got[k]-want[k]) > 1e-6*(1+math.Abs(want[k])) {
				t.Errorf("%+v: gradient[%d] = %v, finite differences give %v", m, k, got[k], want[k])
			}
		}
	}
}
