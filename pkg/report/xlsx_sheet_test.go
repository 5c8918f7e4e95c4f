package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"math"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// everyKind is a sheet of tables with every kind of value the writer knows, text with
// every character XML escapes or cannot carry, empty and missing cells, titles, notes and
// explanations.
func everyKind() *xlsxSheet {
	texts := everyKindText
	cols := []col{textCol("Text"), textCol("Lines"), numCol("Count"), numCol("Money"), numCol("Share"), numCol("Change"),
		numCol("Decimal"), numCol("Factor"), textCol("Date"), textCol("Month")}
	var rows [][]value
	for i, s := range texts {
		x := float64(i) - 7.5
		rows = append(rows, []value{
			txt(s),
			lines([]string{s, "and more " + s}, nil),
			num(i*1000 - 3000),
			money(x * 1234.5678),
			share([]float64{0.08, -1, math.NaN(), 1, 0, 0.333333333333333333}[i%6]),
			change(x / 10),
			dec([]float64{1e21, 0.1 + 0.2, 123456789012345678, -0.5, 1234567.891, 2.0 / 3, 7}[i%7], []int{0, 1, 2, 4, 3}[i%5]),
			factor([]float64{0, 2.345, math.Inf(1)}[i%3]),
			date([]string{"2025-04-29", "1900-03-01", "not a date", ""}[i%4]),
			month([]string{"2025-04", "2024-13", ""}[i%3]),
		})
	}
	rows = append(rows, make([]value, len(cols)), []value{lines([]string{""}, nil), lines(nil, nil)})
	kinds := staticTable(&table{cols: cols, notes: []string{"a note & more"}}, rows)
	second := staticTable(&table{title: "Second <table>", cols: []col{textCol("A"), numCol("B")}},
		[][]value{{txt("x"), num(1)}, {txt("y"), num(2)}})
	empty := &table{title: "No rows", cols: []col{textCol("")}}
	untitled := staticTable(&table{cols: []col{textCol("C")}}, [][]value{{txt("z")}})
	return &xlsxSheet{name: "Kinds", tables: []*table{kinds, second, empty, untitled}, about: []string{"What it means.", " Why "}}
}

// everyKindText are texts with every character XML escapes or cannot carry.
var everyKindText = []string{"plain", `<b>&"'</b>`, "tab\there", "two\nlines", "cr\r\nlf", " leading", "trailing ", "\ttab first",
	"_x0041_", "_x005F_", "_x005F_x0041_", "x_x12_", "=1+2", "ünïcödé € 😀", "bell\x07", "bad \xff utf-8", "\uFFFE\uFFFF",
	"\uFFFD", "\x00", "", "last"}

// streamWithExcelize writes a sheet's rows with excelize's StreamWriter, as the writer did
// before it wrote the sheet XML itself.
func streamWithExcelize(t *testing.T, s *xlsxSheet) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetSheetName("Sheet1", s.name); err != nil {
		t.Fatal(err)
	}
	sw, err := f.NewStreamWriter(s.name)
	if err != nil {
		t.Fatal(err)
	}
	row := 1
	put := func(cells ...xlsxCell) {
		values := make([]any, len(cells))
		for j, c := range cells {
			switch c.kind {
			case xlsxInt:
				values[j] = excelize.Cell{StyleID: c.style, Value: c.i}
			case xlsxFloat:
				values[j] = excelize.Cell{StyleID: c.style, Value: c.f}
			case xlsxText:
				values[j] = excelize.Cell{StyleID: c.style, Value: c.s}
			}
		}
		cell, _ := excelize.CoordinatesToCellName(1, row)
		row++
		if err := sw.SetRow(cell, values); err != nil {
			t.Fatal(err)
		}
	}
	for k, tb := range s.tables {
		if k > 0 {
			row++
			if tb.title != "" {
				put(xlsxTextCell(tb.title, st.title))
			}
		}
		var header []xlsxCell
		for _, c := range tb.cols {
			header = append(header, xlsxTextCell(c.title, st.header))
		}
		put(header...)
		for i := range tb.n {
			var cells []xlsxCell
			for _, v := range tb.row(i) {
				cells = append(cells, xlsxCellOf(v, st))
			}
			put(cells...)
		}
		for _, n := range tb.notes {
			put(xlsxTextCell(n, st.note))
		}
	}
	if len(s.about) > 0 {
		row++
		for _, a := range s.about {
			put(xlsxTextCell(a, st.note))
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func writeSheets(t testing.TB, sheets ...*xlsxSheet) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := writeXLSX(&b, sheets, "en"); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sheetData returns the <sheetData> element of a workbook's first worksheet.
func sheetData(t *testing.T, xlsx []byte) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open("xl/worksheets/sheet1.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	i, j := bytes.Index(b, []byte("<sheetData>")), bytes.Index(b, []byte("</sheetData>"))
	if i < 0 || j < i {
		t.Fatalf("no sheetData in %.200q", b)
	}
	return b[i : j+len("</sheetData>")]
}

func openBytes(t *testing.T, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestXLSXSheetIsWhatExcelizeStreams(t *testing.T) {
	s := everyKind()
	ours, theirs := writeSheets(t, s), streamWithExcelize(t, s)
	t.Run("the sheet XML is the same byte for byte but for the references it can do without", func(t *testing.T) {
		if a, b := sheetData(t, ours), withoutImpliedReferences(sheetData(t, theirs)); !bytes.Equal(a, b) {
			i := 0
			for i < min(len(a), len(b)) && a[i] == b[i] {
				i++
			}
			t.Fatalf("differs at byte %d:\n ours: %.300q\nexcelize: %.300q", i, a[max(i-100, 0):], b[max(i-100, 0):])
		}
	})
	t.Run("every cell reads back with the same value, type and style", func(t *testing.T) {
		a, b := openBytes(t, ours), openBytes(t, theirs)
		rows, err := b.GetRows(s.name)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 30 {
			t.Fatalf("only %d rows", len(rows))
		}
		kinds := map[excelize.CellType]int{}
		for i := range len(rows) + 1 {
			for j := range len(s.tables[0].cols) + 1 {
				cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
				type read struct {
					raw, shown string
					typ        excelize.CellType
					style      int
				}
				get := func(f *excelize.File) (r read) {
					var err [4]error
					r.raw, err[0] = f.GetCellValue(s.name, cell, excelize.Options{RawCellValue: true})
					r.shown, err[1] = f.GetCellValue(s.name, cell)
					r.typ, err[2] = f.GetCellType(s.name, cell)
					r.style, err[3] = f.GetCellStyle(s.name, cell)
					if e := errors.Join(err[:]...); e != nil {
						t.Fatal(e)
					}
					return r
				}
				if ra, rb := get(a), get(b); ra != rb {
					t.Errorf("%s: %+v, excelize %+v", cell, ra, rb)
				} else {
					kinds[ra.typ]++
				}
			}
		}
		if kinds[excelize.CellTypeInlineString] == 0 || kinds[excelize.CellTypeUnset] == 0 {
			t.Errorf("cells by type %v: not every kind was compared", kinds)
		}
	})
}

// withoutImpliedReferences is sheet XML with the reference of every cell taken out that
// is in the column after the cell before it in its row, or in column A as the row's first.
func withoutImpliedReferences(b []byte) []byte {
	next := 1
	return refOrRow.ReplaceAllFunc(b, func(m []byte) []byte {
		if bytes.HasPrefix(m, []byte("<row")) {
			next = 1
			return m
		}
		col, _, err := excelize.CellNameToCoordinates(string(refOrRow.FindSubmatch(m)[1]))
		if err != nil {
			panic(err)
		}
		implied := col == next
		next = col + 1
		if implied {
			return []byte("<c")
		}
		return m
	})
}

var refOrRow = regexp.MustCompile(`<row r="[0-9]+"|<c r="([A-Z]+[0-9]+)"`)

// decodeXLSXEscapes decodes the _xHHHH_ escapes of a cell's text as Excel and excelize
// read them: left to right, each one at a time.
func decodeXLSXEscapes(s string) string {
	return xlsxEscape.ReplaceAllStringFunc(s, func(e string) string {
		n, _ := strconv.ParseUint(e[2:6], 16, 16)
		return string(rune(n)) // a surrogate becomes U+FFFD; it is never written escaped
	})
}

var xlsxEscape = regexp.MustCompile(`_x[0-9A-Fa-f]{4}_`)

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

// readCellTexts parses a row's XML and returns the decoded text of each of its cells.
func readCellTexts(t *testing.T, b []byte) []string {
	t.Helper()
	d := xml.NewDecoder(bytes.NewReader(b))
	var texts []string
	var in bool
	var text strings.Builder
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%v in %q", err, b)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local == "t"
			text.Reset()
		case xml.CharData:
			if in {
				text.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "t" {
				texts = append(texts, decodeXLSXEscapes(text.String()))
				in = false
			}
		}
	}
	return texts
}

func FuzzXLSXText(f *testing.F) {
	for _, s := range append(everyKindText, "_x0041_x0042_", "_xD800_", "__x0041__x0042_", "_x005F_xD800_") {
		f.Add(s)
	}
	st := &xlsxStyles{text: 3, wrap: 4}
	f.Fuzz(func(t *testing.T, s string) {
		cells := []xlsxCell{xlsxCellOf(txt(s), st), xlsxCellOf(lines([]string{s, s}, nil), st)}
		if s == "" {
			cells[0] = xlsxTextCell("", st.text) // as a header or note
		}
		b := appendXLSXRow(nil, 7, cells)
		got := readCellTexts(t, b)
		want := []string{xmlSafe(s), xmlSafe(s + "\n" + s)}
		if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
			t.Fatalf("%q reads back as %q, want %q (XML %q)", s, got, want, b)
		}
	})
}

func TestXLSXTextReadsBackAsWritten(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"a literal escape reads as itself", "_x0041_", "_x0041_"},
		{"escapes one after the other read as themselves", "_x0041_x0042_", "_x0041_x0042_"},
		{"an escaped underscore before an escape reads as itself", "_x005F_x0041_", "_x005F_x0041_"},
		{"a surrogate's escape reads as itself", "id _xD800_", "id _xD800_"},
		{"markup reads as text", `<t>&amp;"'`, `<t>&amp;"'`},
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
		})
	}
}

func TestXLSXIsTheSameOnAnyNumberOfCores(t *testing.T) {
	r := huge(3000, 24) // the lapsed sheet in a dozen chunks
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	one := write(t, "xlsx", Options{}, r)
	for _, n := range []int{4, 4, 3} {
		runtime.GOMAXPROCS(n)
		if !bytes.Equal(write(t, "xlsx", Options{}, r), one) {
			t.Fatalf("on %d cores the workbook differs from one core's", n)
		}
	}
}

func TestXLSXRefusesMoreRowsThanExcelHas(t *testing.T) {
	st := &xlsxStyles{}
	tb := &table{cols: []col{textCol("A")}, n: excelize.TotalRows - 1, row: func(int) []value { return []value{txt("a")} }}
	if _, err := newXLSXRows([]*table{tb}, nil, st); err != nil {
		t.Fatalf("a header and %d rows: %v", tb.n, err)
	}
	tb.n++
	if _, err := newXLSXRows([]*table{tb}, nil, st); !errors.Is(err, excelize.ErrMaxRows) {
		t.Fatalf("a header and %d rows: %v, want %v", tb.n, err, excelize.ErrMaxRows)
	}
}

func TestSortedZipFailsRatherThanLoseASheetsRows(t *testing.T) {
	rows := func(w io.Writer) error { _, err := io.WriteString(w, "<row/>"); return err }
	t.Run("a worksheet that never comes", func(t *testing.T) {
		z := newSortedZip(io.Discard)
		z.sheetData = map[string]func(io.Writer) error{"xl/worksheets/sheet9.xml": rows}
		w, _ := z.Create("xl/worksheets/sheet1.xml")
		io.WriteString(w, "<worksheet><sheetData></sheetData></worksheet>")
		if err := z.Close(); err == nil || !strings.Contains(err.Error(), "sheet9") {
			t.Fatalf("closed with %v", err)
		}
	})
	t.Run("a worksheet with no empty sheetData", func(t *testing.T) {
		z := newSortedZip(io.Discard)
		z.sheetData = map[string]func(io.Writer) error{"xl/worksheets/sheet1.xml": rows}
		w, _ := z.Create("xl/worksheets/sheet1.xml")
		io.WriteString(w, "<worksheet><sheetData><row/></sheetData></worksheet>")
		if _, err := z.Create("xl/workbook.xml"); err == nil {
			t.Fatal("no error")
		}
	})
	t.Run("the rows go into the sheetData", func(t *testing.T) {
		var out bytes.Buffer
		z := newSortedZip(&out)
		z.sheetData = map[string]func(io.Writer) error{"s.xml": rows}
		w, _ := z.Create("s.xml")
		io.WriteString(w, "<w><sheetData></sheetData></w>")
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
		if err != nil {
			t.Fatal(err)
		}
		rc, _ := zr.Open("s.xml")
		b, _ := io.ReadAll(rc)
		if string(b) != "<w><sheetData><row/></sheetData></w>" {
			t.Fatalf("%q", b)
		}
	})
}
