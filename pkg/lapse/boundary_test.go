package lapse

import (
	"math"
	"testing"

	"github.com/winback/winback/pkg/model"
)

// TestAFitWithRareDropoutStillLapses checks the model rule on a shop's fit where b ≫ a
// (a = 2.1, b = 178, from issue 17): P(alive) of a two-visit customer stays high however
// long they are away, so by P(alive) alone they would never lapse; the chance of a visit
// within the return window falls, and two years away is lost under any rule.
func TestAFitWithRareDropoutStillLapses(t *testing.T) {
	fit := model.BGNBD{R: 0.1, Alpha: 20, A: 2.1, B: 178}
	cfg := DefaultConfig()
	span := 30.0 // days from the first to the last visit
	pred := &Prediction{Summary: model.Summary{X: 1, Tx: span / 7, T: span / 7}}

	byPAlive := cfg
	byPAlive.ReturnWindowDays = 0
	a := &assessor{cfg: byPAlive, m: &Models{Period: model.Weeks, pred: fit}}
	if got := a.crossing(pred, span, cfg.PAliveLapsed); !math.IsInf(got, 1) {
		t.Errorf("by P(alive) alone the lapse gap is %v days, want never (the case the window is for)", got)
	}

	a = &assessor{cfg: cfg, m: &Models{Period: model.Weeks, pred: fit}}
	lapse := a.crossing(pred, span, cfg.PAliveLapsed)
	if !(lapse > float64(cfg.LostAfterDays)) || math.IsInf(lapse, 1) {
		t.Fatalf("by the chance of a visit within %d days the lapse gap is %v days, want a finite one beyond two years (the case for lost_after_days)", cfg.ReturnWindowDays, lapse)
	}
	due := a.crossing(pred, span, cfg.PAliveDue)
	for _, tc := range []struct {
		name string
		gap  int
		want Status
	}{
		{"a customer back within the due gap is active", int(due), Active},
		{"one a day past the due gap is due", int(due) + 1, Due},
		{"one gone two years and a day is lost, though the model's lapse gap is longer", cfg.LostAfterDays + 1, Lost},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := a.judge(tc.gap, due, a.lapseGap(lapse)); got != tc.want {
				t.Errorf("%d days away (due %v, lapse %v): %s, want %s", tc.gap, due, lapse, got, tc.want)
			}
		})
	}
	// judge calls two years lost even when a rule's lapse gap is longer.
	if got := a.judge(cfg.LostAfterDays+1, math.Inf(1), math.Inf(1)); got != Lost {
		t.Errorf("two years away with an infinite lapse gap: %s, want lost", got)
	}
}
