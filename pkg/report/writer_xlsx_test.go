package report

import (
	"archive/zip"
	"bytes"
	"io"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// openXLSX writes r as xlsx and opens it again with excelize.
func openXLSX(t *testing.T, r *Report) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(write(t, "xlsx", Options{}, r)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// numFmt returns the number format id of a cell's style.
func numFmt(t *testing.T, f *excelize.File, sheet, cell string) int {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	return st.NumFmt
}

// column finds a header in row 1 of a sheet and returns its column letter.
func column(t *testing.T, f *excelize.File, sheet, header string) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	i := slices.Index(rows[0], header)
	if i < 0 {
		t.Fatalf("sheet %s has no column %q: %q", sheet, header, rows[0])
	}
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

func TestXLSXReadsBack(t *testing.T) {
	t.Run("English sheets in report order", func(t *testing.T) {
		f := openXLSX(t, practice("en"))
		want := []string{"Summary", "Since last time", "Segments", "Lapsed", "Reasons", "Trend", "Cohorts", "Channels & services", "Model"}
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Fatalf("sheets %q, want %q", got, want)
		}
	})

	r := practice("de")
	f := openXLSX(t, r)
	t.Run("German sheet names", func(t *testing.T) {
		want := []string{"Überblick", "Seit dem letzten Bericht", "Segmente", "Überfällig", "Hinweise", "Entwicklung", "Kohorten", "Kanäle & Leistungen", "Modell"}
		if got := f.GetSheetList(); !slices.Equal(got, want) {
			t.Fatalf("sheets %q, want %q", got, want)
		}
	})
	const lapsed = "Überfällig"

	t.Run("the lapsed sheet holds every customer, not just the ones people see", func(t *testing.T) {
		rows, err := f.GetRows(lapsed)
		if err != nil {
			t.Fatal(err)
		}
		// A header, 40 customers, a blank row and the explanations.
		if rows[40][1] != r.Lapsed[39].ID || len(r.Lapsed) <= r.LapsedShown {
			t.Fatalf("row 41 is %q", rows[40])
		}
	})

	t.Run("a count is a number cell with a thousands format", func(t *testing.T) {
		col := column(t, f, lapsed, "Besuche")
		typ, err := f.GetCellType(lapsed, col+"2")
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := f.GetCellValue(lapsed, col+"2", excelize.Options{RawCellValue: true})
		if typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset || raw != strconv.Itoa(r.Lapsed[0].Visits) {
			t.Fatalf("visits cell: type %v, raw %q", typ, raw)
		}
		if n := numFmt(t, f, lapsed, col+"2"); n != 3 {
			t.Fatalf("visits format %d, want 3 (#,##0)", n)
		}
	})

	t.Run("money is a number with two decimals", func(t *testing.T) {
		col := column(t, f, lapsed, "Gefährdeter Wert")
		raw, _ := f.GetCellValue(lapsed, col+"3", excelize.Options{RawCellValue: true})
		if raw != "2798.3" || numFmt(t, f, lapsed, col+"3") != 4 {
			t.Fatalf("value at risk %q, format %d", raw, numFmt(t, f, lapsed, col+"3"))
		}
	})

	t.Run("a date is an Excel date with a date format", func(t *testing.T) {
		col := column(t, f, lapsed, "Letzter Besuch")
		raw, _ := f.GetCellValue(lapsed, col+"2", excelize.Options{RawCellValue: true})
		// 2025-04-29 is day 45776 of Excel's 1900 system.
		if raw != "45776" {
			t.Fatalf("last visit serial %q, want 45776", raw)
		}
		if n := numFmt(t, f, lapsed, col+"2"); n != 14 {
			t.Fatalf("last visit format %d, want 14 (short date)", n)
		}
		shown, _ := f.GetCellValue(lapsed, col+"2")
		if shown == raw {
			t.Fatalf("the date shows as its serial %q", shown)
		}
	})

	t.Run("a share has a percent format and a missing one is empty", func(t *testing.T) {
		col := column(t, f, lapsed, "P(aktiv)")
		raw, _ := f.GetCellValue(lapsed, col+"2", excelize.Options{RawCellValue: true})
		if raw != "0.08" || numFmt(t, f, lapsed, col+"2") != 9 {
			t.Fatalf("P(alive) %q, format %d", raw, numFmt(t, f, lapsed, col+"2"))
		}
		// The tenth customer has no usable model (-1).
		if v, _ := f.GetCellValue(lapsed, col+"11"); v != "" {
			t.Fatalf("P(alive) of -1 shows as %q", v)
		}
		cohort := column(t, f, "Kohorten", "Nach 12 Monaten")
		if numFmt(t, f, "Kohorten", cohort+"2") != 9 {
			t.Fatal("cohort retention has no percent format")
		}
	})

	t.Run("the header row is bold and frozen", func(t *testing.T) {
		id, _ := f.GetCellStyle(lapsed, "A1")
		st, _ := f.GetStyle(id)
		if st.Font == nil || !st.Font.Bold {
			t.Fatal("header not bold")
		}
		panes, err := f.GetPanes(lapsed)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Fatalf("panes %+v (%v)", panes, err)
		}
		w, _ := f.GetColWidth(lapsed, column(t, f, lapsed, "Was Sie fragen können"))
		if w < 30 {
			t.Fatalf("questions column only %.0f wide", w)
		}
	})

	t.Run("text from the data stays text", func(t *testing.T) {
		col := column(t, f, lapsed, "Name")
		v, _ := f.GetCellValue(lapsed, col+"9")
		formula, _ := f.GetCellFormula(lapsed, col+"9")
		if v != r.Lapsed[7].Name || formula != "" {
			t.Fatalf("name %q, formula %q", v, formula)
		}
	})
}

func TestXLSXStreamsManyCustomers(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 50,000 rows")
	}
	r := huge(50_000, 60)
	f := openXLSX(t, r)
	rows, err := f.Rows("Überfällig")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for rows.Next() {
		n++
	}
	if n < 50_001 {
		t.Fatalf("%d rows, want a header and 50,000 customers", n)
	}
}

// TestZipEntriesDeflatedInBlocksReadBack checks that entries deflated a block at a time
// are one valid deflate stream each, whatever the sizes written, that the zip reader's
// checksums agree, and that the same entries give the same bytes every time.
func TestZipEntriesDeflatedInBlocksReadBack(t *testing.T) {
	entries := map[string][]byte{"empty": nil, "small": []byte("<sheet/>"), "one block": make([]byte, zipBlock)}
	large := make([]byte, 3*zipBlock+12345) // several blocks and a part
	for i := range large {
		large[i] = "<row><c>0123456789</c></row>"[i%28] + byte(i/7919%3)
	}
	entries["large"] = large
	for i := range entries["one block"] {
		entries["one block"][i] = byte(i * i >> 9)
	}
	write := func() []byte {
		var out bytes.Buffer
		z := newSortedZip(&out)
		for _, name := range []string{"large", "small", "one block", "empty"} {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			for rest, k := entries[name], 1; len(rest) > 0; k = k*3 + 1 { // pieces of many sizes
				n := min(len(rest), k%(zipBlock+3)+1)
				w.Write(rest[:n])
				rest = rest[n:]
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		return out.Bytes()
	}
	b := write()
	if !bytes.Equal(b, write()) {
		t.Fatal("the same entries gave different bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	if len(zr.File) != len(entries) {
		t.Fatalf("%d entries, want %d", len(zr.File), len(entries))
	}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(rc) // checks the CRC at the end
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		if !bytes.Equal(got, entries[f.Name]) {
			t.Errorf("%s: read back %d bytes, wrote %d", f.Name, len(got), len(entries[f.Name]))
		}
		if f.Name == "large" && f.CompressedSize64 > f.UncompressedSize64/4 {
			t.Errorf("%d bytes for %d of repetitive XML: not deflated", f.CompressedSize64, f.UncompressedSize64)
		}
	}
}
