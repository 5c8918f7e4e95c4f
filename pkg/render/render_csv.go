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
	cw := csv.NewWriter(w)
	if c.excel {
		cw.Comma = ';'
	}
	sw := &safeWriter{w: cw, excel: c.excel}
	if err := gocsv.MarshalCSV(out.CSV, sw); err != nil {
		return err
	}
	cw.Flush()
	return cw.Error()
}

// safeWriter implements gocsv's CSVWriter, neutralising formula cells and, for Excel,
// writing decimal numbers with a comma.
type safeWriter struct {
	w      *csv.Writer
	excel  bool
	header bool
}

func (s *safeWriter) Write(row []string) error {
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

func (s *safeWriter) Flush()       { s.w.Flush() }
func (s *safeWriter) Error() error { return s.w.Error() }

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
