package report

import (
	"encoding/csv"
	"io"
	"slices"
	"strconv"
	"strings"

	catalogue "github.com/winback/winback/pkg/words"
)

// SafeCSV is a gocsv CSVWriter that neutralises cells a spreadsheet would run as a formula
// and, for a German Excel, writes ';' and decimal commas. It is the one writer of every CSV
// winback writes from data: outputs, reports and the --rejects file.
type SafeCSV struct {
	w      *csv.Writer
	excel  bool
	header []string // once written
	// decimalNames, when set, are the columns whose decimal point a German Excel wants as
	// a comma, and decimals marks them by position; otherwise every cell after the header
	// that reads as a decimal number gets one.
	decimalNames []string
	decimals     []bool
	out          []string
	// words, when set, names the columns in its language and says status and segment
	// codes in its words (see [SafeCSV.Words]); codes holds, by position, the catalogue
	// prefix of a column's codes ("status.", "segment.") or "".
	words *catalogue.Catalogue
	codes []string
}

// NewSafeCSV returns a [SafeCSV] writing to w.
func NewSafeCSV(w io.Writer, excel bool) *SafeCSV {
	cw := csv.NewWriter(w)
	if excel {
		cw.Comma = ';'
	}
	return &SafeCSV{w: cw, excel: excel}
}

// DecimalColumns limits Excel's decimal commas to the columns with these headers, so that
// an id like "12.5" in another column stays as it is. Call it before the first Write.
func (s *SafeCSV) DecimalColumns(headers ...string) *SafeCSV {
	s.decimalNames = headers
	return s
}

// Words makes s write the header (csv.<name> in the catalogue) and the codes of a status or
// segment column in the words of c; [SafeCSV.DecimalColumns] and [SafeCSV.Header] keep
// the columns' own names. Call it before the first Write.
func (s *SafeCSV) Words(c *catalogue.Catalogue) *SafeCSV {
	s.words = c
	return s
}

// AfterHeader makes s write rows under a header written before (by another SafeCSV, for
// a file written in pieces): the next Write is a row, not the header.
func (s *SafeCSV) AfterHeader(header []string) *SafeCSV {
	s.setHeader(header)
	return s
}

// Header returns the header row, once written (or given to [SafeCSV.AfterHeader]).
func (s *SafeCSV) Header() []string { return s.header }

func (s *SafeCSV) setHeader(header []string) {
	s.header = slices.Clone(header)
	if s.decimalNames != nil {
		s.decimals = make([]bool, len(header))
		for i, h := range header {
			s.decimals[i] = slices.Contains(s.decimalNames, h)
		}
	}
	s.codes = make([]string, len(header))
	for i, h := range header {
		if h == "status" || h == "segment" {
			s.codes[i] = h + "."
		}
	}
}

// Write writes one row; the first row is the header.
func (s *SafeCSV) Write(row []string) error {
	s.out = s.out[:0]
	header := s.header == nil
	for i, c := range row {
		switch {
		case header:
			if s.words != nil && s.words.Has("csv."+c) {
				c = s.words.T("csv." + c)
			}
		case s.excel && s.decimal(i, c):
			c = strings.Replace(c, ".", ",", 1)
		case s.words != nil && i < len(s.codes) && s.codes[i] != "":
			c = s.words.Code(s.codes[i], c)
		}
		s.out = append(s.out, Neutralise(c))
	}
	if header {
		s.setHeader(row)
	}
	return s.w.Write(s.out)
}

// decimal tells whether cell c of column i is a decimal number to write with a comma.
func (s *SafeCSV) decimal(i int, c string) bool {
	if s.decimalNames != nil {
		return i < len(s.decimals) && s.decimals[i]
	}
	if !strings.Contains(c, ".") {
		return false
	}
	_, err := strconv.ParseFloat(c, 64)
	return err == nil
}

// Flush writes buffered rows.
func (s *SafeCSV) Flush() { s.w.Flush() }

// Error reports an error of a previous Write or Flush.
func (s *SafeCSV) Error() error { return s.w.Error() }

// Neutralise keeps a spreadsheet from running a cell as a formula: cells starting with =,
// +, -, @, tab or carriage return get a leading apostrophe, unless they are plain numbers.
func Neutralise(c string) string {
	if c == "" {
		return c
	}
	switch c[0] {
	case '+':
		if phoneLike(c) {
			return c // +49 30 1234567: no letters, no function to call
		}
		fallthrough
	case '=', '-', '@', '\t', '\r':
		if _, err := strconv.ParseFloat(strings.Replace(c, ",", ".", 1), 64); err == nil && c[0] != '=' && c[0] != '@' {
			return c
		}
		return "'" + c
	}
	return c
}

// phoneLike reports whether c is written as a phone number: digits, spaces and + ( ) - /
// only, with at least three digits. A spreadsheet reads no formula into it: there is
// nothing in it to call; the HTML report keeps it on one line.
func phoneLike(c string) bool {
	digits := 0
	for _, r := range c {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +()-/", r):
		default:
			return false
		}
	}
	return digits >= 3
}
