package export

import (
	"os"
	"path/filepath"
	"testing"
)

// realData is the folder of real logs beside the project (../shared/data/real); tests that
// use it skip when it is absent, as on a fresh clone.
var realData = filepath.Join("..", "..", "..", "shared", "data", "real")

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
			f, err := os.Open(filepath.Join(realData, tt.file))
			if os.IsNotExist(err) {
				t.Skipf("%s is not here: %v", tt.file, err)
			}
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			res, err := Read([]Input{{Name: tt.file, R: f}}, Options{})
			if err != nil {
				t.Fatalf("read without flags: %v", err)
			}
			r := res.Report
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
