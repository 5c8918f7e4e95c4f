package report

import (
	"encoding/csv"
	"io"
	"strings"

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
	r.CompleteLapsed(len(r.Lapsed))
	cw := csv.NewWriter(w)
	if c.excel {
		cw.Comma = ';'
	}
	sw := &safeCSV{w: cw, excel: c.excel}
	if err := gocsv.MarshalCSV(customersForCSV(r.Lapsed), sw); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// customersForCSV returns the customers with Questions filled from their reasons where the
// builder left it empty (it is not part of the JSON, so a report read back has none).
func customersForCSV(cs []Customer) []Customer {
	out := make([]Customer, len(cs))
	for i, c := range cs {
		if c.Questions == "" {
			qs, _ := questions(&cs[i], 0)
			c.Questions = strings.Join(qs, " | ")
		}
		out[i] = c
	}
	return out
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
