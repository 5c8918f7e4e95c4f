package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

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
		col := column(t, f, lapsed, "Umsatz in Gefahr")
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
		col := column(t, f, lapsed, "Chance auf Rückkehr")
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

func writeSheets(t testing.TB, sheets ...*xlsxSheet) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writeXLSX(&b, sheets, "en"); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func openBytes(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// xmlSafe is s as an XML 1.0 text can carry it, cut to what a cell holds: what a cell
// of s reads back as.
func xmlSafe(s string) string {
	var b strings.Builder
	units := 0
	for _, r := range s {
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if units += n; units > excelize.TotalCellChars {
			break
		}
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			r = utf8.RuneError
		}
		b.WriteRune(r)
	}
	return b.String()
}

// everyKindText are texts with every character XML escapes or cannot carry.
var everyKindText = []string{"plain", `<b>&"'</b>`, "tab\there", "two\nlines", "cr\r\nlf", " leading", "trailing ", "\ttab first",
	"_x0041_", "_x005F_", "_x005F_x0041_", "x_x12_", "=1+2", "ünïcödé € 😀", "bell\x07", "bad \xff utf-8", "\uFFFE\uFFFF",
	"\uFFFD", "\x00", "", "last"}

func FuzzXLSXText(f *testing.F) {
	for _, s := range append(everyKindText, "_x0041_x0042_", "_xD800_", "__x0041__x0042_", "_x005F_xD800_") {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if excelizeLoses.MatchString(s) {
			t.Skip("excelize v2.11.1 does not write it as it is (see TestXLSXTextReadsBackAsWritten)")
		}
		rows := [][]value{{txt(s), lines([]string{s, s}, nil)}}
		sheet := &xlsxSheet{name: "Texts", tables: []*table{staticTable(&table{cols: []col{textCol(s), textCol("B")}}, rows)}}
		x := openBytes(t, writeSheets(t, sheet))
		got, err := x.GetRows(sheet.name)
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{{xmlSafe(s), "B"}, {xmlSafe(s), xmlSafe(s + "\n" + s)}}
		if s == "" {
			want = [][]string{{"", "B"}, {"", "\n"}}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("%q reads back as %q, want %q", s, got, want)
		}
	})
}

// excelizeLoses matches the texts excelize v2.11.1 writes so that they read back as
// something else: an escape _xHHHH_ whose closing underscore opens another, and the
// escape of a UTF-16 surrogate.
var excelizeLoses = regexp.MustCompile(`_x[0-9A-Fa-f]{4}_x[0-9A-Fa-f]{4}_|_x[dD][89abcdefABCDEF][0-9A-Fa-f]{2}_`)

func TestXLSXTextReadsBackAsWritten(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"a literal escape reads as itself", "_x0041_", "_x0041_"},
		{"an escaped underscore before an escape reads as itself", "_x005F_x0041_", "_x005F_x0041_"},
		// excelize v2.11.1 loses these two, which only data made to look like the file's
		// escapes holds (the earlier writer of our own kept them): they are here to say so.
		{"escapes one after the other read as the second decoded (excelize)", "_x0041_x0042_", "_x0041B"},
		{"a surrogate's escape is dropped (excelize)", "id _xD800_", "id "},
		{"markup reads as text", `<t>&amp;"'`, `<t>&amp;"'`},
		{"a formula reads as text", "=HYPERLINK(\"http://x\")", "=HYPERLINK(\"http://x\")"},
		{"line breaks, tabs and carriage returns stay", "a\tb\r\nc", "a\tb\r\nc"},
		{"spaces around stay", "  a  ", "  a  "},
		{"control characters become U+FFFD", "a\x00b\x1bc", "a\uFFFDb\uFFFDc"},
		{"invalid UTF-8 becomes U+FFFD", "a\xffb\xed\xa0\x80", "a\uFFFDb\uFFFD\uFFFD\uFFFD"},
		{"non-characters become U+FFFD", "\uFFFE\uFFFF", "\uFFFD\uFFFD"},
		{"a cell holds 32,767 UTF-16 units", strings.Repeat("😀", 20000), strings.Repeat("😀", 16383)},
		{"a cell holds 32,767 characters", strings.Repeat("é", 40000), strings.Repeat("é", 32767)},
	}
	var rows [][]value
	for _, c := range cases {
		rows = append(rows, []value{txt(c.text)})
	}
	s := &xlsxSheet{name: "Texts", tables: []*table{staticTable(&table{cols: []col{textCol("Text")}}, rows)}}
	f := openBytes(t, writeSheets(t, s))
	for i, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := f.GetCellValue(s.name, "A"+strconv.Itoa(i+2))
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Fatalf("%.80q reads back as %.80q, want %.80q", c.text, got, c.want)
			}
			if formula, _ := f.GetCellFormula(s.name, "A"+strconv.Itoa(i+2)); formula != "" {
				t.Fatalf("%.80q became the formula %q", c.text, formula)
			}
		})
	}
}

func TestXLSXRefusesMoreRowsThanExcelHas(t *testing.T) {
	tb := &table{cols: []col{textCol("A")}, n: excelize.TotalRows - 1, row: func(int) []value { return []value{txt("a")} }}
	if n := sheetRows([]*table{tb}, nil); n != excelize.TotalRows {
		t.Fatalf("a header and %d rows are %d rows", tb.n, n)
	}
	tb.n++
	err := writeXLSX(io.Discard, []*xlsxSheet{{name: "A", tables: []*table{tb}}}, "en")
	if !errors.Is(err, excelize.ErrMaxRows) {
		t.Fatalf("a header and %d rows: %v, want %v", tb.n, err, excelize.ErrMaxRows)
	}
}
