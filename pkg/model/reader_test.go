package model_test

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visit"
)

// TestCDNOWThroughWinbacksReader reads CDNOW_sample.txt with winback's own reader (no flags:
// headerless, whitespace-separated, yyyymmdd dates are detected) and reproduces the
// published BG/NBD and Pareto/NBD fits from the 39-week calibration period.
func TestCDNOWThroughWinbacksReader(t *testing.T) {
	f, err := os.Open(filepath.Join("..", "..", "testdata", "cdnow", "CDNOW_sample.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := export.Read([]export.Input{{Name: "CDNOW_sample.txt", R: f}}, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if n := len(res.Set.Customers); n != 2357 {
		t.Fatalf("customers = %d, want 2357", n)
	}
	asOf := visit.DayOf(1997, 9, 30)
	var data []model.Summary
	for i := range res.Set.Customers {
		var days []visit.Day
		for day := range res.Set.Customers[i].VisitDays(asOf) {
			days = append(days, day)
		}
		if s, ok := model.Summarize(days, asOf, model.Weeks); ok {
			data = append(data, s)
		}
	}
	if len(data) != 2357 {
		t.Fatalf("summaries = %d, want 2357 (every customer's first purchase is in the calibration period)", len(data))
	}
	near := func(name string, got, want, rel float64) {
		t.Helper()
		if math.Abs(got-want) > rel*math.Abs(want) {
			t.Errorf("%s = %.7g, want %.7g (±%g relative)", name, got, want, rel)
		}
	}
	bg, err := model.FitBGNBD(data)
	if err != nil {
		t.Fatal(err)
	}
	p := bg.Params
	near("BG/NBD r", p.R, 0.2425945, 5e-4)
	near("BG/NBD alpha", p.Alpha, 4.4136019, 5e-4)
	near("BG/NBD a", p.A, 0.7929199, 5e-4)
	near("BG/NBD b", p.B, 2.4258881, 5e-4)
	near("BG/NBD log-likelihood", bg.LogLik, -9582.429, 5e-5)
	pn, err := model.FitParetoNBD(data)
	if err != nil {
		t.Fatal(err)
	}
	near("Pareto/NBD r", pn.Params.R, 0.55315, 1e-3)
	near("Pareto/NBD s", pn.Params.S, 0.60625, 1e-3)
	near("Pareto/NBD log-likelihood", pn.LogLik, -9594.976, 5e-5)
}
