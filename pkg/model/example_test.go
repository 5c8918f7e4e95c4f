package model_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"

	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visit"
)

// The CDNOW customers of Fader, Hardie & Lee (2005), one summary a row (x, t_x and T in
// weeks), fitted back to the published estimates.
func ExampleFitBGNBD() {
	f, err := os.Open("../../testdata/cdnow/cdnow_customers_summary.csv")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		fmt.Println(err)
		return
	}
	var data []model.Summary
	for _, row := range rows[1:] { // ID, frequency, recency, T
		var v [3]float64
		for i := range v {
			v[i], _ = strconv.ParseFloat(row[i+1], 64)
		}
		data = append(data, model.Summary{X: v[0], Tx: v[1], T: v[2]})
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
	fmt.Printf("r=%.3f alpha=%.3f a=%.3f b=%.3f\n", p.R, p.Alpha, p.A, p.B)
	// Output:
	// r=0.243 alpha=4.414 a=0.793 b=2.426
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
	fmt.Printf("new customer, next year: %.3f\n", m.ExpectedIfAlive(0, 0, 52))
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
