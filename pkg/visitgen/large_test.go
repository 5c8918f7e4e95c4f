package visitgen

import (
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/visit"
)

func TestWriteLargeWritesTheConfiguredRows(t *testing.T) {
	cfg := DefaultLargeConfig()
	cfg.Rows, cfg.Customers = 20_000, 1_500
	var buf bytes.Buffer
	st, err := WriteLarge(&buf, cfg)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(bytes.NewReader(buf.Bytes()))
	r.FieldsPerRecord = 13
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(header, ","); got != LargeHeader {
		t.Errorf("header %q, want %q", got, LargeHeader)
	}
	rows := 0
	customers := map[string]bool{}
	names := map[string]visit.Status{"Completed": visit.Attended, "Cancelled": visit.Cancelled, "No-show": visit.NoShow, "Booked": visit.Booked}
	prev := ""
	var newline, thousands, quotedName bool
	asOf := cfg.AsOf.String()
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		rows++
		customers[rec[0]] = true
		date, booked := rec[4], rec[9]
		if date < prev {
			t.Fatalf("row %d on %s after %s: want rows by date", rows, date, prev)
		}
		prev = date
		if booked > date {
			t.Errorf("row %d: booked at %s for %s", rows, booked, date)
		}
		s, ok := names[rec[5]]
		if !ok {
			t.Fatalf("row %d: status %q", rows, rec[5])
		}
		if (s == visit.Booked) != (date[:10] > asOf) {
			t.Errorf("row %d: %s on %s with as-of %s", rows, rec[5], date, asOf)
		}
		newline = newline || strings.Contains(rec[12], "\n")
		thousands = thousands || strings.Contains(rec[11], ",")
		quotedName = quotedName || strings.Contains(rec[1], ", ")
	}
	if rows != cfg.Rows || st.Rows != cfg.Rows {
		t.Errorf("%d rows read, %d reported, want %d", rows, st.Rows, cfg.Rows)
	}
	if len(customers) != cfg.Customers || st.Customers != cfg.Customers {
		t.Errorf("%d customers read, %d reported, want %d", len(customers), st.Customers, cfg.Customers)
	}
	if st.Bytes != int64(buf.Len()) {
		t.Errorf("%d bytes reported, %d written", st.Bytes, buf.Len())
	}
	if !newline || !thousands || !quotedName {
		t.Errorf("line break in a note %v, price over 1,000 %v, quoted name %v: want all", newline, thousands, quotedName)
	}
}

func TestWriteLargeFrequenciesAreSkewed(t *testing.T) {
	cfg := DefaultLargeConfig()
	cfg.Rows, cfg.Customers = 60_000, 4_000
	var buf bytes.Buffer
	if _, err := WriteLarge(&buf, cfg); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	for _, rec := range recs[1:] {
		count[rec[0]]++
	}
	once, most := 0, 0
	for _, n := range count {
		if n == 1 {
			once++
		}
		most = max(most, n)
	}
	mean := cfg.Rows / cfg.Customers
	if once < cfg.Customers/5 || most < 8*mean {
		t.Errorf("%d of %d customers come once, the most frequent %d times (mean %d): want a skewed distribution",
			once, cfg.Customers, most, mean)
	}
}

// BenchmarkWriteLarge measures the generator alone, writing to io.Discard.
func BenchmarkWriteLarge(b *testing.B) {
	cfg := DefaultLargeConfig()
	cfg.Rows, cfg.Customers = 500_000, 30_000
	st, err := WriteLarge(io.Discard, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WriteLarge(io.Discard, cfg); err != nil {
			b.Fatal(err)
		}
	}
}
