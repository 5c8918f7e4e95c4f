package model

import (
	"math"
	"testing"
)

// Published Pareto/NBD estimates for CDNOW: CLVTools' full precision, and FHL05's.
var (
	cdnowPareto      = ParetoNBD{R: 0.55315, Alpha: 10.57633, S: 0.60625, Beta: 11.67150}
	cdnowParetoFHL05 = ParetoNBD{R: 0.553, Alpha: 10.578, S: 0.606, Beta: 11.669}
)

// TestFitParetoNBDReproducesCDNOW: the likelihood is a long flat ridge along which r, α
// (and s, β) trade off; CLVTools stopped about 5e-6 log-likelihood units short of the top,
// 2e-4 relative away in r and β. The fit must match its estimates to that precision,
// match the paper's 3-decimal values, and reach at least CLVTools' likelihood.
func TestFitParetoNBDReproducesCDNOW(t *testing.T) {
	cal, _ := cdnowSummaries(t)
	fit, err := FitParetoNBD(cal)
	if err != nil {
		t.Fatal(err)
	}
	if ok, why := fit.Usable(); !ok {
		t.Fatalf("CDNOW fit not usable: %s", why)
	}
	p := fit.Params
	checkRel(t, "r", p.R, cdnowPareto.R, 5e-4)
	checkRel(t, "alpha", p.Alpha, cdnowPareto.Alpha, 5e-4)
	checkRel(t, "s", p.S, cdnowPareto.S, 5e-4)
	checkRel(t, "beta", p.Beta, cdnowPareto.Beta, 5e-4)
	for _, c := range []struct {
		name      string
		got, want float64
	}{{"r", p.R, cdnowParetoFHL05.R}, {"alpha", p.Alpha, cdnowParetoFHL05.Alpha}, {"s", p.S, cdnowParetoFHL05.S}, {"beta", p.Beta, cdnowParetoFHL05.Beta}} {
		if math.Abs(c.got-c.want) > 0.0005 {
			t.Errorf("%s = %.5f, FHL05 give %.3f", c.name, c.got, c.want)
		}
	}
	checkRel(t, "log-likelihood", fit.LogLik, -9594.976, 1e-7)
	published := 0.0
	for _, s := range cal {
		published += cdnowPareto.LogLik(s)
	}
	checkRel(t, "log-likelihood at CLVTools' estimates", published, -9594.976, 1e-7)
	if fit.LogLik < published-1e-8 {
		t.Errorf("fit log-likelihood %.9f is below that of the published estimates, %.9f", fit.LogLik, published)
	}
}

// btydParetoLogLik is BTYD's pnbd.LL, transcribed naively: the reference for the
// log-space form where the naive one does not overflow.
func btydParetoLogLik(m ParetoNBD, s Summary) float64 {
	r, alpha, ss, beta, x := m.R, m.Alpha, m.S, m.Beta, s.X
	maxab, absab := math.Max(alpha, beta), math.Abs(alpha-beta)
	param2 := ss + 1
	if alpha < beta {
		param2 = r + x
	}
	lg1, _ := math.Lgamma(r)
	lg2, _ := math.Lgamma(r + x)
	part1 := r*math.Log(alpha) + ss*math.Log(beta) - lg1 + lg2
	part2 := -(r+x)*math.Log(alpha+s.T) - ss*math.Log(beta+s.T)
	f1 := hyp2f1(r+ss+x, param2, r+ss+x+1, absab/(maxab+s.Tx)) / math.Pow(maxab+s.Tx, r+ss+x)
	f2 := hyp2f1(r+ss+x, param2, r+ss+x+1, absab/(maxab+s.T)) / math.Pow(maxab+s.T, r+ss+x)
	part3 := math.Log(ss) - math.Log(r+ss+x) + math.Log(f1-f2)
	return part1 + math.Log(math.Exp(part2)+math.Exp(part3))
}

func TestParetoLogLikMatchesBTYD(t *testing.T) {
	models := []ParetoNBD{
		cdnowPareto,
		{R: 0.3, Alpha: 2, S: 1.4, Beta: 30},  // α < β, far apart
		{R: 2.5, Alpha: 40, S: 0.2, Beta: 3},  // α > β, far apart
		{R: 1, Alpha: 5, S: 1, Beta: 5},       // α = β
		{R: 0.7, Alpha: 8, S: 0.9, Beta: 8.5}, // nearly equal
	}
	summaries := []Summary{{0, 0, 39}, {1, 2, 39}, {2, 30.43, 38.86}, {7, 38, 39}, {20, 25, 39}, {3, 0.5, 0.7}}
	for _, m := range models {
		for _, s := range summaries {
			checkRel(t, "LogLik", m.LogLik(s), btydParetoLogLik(m, s), 1e-10)
		}
	}
}

func TestParetoNBDPredictionsMatchPublished(t *testing.T) {
	m := cdnowPareto
	btyd := ParetoNBD{R: 0.553, Alpha: 10.580, S: 0.606, Beta: 11.656} // BTYD walkthrough p.8
	tests := []struct {
		name string
		got  float64
		want float64
		rel  float64
	}{
		{"a new customer expects 1.473 repeat purchases in 52 weeks", m.ExpectedIfAlive(0, 0, 52), 1.473434, 1e-4},
		{"the x=26 customer is alive with probability 0.998", m.PAlive(Summary{26, 30.85714, 31}), 0.997874, 1e-5},
		{"the x=26 customer expects 25.46 purchases in 52 weeks", m.Expected(Summary{26, 30.85714, 31}, 52), 25.45647, 1e-4},
		// These customers' P(alive) (0.08 down to 0.0001) is sensitive to where on the
		// likelihood ridge the estimates lie: with CLVTools' estimates they are 5e-4 to
		// 1.1e-3 off, with the estimates BTYD printed (to 3 decimals) 3e-5 to 1.5e-4.
		{"x=10 with t_x=20 and T=39 expects 0.706", btyd.Expected(Summary{10, 20, 39}, 52), 0.7062289, 3e-4},
		{"x=15 with t_x=20 and T=39 expects 0.144", btyd.Expected(Summary{15, 20, 39}, 52), 0.1442396, 3e-4},
		{"x=20 with t_x=20 and T=39 expects 0.0225", btyd.Expected(Summary{20, 20, 39}, 52), 0.02250658, 3e-4},
		{"x=25 with t_x=20 and T=39 expects 0.00309", btyd.Expected(Summary{25, 20, 39}, 52), 0.00309267, 3e-4},
		{"with CLVTools' estimates x=10 expects 0.706 too", m.Expected(Summary{10, 20, 39}, 52), 0.7062289, 1.5e-3},
		{"with CLVTools' estimates x=25 expects 0.00309 too", m.Expected(Summary{25, 20, 39}, 52), 0.00309267, 1.5e-3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRel(t, "value", tt.got, tt.want, tt.rel)
		})
	}
}

// TestParetoNBDNumericalTrap is lifetimes' regression case: naive formulas overflow in
// (α+T)^(r+x) for customers with over a hundred transactions.
func TestParetoNBDNumericalTrap(t *testing.T) {
	m := ParetoNBD{R: 0.55, Alpha: 10.58, S: 0.61, Beta: 11.67}
	tests := []struct {
		name string
		s    Summary
		want float64
	}{
		{"132 purchases over 200 weeks expect 6.206 in the next 10", Summary{132, 200, 200}, 6.206},
		{"133 purchases over 200 weeks expect 6.253 in the next 10", Summary{133, 200, 200}, 6.253},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			checkRel(t, "Expected", m.Expected(tt.s, 10), tt.want, 2e-4)
		})
	}
	t.Run("a heavy buyer who stopped a while ago has finite, small P(alive)", func(t *testing.T) {
		for _, x := range []float64{132, 500, 3000} {
			s := Summary{x, 150, 200}
			ll, p := m.LogLik(s), m.PAlive(s)
			if math.IsNaN(ll) || math.IsInf(ll, 0) || !(p >= 0 && p < 1e-3) {
				t.Errorf("%+v: LogLik %v, PAlive %v", s, ll, p)
			}
		}
	})
}

func TestParetoNBDGradientMatchesFiniteDifferences(t *testing.T) {
	cal, _ := cdnowSummaries(t)
	c, err := newCohort(cal)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []ParetoNBD{cdnowPareto, {R: 0.8, Alpha: 3, S: 1.5, Beta: 20}, {R: 0.3, Alpha: 20, S: 0.4, Beta: 2}} {
		p := []float64{m.R, m.Alpha, m.S, m.Beta}
		got := make([]float64, 4)
		c.paretoLogLik(m, got)
		want := numericGradient(func(q []float64) float64 {
			return c.paretoLogLik(ParetoNBD{q[0], q[1], q[2], q[3]}, make([]float64, 4))
		}, p)
		for k := range got {
			if math.Abs(got[k]-want[k]) > 1e-4*(1+math.Abs(want[k])) {
				t.Errorf("%+v: gradient[%d] = %v, finite differences give %v", m, k, got[k], want[k])
			}
		}
	}
}

func TestParetoNBDPAliveIsOneAfterPurchaseOnLastDay(t *testing.T) {
	if p := cdnowPareto.PAlive(Summary{5, 39, 39}); p != 1 {
		t.Errorf("PAlive = %v, want 1", p)
	}
}

func TestHyp1SeriesMatchesCephes(t *testing.T) {
	for _, c := range []struct{ b, c, z float64 }{{1.6, 2.2, 0.05}, {27, 28.2, 0.3}, {0.5, 3, 0.9}, {1.6, 12, 0.99}} {
		h := hyp1Series(c.b, c.c, c.z, true)
		checkRel(t, "2F1(1,b;c;z)", h.v, hyp2f1(1, c.b, c.c, c.z), 1e-12)
		dz := (hyp1Series(c.b, c.c, c.z+1e-7, false).v - hyp1Series(c.b, c.c, c.z-1e-7, false).v) / 2e-7
		checkRel(t, "d/dz 2F1", h.dz, dz, 1e-6)
	}
}

// TestHyp1NearOneMatchesSeries checks the continued fraction used above z = 0.5 against
// the plain series, summed to convergence.
func TestHyp1NearOneMatchesSeries(t *testing.T) {
	plain := func(b, c, z float64) float64 {
		sum, term := 1.0, 1.0
		for n := 0; n < 1_000_000 && term > 1e-18*sum; n++ {
			term *= (b + float64(n)) / (c + float64(n)) * z
			sum += term
		}
		return sum
	}
	for _, bc := range [][2]float64{{1.6, 2.2}, {0.55, 1.7}, {1.61, 2.16}, {27.5, 29.1}, {1.6, 301.2}, {2, 3}, {1, 3}, {1e5, 1e5 + 1.6}} {
		for _, z := range []float64{0.5000001, 0.7, 0.95, 0.99, 0.999} {
			b, c := bc[0], bc[1]
			h := hyp1Series(b, c, z, true)
			checkRel(t, "2F1(1,b;c;z) near 1", h.v, plain(b, c, z), 1e-11)
			// The derivatives are good to 1e-6 relative or 1e-9 of the value.
			derivs := []struct {
				name     string
				got, num float64
			}{
				{"d/dz", h.dz, (plain(b, c, z+1e-7) - plain(b, c, z-1e-7)) / 2e-7},
				{"d/db", h.db, (plain(b*(1+1e-7), c, z) - plain(b*(1-1e-7), c, z)) / (2e-7 * b)},
				{"d/dc", h.dc, (plain(b, c*(1+1e-7), z) - plain(b, c*(1-1e-7), z)) / (2e-7 * c)},
			}
			for _, d := range derivs {
				if math.Abs(d.got-d.num) > 1e-6*math.Abs(d.num)+1e-9*h.v {
					t.Errorf("b=%v c=%v z=%v: %s = %.10g, differences give %.10g", b, c, z, d.name, d.got, d.num)
				}
			}
		}
	}
}
