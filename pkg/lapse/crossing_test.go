package lapse

import (
	"math"
	"testing"

	"github.com/winback/winback/pkg/model"
)

// TestCrossingMatchesBisection checks that the crossing found from BG/NBD's closed form
// is the day a bisection over all days finds, for fits near and far from the CDNOW one,
// periods of days and weeks, and thresholds on both sides of one half.
func TestCrossingMatchesBisection(t *testing.T) {
	fits := []model.BGNBD{
		{R: 0.243, Alpha: 4.414, A: 0.793, B: 2.426}, // CDNOW, weeks
		{R: 1.8, Alpha: 40, A: 0.3, B: 6},
		{R: 0.05, Alpha: 0.5, A: 3, B: 1.2},
		{R: 12, Alpha: 900, A: 1, B: 1},
	}
	bisect := func(a *assessor, s model.Summary, span, p float64) float64 {
		l := a.m.Period.Length()
		alive := func(gap int) bool {
			s.T = (span + float64(gap)) / l
			return a.m.pred.PAlive(s) >= p
		}
		const limit = 1 << 15
		if alive(limit) {
			return math.Inf(1)
		}
		if !alive(0) {
			return -1
		}
		lo, hi := 0, limit
		for hi-lo > 1 {
			if mid := (lo + hi) / 2; alive(mid) {
				lo = mid
			} else {
				hi = mid
			}
		}
		return float64(lo)
	}
	checked := 0
	for _, period := range []model.Period{model.Days, model.Weeks} {
		l := period.Length()
		for _, fit := range fits {
			a := &assessor{m: &Models{Period: period, pred: fit}}
			for x := 1.0; x <= 40; x += 3 {
				for _, span := range []float64{1, 7, 30, 200, 365, 1100, 4000} {
					s := model.Summary{X: x, Tx: span / l, T: span / l}
					for _, p := range []float64{0.01, 0.1, 0.3, 0.5, 0.55, 0.7, 0.9, 0.99} {
						want := bisect(a, s, span, p)
						if got := a.crossing(&Prediction{Summary: s}, span, p); got != want {
							t.Fatalf("%+v %v x=%g span=%g p=%g: crossing %v, bisection %v", fit, period, x, span, p, got, want)
						}
						if want > 0 && !math.IsInf(want, 1) {
							checked++
						}
					}
				}
			}
		}
	}
	if checked < 500 {
		t.Fatalf("only %d crossings inside the search range: the cases do not test the closed form", checked)
	}
}

// crossing returns, as the model rule's oracle in these tests, the largest number of days after the last visit at which the chosen
// model's chance of a visit within the return window (or P(alive), without a window) is
// still at least p: the customer's due or lapse gap under the model.
// span is the days from the first to the last visit. Both fall as time passes without
// a visit, so a bisection over whole days finds it; +Inf when it never falls below p within
// a century.
func (a *assessor) crossing(pred *Prediction, span, p float64) float64 {
	l := a.m.Period.Length()
	s := pred.Summary
	w := float64(a.cfg.ReturnWindowDays) / l
	alive := func(gap int) bool {
		s.T = (span + float64(gap)) / l
		if w > 0 {
			return a.m.pred.PAlive(s)*a.m.pred.VisitIfAlive(s.X, s.T, w) >= p
		}
		return a.m.pred.PAlive(s) >= p
	}
	const limit = crossingLimit
	if alive(limit) {
		return math.Inf(1)
	}
	if !alive(0) {
		return -1
	}
	lo, hi := 0, limit // alive(lo), !alive(hi)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if alive(mid) {
			lo = mid
		} else {
			hi = mid
		}
	}
	return float64(lo)
}
