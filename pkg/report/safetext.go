package report

import "strings"

// SafeText returns s as it may be printed to a terminal or into a Markdown table, the one
// place where text from the data is made harmless for the formats people read (JSON, CSV
// and xlsx keep it as it is). Replaced by U+FFFD, a visible mark one column wide: C0 and
// C1 controls but tab and line breaks (ESC and U+009B start escape sequences), DEL,
// invalid UTF-8 and the bidi controls, which reorder what follows so that a table shows
// something other than its cells. Replaced by a space, so that a field stays in its row
// and cell: tab, line feed, carriage return, U+0085, U+2028 and U+2029.
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
