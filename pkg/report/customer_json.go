package report

import (
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"
)

// AppendJSON appends what json.Marshal(c) returns, byte for byte, without reflection:
// the JSON formats write one [Customer] for each of possibly hundreds of thousands of
// lapsed customers, and encoding/json spent most of their time. A value encoding/json
// cannot encode (NaN or an infinity) is left to it, for its error.
func (c *Customer) AppendJSON(b []byte) ([]byte, error) {
	finite := !isNaNOrInf(c.UsualGap) && !isNaNOrInf(c.ValueAtRisk) && !isNaNOrInf(c.PAlive)
	for i := range c.Reasons {
		finite = finite && !isNaNOrInf(c.Reasons[i].Weight)
	}
	if !finite {
		out, err := json.Marshal(c)
		return append(b, out...), err
	}
	b = append(b, '{')
	field := func(name string) {
		if b[len(b)-1] != '{' {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, '"', ':')
	}
	str := func(name, v string, omitEmpty bool) {
		if omitEmpty && v == "" {
			return
		}
		field(name)
		b = appendJSONString(b, v)
	}
	str("id", c.ID, false)
	str("name", c.Name, true)
	str("phone", c.Phone, true)
	str("email", c.Email, true)
	str("contact_preference", c.ContactPreference, true)
	str("segment", c.Segment, false)
	str("status", c.Status, false)
	str("last_visit", c.LastVisit, false)
	field("visits")
	b = strconv.AppendInt(b, int64(c.Visits), 10)
	field("usual_gap_days")
	b = appendJSONFloat(b, c.UsualGap)
	field("days_overdue")
	b = strconv.AppendInt(b, int64(c.Overdue), 10)
	field("value_at_risk")
	b = appendJSONFloat(b, c.ValueAtRisk)
	field("p_alive")
	b = appendJSONFloat(b, c.PAlive)
	str("rule", c.Rule, false)
	field("reasons")
	if c.Reasons == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range c.Reasons {
			r := &c.Reasons[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"code":`...)
			b = appendJSONString(b, r.Code)
			b = append(b, `,"weight":`...)
			b = appendJSONFloat(b, r.Weight)
			b = append(b, `,"evidence":`...)
			b = appendJSONString(b, r.Evidence)
			b = append(b, `,"question":`...)
			b = appendJSONString(b, r.Question)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

func isNaNOrInf(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) }

// appendJSONFloat appends f as encoding/json writes a float64 (f is finite).
func appendJSONFloat(b []byte, f float64) []byte {
	// The report's numbers are mostly amounts and shares rounded to at most three decimals.
	// For such a number below 1e9 the shortest decimal that reads back as f, which is what
	// encoding/json writes, is that of n/1000: another decimal as short would differ by at
	// least 0.001, far more than f's spacing to the next float. Write it without the general
	// algorithm.
	if n := math.Round(f * 1000); n/1000 == f && f != 0 && math.Abs(n) < 1e12 {
		i := int64(n)
		if i < 0 {
			b = append(b, '-')
			i = -i
		}
		b = strconv.AppendInt(b, i/1000, 10)
		if frac := i % 1000; frac != 0 {
			d := [4]byte{'.', byte('0' + frac/100), byte('0' + frac/10%10), byte('0' + frac%10)}
			k := 4
			for d[k-1] == '0' {
				k--
			}
			b = append(b, d[:k]...)
		}
		return b
	}
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// e-09 is written e-9
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b
}

const hexDigits = "0123456789abcdef"

// jsonSafe says which bytes encoding/json writes as they are: ASCII from space on, but
// for the quote, the backslash and <, > and & (escaped for HTML).
var jsonSafe = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendJSONString appends s quoted as encoding/json writes a string: with <, > and &
// escaped for HTML, invalid UTF-8 as U+FFFD, and U+2028 and U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if jsonSafe[s[i]] {
			i++
			continue
		}
		if c := s[i]; c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
