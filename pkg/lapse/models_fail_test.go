package lapse

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visit"
)

// TestFailedFitIsANote makes every fit fail: the models are reported as not available with
// the error as the reason, the note says so, and the predictions and the lapse rules go
// on without them.
func TestFailedFitIsANote(t *testing.T) {
	boom := errors.New("the optimiser met a NaN")
	oldBG, oldPN, oldGG := fitBGNBD, fitParetoNBD, fitGammaGamma
	defer func() { fitBGNBD, fitParetoNBD, fitGammaGamma = oldBG, oldPN, oldGG }()
	fitBGNBD = func([]model.Summary) (model.Fit[model.BGNBD], error) { return model.Fit[model.BGNBD]{}, boom }
	fitParetoNBD = func([]model.Summary) (model.Fit[model.ParetoNBD], error) { return model.Fit[model.ParetoNBD]{}, boom }
	fitGammaGamma = func(_, _ []float64) (model.Fit[model.GammaGamma], error) { return model.Fit[model.GammaGamma]{}, boom }

	start := visit.DayOf(2024, 1, 1)
	var evs []history.Event
	for k := range 6 {
		evs = append(evs, history.Event{Day: start + visit.Day(30*k), Amount: 2540, Status: visit.Attended, Lead: history.NoLead})
	}
	set := &history.Set{
		Customers: []history.History{historyOf("anna", evs...), historyOf("ben", evs[:2]...)},
		Services:  history.NewSymbols(), Staff: history.NewSymbols(), Channels: history.NewSymbols(),
		Columns: history.Columns{Amount: true},
	}
	asOf := start + 365
	for _, fit := range []struct {
		name string
		f    func(*history.Set, visit.Day, model.Period) (*Models, error)
	}{{"FitModels", FitModels}, {"FitForLapse", FitForLapse}} {
		t.Run(fit.name+" reports failed fits as models not available", func(t *testing.T) {
			m, err := fit.f(set, asOf, model.Weeks)
			if err != nil {
				t.Fatalf("a failed fit failed the analysis: %v", err)
			}
			for name, r := range map[string]struct {
				usable bool
				why    string
			}{
				"BG/NBD":      {m.BGNBD.Usable, m.BGNBD.WhyNot},
				"Pareto/NBD":  {m.ParetoNBD.Usable, m.ParetoNBD.WhyNot},
				"Gamma-Gamma": {m.GammaGamma.Usable, m.GammaGamma.WhyNot},
			} {
				if r.usable || !strings.Contains(r.why, "the fit failed: "+boom.Error()) {
					t.Errorf("%s: usable %v, why not %q; want not usable because the fit failed", name, r.usable, r.why)
				}
			}
			if m.Chosen != ChoseNone || m.Predictor() != nil {
				t.Errorf("chose %q, want none", m.Chosen)
			}
			if !m.BGNBD.Failed || !m.ParetoNBD.Failed || !m.GammaGamma.Failed {
				t.Errorf("failed: BG/NBD %v, Pareto/NBD %v, Gamma-Gamma %v; want all (the note says so from these)", m.BGNBD.Failed, m.ParetoNBD.Failed, m.GammaGamma.Failed)
			}
			p := m.Customers[0]
			if p.PAlive != -1 || p.ExpectedVisits != -1 || math.Abs(p.ExpectedSpend-25.40) > 1e-9 {
				t.Errorf("anna: P(alive) %v, visits %v, spend %v; want -1, -1 and her mean 25.40", p.PAlive, p.ExpectedVisits, p.ExpectedSpend)
			}
			a := NewAssessor(set, asOf, DefaultConfig(), m)
			vs := make([]Verdict, len(set.Customers))
			w := a.Worker()
			for i := range set.Customers {
				w.Assess(i, set.Customers[i].AppendEvents(nil), &vs[i])
			}
			if len(vs) != 2 || vs[0].Visits != 6 || vs[0].Status == 0 {
				t.Errorf("verdicts %+v, want anna's and ben's by the rules without a model", vs)
			}
		})
	}
}

// historyOf returns a history made by hand: key and events, sorted by day, then status.
func historyOf(key string, evs ...history.Event) history.History {
	h := history.History{Key: key}
	h.SetEvents(evs...)
	return h
}
