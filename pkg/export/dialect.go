package export

import (
	"bytes"
	"fmt"
	"strings"
)

// dialect is how a file's records and fields are written.
type dialect struct {
	delim      byte // ',', ';', '\t', '|' or ' ' for runs of whitespace
	whitespace bool
}

func (d dialect) String() string {
	switch {
	case d.whitespace:
		return "whitespace"
	case d.delim == '\t':
		return "tab"
	}
	return string(d.delim)
}

func (d dialect) splitter() *splitter {
	return &splitter{delim: d.delim, whitespace: d.whitespace, quotes: !d.whitespace}
}

// parseDelimiter reads --delimiter: a single character or a name.
func parseDelimiter(s string) (dialect, error) {
	switch strings.ToLower(s) {
	case ",", "comma":
		return dialect{delim: ','}, nil
	case ";", "semicolon":
		return dialect{delim: ';'}, nil
	case "\t", `\t`, "tab":
		return dialect{delim: '\t'}, nil
	case "|", "pipe":
		return dialect{delim: '|'}, nil
	case " ", "space", "spaces", "whitespace", "ws":
		return dialect{delim: ' ', whitespace: true}, nil
	}
	if len(s) == 1 && s[0] < 0x80 && s[0] != '"' && s[0] != '\n' && s[0] != '\r' {
		return dialect{delim: s[0]}, nil
	}
	return dialect{}, fmt.Errorf("%w: --delimiter %q: use one of , ; tab | whitespace, or a single ASCII character", ErrUsage, s)
}

// sniffDialect picks the delimiter under which the sample's records have the most
// consistent number of fields (more than one). Ties go to the one giving more fields, so a
// ';' file whose amounts carry decimal commas is read as ';'.
func sniffDialect(sample []byte) dialect {
	// Judge whole records only: drop a last line that may be cut.
	if i := bytes.LastIndexByte(sample, '\n'); i > 0 && i < len(sample)-1 {
		sample = sample[:i+1]
	}
	best, bestScore, bestFields := dialect{delim: ','}, -1.0, 0
	for _, d := range []dialect{{delim: ';'}, {delim: '\t'}, {delim: ','}, {delim: '|'}, {delim: ' ', whitespace: true}} {
		counts := map[int]int{}
		sp := d.splitter()
		records := 0
		for pos := 0; pos < len(sample) && records < 200; {
			f, next, _, err := sp.record(sample, pos)
			if err != nil {
				break
			}
			pos = next
			if len(f) == 0 || (len(f) == 1 && len(bytes.TrimSpace(f[0])) == 0) {
				continue
			}
			counts[len(f)]++
			records++
		}
		if records == 0 {
			continue
		}
		mode, modeN := 0, 0
		for n, c := range counts {
			if c > modeN || (c == modeN && n > mode) {
				mode, modeN = n, c
			}
		}
		if mode < 2 {
			continue
		}
		score := float64(modeN) / float64(records)
		if d.whitespace {
			score -= 0.05 // only when nothing else fits about as well
		}
		if score > bestScore+0.02 || (score > bestScore-0.02 && mode > bestFields) {
			best, bestScore, bestFields = d, score, mode
		}
	}
	return best
}

// looksLikeHeader tells whether the first record names known columns, or holds no dates
// or numbers while the second does.
func looksLikeHeader(first, second []string, isDate, isNumber func(string) bool) bool {
	for _, f := range first {
		if _, ok := aliases[normHeader(f)]; ok {
			return true
		}
	}
	dataLike := func(r []string) int {
		n := 0
		for _, f := range r {
			f = strings.TrimSpace(f)
			if f != "" && (isDate(f) || isNumber(f)) {
				n++
			}
		}
		return n
	}
	return dataLike(first) == 0 && (second == nil || dataLike(second) > 0)
}
