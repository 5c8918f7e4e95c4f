package report

import (
	"slices"
	"strings"
)

// SafeText returns s as it may be printed to a terminal or into a Markdown table: every
// rune a terminal would act on instead of showing is replaced by U+FFFD (�), and the
// characters that would end a line or jump a column become spaces. It is the one place
// where text from the data (names, ids, services, staff, headers, rejected rows) is made
// harmless for the formats people read; JSON, CSV and xlsx keep the data as it is.
//
// Replaced by U+FFFD: the C0 controls but tab and line breaks (ESC starts the CSI and OSC
// sequences that clear a screen or set a window title, BEL ends an OSC), DEL, the C1
// controls U+0080–U+009F (U+009B is a one-rune CSI to some terminals), invalid UTF-8
// (a lone 0x9b byte is the same CSI to a terminal in an 8-bit mode), and the bidi controls
// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069), which reorder what follows them so
// that a table shows something other than its cells. A visible mark rather than nothing:
// whoever reads the table sees that the export holds a character that cannot be shown, and
// the mark is one column wide like the letters around it; an escape such as \x1b would mean
// nothing to the owner of a practice and could be taken for text the data really holds.
//
// Replaced by a space: tab, line feed, carriage return, U+0085 (next line) and U+2028,
// U+2029 (line and paragraph separators), so that a field spanning lines stays in its row
// and cell.
//
// Everything else, letters with umlauts, emoji with their joiners and variation selectors,
// is kept.
func SafeText(s string) string {
	if isSafe(s) {
		return s
	}
	return strings.Map(safeRune, s)
}

// isSafe reports whether s needs no change, so that the common case allocates nothing.
func isSafe(s string) bool {
	for i := 0; i < len(s); i++ {
		if b := s[i]; b < 0x20 || b >= 0x7f {
			return false
		}
	}
	return true
}

func safeRune(r rune) rune {
	switch {
	case r == '\t' || r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029':
		return ' '
	case r < 0x20 || (r >= 0x7f && r <= 0x9f):
		return '\uFFFD'
	case r == '\u061C' || r == '\u200E' || r == '\u200F' || (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069'):
		return '\uFFFD'
	}
	return r // invalid UTF-8 comes here as utf8.RuneError and is written as U+FFFD
}

// safePage returns a copy of d with every text made safe by [SafeText], for the formats
// that are printed for people.
func safePage(d *Page) *Page {
	c := &Page{Title: SafeText(d.Title), Notes: safeTexts(d.Notes)}
	for _, f := range d.Facts {
		c.Facts = append(c.Facts, Fact{Label: SafeText(f.Label), Value: SafeText(f.Value)})
	}
	for _, t := range d.Tables {
		st := Table{Title: SafeText(t.Title), Columns: safeTexts(t.Columns), Notes: safeTexts(t.Notes), Numeric: t.Numeric}
		st.Rows = make([][]string, len(t.Rows))
		for i, r := range t.Rows {
			st.Rows[i] = safeTexts(r)
		}
		c.Tables = append(c.Tables, st)
	}
	return c
}

// safeTexts returns s with every text made safe, s itself when none needs it.
func safeTexts(s []string) []string {
	for i, x := range s {
		if !isSafe(x) {
			out := slices.Clone(s)
			for j := i; j < len(out); j++ {
				out[j] = SafeText(out[j])
			}
			return out
		}
	}
	return s
}
