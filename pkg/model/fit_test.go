package model

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// fitters runs both frequency models the same way.
var fitters = []struct {
	name string
	fit  func([]Summary) (params []float64, usable bool, reason string, f fitInfo, err error)
}{
	{"BG/NBD", func(d []Summary) ([]float64, bool, string, fitInfo, error) {
		f, err := FitBGNBD(d)
		ok, why := f.Usable()
		return []float64{f.Params.R, f.Params.Alpha, f.Params.A, f.Params.B}, ok, why, fitInfo{f.LogLik, f.Flags, f.Converged}, err
	}},
	{"Pareto/NBD", func(d []Summary) ([]float64, bool, string, fitInfo, error) {
		f, err := FitParetoNBD(d)
		ok, why := f.Usable()
		return []float64{f.Params.R, f.Params.Alpha, f.Params.S, f.Params.Beta}, ok, why, fitInfo{f.LogLik, f.Flags, f.Converged}, err
	}},
}

type fitInfo struct {
	logLik    float64
	flags     []Flag
	converged bool
}

func repeat(n int, s Summary) []Summary {
	out := make([]Summary, n)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestDegenerateDataGiveUnusableFits(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	tinyT := make([]Summary, 500)
	for i := range tinyT {
		// Everyone watched for under a day (in weeks), a few repeats.
		T := 0.05 + 0.05*rng.Float64()
		if i%3 == 0 {
			tinyT[i] = Summary{X: 1, Tx: T * rng.Float64(), T: T}
		} else {
			tinyT[i] = Summary{T: T}
		}
	}
	fewRepeat := repeat(1000, Summary{T: 40})
	for i := range 20 {
		fewRepeat[i] = Summary{X: 2, Tx: 10, T: 40}
	}
	tests := []struct {
		name string
		data []Summary
		kind FlagKind
		word string // in the reason
	}{
		{"nobody came back", repeat(200, Summary{T: 39}), FewRepeaters, "came back"},
		{"a single customer", []Summary{{X: 3, Tx: 10, T: 20}}, FewRepeaters, "only 1 of 1"},
		{"everyone was watched for a fraction of a period", tinyT, ShortSpan, "watched"},
		{"only 2% came back", fewRepeat, FewRepeaters, "only 20 of 1000"},
	}
	for _, f := range fitters {
		for _, tt := range tests {
			t.Run(f.name+": "+tt.name+" is not usable", func(t *testing.T) {
				params, ok, reason, info, err := f.fit(tt.data)
				if err != nil {
					t.Fatalf("error %v, want a flagged fit", err)
				}
				if ok {
					t.Fatalf("Usable() = true for %s", tt.name)
				}
				if !strings.Contains(reason, tt.word) {
					t.Errorf("reason %q does not mention %q", reason, tt.word)
				}
				if !hasFlag(info.flags, tt.kind) {
					t.Errorf("flags %v lack %s", info.flags, tt.kind)
				}
				for _, p := range params {
					if math.IsNaN(p) || p <= 0 || math.IsInf(p, 0) {
						t.Errorf("parameter %v is not a positive number", p)
					}
				}
				if math.IsNaN(info.logLik) {
					t.Error("log-likelihood is NaN")
				}
			})
		}
	}
}

func hasFlag(flags []Flag, k FlagKind) bool {
	for _, f := range flags {
		if f.Kind == k {
			return true
		}
	}
	return false
}

func TestNobodyCameBackRunsToABoundary(t *testing.T) {
	f, err := FitBGNBD(repeat(200, Summary{T: 39}))
	if err != nil {
		t.Fatal(err)
	}
	// With no repeats the likelihood keeps rising as the purchase rate goes to zero.
	if !(f.Has(AtBoundary) || f.Has(StoppedEarly)) || f.Converged {
		t.Errorf("flags %v, converged %v; want at-boundary or stopped-early, and not converged", f.Flags, f.Converged)
	}
}

func TestFitsRejectInvalidInput(t *testing.T) {
	tests := []struct {
		name string
		data []Summary
		want error
	}{
		{"no customers", nil, ErrNoCustomers},
		{"recency after the end of the observation", []Summary{{X: 1, Tx: 5, T: 4}}, nil},
		{"a negative frequency", []Summary{{X: -1, T: 4}}, nil},
	}
	for _, f := range fitters {
		for _, tt := range tests {
			t.Run(f.name+": "+tt.name+" is an error", func(t *testing.T) {
				_, _, _, _, err := f.fit(tt.data)
				if err == nil || tt.want != nil && !errors.Is(err, tt.want) {
					t.Errorf("error = %v, want %v", err, tt.want)
				}
			})
		}
	}
}

func TestUsableExplainsEveryFlag(t *testing.T) {
	f := Fit[BGNBD]{Converged: false, Flags: []Flag{
		{FewRepeaters, "only 3 of 10 customers came back"},
		{NotConverged, "the BG/NBD fit did not converge"},
	}}
	ok, why := f.Usable()
	if ok || why != "only 3 of 10 customers came back; the BG/NBD fit did not converge" {
		t.Errorf("Usable() = %v, %q", ok, why)
	}
	if ok, why := (Fit[BGNBD]{Converged: true}).Usable(); !ok || why != "" {
		t.Errorf("a clean fit: Usable() = %v, %q", ok, why)
	}
	if ok, why := (Fit[BGNBD]{}).Usable(); ok || why == "" {
		t.Errorf("an unconverged fit without flags: Usable() = %v, %q", ok, why)
	}
}

// TestFitIsDeterministic: the same data give bit-identical fits, whatever the scheduling of
// the parallel sums.
func TestFitIsDeterministic(t *testing.T) {
	data := simulateCohort(20000, 3, func(rng *rand.Rand, T float64) simulated {
		return simulateParetoNBD(rng, benchPareto, T)
	})
	a, _ := FitParetoNBD(data)
	b, _ := FitParetoNBD(data)
	if a.Params != b.Params || a.LogLik != b.LogLik {
		t.Errorf("two fits differ: %+v and %+v", a, b)
	}
}

// TestFitsDoNotDependOnTheTimeUnit fits CDNOW in days as well as weeks: the shape
// parameters must agree and the scales differ by the factor 7.
func TestFitsDoNotDependOnTheTimeUnit(t *testing.T) {
	var weeks, days []Summary
	for _, c := range readCDNOWSample(t) {
		w, _ := Summarize(c.days, cdnowCalEnd, Weeks)
		d, _ := Summarize(c.days, cdnowCalEnd, Days)
		weeks, days = append(weeks, w), append(days, d)
	}
	t.Run("BG/NBD in days is BG/NBD in weeks with α seven times larger", func(t *testing.T) {
		w, _ := FitBGNBD(weeks)
		d, _ := FitBGNBD(days)
		if ok, why := d.Usable(); !ok {
			t.Fatalf("fit in days not usable: %s", why)
		}
		checkRel(t, "r", d.Params.R, w.Params.R, 1e-5)
		checkRel(t, "alpha", d.Params.Alpha, 7*w.Params.Alpha, 1e-5)
		checkRel(t, "a", d.Params.A, w.Params.A, 1e-5)
		checkRel(t, "b", d.Params.B, w.Params.B, 1e-5)
	})
	t.Run("Pareto/NBD in days is Pareto/NBD in weeks with α and β seven times larger", func(t *testing.T) {
		w, _ := FitParetoNBD(weeks)
		d, _ := FitParetoNBD(days)
		if ok, why := d.Usable(); !ok {
			t.Fatalf("fit in days not usable: %s", why)
		}
		checkRel(t, "r", d.Params.R, w.Params.R, 1e-4)
		checkRel(t, "alpha", d.Params.Alpha, 7*w.Params.Alpha, 1e-4)
		checkRel(t, "s", d.Params.S, w.Params.S, 1e-4)
		checkRel(t, "beta", d.Params.Beta, 7*w.Params.Beta, 1e-4)
	})
}

func TestAFitFailsWhenTheLikelihoodAtTheStartIsNotANumber(t *testing.T) {
	nan := func(params, grad []float64) float64 { return math.NaN() }
	if _, err := maximize(nan, []float64{1, 1}, 0); err == nil {
		t.Error("no error")
	}
}

// TestAFitOnAFlatSurfaceStops fits three customers on which gonum's line search never
// stopped on its own (found by FuzzPipeline): the fit must come back, converged or not.
func TestAFitOnAFlatSurfaceStops(t *testing.T) {
	data := []Summary{{X: 12, Tx: 152.14285714285714, T: 152.14285714285714}, {X: 1, Tx: 99, T: 136.42857142857142}, {X: 0, Tx: 0, T: 36.42857142857143}}
	done := make(chan error, 1)
	go func() {
		_, err := FitParetoNBD(data)
		done <- err
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the Pareto/NBD fit did not stop")
	}
}

// TestPredictIsEachCustomersPrediction: a fit's predictions of the customers it was made
// on are, bit for bit, those of its parameters one customer at a time, duplicates and
// purchases on the last day included.
func TestPredictIsEachCustomersPrediction(t *testing.T) {
	data := simulateCohort(5000, 4, func(rng *rand.Rand, T float64) simulated {
		return simulateParetoNBD(rng, benchPareto, T)
	})
	data = append(data, data[:100]...)
	data = append(data, Summary{X: 2, Tx: 5, T: 5}, Summary{X: 0, Tx: 0, T: 3})
	pn, err := FitParetoNBD(data)
	if err != nil {
		t.Fatal(err)
	}
	bg, err := FitBGNBD(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		m    Predictor
		pred func(t float64) ([]float64, []float64)
	}{{"Pareto/NBD", pn.Params, pn.Predict}, {"BG/NBD", bg.Params, bg.Predict}} {
		palive, expected := c.pred(52)
		if len(palive) != len(data) || len(expected) != len(data) {
			t.Fatalf("%s: %d and %d predictions of %d customers", c.name, len(palive), len(expected), len(data))
		}
		for i, s := range data {
			if p, e := c.m.PAlive(s), c.m.Expected(s, 52); palive[i] != p || expected[i] != e {
				t.Fatalf("%s: customer %d %+v: Predict gives %v, %v; one at a time %v, %v", c.name, i, s, palive[i], expected[i], p, e)
			}
		}
	}
	if p, e := (Fit[ParetoNBD]{}).Predict(52); p != nil || e != nil {
		t.Error("a fit without data predicts")
	}
	if r := pn.Result(); r.data != nil || r.Params != pn.Params || r.LogLik != pn.LogLik || pn.data == nil {
		t.Error("Result keeps the fitted data, changes the fit, or empties the original")
	}
}
