package export

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/winback/winback/pkg/visitgen"
)

// largeExport returns the path of a generated export with WINBACK_BENCH_ROWS rows (default
// 5,000,000 rows, 300,000 customers, about 520 MB), generated once into the temp directory.
func largeExport(b *testing.B) (string, int64) {
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
	if st, err := os.Stat(path); err == nil {
		return path, st.Size()
	}
	f, err := os.Create(path + ".tmp")
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	if _, err := visitgen.WriteLarge(w, cfg); err != nil {
		b.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	if err := os.Rename(path+".tmp", path); err != nil {
		b.Fatal(err)
	}
	st, _ := os.Stat(path)
	return path, st.Size()
}

// BenchmarkReadLarge is the whole ingest: file to customer histories.
//
//	go test ./pkg/export -run '^$' -bench 'Large|BareCSV' -benchtime 3x
func BenchmarkReadLarge(b *testing.B) {
	path, size := largeExport(b)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		res, err := Read([]Input{{Name: path, R: f}}, Options{})
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(res.Summary.Customers), "customers")
	}
}

// BenchmarkBareCSV is the yardstick: encoding/csv with ReuseRecord reading the same file
// and doing nothing with it.
func BenchmarkBareCSV(b *testing.B) {
	bareCSV(b, func([]string) {})
}

// BenchmarkBareCSVCount is the second yardstick: the bare encoding/csv read plus a
// count per customer (the first column) in a map, the least a reader into customers does.
func BenchmarkBareCSVCount(b *testing.B) {
	counts := map[string]int{}
	bareCSV(b, func(rec []string) {
		if rec == nil {
			b.ReportMetric(float64(len(counts)), "customers")
			counts = map[string]int{}
			return
		}
		counts[rec[0]]++
	})
}

// bareCSV reads the large export with encoding/csv (ReuseRecord) once per iteration,
// calling each with every record, and with nil when a read is done.
func bareCSV(b *testing.B, each func(rec []string)) {
	path, size := largeExport(b)
	b.SetBytes(size)
	b.ResetTimer()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		r := csv.NewReader(bufio.NewReaderSize(f, 1<<20))
		r.ReuseRecord = true
		r.FieldsPerRecord = -1
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				b.Fatal(err)
			}
			each(rec)
		}
		f.Close()
		each(nil)
	}
}
