package export

import (
	"math"
	"testing"

	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/realdata"
	"github.com/winback/winback/pkg/visit"
)

// TestRealLogsAreReadWithoutFlags reads the real logs as a new user would, without flags.
func TestRealLogsAreReadWithoutFlags(t *testing.T) {
	tests := []struct {
		file      string
		customers int
		concepts  map[string]string
	}{
		{"groceryElog.csv", 1525, map[string]string{"customer": "cust", "date": "date"}},
		{"CDNOW_master.txt", 23570, map[string]string{"customer": "customer_id", "date": "date", "amount": "dollar_value"}},
		{"KaggleV2-May-2016.csv", 62299, map[string]string{"customer": "PatientId", "date": "AppointmentDay", "booked_at": "ScheduledDay", "no_show": "No-show"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f := realdata.Open(t, tt.file)
			res, err := Read([]Input{{Name: tt.file, R: f}}, Options{})
			if err != nil {
				t.Fatalf("read without flags: %v", err)
			}
			r := res.Summary
			if r.Customers != tt.customers || r.Rejected != 0 {
				t.Errorf("%d customers, %d rejected; want %d customers, none rejected", r.Customers, r.Rejected, tt.customers)
			}
			for c, h := range tt.concepts {
				if got := r.Files[0].Concepts[c].Header; got != h {
					t.Errorf("concept %s is column %q, want %q", c, got, h)
				}
			}
		})
	}
}

// TestCDNOWMasterIsReadWithNoRowDropped reads the CDNOW master file, whose 255 rows that
// repeat an earlier row byte for byte are real separate purchases: none is dropped.
func TestCDNOWMasterIsReadWithNoRowDropped(t *testing.T) {
	f := realdata.Open(t, "CDNOW_master.txt")
	res, err := Read([]Input{{Name: "CDNOW_master.txt", R: f}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r := res.Summary; r.Rows != 69659 || r.Accepted != 69659 || r.Duplicates != 0 {
		t.Errorf("%d rows = %d accepted + %d duplicates; want all 69659 accepted", r.Rows, r.Accepted, r.Duplicates)
	}
}

// TestGammaGammaThroughTheReaderReproducesCDNOW reads the CDNOW sample (2,357 customers,
// testdata/cdnow) with winback's own reader and fits the Gamma-Gamma spend model to what it
// read: the published p, q, γ = 6.25, 3.74, 15.44 (LL −4055.9, Fader, Hardie & Lee 2005)
// come out only if every purchase is kept, the 19 rows that repeat an earlier one too.
func TestGammaGammaThroughTheReaderReproducesCDNOW(t *testing.T) {
	res := read(t, Options{}, "../cdnow/CDNOW_sample.txt")
	if res.Summary.Duplicates != 0 || res.Summary.Rejected != 0 || len(res.Set.Customers) != 2357 {
		t.Fatalf("read %d customers, %d duplicates, %d rejected; want 2357, 0, 0", len(res.Set.Customers), res.Summary.Duplicates, res.Summary.Rejected)
	}
	calEnd := visit.DayOf(1997, 9, 30)
	var x, zbar []float64
	for i := range res.Set.Customers {
		var days []visit.Day
		var amounts []float64
		for d, a := range res.Set.Customers[i].VisitDays(visit.DayOf(1998, 6, 30)) {
			days = append(days, d)
			amounts = append(amounts, float64(a)/100)
		}
		s, _ := model.Summarize(days, calEnd, model.Weeks)
		x = append(x, s.X)
		zbar = append(zbar, model.RepeatMean(days, amounts, calEnd))
	}
	fit, err := model.FitGammaGamma(x, zbar)
	if err != nil {
		t.Fatal(err)
	}
	p := fit.Params
	sig3 := func(got, want float64) bool { return math.Abs(got-want) <= 0.005*math.Abs(want) }
	if !sig3(p.P, 6.25) || !sig3(p.Q, 3.74) || !sig3(p.Gamma, 15.44) || math.Abs(fit.LogLik-(-4055.9)) > 0.05 {
		t.Errorf("p, q, γ = %.4f, %.4f, %.4f, LL %.2f; want 6.25, 3.74, 15.44, LL −4055.9", p.P, p.Q, p.Gamma, fit.LogLik)
	}
}
