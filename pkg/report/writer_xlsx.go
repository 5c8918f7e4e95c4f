package report

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"math"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/klauspost/compress/flate"
	"github.com/xuri/excelize/v2"
)

// xlsxWriter writes the report as an Excel workbook, because owners live in Excel: one
// sheet per part (summary, lapsed customers — all of them —, segments, reasons, trend,
// cohorts, channels and services, model, and since last time when there is a previous
// report), with counts and money as numbers, dates as Excel dates, shares with a percent
// format, a bold frozen header and column widths that fit. Sheets are streamed, so 300,000
// customers do not need 300,000 rows of cells in memory, and their rows are rendered a
// chunk at a time on all cores (see [xlsxRows]). Sheet names and headers follow
// [Report.Lang]; Excel shows dates and numbers in the reader's own locale.
//
// Text from the data is written as text cells, which Excel never runs as formulas, so it
// needs no neutralising here (unlike CSV).
type xlsxWriter struct{}

// xlsxSample is how many rows of a table column widths are measured on.
const xlsxSample = 500

type xlsxStyles struct {
	header, title, note, text, wrap, count, money, share, date, month, factor int
	decimal                                                                   map[int]int
}

func (xlsxWriter) Write(w io.Writer, r *Report) error {
	// The lapsed customers are filled in as their rows are written, not all ahead.
	d := newDoc(r, docOptions{people: false})
	// Group the tables by sheet, in order, with each section's facts first and its
	// explanation after.
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

// writeXLSX writes a workbook of sheets, the first one active. excelize makes the
// workbook: styles, sheet names, column widths, the frozen header, and each worksheet's
// XML with an empty <sheetData>, which the zip writer fills with the sheet's rows (see
// [sortedZip]) as the workbook is written.
func writeXLSX(w io.Writer, sheets []*xlsxSheet, lang string) error {
	f := excelize.NewFile()
	defer f.Close()
	// excelize writes the streamed sheets in map order; the sorting zip writer makes the
	// file byte-identical from run to run.
	//
	// excelize hands the zip writer a buffer of its own, which it copies to w once the zip
	// writer is closed. The sorting zip writer writes the whole file to w itself when
	// closed, so that the file is not built up a second time in memory (a 7 MB buffer
	// grown by doubling) and copied; excelize's buffer stays empty, as it writes nothing
	// but through the zip writer when, as here, no password is set.
	rows := make(map[string]func(io.Writer) error)
	f.SetZipWriter(func(io.Writer) excelize.ZipWriter {
		z := newSortedZip(w)
		z.sheetData = rows
		return z
	})
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
		sw, err := f.NewStreamWriter(s.name)
		if err != nil {
			return err
		}
		x, err := writeSheet(sw, s.tables, s.about, st, lang)
		if err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
		if err := sw.Flush(); err != nil {
			return err
		}
		rows[xlsxSheetPath(sw.SheetID)] = x.write
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// xlsxSheetPath is the name of the zip entry excelize writes a worksheet's XML to: for a
// new workbook, Sheet1 and every sheet NewSheet adds are named by their sheet id. Should
// a version of excelize name them otherwise, [sortedZip] finds no entry to write a
// sheet's rows into and the workbook fails to write, rather than lose them.
func xlsxSheetPath(id int) string { return "xl/worksheets/sheet" + strconv.Itoa(id) + ".xml" }

func factsTable(w *words, facts []fact) *table {
	rows := make([][]value, len(facts))
	for i, f := range facts {
		rows[i] = []value{txt(f.label), f.value}
	}
	return staticTable(&table{cols: []col{textCol(w.Item), textCol(w.Value)}}, rows)
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

// writeSheet sets the column widths of a sheet of tables, one below the other, and
// freezes the first one's header, and returns its rows, for the zip writer to write.
func writeSheet(sw *excelize.StreamWriter, tables []*table, about []string, st *xlsxStyles, lang string) (*xlsxRows, error) {
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
			return nil, err
		}
	}
	if len(tables) > 0 {
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
			return nil, err
		}
	}
	return newXLSXRows(tables, about, st)
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

// sortedZip is an [excelize.ZipWriter] that writes the entries sorted by name, whatever
// order excelize creates them in. Entries are compressed as they come and kept
// compressed until Close.
//
// It also writes the rows of the worksheets in sheetData: excelize writes such a
// worksheet's XML with an empty <sheetData></sheetData>, which is kept as it comes and,
// once complete, written with the rows in between. Every worksheet of sheetData must
// come, once: the workbook fails to write otherwise.
type sortedZip struct {
	out       io.Writer
	entries   []*zipEntry
	open      *zipEntry
	sheetData map[string]func(io.Writer) error // by entry name
	frame     *bytes.Buffer                    // the open entry's XML, when it is one of sheetData's
}

// zipEntry is one entry of a sortedZip. Its data are deflated a block at a time on all
// cores: a sheet of 200,000 customers is hundreds of megabytes of XML, which one core took
// seconds to deflate. Each block is deflated on its own and ends in a sync flush, the last
// in the final block, so that the blocks one after the other are one deflate stream (as
// pigz makes them); the blocks' size is fixed, so the file is the same from run to run.
type zipEntry struct {
	name    string
	data    [][]byte // the deflated blocks, in order
	packed  uint64   // their size
	crc     hash.Hash32
	size    uint64
	block   []byte        // data not yet given to a block
	pending []chan []byte // deflated blocks not yet in data, in order
}

// zipBlock is the size of the blocks a zip entry is deflated in.
const zipBlock = 1 << 20

func (e *zipEntry) Write(p []byte) (int, error) {
	e.crc.Write(p)
	e.size += uint64(len(p))
	for rest := p; len(rest) > 0; {
		n := min(len(rest), zipBlock-len(e.block))
		e.block = append(e.block, rest[:n]...)
		rest = rest[n:]
		if len(e.block) == zipBlock {
			e.deflate(false)
		}
	}
	return len(p), nil
}

// deflate deflates the block gathered so far in the background, final for the last.
func (e *zipEntry) deflate(final bool) {
	b := e.block
	e.block = zipBlocks.Get().([]byte)[:0]
	done := make(chan []byte, 1)
	e.pending = append(e.pending, done)
	go func() {
		// Deflated into a buffer that is reused, and kept in a slice of its size, rather
		// than in buffers grown for each block and for the entry.
		out := deflated.Get().(*bytes.Buffer)
		out.Reset()
		fw := flateWriters.Get().(*flate.Writer)
		fw.Reset(out)
		fw.Write(b) // a bytes.Buffer does not fail
		if final {
			fw.Close()
		} else {
			fw.Flush()
		}
		flateWriters.Put(fw)
		zipBlocks.Put(b[:0])
		done <- bytes.Clone(out.Bytes())
		deflated.Put(out)
	}()
	// Keep a few blocks in flight, not the whole entry in memory twice.
	for len(e.pending) > 2*runtime.GOMAXPROCS(0) {
		e.gather(<-e.pending[0])
		e.pending = e.pending[1:]
	}
}

// gather keeps the next deflated block.
func (e *zipEntry) gather(block []byte) {
	if len(block) > 0 {
		e.data = append(e.data, block)
		e.packed += uint64(len(block))
	}
}

// deflated are the buffers blocks are deflated into.
var deflated = sync.Pool{New: func() any { return new(bytes.Buffer) }}

// close deflates the rest of the entry as its final block and gathers every block.
func (e *zipEntry) close() {
	e.deflate(true)
	for _, done := range e.pending {
		e.gather(<-done)
	}
	zipBlocks.Put(e.block)
	e.pending, e.block = nil, nil
}

func newSortedZip(w io.Writer) *sortedZip { return &sortedZip{out: w} }

// zipBlocks are the buffers of the zip entries' blocks.
var zipBlocks = sync.Pool{New: func() any { return make([]byte, 0, zipBlock) }}

// zipLevel is the deflate level of the zip entries, of github.com/klauspost/compress/flate.
// On the 122 MB sheet XML of a 5M-row export, on one core: its level 6 took 0.29 s for
// 6.74 MB, its 7 took 0.37 s for 6.77 MB and its 5 took 0.23 s for 7.19 MB; compress/flate's
// level 5 took 1.04 s on the same sheet with cell references (150 MB), where klauspost's 7
// took 0.56 s.
const zipLevel = 6

// flateWriters are the deflaters of the zip entries' blocks.
var flateWriters = sync.Pool{New: func() any {
	fw, err := flate.NewWriter(io.Discard, zipLevel)
	if err != nil {
		panic(err) // only for an invalid level
	}
	return fw
}}

// finish completes the open entry.
func (z *sortedZip) finish() error {
	e, frame := z.open, z.frame
	if e == nil {
		return nil
	}
	z.open, z.frame = nil, nil
	defer e.close()
	if frame == nil {
		return nil
	}
	const empty = "<sheetData></sheetData>"
	b := frame.Bytes()
	i := bytes.Index(b, []byte(empty))
	if i < 0 || bytes.Count(b, []byte("<sheetData")) != 1 {
		return fmt.Errorf("worksheet %s: no empty <sheetData> to write its rows into", e.name)
	}
	i += len("<sheetData>")
	e.Write(b[:i])
	if err := z.sheetData[e.name](e); err != nil {
		return fmt.Errorf("worksheet %s: %w", e.name, err)
	}
	delete(z.sheetData, e.name)
	e.Write(b[i:])
	return nil
}

func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	e := &zipEntry{name: name, crc: crc32.NewIEEE(), block: zipBlocks.Get().([]byte)[:0]}
	z.entries = append(z.entries, e)
	z.open = e
	if z.sheetData[name] != nil {
		z.frame = new(bytes.Buffer)
		return z.frame, nil
	}
	return e, nil
}

func (z *sortedZip) AddFS(fs.FS) error {
	return errors.New("adding a file system to the workbook is not supported")
}

func (z *sortedZip) Close() error {
	if err := z.finish(); err != nil {
		return err
	}
	if len(z.sheetData) > 0 {
		var names []string
		for name := range z.sheetData {
			names = append(names, name)
		}
		slices.Sort(names)
		return fmt.Errorf("the workbook has no worksheet %s to write rows into", strings.Join(names, ", "))
	}
	slices.SortFunc(z.entries, func(a, b *zipEntry) int { return strings.Compare(a.name, b.name) })
	zw := zip.NewWriter(z.out)
	for _, e := range z.entries {
		// Version 2.0 as zip.Writer.Create writes it, and 1980-01-01 (the first day a
		// zip can say) as every entry's date, so that the file never changes. An entry of
		// 4 GiB or more needs version 4.5 (zip64) in its local header too, which Excel
		// checks; excelize sets it for the entries it knows are that large.
		version := uint16(20)
		if e.size >= math.MaxUint32 || e.packed >= math.MaxUint32 {
			version = 45
		}
		fw, err := zw.CreateRaw(&zip.FileHeader{Name: e.name, Method: zip.Deflate, CRC32: e.crc.Sum32(),
			CompressedSize64: e.packed, UncompressedSize64: e.size,
			CreatorVersion: 20, ReaderVersion: version, ModifiedDate: 1<<5 | 1})
		if err != nil {
			return err
		}
		for _, block := range e.data {
			if _, err := fw.Write(block); err != nil {
				return err
			}
		}
	}
	return zw.Close()
}
