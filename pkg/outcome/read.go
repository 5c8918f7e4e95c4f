package outcome

import (
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"slices"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

// text turns the file's bytes into UTF-8: a byte order mark (UTF-8 or UTF-16) says what
// it is; without one, bytes that are not UTF-8 are Windows-1252, as German Excel saves.
func text(b []byte) []byte {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		if u, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewDecoder().Bytes(b); err == nil {
			return u
		}
	case !utf8.Valid(b):
		if u, err := charmap.Windows1252.NewDecoder().Bytes(b); err == nil {
			return u
		}
	}
	return b
}

// separator guesses the separator from the first non-empty line: the most frequent of
// ; , and tab outside quotes.
func separator(b []byte) rune {
	counts := map[rune]int{}
	quoted, seen := false, false
	for _, c := range string(b) {
		switch {
		case c == '"':
			quoted = !quoted
		case c == '\n' && !quoted:
			if seen {
				goto done
			}
		case quoted:
		case c == ';' || c == ',' || c == '\t':
			counts[c]++
			seen = true
		default:
			if c != '\r' && c != ' ' {
				seen = true
			}
		}
	}
done:
	best := ','
	for _, c := range []rune{';', '\t'} {
		if counts[c] > counts[best] {
			best = c
		}
	}
	return best
}

// csvRows splits the file into rows, with each row's line number; rows that cannot be
// split are rejects.
func csvRows(name string, b []byte) (rows [][]string, lines []int, bad []Reject) {
	b = text(b)
	cr := csv.NewReader(bytes.NewReader(b))
	cr.Comma = separator(b)
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	cr.ReuseRecord = false
	lastLine := -1
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			line := lastLine + 1
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			if line <= lastLine { // no progress: give up on the rest
				bad = append(bad, Reject{name, line, "unreadable-rest", []any{err.Error()}})
				break
			}
			lastLine = line
			bad = append(bad, Reject{name, line, "unsplittable", []any{err.Error()}})
			continue
		}
		line, _ := cr.FieldPos(0)
		lastLine = line
		rows = append(rows, rec)
		lines = append(lines, line)
	}
	return rows, lines, bad
}

// xlsxRows reads the first sheet whose rows include a header winback wrote, else the
// first sheet, with dates as Excel numbers (see date).
func xlsxRows(b []byte) ([][]string, error) {
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, errors.New("no sheet")
	}
	known := headers()
	var first [][]string
	for i, s := range sheets {
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if i == 0 {
			first = rows
		}
		for _, r := range rows {
			if blankRow(r) {
				continue
			}
			if slices.ContainsFunc(r, func(v string) bool { return known[norm(v)] == "called_on" }) {
				return rows, nil
			}
			break
		}
	}
	return first, nil
}
