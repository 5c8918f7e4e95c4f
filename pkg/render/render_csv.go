package render

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"
)

// csvWriter writes the output's rows with gocsv; cells a spreadsheet would run as a formula
// are neutralised. In Excel mode it writes what a German Excel opens directly.
type csvWriter struct{ excel bool }

func (c csvWriter) Write(w io.Writer, out *Output) error {
	if out.CSV == nil {
		return fmt.Errorf("this output has no csv form; use --format table, md or json")
	}
	if c.excel {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	sw := NewSafeCSV(w, c.excel)
	if err := gocsv.MarshalCSV(out.CSV, sw); err != nil {
		return err
	}
	sw.Flush()
	return sw.Error()
}

// SafeCSV is a gocsv CSVWriter that neutralises cells a spreadsheet would run as a formula
// and, for a German Excel, writes ';' and decimal commas. Use it for every CSV winback
// writes from data.
type SafeCSV struct {
	w      *csv.Writer
	excel  bool
	header bool
}

// NewSafeCSV returns a [SafeCSV] writing to w.
func NewSafeCSV(w io.Writer, excel bool) *SafeCSV {
	cw := csv.NewWriter(w)
	if excel {
		cw.Comma = ';'
	}
	return &SafeCSV{w: cw, excel: excel}
}

// Write writes one row; the first row is the header.
func (s *SafeCSV) Write(row []string) error {
	out := make([]string, len(row))
	for i, c := range row {
		if s.excel && s.header && isDecimal(c) {
			c = strings.Replace(c, ".", ",", 1)
		}
		out[i] = Neutralise(c)
	}
	s.header = true
	return s.w.Write(out)
}

// Flush writes buffered rows.
func (s *SafeCSV) Flush() { s.w.Flush() }

// Error reports an error of a previous Write or Flush.
func (s *SafeCSV) Error() error { return s.w.Error() }

func isDecimal(c string) bool {
	if !strings.Contains(c, ".") {
		return false
	}
	_, err := strconv.ParseFloat(c, 64)
	return err == nil
}

// Neutralise keeps a spreadsheet from running a cell as a formula: cells starting with =,
// +, -, @, tab or carriage return get a leading apostrophe, unless they are plain numbers.
func Neutralise(c string) string {
	if c == "" {
		return c
	}
	switch c[0] {
	case '=', '+', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(strings.Replace(c, ",", ".", 1), 64); err == nil && c[0] != '=' && c[0] != '@' {
			return c
		}
		return "'" + c
	}
	return c
}
