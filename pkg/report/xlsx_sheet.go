package report

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"github.com/winback/winback/pkg/render"
)

// xlsxCell is one cell of a sheet as the worksheet holds it: a number or a text with its
// style, or nothing.
type xlsxCell struct {
	kind  xlsxKind
	style int
	i     int64
	f     float64
	s     string
}

type xlsxKind uint8

const (
	xlsxEmpty xlsxKind = iota // no cell at all
	xlsxInt
	xlsxFloat
	xlsxText
)

func xlsxTextCell(s string, style int) xlsxCell { return xlsxCell{kind: xlsxText, style: style, s: s} }

// xlsxCellOf turns a value into a typed cell: a missing value is an empty cell.
func xlsxCellOf(v value, st *xlsxStyles) xlsxCell {
	if v.missing() {
		return xlsxCell{}
	}
	float := func(x float64, style int) xlsxCell { return xlsxCell{kind: xlsxFloat, style: style, f: x} }
	switch v.kind {
	case kInt:
		return xlsxCell{kind: xlsxInt, style: st.count, i: int64(math.Round(v.n))}
	case kMoney:
		return float(math.Round(v.n*100)/100, st.money)
	case kShare, kChange:
		return float(v.n, st.share)
	case kDecimal:
		id, ok := st.decimal[v.places]
		if !ok {
			id = st.decimal[2]
		}
		return float(v.n, id)
	case kFactor:
		if v.n == 0 {
			return xlsxCell{}
		}
		return float(v.n, st.factor)
	case kDate:
		if serial, ok := excelDate(v.s); ok {
			return xlsxCell{kind: xlsxInt, style: st.date, i: serial}
		}
	case kMonth:
		if serial, ok := excelDate(v.s + "-01"); ok {
			return xlsxCell{kind: xlsxInt, style: st.month, i: serial}
		}
	}
	if v.lines != nil {
		return xlsxTextCell(strings.Join(v.lines, "\n"), st.wrap)
	}
	if v.s == "" {
		return xlsxCell{}
	}
	return xlsxTextCell(v.s, st.text)
}

// xlsxRows are the rows of one sheet: tables one below the other, each but the first after
// a blank row and its title, with a header, its rows and its notes, and after a blank row
// the explanations. They are written as the <sheetData> of the worksheet's XML by
// [xlsxRows.write], byte for byte as excelize's StreamWriter writes the same cells (but
// for the references left out at [appendXLSXRow] and the escapes noted at
// [appendXLSXText]), with a table's rows rendered a chunk at a time on all cores: one core
// took seconds for the 200,000 customers of a large export.
type xlsxRows struct {
	parts []xlsxPart
	st    *xlsxStyles
}

// xlsxPart is a single row of cells at row, or with table set, that table's rows from row
// on.
type xlsxPart struct {
	row   int
	cells []xlsxCell
	table *table
}

// newXLSXRows lays out a sheet's tables and explanations. It fails when they take more
// rows or columns than Excel has.
func newXLSXRows(tables []*table, about []string, st *xlsxStyles) (*xlsxRows, error) {
	x := &xlsxRows{st: st}
	row := 1
	put := func(cells ...xlsxCell) {
		x.parts = append(x.parts, xlsxPart{row: row, cells: cells})
		row++
	}
	for k, t := range tables {
		if len(t.cols) > excelize.MaxColumns {
			return nil, excelize.ErrColumnNumber
		}
		if k > 0 {
			row++
			if t.title != "" {
				put(xlsxTextCell(t.title, st.title))
			}
		}
		header := make([]xlsxCell, len(t.cols))
		for j, c := range t.cols {
			header[j] = xlsxTextCell(c.title, st.header)
		}
		put(header...)
		if t.n > 0 {
			x.parts = append(x.parts, xlsxPart{row: row, table: t})
			row += t.n
		}
		for _, n := range t.notes {
			put(xlsxTextCell(n, st.note))
		}
	}
	if len(about) > 0 {
		row++
		for _, a := range about {
			put(xlsxTextCell(a, st.note))
		}
	}
	if row-1 > excelize.TotalRows {
		return nil, fmt.Errorf("%d rows: %w", row-1, excelize.ErrMaxRows)
	}
	return x, nil
}

// xlsxScratch is what a chunk of a table's rows is turned into cells in.
type xlsxScratch struct {
	cells []xlsxCell
}

var xlsxScratches = sync.Pool{New: func() any { return new(xlsxScratch) }}

// write writes the rows' XML to w.
func (x *xlsxRows) write(w io.Writer) error {
	var b []byte
	for _, p := range x.parts {
		if p.table == nil {
			b = appendXLSXRow(b, p.row, p.cells)
			continue
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
		b = b[:0]
		t, first := p.table, p.row
		err := render.WriteChunks(w, t.n, func(lo, hi int, b []byte) ([]byte, error) {
			s := xlsxScratches.Get().(*xlsxScratch)
			defer xlsxScratches.Put(s)
			for i := lo; i < hi; i++ {
				vs := t.row(i)
				cs := s.cells[:0]
				for _, v := range vs {
					cs = append(cs, xlsxCellOf(v, x.st))
				}
				b = appendXLSXRow(b, first+i, cs)
				clear(cs)
				s.cells = cs
			}
			return b, nil
		})
		if err != nil {
			return err
		}
	}
	_, err := w.Write(b)
	return err
}

// appendXLSXRow appends row number row of cells from column A on, empty cells left out,
// as excelize's StreamWriter.SetRow writes it but for the cells' references: a cell
// without one is in the column after the cell before it (ECMA-376 §18.3.1.4, which makes
// the reference optional; excelize, openpyxl and LibreOffice were checked to read it so,
// and exports of Microsoft's own products are written so), and only a cell after an empty
// one needs its reference. The references took a fifth of a large sheet's XML and, as
// every one is different, half of the deflated file.
func appendXLSXRow(b []byte, row int, cells []xlsxCell) []byte {
	var digits [20]byte
	number := strconv.AppendInt(digits[:0], int64(row), 10)
	b = append(b, `<row r="`...)
	b = append(b, number...)
	b = append(b, `">`...)
	next := 0 // the column of a cell without a reference
	for j, c := range cells {
		if c.kind == xlsxEmpty {
			continue
		}
		b = append(b, `<c`...)
		if j != next {
			b = append(b, ` r="`...)
			b = appendColumnName(b, j+1)
			b = append(b, number...)
			b = append(b, '"')
		}
		next = j + 1
		if c.style != 0 {
			b = append(b, ` s="`...)
			if c.style < 10 {
				b = append(b, '0'+byte(c.style))
			} else {
				b = strconv.AppendInt(b, int64(c.style), 10)
			}
			b = append(b, '"')
		}
		switch c.kind {
		case xlsxInt:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, c.i, 10)
			b = append(b, `</v></c>`...)
		case xlsxFloat:
			if math.IsNaN(c.f) || math.IsInf(c.f, 0) {
				// As excelize writes them; values never are, missing ones are empty.
				b = append(b, ` t="inlineStr"><is>`...)
				b = appendXLSXText(b, fmt.Sprint(c.f))
				b = append(b, `</is></c>`...)
				continue
			}
			b = append(b, `><v>`...)
			b = appendCellFloat(b, c.f)
			b = append(b, `</v></c>`...)
		default:
			b = append(b, ` t="inlineStr"><is>`...)
			b = appendXLSXText(b, c.s)
			b = append(b, `</is></c>`...)
		}
	}
	return append(b, `</row>`...)
}

// appendColumnName appends the name of column col (1 is A, 27 is AA).
func appendColumnName(b []byte, col int) []byte {
	var name [8]byte
	i := len(name)
	for ; col > 0; col = (col - 1) / 26 {
		i--
		name[i] = 'A' + byte((col-1)%26)
	}
	return append(b, name[i:]...)
}

// appendCellFloat appends x as excelize writes a float cell: the shortest decimal that
// reads back as x, cut (not rounded) to Excel's 15 significant digits.
func appendCellFloat(b []byte, x float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, x, 'f', -1, 64)
	if math.Abs(x) == math.MaxFloat64 {
		return b
	}
	s := b[start:]
	point, significant := -1, 0
	for i, c := range s {
		if c == '.' {
			point = i
			break
		}
	}
	for i, c := range s {
		if c < '0' || c > '9' || significant == 0 && c == '0' {
			continue
		}
		if significant++; significant <= 15 {
			continue
		}
		if point >= 0 && i > point {
			if s[i-1] == '.' {
				i--
			}
			return b[:start+i]
		}
		if point < 0 {
			point = len(s)
		}
		for ; i < point; i++ {
			s[i] = '0'
		}
		return b[:start+point]
	}
	return b
}

// appendXLSXText appends s as the <t> element of an inline string, as excelize writes it:
// cut to the 32,767 characters (UTF-16 units) a cell holds, with xml:space="preserve" when
// it starts or ends in white space, escaped for XML but for line breaks, and with every
// character XML 1.0 cannot carry (control characters but tab, line feed and carriage
// return; U+FFFE and U+FFFF; invalid UTF-8) replaced by U+FFFD. Text that reads as one of
// the _xHHHH_ escapes Excel decodes has its leading underscore escaped as _x005F_, so that
// it reads back as written. excelize does the same, but for an escape that follows another
// (_x0041_x0042_), or one of a UTF-16 surrogate (_xD800_), which it leaves as they are, so
// that excelize itself reads them back as something else; here they read back as written.
func appendXLSXText(b []byte, s string) []byte {
	if len(s) > excelize.TotalCellChars { // a UTF-16 unit takes a byte of UTF-8 or more
		units := 0
		for i, r := range s {
			if units += utf16.RuneLen(r); units > excelize.TotalCellChars {
				s = s[:i]
				break
			}
		}
	}
	b = append(b, `<t`...)
	if s != "" && (xmlSpace(s[0]) || xmlSpace(s[len(s)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	plain := 0 // s[plain:i] is to be written as it is
	for i := 0; i < len(s); {
		c := s[i]
		if xmlPlain[c] {
			i++
			continue
		}
		if c >= utf8.RuneSelf {
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n == 1 || r == 0xFFFE || r == 0xFFFF {
				b = append(b, s[plain:i]...)
				b = append(b, "\uFFFD"...)
				plain = i + n
			}
			i += n
			continue
		}
		b = append(b, s[plain:i]...)
		i++
		plain = i
		switch {
		case c == '_':
			if isXLSXEscape(s[i-1:]) {
				b = append(b, "_x005F"...)
			}
			b = append(b, c)
		case c == '"':
			b = append(b, "&#34;"...)
		case c == '\'':
			b = append(b, "&#39;"...)
		case c == '&':
			b = append(b, "&amp;"...)
		case c == '<':
			b = append(b, "&lt;"...)
		case c == '>':
			b = append(b, "&gt;"...)
		case c == '\t':
			b = append(b, "&#x9;"...)
		case c == '\n':
			b = append(b, '\n')
		case c == '\r':
			b = append(b, "&#xD;"...)
		default:
			b = append(b, "\uFFFD"...)
		}
	}
	b = append(b, s[plain:]...)
	return append(b, `</t>`...)
}

// xmlPlain are the bytes written as they are: printable ASCII but what XML escapes, and
// the underscore, which may start an escape.
var xmlPlain = func() (plain [256]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		plain[c] = !strings.ContainsRune(`"'&<>_`, c)
	}
	return plain
}()

func xmlSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// isXLSXEscape reports whether s starts with an escape _xHHHH_ that Excel decodes.
func isXLSXEscape(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
