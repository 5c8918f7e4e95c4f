package lapse_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/visitgen"
)

// The benchmarks run on visitgen's large export: 5,000,000 rows of 300,000 customers
// (WINBACK_BENCH_ROWS changes the rows, customers in proportion), generated once into the
// temp directory under the name package export's benchmarks use, and read once per run.
//
//	go test ./pkg/lapse -run '^$' -bench . -benchtime 5x
var large struct {
	once sync.Once
	path string
	set  *history.Set
	asOf visit.Day
	err  error
}

func largeExportPath(b *testing.B) (string, visitgen.LargeConfig) {
	b.Helper()
	rows := 5_000_000
	if s := os.Getenv("WINBACK_BENCH_ROWS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil {
			b.Fatalf("WINBACK_BENCH_ROWS: %v", err)
		}
		rows = n
	}
	cfg := visitgen.DefaultLargeConfig()
	cfg.Customers = max(1, cfg.Customers*rows/cfg.Rows)
	cfg.Rows = rows
	path := filepath.Join(os.TempDir(), fmt.Sprintf("winback-bench-%d-%d.csv", cfg.Rows, cfg.Customers))
	if _, err := os.Stat(path); err == nil {
		return path, cfg
	}
	f, err := os.CreateTemp(filepath.Dir(path), "winback-bench-*.tmp")
	if err != nil {
		b.Fatal(err)
	}
	defer os.Remove(f.Name())
	w := bufio.NewWriterSize(f, 1<<20)
	if _, err := visitgen.WriteLarge(w, cfg); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		b.Fatal(err)
	}
	return path, cfg
}

func readLarge(path string) (*history.Set, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	res, err := export.Read([]export.Input{{Name: path, R: f}}, export.Options{})
	if err != nil {
		return nil, err
	}
	return res.Set, nil
}

func largeSet(b *testing.B) (*history.Set, visit.Day) {
	b.Helper()
	large.once.Do(func() {
		var cfg visitgen.LargeConfig
		large.path, cfg = largeExportPath(b)
		large.asOf = cfg.AsOf
		large.set, large.err = readLarge(large.path)
	})
	if large.err != nil {
		b.Fatal(large.err)
	}
	return large.set, large.asOf
}

// BenchmarkFitModels fits BG/NBD, Pareto/NBD and Gamma-Gamma to the 300,000 customers of
// the large export and predicts for each.
func BenchmarkFitModels(b *testing.B) {
	set, asOf := largeSet(b)
	for b.Loop() {
		m, err := lapse.FitModels(set, asOf, model.Weeks)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(len(m.Customers)), "customers")
	}
}

// BenchmarkAssess judges the 300,000 customers of the large export with fitted models.
func BenchmarkAssess(b *testing.B) {
	set, asOf := largeSet(b)
	m, err := lapse.FitModels(set, asOf, model.Weeks)
	if err != nil {
		b.Fatal(err)
	}
	cfg := lapse.DefaultConfig()
	for b.Loop() {
		vs := assessAll(set, asOf, cfg, m)
		b.ReportMetric(float64(len(vs)), "customers")
	}
}

// BenchmarkAssessNoModel judges the same customers without models (population rule).
func BenchmarkAssessNoModel(b *testing.B) {
	set, asOf := largeSet(b)
	cfg := lapse.DefaultConfig()
	for b.Loop() {
		assessAll(set, asOf, cfg, nil)
	}
}

// BenchmarkLapsedWhole is what `winback lapsed` does on the large export: read it, fit the
// models, assess and rank. Compare with package export's BenchmarkReadLarge (the ingest
// alone) on the same file; the target is at most 1.5 times that.
func BenchmarkLapsedWhole(b *testing.B) {
	path, cfg := largeExportPath(b)
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	for b.Loop() {
		set, err := readLarge(path)
		if err != nil {
			b.Fatal(err)
		}
		m, err := lapse.FitModels(set, cfg.AsOf, model.Weeks)
		if err != nil {
			b.Fatal(err)
		}
		ranked := rankLapsed(assessAll(set, cfg.AsOf, lapse.DefaultConfig(), m))
		b.ReportMetric(float64(len(ranked)), "lapsed")
	}
}

// BenchmarkRankLapsed ranks the lapsed and lost customers of the large export.
func BenchmarkRankLapsed(b *testing.B) {
	set, asOf := largeSet(b)
	vs := assessAll(set, asOf, lapse.DefaultConfig(), nil)
	for b.Loop() {
		ranked := rankLapsed(vs)
		b.ReportMetric(float64(len(ranked)), "lapsed")
	}
}
