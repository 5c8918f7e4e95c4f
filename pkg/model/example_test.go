package model_test

import (
	"fmt"
	"math/rand/v2"

	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visit"
)

// A practice's customers, simulated from a known BG/NBD model over two years and fitted
// back.
func ExampleFitBGNBD() {
	truth := model.BGNBD{R: 0.8, Alpha: 6, A: 1.2, B: 3.5}
	rng := rand.New(rand.NewPCG(1, 2))
	var data []model.Summary
	for range 20000 {
		data = append(data, model.SimulateBGNBD(rng, truth, 104).Summary())
	}
	fit, err := model.FitBGNBD(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	if ok, why := fit.Usable(); !ok {
		fmt.Println("fall back to simple rules:", why)
		return
	}
	p := fit.Params
	fmt.Printf("r=%.1f alpha=%.0f a=%.1f b=%.1f\n", p.R, p.Alpha, p.A, p.B)
	// Output:
	// r=0.8 alpha=6 a=1.2 b=3.7
}

// Too little data: the fit says why it should not be used.
func ExampleFit_Usable() {
	data := []model.Summary{{X: 0, Tx: 0, T: 30}, {X: 2, Tx: 10, T: 30}, {X: 0, Tx: 0, T: 12}}
	fit, _ := model.FitBGNBD(data)
	ok, _ := fit.Usable()
	fmt.Println(ok)
	fmt.Println(fit.Flags[0].Reason)
	// Output:
	// false
	// only 1 of 3 customers came back at least once (need 30 and 5%)
}

// The CDNOW estimates of Fader, Hardie & Lee (2005): a customer who bought 26 times in 31
// weeks, last at 30.9, is almost surely still active; one who bought 10 times by week 20
// and not since is probably gone.
func ExampleBGNBD_PAlive() {
	m := model.BGNBD{R: 0.2425945, Alpha: 4.4136019, A: 0.7929199, B: 2.4258881}
	fmt.Printf("%.4f\n", m.PAlive(model.Summary{X: 26, Tx: 30.85714, T: 31}))
	fmt.Printf("%.4f\n", m.PAlive(model.Summary{X: 10, Tx: 20, T: 39}))
	fmt.Printf("%.4f\n", m.PAlive(model.Summary{X: 0, Tx: 0, T: 39}))
	// Output:
	// 0.9689
	// 0.0381
	// 1.0000
}

func ExampleBGNBD_Expected() {
	m := model.BGNBD{R: 0.2425945, Alpha: 4.4136019, A: 0.7929199, B: 2.4258881}
	fmt.Printf("new customer, next year: %.3f\n", m.ExpectedNew(52))
	fmt.Printf("regular, next year: %.2f\n", m.Expected(model.Summary{X: 26, Tx: 30.85714, T: 31}, 52))
	// Output:
	// new customer, next year: 1.444
	// regular, next year: 25.76
}

func ExampleSummarize() {
	days := []visit.Day{visit.DayOf(2024, 1, 2), visit.DayOf(2024, 2, 13), visit.DayOf(2024, 3, 26)}
	s, ok := model.Summarize(days, visit.DayOf(2024, 4, 30), model.Weeks)
	fmt.Println(ok, s.X, s.Tx, s.T)
	// Output:
	// true 2 12 17
}
