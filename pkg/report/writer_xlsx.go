package report

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// xlsxWriter writes the report as an Excel workbook: a sheet per part, all lapsed customers
// included, with numbers, dates and shares as typed cells, streamed so that 300,000
// customers are never held as cells. Text from the data is written as text cells, which
// Excel never runs as formulas (unlike CSV).
type xlsxWriter struct{}

// xlsxSample is how many rows of a table column widths are measured on.
const xlsxSample = 500

type xlsxStyles struct {
	header, title, note, text, wrap, count, money, share, date, month, factor int
	decimal                                                                   map[int]int
}

func (xlsxWriter) Write(w io.Writer, r *Report) error {
	d := newDoc(r, docOptions{people: false})
	// The tables by sheet, in order, each section's facts first and its explanation after.
	var sheets []*xlsxSheet
	find := func(name string) *xlsxSheet {
		for _, s := range sheets {
			if s.name == name {
				return s
			}
		}
		s := &xlsxSheet{name: name}
		sheets = append(sheets, s)
		return s
	}
	for _, s := range d.sections {
		for i, t := range s.tables {
			sh := find(t.sheet)
			if i == 0 {
				if len(s.facts) > 0 {
					sh.tables = append(sh.tables, factsTable(d.w, s.facts))
				}
				sh.about = append(sh.about, s.about)
				sh.about = append(sh.about, s.notes...)
			}
			sh.tables = append(sh.tables, t)
			if t.about != "" {
				sh.about = append(sh.about, t.about)
			}
		}
	}
	return writeXLSX(w, sheets, d.lang)
}

// xlsxSheet is one sheet of the workbook: tables one below the other, then explanations.
type xlsxSheet struct {
	name   string
	tables []*table
	about  []string
}

// writeXLSX writes a workbook of sheets, the first one active, each through excelize's
// [excelize.StreamWriter].
func writeXLSX(w io.Writer, sheets []*xlsxSheet, lang string) error {
	f := excelize.NewFile()
	defer f.Close()
	st, err := newXLSXStyles(f)
	if err != nil {
		return err
	}
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			return err
		}
	}
	// Before the sheets are streamed: afterwards excelize would read them all back.
	f.SetActiveSheet(0)
	for _, s := range sheets {
		sw, err := f.NewStreamWriter(s.name)
		if err != nil {
			return err
		}
		if err := writeSheet(sw, s.tables, s.about, st, lang); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
		if err := sw.Flush(); err != nil {
			return err
		}
	}
	return writeSorted(w, f)
}

// writeSorted writes the workbook f to w with its entries sorted by name, their compressed
// bytes copied as they are: excelize writes streamed sheets in the order of a map, and
// the same report must give the same bytes.
func writeSorted(w io.Writer, f *excelize.File) error {
	buf, err := f.WriteToBuffer()
	if err != nil {
		return err
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		return err
	}
	entries := slices.Clone(zr.File)
	slices.SortFunc(entries, func(a, b *zip.File) int { return strings.Compare(a.Name, b.Name) })
	zw := zip.NewWriter(w)
	for _, e := range entries {
		raw, err := e.OpenRaw()
		if err != nil {
			return err
		}
		out, err := zw.CreateRaw(&zip.FileHeader{Name: e.Name, Method: e.Method, CRC32: e.CRC32,
			CompressedSize64: e.CompressedSize64, UncompressedSize64: e.UncompressedSize64})
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, raw); err != nil {
			return err
		}
	}
	return zw.Close()
}

func factsTable(w *words, facts []fact) *table {
	rows := make([][]value, len(facts))
	for i, f := range facts {
		rows[i] = []value{txt(f.label), f.value}
	}
	return staticTable(&table{cols: []col{textCol(w.T("report.Item")), textCol(w.T("report.Value"))}}, rows)
}

func newXLSXStyles(f *excelize.File) (*xlsxStyles, error) {
	var firstErr error
	style := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		return id
	}
	custom := func(code string) *string { return &code }
	top := &excelize.Alignment{Vertical: "top"}
	st := &xlsxStyles{
		header: style(&excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
			Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}},
			Border: []excelize.Border{{Type: "bottom", Color: "000000", Style: 1}}}),
		title:  style(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 13}}),
		note:   style(&excelize.Style{Font: &excelize.Font{Italic: true}}),
		text:   style(&excelize.Style{Alignment: top}),
		wrap:   style(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}),
		count:  style(&excelize.Style{NumFmt: 3, Alignment: top}),  // #,##0
		money:  style(&excelize.Style{NumFmt: 4, Alignment: top}),  // #,##0.00
		share:  style(&excelize.Style{NumFmt: 9, Alignment: top}),  // 0%
		date:   style(&excelize.Style{NumFmt: 14, Alignment: top}), // the reader's short date
		month:  style(&excelize.Style{CustomNumFmt: custom("yyyy-mm"), Alignment: top}),
		factor: style(&excelize.Style{CustomNumFmt: custom(`0.0"×"`), Alignment: top}),
		decimal: map[int]int{
			0: style(&excelize.Style{NumFmt: 3, Alignment: top}),
			1: style(&excelize.Style{CustomNumFmt: custom("#,##0.0"), Alignment: top}),
			2: style(&excelize.Style{NumFmt: 4, Alignment: top}),
			4: style(&excelize.Style{CustomNumFmt: custom("0.0000"), Alignment: top}),
		},
	}
	return st, firstErr
}

// writeSheet writes a sheet's tables one below the other, each but the first after a
// blank row and its title, with a header, its rows and its notes, and after a blank row
// the explanations; the columns are as wide as their first rows need, and the first
// table's header is frozen. It fails when the tables take more rows than Excel has.
func writeSheet(sw *excelize.StreamWriter, tables []*table, about []string, st *xlsxStyles, lang string) error {
	if n := sheetRows(tables, about); n > excelize.TotalRows {
		return fmt.Errorf("%d rows: %w", n, excelize.ErrMaxRows)
	}
	// Widths and panes go into the worksheet's XML ahead of its rows.
	var widths []float64
	for _, t := range tables {
		for j, c := range t.cols {
			for len(widths) <= j {
				widths = append(widths, 8)
			}
			widths[j] = max(widths[j], textWidth(c.title))
		}
		for i := range min(t.n, xlsxSample) {
			for j, v := range t.row(i) {
				if j < len(widths) {
					widths[j] = max(widths[j], textWidth(v.text(lang, "\n")))
				}
			}
		}
	}
	for j, wd := range widths {
		if err := sw.SetColWidth(j+1, j+1, min(wd+2, 70)); err != nil {
			return err
		}
	}
	if len(tables) > 0 {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	row := 1
	var cells []any
	put := func() error {
		ref, err := excelize.CoordinatesToCellName(1, row)
		if err == nil {
			err = sw.SetRow(ref, cells)
		}
		row++
		clear(cells)
		cells = cells[:0]
		return err
	}
	line := func(s string, style int) error {
		cells = append(cells, excelize.Cell{StyleID: style, Value: s})
		return put()
	}
	for k, t := range tables {
		if k > 0 {
			row++
			if t.title != "" {
				if err := line(t.title, st.title); err != nil {
					return err
				}
			}
		}
		for _, c := range t.cols {
			cells = append(cells, excelize.Cell{StyleID: st.header, Value: c.title})
		}
		if err := put(); err != nil {
			return err
		}
		for i := range t.n {
			for _, v := range t.row(i) {
				cells = append(cells, xlsxCellOf(v, st))
			}
			if err := put(); err != nil {
				return err
			}
		}
		for _, n := range t.notes {
			if err := line(n, st.note); err != nil {
				return err
			}
		}
	}
	if len(about) > 0 {
		row++
		for _, a := range about {
			if err := line(a, st.note); err != nil {
				return err
			}
		}
	}
	return nil
}

// sheetRows is the number of rows [writeSheet] writes.
func sheetRows(tables []*table, about []string) int {
	n := 0
	for k, t := range tables {
		if k > 0 {
			n++
			if t.title != "" {
				n++
			}
		}
		n += 1 + t.n + len(t.notes)
	}
	if len(about) > 0 {
		n += 1 + len(about)
	}
	return n
}

// xlsxCellOf turns a value into a cell for [excelize.StreamWriter.SetRow]: a number or a
// text with its style, or nil (no cell) for a missing or empty value.
func xlsxCellOf(v value, st *xlsxStyles) any {
	if v.missing() {
		return nil
	}
	cell := func(x any, style int) any { return excelize.Cell{StyleID: style, Value: x} }
	switch v.kind {
	case kInt:
		return cell(int64(math.Round(v.n)), st.count)
	case kMoney:
		return cell(math.Round(v.n*100)/100, st.money)
	case kShare, kChange:
		return cell(v.n, st.share)
	case kDecimal:
		id, ok := st.decimal[v.places]
		if !ok {
			id = st.decimal[2]
		}
		return cell(v.n, id)
	case kFactor:
		if v.n == 0 {
			return nil
		}
		return cell(v.n, st.factor)
	case kDate:
		if serial, ok := excelDate(v.s); ok {
			return cell(serial, st.date)
		}
	case kMonth:
		if serial, ok := excelDate(v.s + "-01"); ok {
			return cell(serial, st.month)
		}
	}
	if v.lines != nil {
		return cell(strings.Join(v.lines, "\n"), st.wrap)
	}
	if v.s == "" {
		return nil
	}
	return cell(v.s, st.text)
}

// textWidth is the width in Excel's character units a text needs: its longest line.
func textWidth(s string) float64 {
	w := 0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, len([]rune(line)))
	}
	return float64(w)
}

// excelEpoch is day 0 of Excel's 1900 date system (as corrected for its 1900 leap-year
// bug, for dates from March 1900 on).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// excelDate returns an ISO date's Excel serial day number.
func excelDate(iso string) (int64, bool) {
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return 0, false
	}
	return int64(t.Sub(excelEpoch).Hours() / 24), true
}

// WriteView fails: a command's view has no xlsx form (see [ViewFormats]).
func (xlsxWriter) WriteView(io.Writer, *View) error { return errNoViewForm("xlsx") }
