package report

import (
	"bytes"
	"encoding/csv"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/gocarina/gocsv"

	"github.com/winback/winback/pkg/render"
)

// csvWriter writes the lapsed customers, all of them, one row each with gocsv (the csv
// tags of [Customer]). Cells a spreadsheet would run as a formula are neutralised. In Excel
// mode it writes what a German Excel opens directly: ';', decimal commas, a UTF-8 BOM.
type csvWriter struct{ excel bool }

// csvDecimalColumns are the float columns of [Customer] whose decimal point a German
// Excel wants as a comma. Only these are touched, so that an id like "12.5" stays as is.
var csvDecimalColumns = []string{"usual_gap_days", "value_at_risk", "p_alive"}

func (c csvWriter) Write(w io.Writer, r *Report) error {
	if c.excel {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	// The header, then the rows a chunk of customers at a time on all cores: gocsv's
	// reflection is most of the work, and the customers not yet complete are filled in as
	// their chunk is encoded and not kept (see [Report.Defer]).
	header, decimals, err := c.encode(nil, nil, []Customer{})
	if err != nil {
		return err
	}
	if _, err := w.Write(header); err != nil {
		return err
	}
	fill := r.lapsedInto()
	type chunk struct {
		cs []Customer
		s  Scratch // what the chunk's customers' strings point into
	}
	chunks := sync.Pool{New: func() any { return new(chunk) }}
	return render.WriteChunks(w, r.NumLapsed(), func(lo, hi int, b []byte) ([]byte, error) {
		p := chunks.Get().(*chunk)
		defer chunks.Put(p)
		p.cs = slices.Grow(p.cs[:0], hi-lo)[:hi-lo]
		p.s.Reasons, p.s.Texts = p.s.Reasons[:0], p.s.Texts[:0]
		for k := range p.cs {
			fill(lo+k, &p.cs[k], &p.s)
		}
		b, _, err := c.encode(b, decimals, customersForCSV(p.cs))
		clear(p.cs) // let their strings go
		clear(p.s.Reasons)
		return b, err
	})
}

// encode appends the csv rows of cs to b: with the header first when decimals is nil, in
// which case it also returns which columns are decimal (see [safeCSV]).
func (c csvWriter) encode(b []byte, decimals []bool, cs []Customer) ([]byte, []bool, error) {
	buf := bytes.NewBuffer(b)
	cw := csv.NewWriter(buf)
	if c.excel {
		cw.Comma = ';'
	}
	sw := &safeCSV{w: cw, excel: c.excel, decimals: decimals}
	var err error
	if decimals == nil {
		err = gocsv.MarshalCSV(cs, sw)
	} else {
		err = gocsv.MarshalCSVWithoutHeaders(cs, sw)
	}
	if err != nil {
		return b, nil, err
	}
	cw.Flush()
	return buf.Bytes(), sw.decimals, cw.Error()
}

// customersForCSV fills in the customers' Questions from their reasons where the builder
// left it empty (it is not part of the JSON, so a report read back has none), and returns
// cs.
func customersForCSV(cs []Customer) []Customer {
	for i := range cs {
		if c := &cs[i]; c.Questions == "" {
			qs, _ := questions(c, 0)
			c.Questions = strings.Join(qs, " | ")
		}
	}
	return cs
}

// safeCSV implements gocsv's CSVWriter: it neutralises formula cells with
// [render.Neutralise] and, for Excel, writes the decimal columns with a comma.
type safeCSV struct {
	w        *csv.Writer
	excel    bool
	decimals []bool // by column, from the header
	row      []string
}

func (s *safeCSV) Write(row []string) error {
	if s.decimals == nil {
		s.decimals = make([]bool, len(row))
		for i, h := range row {
			for _, d := range csvDecimalColumns {
				if h == d {
					s.decimals[i] = true
				}
			}
		}
		return s.w.Write(row)
	}
	s.row = s.row[:0]
	for i, c := range row {
		if s.excel && i < len(s.decimals) && s.decimals[i] {
			c = strings.Replace(c, ".", ",", 1)
		}
		s.row = append(s.row, render.Neutralise(c))
	}
	return s.w.Write(s.row)
}

func (s *safeCSV) Flush()       { s.w.Flush() }
func (s *safeCSV) Error() error { return s.w.Error() }
