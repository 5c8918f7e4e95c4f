package lapse

import (
	"testing"

	"github.com/winback/winback/pkg/model"
)

// TestModelStatusIsJudgeOfTheCrossings checks that the status found by evaluating the model
// at the gap is the one the due and lapse crossings give, for both models, with and without
// a return window, on gaps around each crossing.
func TestModelStatusIsJudgeOfTheCrossings(t *testing.T) {
	preds := []model.Predictor{
		model.BGNBD{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426},
		model.BGNBD{R: 2.1, Alpha: 30, A: 2.1, B: 178},
		model.ParetoNBD{R: 0.553, Alpha: 10.578, S: 0.606, Beta: 11.669},
		model.ParetoNBD{R: 3.6, Alpha: 15, S: 0.315, Beta: 2.93},
	}
	checked := 0
	for _, window := range []int{0, 365} {
		cfg := DefaultConfig()
		cfg.ReturnWindowDays = window
		for _, pred := range preds {
			a := &assessor{m: &Models{Period: model.Weeks, pred: pred}, cfg: cfg}
			l := model.Weeks.Length()
			for _, x := range []float64{0, 1, 2, 5, 12} {
				for _, span := range []float64{0, 30, 200, 700} {
					p := &Prediction{Summary: model.Summary{X: x, Tx: span / l, T: span / l}}
					if x == 0 {
						p.Summary.Tx = 0
					}
					p.PAlive = pred.PAlive(p.Summary) // as FitModels fills it
					due := a.crossing(p, span, cfg.PAliveDue)
					lapse := a.lapseGap(a.crossing(p, span, cfg.PAliveLapsed))
					var gaps []int
					for _, c := range []float64{due, lapse, cfg.LostFactor * lapse} {
						if c >= 0 && c < 5000 {
							gaps = append(gaps, int(c)-1, int(c), int(c)+1, int(c)+2)
						}
					}
					gaps = append(gaps, 0, 10, 100, 400, 800)
					for _, g := range gaps {
						if g < 0 {
							continue
						}
						want := a.judge(g, due, lapse)
						if got := a.modelStatus(p, span, g); got != want {
							t.Fatalf("%T%+v window %d x=%g span=%g gap %d: %v, the crossings give %v", pred, pred, window, x, span, g, got, want)
						}
						checked++
					}
				}
			}
		}
	}
	if checked < 500 {
		t.Fatalf("only %d cases", checked)
	}
}
