package report_test

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/report"
)

// BenchmarkLapsedWhole is the whole of `winback lapsed` (read, fit, assess, reasons,
// segments, report) on the 5-million-row export that BenchmarkReadLarge in pkg/export
// generates into the temp directory; run that first.
//
//	go test ./pkg/export -run '^$' -bench ReadLarge -benchtime 1x
//	go test ./pkg/report -run '^$' -bench LapsedWhole -benchtime 3x
//
// The run reads as winback lapsed does. Each iteration also reads the export alone, as
// BenchmarkReadLarge does, with the timer stopped: x-ingest is the run's time over that
// ingest's, both measured in the same iterations, so the ratio holds when the machine's
// speed drifts between benchmarks (on a shared machine it does, by a third).
func BenchmarkLapsedWhole(b *testing.B) {
	path := filepath.Join(os.TempDir(), "winback-bench-5000000-300000.csv")
	if _, err := os.Stat(path); err != nil {
		b.Skip("generate the large export first with BenchmarkReadLarge in pkg/export")
	}
	read := func(opt export.Options) *export.Result {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		defer f.Close()
		res, err := export.Read([]export.Input{{Name: path, R: f}}, opt)
		if err != nil {
			b.Fatal(err)
		}
		return res
	}
	var ingest, whole time.Duration
	for b.Loop() {
		b.StopTimer()
		t0 := time.Now()
		read(export.Options{})
		ingest += time.Since(t0)
		runtime.GC()
		b.StartTimer()
		t0 = time.Now()
		res := read(export.Options{WithholdContacts: true}) // as winback lapsed reads
		r, err := analysis.Run(res.Set, analysis.Options{AsOf: res.Set.LatestRecorded, Period: model.Weeks, Lapse: lapse.DefaultConfig(), Reasons: reason.DefaultConfig()})
		if err != nil {
			b.Fatal(err)
		}
		rep := report.Build(r, report.BuildOptions{Lang: "en", Shown: 50, Defer: true, LapsedOnly: true})
		whole += time.Since(t0)
		b.ReportMetric(float64(rep.NumLapsed()), "lapsed")
	}
	b.ReportMetric(ingest.Seconds()/float64(b.N), "ingest-s")
	b.ReportMetric(float64(whole)/float64(ingest), "x-ingest")
}

// BenchmarkAnalysis is the part of a run after the read on the same 5-million-row export:
// analysis.Run, report.Build and writing the report in each format but md. The export is read once, outside
// the timer.
//
//	go test ./pkg/report -run '^$' -bench Analysis -benchtime 3x
func BenchmarkAnalysis(b *testing.B) {
	path := filepath.Join(os.TempDir(), "winback-bench-5000000-300000.csv")
	if _, err := os.Stat(path); err != nil {
		b.Skip("generate the large export first with BenchmarkReadLarge in pkg/export")
	}
	f, err := os.Open(path)
	if err != nil {
		b.Fatal(err)
	}
	res, err := export.Read([]export.Input{{Name: path, R: f}}, export.Options{})
	f.Close()
	if err != nil {
		b.Fatal(err)
	}
	opt := analysis.Options{AsOf: res.Set.LatestRecorded, Period: model.Weeks, Lapse: lapse.DefaultConfig(), Reasons: reason.DefaultConfig()}
	run := func(b *testing.B) *analysis.Result {
		r, err := analysis.Run(res.Set, opt)
		if err != nil {
			b.Fatal(err)
		}
		return r
	}
	b.Run("Run", func(b *testing.B) {
		for b.Loop() {
			run(b)
		}
	})
	b.Run("Report", func(b *testing.B) {
		for b.Loop() {
			// Each report works out the parts the reports of one run share, as the first does.
			b.StopTimer()
			r := run(b)
			b.StartTimer()
			report.Build(r, report.BuildOptions{Lang: "en", Shown: 50, Defer: true})
			r.Trend()
			r.RevenueAndMix()
			r.Lift()
		}
	})
	b.Run("Backtest", func(b *testing.B) {
		r := run(b)
		for b.Loop() {
			r.Backtest()
		}
	})
	for _, format := range []string{"table", "html", "json", "csv", "xlsx"} {
		b.Run("RunReport-"+format, func(b *testing.B) {
			w, err := report.NewWriter(format, report.Options{MaxLapsed: 50})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				rep := report.Build(run(b), report.BuildOptions{Lang: "en", Shown: 50, Defer: true})
				if err := w.Write(io.Discard, rep); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
