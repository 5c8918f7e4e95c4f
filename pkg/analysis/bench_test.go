package analysis

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/reason"
)

// BenchmarkLapsedWhole is the whole of `winback lapsed` (read, fit, assess, reasons,
// segments, report) on the 5-million-row export that BenchmarkReadLarge in pkg/export
// generates into the temp directory; run that first.
//
//	go test ./pkg/export -run '^$' -bench ReadLarge -benchtime 1x
//	go test ./pkg/analysis -run '^$' -bench LapsedWhole -benchtime 3x
func BenchmarkLapsedWhole(b *testing.B) {
	path := filepath.Join(os.TempDir(), "winback-bench-5000000-300000.csv")
	if _, err := os.Stat(path); err != nil {
		b.Skip("generate the large export first with BenchmarkReadLarge in pkg/export")
	}
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		res, err := export.Read([]export.Input{{Name: path, R: f}}, export.Options{})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		r, err := Run(res.Set, Options{AsOf: res.Set.LatestRecorded, Period: model.Weeks, Lapse: lapse.DefaultConfig(), Reasons: reason.DefaultConfig()})
		if err != nil {
			b.Fatal(err)
		}
		rep := r.Report(ReportOptions{Lang: "en", Shown: 50})
		b.ReportMetric(float64(len(rep.Lapsed)), "lapsed")
	}
}
