package report

import (
	"strings"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// A terminal table's frame: "│ " before each column, " │" after the last and " │ "
// between columns, that is 3 columns of frame per column and 1 more.
const (
	framePerColumn = 3
	frameExtra     = 1
)

// fitCells wraps the cells of a table so that, framed by tablewriter, it is at most width
// columns wide on screen: the widest columns are cut to one common width, the narrow ones
// (dates, numbers) kept whole, none wider than maxCell when that is above 0.
func fitCells(header []string, rows [][]string, width, maxCell int) ([]string, [][]string) {
	n := len(header)
	for _, r := range rows {
		n = max(n, len(r))
	}
	if n == 0 {
		return header, rows
	}
	natural, word := make([]int, n), make([]int, n)
	measure := func(cells []string) {
		for i, c := range cells {
			for l := range strings.SplitSeq(c, "\n") {
				natural[i] = max(natural[i], twwidth.Width(l))
				for w := range strings.SplitSeq(l, " ") {
					word[i] = max(word[i], min(twwidth.Width(w), maxWord))
				}
			}
		}
	}
	measure(header)
	for _, r := range rows {
		measure(r)
	}
	if maxCell > 0 {
		for i := range natural {
			natural[i] = min(natural[i], maxCell)
		}
	}
	widths := fitColumns(natural, word, width-framePerColumn*n-frameExtra)
	wrapRow := func(cells []string) []string {
		out := make([]string, len(cells))
		for i, c := range cells {
			out[i] = wrapCell(c, widths[i])
		}
		return out
	}
	var h []string
	if header != nil {
		h = wrapRow(header)
	}
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = wrapRow(r)
	}
	return h, out
}

// maxWord is the longest word a column keeps whole when a table must be narrowed; a
// longer one (a URL, a long compound) is broken.
const maxWord = 16

// fitColumns returns the widths of columns of the given natural widths that add up to at
// most avail: the natural ones when they do; else every column at least as wide as its
// longest word (least[i]) and the wider ones cut to the largest common cap that fits; else,
// when not even the words fit, the longest words cut to one cap.
func fitColumns(natural, least []int, avail int) []int {
	sum, need, widest := 0, 0, 0
	for i, w := range natural {
		sum += w
		need += min(least[i], w)
		widest = max(widest, w)
	}
	if sum <= avail {
		return natural
	}
	floor := func(i int) int { return min(least[i], natural[i]) }
	if need > avail {
		// Not even the longest words fit: the columns as wide as their longest words, the
		// widest of those cut to a common cap, so that short numbers stay whole.
		words := make([]int, len(natural))
		for i := range natural {
			words[i] = floor(i)
		}
		natural = words
		floor = func(int) int { return 1 }
	}
	width := func(i, c int) int { return max(floor(i), min(natural[i], c)) }
	total := func(c int) int {
		s := 0
		for i := range natural {
			s += width(i, c)
		}
		return s
	}
	lo, hi := 1, widest // the largest cap c with total(c) <= avail, at least 1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if total(mid) <= avail {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	out := make([]int, len(natural))
	left := avail - total(lo)
	for i := range natural {
		out[i] = width(i, lo)
		if out[i] < natural[i] && left > 0 {
			out[i]++
			left--
		}
	}
	return out
}

// wrapCell breaks each line of s into lines at most width wide, at spaces where it can and
// inside a word longer than the width. A line that starts with a bullet ("• ") continues
// indented under its text.
func wrapCell(s string, width int) string {
	var b strings.Builder
	for k, line := range strings.Split(s, "\n") {
		if k > 0 {
			b.WriteByte('\n')
		}
		indent := ""
		if strings.HasPrefix(line, "• ") && width > 4 {
			indent = "  "
		}
		b.WriteString(wrapLine(line, width, indent))
	}
	return b.String()
}

// wrapLine breaks one line into lines at most width wide; indent starts the continuation
// lines.
func wrapLine(line string, width int, indent string) string {
	if twwidth.Width(line) <= width {
		return line
	}
	var b strings.Builder
	n := 0 // display width of the current line
	newLine := func() {
		b.WriteByte('\n')
		b.WriteString(indent)
		n = len(indent)
	}
	for i, word := range strings.Split(line, " ") {
		wl := twwidth.Width(word)
		if i > 0 {
			if n+1+wl <= width || n <= len(indent) {
				b.WriteByte(' ')
				n++
			} else {
				newLine()
			}
		}
		for wl > 0 && n+wl > width { // longer than what is left of the line: break it
			if n >= width {
				newLine()
			}
			part, pw := cut(word, width-n)
			b.WriteString(part)
			word, wl = word[len(part):], wl-pw
			n += pw
			if wl > 0 {
				newLine()
			}
		}
		b.WriteString(word)
		n += wl
	}
	return b.String()
}

// cut returns the longest prefix of s at most width wide, and its width; at least one
// rune when width allows none, so that wrapping always advances.
func cut(s string, width int) (string, int) {
	w := 0
	for i, r := range s {
		rw := twwidth.Width(string(r))
		if w+rw > width {
			if i == 0 {
				return s[:len(string(r))], rw
			}
			return s[:i], w
		}
		w += rw
	}
	return s, w
}

// wrapParagraph is [wrap] within a terminal of the given width (0: unknown): at most 90
// columns, fewer when the terminal is narrower.
func wrapParagraph(s string, width int) string {
	if width > 0 && width < 90 {
		return wrap(s, width)
	}
	return wrap(s, 90)
}

// wrapLines breaks each line of s to the terminal's width, keeping its line breaks; s as it
// is when the width is unknown (0).
func wrapLines(s string, width int) string {
	if width <= 0 {
		return s
	}
	return wrapCell(s, width)
}
