package model

import (
	"math"
	"testing"
)

// Published BG/NBD values for CDNOW (see testdata/cdnow/README.md and the data README):
// CLVTools' full-precision estimates and BTYD's walkthrough.
var cdnowBGNBD = BGNBD{R: 0.2425945, Alpha: 4.4136019, A: 0.7929199, B: 2.4258881}

func TestFitBGNBDReproducesCDNOW(t *testing.T) {
	cal, _ := cdnowSummaries(t)
	fit, err := FitBGNBD(cal)
	if err != nil {
		t.Fatal(err)
	}
	if ok, why := fit.Usable(); !ok {
		t.Fatalf("CDNOW fit not usable: %s", why)
	}
	p := fit.Params
	// 1e-5 is about 5 significant figures; the likelihood is flat enough along a and b
	// that their 6th digits depend on the optimiser's stopping rule.
	checkRel(t, "r", p.R, cdnowBGNBD.R, 1e-5)
	checkRel(t, "alpha", p.Alpha, cdnowBGNBD.Alpha, 1e-5)
	checkRel(t, "a", p.A, cdnowBGNBD.A, 1e-5)
	checkRel(t, "b", p.B, cdnowBGNBD.B, 1e-5)
	checkRel(t, "log-likelihood", fit.LogLik, -9582.429, 1e-7)
	if fit.Customers != 2357 || fit.Repeaters != 946 {
		t.Errorf("customers %d, repeaters %d; want 2357 and 946", fit.Customers, fit.Repeaters)
	}
	// The fitted log-likelihood must be the sum of the per-customer ones.
	sum := 0.0
	for _, s := range cal {
		sum += p.LogLik(s)
	}
	checkRel(t, "sum of LogLik", sum, fit.LogLik, 1e-12)
}

// TestFitBGNBDFromRoundedSummary fits the published summary file (t_x and T rounded to
// 2 decimals), which moves the estimates only in the 5th digit.
func TestFitBGNBDFromRoundedSummary(t *testing.T) {
	var data []Summary
	for _, r := range readCDNOWSummary(t) {
		data = append(data, r.Summary)
	}
	fit, err := FitBGNBD(data)
	if err != nil {
		t.Fatal(err)
	}
	checkRel(t, "r", fit.Params.R, cdnowBGNBD.R, 1e-4)
	checkRel(t, "alpha", fit.Params.Alpha, cdnowBGNBD.Alpha, 1e-4)
	checkRel(t, "a", fit.Params.A, cdnowBGNBD.A, 1e-4)
	checkRel(t, "b", fit.Params.B, cdnowBGNBD.B, 1e-4)
}

func TestBGNBDPredictionsMatchPublished(t *testing.T) {
	m := cdnowBGNBD
	// BTYD printed these with its own estimates, which differ from CLVTools' in the 5th
	// digit; 1e-4 relative is 4 significant figures. (The values are 3e-5 to 7e-5 off.)
	const rel = 1e-4
	tests := []struct {
		name string
		got  float64
		want float64
	}{
		{"a new customer expects 1.444 repeat purchases in 52 weeks", m.ExpectedIfAlive(0, 0, 52), 1.444004},
		{"the x=26 customer is alive with probability 0.969", m.PAlive(Summary{26, 30.85714, 31}), 0.9688523},
		{"the x=26 customer expects 25.76 purchases in 52 weeks", m.Expected(Summary{26, 30.85714, 31}, 52), 25.75659},
		{"x=10 with t_x=20 and T=39 expects 0.347", m.Expected(Summary{10, 20, 39}, 52), 0.3474606},
		{"x=15 with t_x=20 and T=39 expects 0.0428", m.Expected(Summary{15, 20, 39}, 52), 0.04283391},
		{"x=20 with t_x=20 and T=39 expects 0.00416", m.Expected(Summary{20, 20, 39}, 52), 0.004158973},
		{"x=25 with t_x=20 and T=39 expects 0.000358", m.Expected(Summary{25, 20, 39}, 52), 0.0003583685},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRel(t, "value", tt.got, tt.want, rel)
		})
	}
	t.Run("customer 1 expects 1.226 purchases in 39 weeks", func(t *testing.T) {
		checkRel(t, "E[X(39)]", m.Expected(Summary{2, 30.43, 38.86}, 39), 1.226, 5e-4)
	})
}

func TestBGNBDPAliveIsOneWithoutRepeats(t *testing.T) {
	for _, m := range []BGNBD{cdnowBGNBD, {R: 2, Alpha: 0.1, A: 50, B: 0.2}} {
		for _, s := range []Summary{{0, 0, 0}, {0, 0, 39}, {0, 0, 1e6}} {
			if p := m.PAlive(s); p != 1 {
				t.Errorf("%+v: PAlive(%+v) = %v, want exactly 1", m, s, p)
			}
		}
	}
}

// TestBGNBDExpectedMatchesUntransformedFormula checks the Euler-transformed expectation
// against the textbook formula where the latter does not overflow.
func TestBGNBDExpectedMatchesUntransformedFormula(t *testing.T) {
	direct := func(m BGNBD, s Summary, t float64) float64 {
		r, alpha, a, b, x, T := m.R, m.Alpha, m.A, m.B, s.X, s.T
		z := t / (alpha + T + t)
		h := hyp2f1(r+x, b+x, a+b+x-1, z)
		num := (a + b + x - 1) / (a - 1) * (1 - math.Pow((alpha+T)/(alpha+T+t), r+x)*h)
		den := 1.0
		if x > 0 {
			den += a / (b + x - 1) * math.Pow((alpha+T)/(alpha+s.Tx), r+x)
		}
		return num / den
	}
	models := []BGNBD{cdnowBGNBD, {R: 1.5, Alpha: 20, A: 3, B: 5}, {R: 0.5, Alpha: 2, A: 1.8, B: 0.7}}
	for _, m := range models {
		for _, s := range []Summary{{0, 0, 10}, {1, 3, 10}, {4, 20, 39}, {12, 30, 39}} {
			for _, h := range []float64{1, 13, 52} {
				checkRel(t, "Expected", m.Expected(s, h), direct(m, s, h), 1e-9)
			}
		}
	}
}

// TestBGNBDHeavyBuyersDoNotOverflow: hundreds of transactions make (α+T)^(r+x) and the
// textbook hypergeometric term overflow; the log-space forms must stay finite.
func TestBGNBDHeavyBuyersDoNotOverflow(t *testing.T) {
	m := cdnowBGNBD
	for _, s := range []Summary{{300, 200, 200}, {500, 150, 200}, {2000, 700, 700}} {
		ll, p, e := m.LogLik(s), m.PAlive(s), m.Expected(s, 52)
		if math.IsNaN(ll) || math.IsInf(ll, 0) || !(p >= 0 && p <= 1) || math.IsNaN(e) || e < 0 || math.IsInf(e, 0) {
			t.Errorf("%+v: LogLik %v, PAlive %v, Expected %v", s, ll, p, e)
		}
	}
	// An active heavy buyer's expectation is about their own rate times the horizon.
	s := Summary{300, 200, 200}
	if e := m.Expected(s, 52); e < 50 || e > 100 {
		t.Errorf("Expected(%+v, 52) = %v, want about 300/200·52 = 78", s, e)
	}
}

func TestBGNBDGradientMatchesFiniteDifferences(t *testing.T) {
	cal, _ := cdnowSummaries(t)
	c, err := newCohort(cal)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []BGNBD{cdnowBGNBD, {R: 1.2, Alpha: 9, A: 2.5, B: 0.6}} {
		p := []float64{m.R, m.Alpha, m.A, m.B}
		got := make([]float64, 4)
		c.bgnbdLogLik(m, got)
		want := numericGradient(func(q []float64) float64 {
			return c.bgnbdLogLik(BGNBD{q[0], q[1], q[2], q[3]}, make([]float64, 4))
		}, p)
		for k := range got {
			if math.Abs(got[k]-want[k]) > 1e-4*(1+math.Abs(want[k])) {
				t.Errorf("%+v: gradient[%d] = %v, finite differences give %v", m, k, got[k], want[k])
			}
		}
	}
}

// TestCompareHoldoutReproducesBTYD reproduces BTYD's table of mean holdout purchases by
// calibration frequency (walkthrough p.24): actuals from the transactions after
// 1997-09-30, predictions from the fitted BG/NBD.
func TestCompareHoldoutReproducesBTYD(t *testing.T) {
	cal, holdout := cdnowSummaries(t)
	fit, err := FitBGNBD(cal)
	if err != nil {
		t.Fatal(err)
	}
	h, err := CompareHoldout(fit.Params, cal, holdout, 39)
	if err != nil {
		t.Fatal(err)
	}
	sizes := []int{1411, 439, 214, 100, 62, 38, 29, 64}
	actual := []float64{0.2367, 0.6970, 1.3925, 1.5600, 2.5323, 2.9474, 3.8621, 6.3594}
	predicted := []float64{0.2251, 0.5231, 1.0441, 1.5203, 2.1638, 2.6538, 3.5040, 6.1570}
	labels := []string{"0", "1", "2", "3", "4", "5", "6", "7+"}
	if len(h.Bins) != len(sizes) {
		t.Fatalf("%d bins, want %d", len(h.Bins), len(sizes))
	}
	for i, b := range h.Bins {
		if b.Label != labels[i] || b.Customers != sizes[i] ||
			math.Abs(b.Actual-actual[i]) > 0.00006 || math.Abs(b.Predicted-predicted[i]) > 0.0003 {
			t.Errorf("bin %d: got %+v, want %s: %d customers, actual %.4f, predicted %.4f",
				i, b, labels[i], sizes[i], actual[i], predicted[i])
		}
	}
	if h.SumActual != 1882 {
		t.Errorf("sum of actual holdout purchases = %v, want 1882", h.SumActual)
	}
	wantTotal := 0.0
	for i := range sizes {
		wantTotal += float64(sizes[i]) * predicted[i]
	}
	if math.Abs(h.SumPredicted-wantTotal) > 1 {
		t.Errorf("sum predicted = %.2f, want about %.2f", h.SumPredicted, wantTotal)
	}
	if want := (h.SumPredicted - 1882) / 1882; math.Abs(h.TotalError-want) > 1e-12 || h.TotalError > -0.1 {
		t.Errorf("total error = %v, want %v (the BG/NBD under-predicts CDNOW's holdout by about 12%%)", h.TotalError, want)
	}
	if h.MAE < 0.5 || h.MAE > 1.2 {
		t.Errorf("mean absolute error per customer = %v, want about 0.79", h.MAE)
	}
}

func TestCompareHoldoutRejectsMismatchedInput(t *testing.T) {
	if _, err := CompareHoldout(cdnowBGNBD, []Summary{{0, 0, 1}}, nil, 39); err == nil {
		t.Error("no error for one summary and no holdout count")
	}
	if _, err := CompareHoldout(cdnowBGNBD, nil, nil, 39); err == nil {
		t.Error("no error for no customers")
	}
}

func TestBGNBDExpectedIsContinuousAtAEqualsOne(t *testing.T) {
	s := Summary{3, 20, 39}
	at := func(a float64) float64 { return BGNBD{R: 0.5, Alpha: 5, A: a, B: 2}.Expected(s, 52) }
	mid := at(1)
	if math.IsNaN(mid) || !near(mid, (at(1-1e-4)+at(1+1e-4))/2, 1e-7) {
		t.Errorf("E at a=1 is %v; neighbours %v and %v", mid, at(1-1e-4), at(1+1e-4))
	}
}

// TestBGNBDExpectedWithSmallAPlusB covers a+b ≤ 1.5, where a new customer's expectation
// goes through Gauss' contiguous relation: it must join up with the direct formula and
// stay finite through a+b = 1, where 2F1(…; a+b−1; z) has its pole.
func TestBGNBDExpectedWithSmallAPlusB(t *testing.T) {
	direct := func(m BGNBD, t float64) float64 {
		c := m.A + m.B - 1
		h := hyp2f1(c-m.R, m.A-1, c, t/(m.Alpha+t))
		return c / (m.A - 1) * (1 - math.Pow(1-t/(m.Alpha+t), m.A-1)*h)
	}
	for _, sum := range []float64{0.3, 0.9, 0.999999, 1.000001, 1.2, 1.49, 1.51, 1.8} {
		m := BGNBD{R: 0.7, Alpha: 3, A: sum / 3, B: 2 * sum / 3}
		for _, h := range []float64{0.5, 10, 100} {
			got := m.ExpectedIfAlive(0, 0, h)
			if math.IsNaN(got) || got <= 0 || math.IsInf(got, 0) {
				t.Errorf("a+b = %v, t = %v: ExpectedNew = %v", sum, h, got)
			}
			if sum > 1.3 {
				checkRel(t, "ExpectedNew", got, direct(m, h), 1e-9)
			}
		}
	}
	// Continuity across the switch at a+b = 1.5 and through the pole at a+b = 1.
	at := func(sum float64) float64 {
		return BGNBD{R: 0.7, Alpha: 3, A: sum / 3, B: 2 * sum / 3}.ExpectedIfAlive(0, 0, 20)
	}
	checkRel(t, "across a+b = 1.5", at(1.5-1e-9), at(1.5+1e-9), 1e-7)
	checkRel(t, "through a+b = 1", at(1-1e-9), at(1+1e-9), 1e-7)
}

// betaMean returns E[f(p)] for p ~ Beta(a, b) by the midpoint rule in u = p^a on
// [0, ½] and v = (1−p)^b on [½, 1], which removes the endpoint singularities.
func betaMean(a, b float64, f func(p float64) float64) float64 {
	const n = 100000
	la, _ := math.Lgamma(a)
	lb, _ := math.Lgamma(b)
	lab, _ := math.Lgamma(a + b)
	sum := 0.0
	U, V := math.Pow(0.5, a), math.Pow(0.5, b)
	for i := range n {
		u := (float64(i) + 0.5) / n * U
		p := math.Pow(u, 1/a)
		sum += math.Pow(1-p, b-1) * f(p) / a * U / n
		v := (float64(i) + 0.5) / n * V
		p = 1 - math.Pow(v, 1/b)
		sum += math.Pow(p, a-1) * f(p) / b * V / n
	}
	return sum / math.Exp(la+lb-lab)
}

// TestBGNBDExpectedNewMatchesQuadrature checks the closed form against its definition,
// E[X(t)] = E_p[(1 − (α/(α+pt))^r)/p] over p ~ Beta(a, b), including a < 1 and a+b < 1.
func TestBGNBDExpectedNewMatchesQuadrature(t *testing.T) {
	for _, m := range []BGNBD{
		cdnowBGNBD,
		{R: 2, Alpha: 10, A: 3, B: 4},
		{R: 0.7, Alpha: 3, A: 0.4, B: 0.9},
		{R: 0.7, Alpha: 3, A: 0.1, B: 0.2},
		{R: 0.7, Alpha: 3, A: 0.05, B: 0.9},
	} {
		for _, h := range []float64{1, 39, 200} {
			want := betaMean(m.A, m.B, func(p float64) float64 {
				// expm1 keeps the tiny p that small a produces from cancelling.
				return -math.Expm1(-m.R*math.Log1p(p*h/m.Alpha)) / p
			})
			// The quadrature itself is good to about 1e-5 for a = 0.05 (it converges
			// to the closed form as n grows), far better elsewhere.
			checkRel(t, "ExpectedNew", m.ExpectedIfAlive(0, 0, h), want, 1e-5)
		}
	}
}
