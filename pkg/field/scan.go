package field

// Byte-level helpers shared by the parsers. No-break, thin, figure and narrow no-break
// spaces count as spaces.

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isASCIILetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// spaceAt returns the length in bytes of the space character at b[i], or 0.
func spaceAt(b []byte, i int) int {
	switch c := b[i]; c {
	case ' ', '\t', '\r', '\n':
		return 1
	case 0xC2: // U+00A0
		if i+1 < len(b) && b[i+1] == 0xA0 {
			return 2
		}
	case 0xE2: // U+2007, U+2009, U+202F
		if i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0x87 || b[i+2] == 0x89 || b[i+2] == 0xAF) {
			return 3
		}
	}
	return 0
}

// spaceBefore returns the length in bytes of the space character that ends at b[end-1], or 0.
func spaceBefore(b []byte, end int) int {
	switch c := b[end-1]; c {
	case ' ', '\t', '\r', '\n':
		return 1
	case 0xA0:
		if end >= 2 && b[end-2] == 0xC2 {
			return 2
		}
	case 0x87, 0x89, 0xAF:
		if end >= 3 && b[end-3] == 0xE2 && b[end-2] == 0x80 {
			return 3
		}
	}
	return 0
}

// skipSpaces returns the index of the first non-space at or after i.
func skipSpaces(b []byte, i int) int {
	for i < len(b) {
		n := spaceAt(b, i)
		if n == 0 {
			break
		}
		i += n
	}
	return i
}

// trimSpace removes leading and trailing spaces.
func trimSpace(b []byte) []byte {
	b = b[skipSpaces(b, 0):]
	for len(b) > 0 {
		n := spaceBefore(b, len(b))
		if n == 0 {
			break
		}
		b = b[:len(b)-n]
	}
	return b
}

// digits reads the run of ASCII digits starting at b[i]. It returns the run's value and the
// index after it; the value is meaningless (but does not overflow) for runs longer than 9.
func digits(b []byte, i int) (v, end int) {
	for end = i; end < len(b) && isDigit(b[end]); end++ {
		if end-i < 9 {
			v = v*10 + int(b[end]-'0')
		}
	}
	return v, end
}

// hasPrefixFold reports whether b[i:] starts with the lower-case ASCII word w, ignoring case.
func hasPrefixFold(b []byte, i int, w string) bool {
	if len(b)-i < len(w) {
		return false
	}
	for k := 0; k < len(w); k++ {
		if lower(b[i+k]) != w[k] {
			return false
		}
	}
	return true
}

// spelled returns how ä, Ä, ö, Ö, ü, Ü or ß, 0xC3 followed by c, is spelled out in ASCII
// ("ae", "ss"), or "" for another character.
func spelled(c byte) string {
	switch c {
	case 0xA4, 0x84:
		return "ae"
	case 0xB6, 0x96:
		return "oe"
	case 0xBC, 0x9C:
		return "ue"
	case 0x9F:
		return "ss"
	}
	return ""
}

// wordLen is the longest word readWord keeps: "donnerstag" plus room for umlauts.
const wordLen = 12

// readWord reads the letters from b[i] into w, lower-cased, umlauts and ß spelled out
// ("März" as "maerz"); n is 0 for no word or one too long for a month or weekday.
func readWord(b []byte, i int, w *[wordLen]byte) (n, end int) {
	end = i
	for end < len(b) {
		c := b[end]
		var a, z byte // replacement: one or two bytes
		switch {
		case isASCIILetter(c):
			a = lower(c)
			end++
		case c == 0xC3 && end+1 < len(b):
			s := spelled(b[end+1])
			if s == "" {
				return 0, end
			}
			a, z = s[0], s[1]
			end += 2
		default:
			return n, end
		}
		if n+2 > wordLen {
			return 0, end
		}
		w[n] = a
		n++
		if z != 0 {
			w[n] = z
			n++
		}
	}
	return n, end
}
