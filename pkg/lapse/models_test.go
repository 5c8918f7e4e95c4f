package lapse_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/visitgen"
	"github.com/winback/winback/pkg/words"
)

// simSet returns a simulated set of the default scenario with n customers, and its end.
func simSet(t testing.TB, n int) (*history.Set, visit.Day) {
	t.Helper()
	cfg := visitgen.DefaultSimConfig()
	cfg.Customers = n
	var exp bytes.Buffer
	if _, err := visitgen.Simulate(&exp, nil, cfg); err != nil {
		t.Fatal(err)
	}
	return readExport(t, "sim.csv", &exp), cfg.End
}

// TestModelRule checks the model rule on a simulated cohort: customers with too few visits
// for their own rhythm are judged by their chance of a visit within the return window
// against the thresholds.
func TestModelRule(t *testing.T) {
	set, end := simSet(t, 1000)
	m, err := lapse.FitModels(set, end, model.Weeks)
	if err != nil {
		t.Fatal(err)
	}
	if m.Chosen != lapse.ChoseParetoNBD {
		t.Fatalf("chose %q (%s), want Pareto/NBD, which is usable on data drawn from BG/NBD", m.Chosen, words.For("en").ModelNote(m))
	}
	pn := m.Predictor().(model.ParetoNBD)
	cfg := lapse.DefaultConfig()
	window := float64(cfg.ReturnWindowDays) / m.Period.Length()
	verdicts := assessAll(set, end, cfg, m)
	byModel := 0
	for i, v := range verdicts {
		p := m.Customers[i]
		if v.PAlive != p.PAlive || p.Key != v.Key {
			t.Fatalf("%s: verdict P(alive) %v, model's %v", v.Key, v.PAlive, p.PAlive)
		}
		// The value at risk is the model's value given that the customer is still active;
		// when the model is sure they are gone it falls back to their past year's spend.
		switch {
		case p.PAlive > 1e-9 && p.ExpectedValue > 0:
			if want := int64(math.Round(100 * p.ExpectedValue / p.PAlive)); v.ValueSource != lapse.ValueModel || v.ValueAtRisk != want {
				t.Errorf("%s: value at risk %d from %q, want %d from the model", v.Key, v.ValueAtRisk, v.ValueSource, want)
			}
			if v.ValueAtRisk < int64(math.Round(100*p.ExpectedValue)) {
				t.Errorf("%s: value at risk %d below the unconditional expectation %.0f", v.Key, v.ValueAtRisk, 100*p.ExpectedValue)
			}
		default:
			if v.ValueSource != lapse.ValuePastSpend {
				t.Errorf("%s: P(alive) %g: value from %q, want past-spend", v.Key, p.PAlive, v.ValueSource)
			}
		}
		if v.Rule == lapse.RuleModel {
			byModel++
			var want lapse.Status
			chance := pn.PAlive(p.Summary) * pn.VisitIfAlive(p.X, p.T, window)
			switch {
			case chance < cfg.PAliveLapsed && v.CurrentGap > cfg.MinGapDays:
				want = lapse.Lapsed
			case chance < cfg.PAliveDue:
				want = lapse.Due
			default:
				want = lapse.Active
			}
			if got := v.Status; got != want && !(want == lapse.Lapsed && got == lapse.Lost) {
				t.Errorf("%s: chance of a visit %.3f after %d days: %s, want %s", v.Key, chance, v.CurrentGap, got, want)
			}
			if en, de := words.For("en").Explanation(&v), words.For("de").Explanation(&v); !strings.Contains(en, "(model)") || !strings.Contains(de, "laut Modell") {
				t.Errorf("%s: explanation %q / %q does not name the model", v.Key, en, de)
			}
		}
		if v.Visits >= cfg.RhythmMinVisits && v.Rule == lapse.RuleModel {
			t.Errorf("%s: %d visits judged by the model, want own rhythm", v.Key, v.Visits)
		}
	}
	if byModel == 0 {
		t.Error("no customer was judged by the model")
	}
	t.Logf("%d of %d customers judged by the model", byModel, len(verdicts))
}

func TestFitModelsJSON(t *testing.T) {
	set, end := simSet(t, 500)
	m, err := lapse.FitModels(set, end, model.Weeks)
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		AsOf   string `json:"as_of"`
		Period string `json:"period"`
		BGNBD  struct {
			Params    map[string]float64 `json:"params"`
			LogLik    *float64           `json:"log_likelihood"`
			Converged *bool              `json:"converged"`
			Usable    *bool              `json:"usable"`
		} `json:"bgnbd"`
		ParetoNBD struct {
			Params map[string]float64 `json:"params"`
		} `json:"pareto_nbd"`
		GammaGamma *struct {
			Params map[string]float64 `json:"params"`
		} `json:"gamma_gamma"`
		Chosen    string           `json:"chosen"`
		Customers []map[string]any `json:"customers"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.AsOf != "2024-12-31" || got.Period != "week" || got.Chosen != "pareto-nbd" {
		t.Errorf("as_of %q, period %q, chosen %q", got.AsOf, got.Period, got.Chosen)
	}
	for _, k := range []string{"r", "alpha", "a", "b"} {
		if _, ok := got.BGNBD.Params[k]; !ok {
			t.Errorf("bgnbd params lack %s: %v", k, got.BGNBD.Params)
		}
	}
	for _, k := range []string{"r", "alpha", "s", "beta"} {
		if _, ok := got.ParetoNBD.Params[k]; !ok {
			t.Errorf("pareto_nbd params lack %s: %v", k, got.ParetoNBD.Params)
		}
	}
	if got.GammaGamma == nil || len(got.GammaGamma.Params) != 3 {
		t.Errorf("gamma_gamma %+v, want p, q, gamma", got.GammaGamma)
	}
	if got.BGNBD.LogLik == nil || got.BGNBD.Converged == nil || got.BGNBD.Usable == nil {
		t.Errorf("bgnbd lacks log_likelihood, converged or usable: %s", b[:min(len(b), 400)])
	}
	if len(got.Customers) != len(set.Customers) {
		t.Fatalf("%d customer predictions for %d customers", len(got.Customers), len(set.Customers))
	}
	for _, k := range []string{"id", "visits", "x", "t_x", "T", "p_alive", "expected_visits", "expected_spend", "expected_value"} {
		if _, ok := got.Customers[0][k]; !ok {
			t.Errorf("customer prediction lacks %s: %v", k, got.Customers[0])
		}
	}
	// The per-customer expectation over 12 months is the method's at 365 days.
	if e := m.ExpectedVisits(0, lapse.HorizonDays); math.Abs(e-m.Customers[0].ExpectedVisits) > 1e-12 {
		t.Errorf("ExpectedVisits(0, 365) = %v, prediction %v", e, m.Customers[0].ExpectedVisits)
	}
}

// TestFitModelsTooLittleData: a small practice whose models cannot be trusted falls back
// to the rules, and says why.
func TestFitModelsTooLittleData(t *testing.T) {
	set := buildSet(true, append(population(), customer{"X", every(0, 7, 2, "", 1000)})...)
	asOf := day0 + 400
	m, err := lapse.FitModels(set, asOf, model.Weeks)
	if err != nil {
		t.Fatal(err)
	}
	if m.Chosen != lapse.ChoseNone || m.BGNBD.Usable || m.BGNBD.WhyNot == "" || !strings.Contains(words.For("en").ModelNote(m), "no repeat-buying model is usable") {
		t.Fatalf("chosen %q, BG/NBD usable %v (%s); note %q", m.Chosen, m.BGNBD.Usable, m.BGNBD.WhyNot, words.For("en").ModelNote(m))
	}
	for _, v := range assessAll(set, asOf, lapse.DefaultConfig(), m) {
		if v.PAlive != -1 || v.Rule == lapse.RuleModel || v.ValueSource != lapse.ValuePastSpend {
			t.Errorf("%s: P(alive) %v, rule %s, value from %q; want -1, no model, past spend", v.Key, v.PAlive, v.Rule, v.ValueSource)
		}
	}
}

func TestFitModelsNoVisit(t *testing.T) {
	set := buildSet(false, customer{"X", []ev{{0, visit.Cancelled, "", 0}}})
	if _, err := lapse.FitModels(set, day0+10, model.Weeks); !errors.Is(err, model.ErrNoCustomers) {
		t.Errorf("error %v, want one wrapping model.ErrNoCustomers", err)
	}
}

// TestDeterministic: the same set, date and configuration give the same models and
// verdicts, however many goroutines share the work.
func TestDeterministic(t *testing.T) {
	set, end := simSet(t, 3000)
	run := func(procs int) (*lapse.Models, []lapse.Verdict) {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		m, err := lapse.FitModels(set, end, model.Weeks)
		if err != nil {
			t.Fatal(err)
		}
		return m, assessAll(set, end, lapse.DefaultConfig(), m)
	}
	m1, v1 := run(1)
	m4, v4 := run(4)
	j1, _ := json.Marshal(m1)
	j4, _ := json.Marshal(m4)
	if !bytes.Equal(j1, j4) {
		t.Error("models differ between 1 and 4 goroutines")
	}
	if !reflect.DeepEqual(v1, v4) {
		t.Error("verdicts differ between 1 and 4 goroutines")
	}
}

// TestHoldoutIsTheDataAsOfTheCalibrationDay checks that a holdout's summaries are those
// FitForLapse makes as of the calibration day, that FitHoldout chooses and fits the model
// FitForLapse predicts with there and predicts with it, and that the actual visits are
// those after that day.
func TestHoldoutIsTheDataAsOfTheCalibrationDay(t *testing.T) {
	set, end := simSet(t, 2000)
	cal := end - 120
	atCal, err := lapse.FitForLapse(set, cal, model.Weeks)
	if err != nil {
		t.Fatal(err)
	}
	h := lapse.GatherHoldout(set, end, cal, model.Weeks)
	pred, expected, err := lapse.FitHoldout(h, 17)
	if err != nil {
		t.Fatal(err)
	}
	if atCal.Predictor() == nil || !reflect.DeepEqual(pred, atCal.Predictor()) {
		t.Fatalf("holdout fit %v, FitForLapse as of the calibration day %s %v", pred, atCal.Chosen, atCal.Predictor())
	}
	var sums []model.Summary
	var actual []float64
	for i, p := range atCal.Customers {
		if p.Visits == 0 {
			continue
		}
		n := 0
		for day := range set.Customers[i].VisitDays(end) {
			if day > cal {
				n++
			}
		}
		sums, actual = append(sums, p.Summary), append(actual, float64(n))
	}
	if !reflect.DeepEqual(h.Summaries, sums) || !reflect.DeepEqual(h.Actual, actual) {
		t.Fatalf("holdout of %d customers, want %d", len(h.Summaries), len(sums))
	}
	for i, s := range sums {
		if want := pred.Expected(s, 17); expected[i] != want {
			t.Fatalf("customer %d expected %v visits, want %v", i, expected[i], want)
		}
	}
	if slices.Max(actual) == 0 {
		t.Fatal("no visit after the calibration day: the test needs some")
	}
}

// TestRefundIsLeftOutOfTheSpendModel gives customers of a simulated cohort repeat visits
// that net to a refund: the models are fitted all the same, the note counts the customers
// left out of Gamma-Gamma, and the model expects none of them to spend below 0.
func TestRefundIsLeftOutOfTheSpendModel(t *testing.T) {
	set, end := simSet(t, 1000)
	refunded := map[string]bool{}
	for i := range set.Customers {
		h := &set.Customers[i]
		if len(refunded) == 3 || h.Summarize(end).Visits < 3 {
			continue
		}
		evs := h.AppendEvents(nil)
		for k := range evs {
			evs[k].Amount = -500 // every visit a refund of 5.00
		}
		h.SetEvents(evs...)
		refunded[h.Key] = true
	}
	m, err := lapse.FitModels(set, end, model.Weeks)
	if err != nil {
		t.Fatalf("a refund failed the analysis: %v", err)
	}
	if m.GammaGamma == nil || !m.GammaGamma.Usable {
		t.Fatalf("Gamma-Gamma %+v, want a usable fit without the refunds", m.GammaGamma)
	}
	if !strings.Contains(words.For("en").ModelNote(m), "3 customers whose repeat visits net to a refund are left out of the Gamma-Gamma fit") {
		t.Errorf("note %q does not count the 3 customers left out", words.For("en").ModelNote(m))
	}
	for _, p := range m.Customers {
		if refunded[p.Key] && (p.ExpectedSpend < 0 || p.ExpectedValue < 0) {
			t.Errorf("%s: expected spend %v, value %v; want neither below 0", p.Key, p.ExpectedSpend, p.ExpectedValue)
		}
	}
}
