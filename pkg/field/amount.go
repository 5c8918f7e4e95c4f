package field

import (
	"fmt"
	"math"
	"slices"
	"unicode/utf8"
)

// Style is which character separates the cents from the whole units.
type Style uint8

// The styles. A value or a column whose style is not known is [StyleUnknown].
const (
	StyleUnknown Style = iota
	DecimalPoint       // 1,234.56
	DecimalComma       // 1.234,56
)

var styleNames = [...]string{"unknown", "decimal point", "decimal comma"}

// String returns "unknown", "decimal point" or "decimal comma".
func (s Style) String() string {
	if int(s) < len(styleNames) {
		return styleNames[s]
	}
	return "unknown"
}

// Amount is a parsed money cell.
type Amount struct {
	// Minor is the value in minor units (cents), rounded half away from zero to two
	// decimals. For an ambiguous value it is the thousands-grouping reading.
	Minor int64
	// Alt is the other reading of an ambiguous value (one separator followed by exactly
	// three digits, as in "1,234" or "1.234"): the separator read as a decimal one.
	// Otherwise it equals Minor.
	Alt int64
	// Evidence is what the value itself proves about the column's style: "12,50" and
	// "1.234,56" prove [DecimalComma], "1,234.56" and "1,234,567" prove [DecimalPoint],
	// "1234" and ambiguous values prove nothing ([StyleUnknown]).
	Evidence Style
	// Currency is "EUR", "USD", "GBP", "CHF" or "" when the cell names none.
	Currency string

	sep byte // the separator of an ambiguous value, '.' or ','
}

// Ambiguous reports whether the value reads as two different amounts depending on the style.
func (a Amount) Ambiguous() bool { return a.Minor != a.Alt }

// In resolves an ambiguous value in a column of the given style: with [DecimalComma]
// "1.234" is 1234.00 and "1,234" is 1.234 (123 cents, rounded), with [DecimalPoint] the
// other way round, with [StyleUnknown] the grouping reading (1234.00). An unambiguous
// value is returned as it is.
func (a Amount) In(s Style) int64 {
	if (a.sep == '.' && s == DecimalPoint) || (a.sep == ',' && s == DecimalComma) {
		return a.Alt
	}
	return a.Minor
}

// maxWhole is the largest number of whole units whose minor value, rounded up, fits an int64.
const maxWhole = (math.MaxInt64 - 100) / 100

// maxSeparators bounds the separators in one number: eight groups of three digits already
// exceed an int64 in cents.
const maxSeparators = 8

// ParseAmount parses a money cell. Surrounding spaces are ignored. It accepts
//
//   - a decimal point or comma, with or without thousands grouping: 1234.56, 1,234.56,
//     1.234,56, 1234,56, 1'234.50, 1 234,56 (with a no-break or thin space), .5, 12.;
//   - a currency before or after the number: 12,50 €, € 12,50, €12.50, $1,149.00,
//     126.63 EUR, EUR 126,63, CHF 1'234.50, Fr. 12.50;
//   - a sign: -12,50, +12.00, 12,50- (trailing minus, as SAP writes it), (33.62);
//   - dashes for zero cents after a separator: 12,- and 12,-- € are 12.00.
//
// More than two decimals are rounded half away from zero: 0,125 is 13 cents and -0,125
// is -13 cents. A number with one separator followed by exactly three digits ("1,234")
// is ambiguous; see [Amount]. An empty cell gives [ErrEmpty]; every other error wraps
// [ErrNotAmount]: two decimal separators, letters, thousands separators in the wrong
// place (12,34,5), or an amount too large for an int64 of cents.
func ParseAmount(b []byte) (Amount, error) {
	b = trimSpace(b)
	if len(b) == 0 {
		return Amount{}, ErrEmpty
	}
	whole := b
	var a Amount
	signs, neg := 0, false
	if b[0] == '(' || b[len(b)-1] == ')' {
		if len(b) < 2 || b[0] != '(' || b[len(b)-1] != ')' {
			return Amount{}, errParenthesis
		}
		signs, neg = 1, true
		b = trimSpace(b[1 : len(b)-1])
	}
	// Before the number: signs and a currency, in either order (-€12, €-12).
	for len(b) > 0 && !isDigit(b[0]) && b[0] != '.' && b[0] != ',' {
		if n := minusAt(b); n > 0 {
			signs, neg = signs+1, true
			b = b[n:]
		} else if b[0] == '+' {
			signs++
			b = b[1:]
		} else {
			cur, n := currencyAt(b)
			if n == 0 {
				return Amount{}, unexpected(whole, b)
			}
			if a.Currency != "" && a.Currency != cur {
				return Amount{}, errTwoCurrencies
			}
			a.Currency = cur
			b = b[n:]
		}
		b = b[skipSpaces(b, 0):]
	}
	// After the number: a trailing minus and a currency (12,50 €-, 12,50- EUR).
	for len(b) > 0 && !isDigit(b[len(b)-1]) {
		if n := zeroCentsDash(b); n > 0 {
			b = b[:len(b)-n]
			break
		} else if b[len(b)-1] == '-' {
			signs, neg = signs+1, true
			b = b[:len(b)-1]
		} else if cur, n := currencyBefore(b); n > 0 {
			if a.Currency != "" && a.Currency != cur {
				return Amount{}, errTwoCurrencies
			}
			a.Currency = cur
			b = b[:len(b)-n]
		} else {
			break // "12." and "12,": a trailing decimal separator, or an error found below
		}
		b = trimSpace(b)
	}
	if signs > 1 {
		return Amount{}, errTwoSigns
	}
	if len(b) == 0 {
		return Amount{}, errNoDigits
	}
	if err := a.parseNumber(whole, b); err != nil {
		return Amount{}, err
	}
	if neg {
		a.Minor, a.Alt = -a.Minor, -a.Alt
	}
	return a, nil
}

// separator is a grouping or decimal separator inside a number.
type separator struct {
	kind   byte // '.', ',', '\'' or ' ' (any kind of space)
	digits int  // digits between the previous separator (or the start) and this one
}

// parseNumber sets a.Minor, a.Alt, a.Evidence and a.sep from the unsigned number b.
func (a *Amount) parseNumber(whole, b []byte) error {
	var seps [maxSeparators]separator
	ns, run, total := 0, 0, 0
	for i := 0; i < len(b); {
		if isDigit(b[i]) {
			run++
			total++
			i++
			continue
		}
		kind, n := separatorAt(b, i)
		if n == 0 {
			return unexpected(whole, b[i:])
		}
		if ns == maxSeparators {
			return errGrouping
		}
		seps[ns] = separator{kind, run}
		ns++
		run = 0
		i += n
	}
	if total == 0 {
		return errNoDigits
	}
	tail := run // digits after the last separator

	dec, ambiguous, err := decimalSeparator(seps[:ns], tail, b)
	if err != nil {
		return err
	}
	if err := a.checkGrouping(seps[:ns], dec, tail, ambiguous); err != nil {
		return err
	}

	// Whole units, two decimals, and the third to round half away from zero.
	var units, cents int64
	seen, frac := 0, -1
	for i := 0; i < len(b); {
		c := b[i]
		if !isDigit(c) {
			if seen == dec {
				frac = 0
			}
			seen++
			_, n := separatorAt(b, i)
			i += n
			continue
		}
		d := int64(c - '0')
		switch {
		case frac < 0:
			if units > (maxWhole-d)/10 {
				return errTooLarge
			}
			units = units*10 + d
		case frac < 2:
			cents = cents*10 + d
		case frac == 2 && d >= 5:
			cents++
		}
		if frac >= 0 {
			frac++
		}
		i++
	}
	if frac == 1 {
		cents *= 10
	}
	a.Minor = units*100 + cents
	a.Alt = a.Minor
	if ambiguous {
		// units holds lead*1000 + the three digits t; the decimal reading is lead.t.
		t := units % 1000
		a.Alt = units/1000*100 + t/10
		if t%10 >= 5 {
			a.Alt++
		}
		a.sep = seps[0].kind
	}
	return nil
}

// decimalSeparator returns the index of the decimal separator among seps (-1: none), or
// ambiguous for a lone one that may group thousands ("1.234"); tail digits follow the last.
func decimalSeparator(seps []separator, tail int, b []byte) (dec int, ambiguous bool, err error) {
	dec = -1
	if len(seps) > 0 {
		if last := seps[len(seps)-1].kind; last == '.' || last == ',' {
			nLast, nOther, nSpace := 0, 0, 0
			for _, s := range seps {
				switch s.kind {
				case last:
					nLast++
				case '.', ',':
					nOther++
				default:
					nSpace++
				}
			}
			switch {
			case nLast == 1 && nOther+nSpace > 0:
				dec = len(seps) - 1
			case nLast == 1:
				lead := seps[0].digits
				ambiguous = tail == 3 && lead >= 1 && lead <= 3 && b[0] != '0'
				if !ambiguous {
					dec = 0
				}
			case nOther > 0:
				return -1, false, errTwoDecimalSeparators
			}
		}
	}
	return dec, ambiguous, nil
}

// checkGrouping checks that every separator before the decimal one (dec, or -1) groups
// thousands, and sets a.Evidence to what the separators say of the decimal mark.
func (a *Amount) checkGrouping(seps []separator, dec, tail int, ambiguous bool) error {
	// Every separator before the decimal one groups thousands.
	groups := len(seps)
	if dec >= 0 {
		groups = dec
	}
	if groups > 0 {
		kind := seps[0].kind
		if seps[0].digits < 1 || seps[0].digits > 3 {
			return errGrouping
		}
		for _, s := range seps[1:groups] {
			if s.kind != kind {
				return errMixedGrouping
			}
			if s.digits != 3 {
				return errGrouping
			}
		}
		after := tail
		if dec >= 0 {
			after = seps[dec].digits
		}
		if after != 3 {
			return errGrouping
		}
		switch {
		case ambiguous:
		case kind == '.':
			a.Evidence = DecimalComma
		case kind == ',':
			a.Evidence = DecimalPoint
		}
	}
	if dec >= 0 {
		a.Evidence = DecimalPoint
		if seps[dec].kind == ',' {
			a.Evidence = DecimalComma
		}
	}
	return nil
}

// separatorAt returns the kind and length of a separator at b[i], or 0 for none.
func separatorAt(b []byte, i int) (kind byte, n int) {
	switch c := b[i]; c {
	case '.', ',', '\'':
		return c, 1
	case 0xE2: // U+2019, the typographic apostrophe some Swiss software groups with
		if i+2 < len(b) && b[i+1] == 0x80 && b[i+2] == 0x99 {
			return '\'', 3
		}
	}
	if n := spaceAt(b, i); n > 0 {
		return ' ', n
	}
	return 0, 0
}

// zeroCentsDash returns the length of the dashes for zero cents ending b ("12,-"), or 0.
func zeroCentsDash(b []byte) int {
	end := len(b)
	for end > 0 {
		if b[end-1] == '-' {
			end--
		} else if end >= 3 && b[end-3] == 0xE2 && b[end-2] == 0x80 && (b[end-1] == 0x93 || b[end-1] == 0x94) {
			end -= 3 // en or em dash
		} else {
			break
		}
	}
	if end == len(b) || end == 0 || (b[end-1] != ',' && b[end-1] != '.') {
		return 0
	}
	return len(b) - end
}

// minusAt returns the length of a minus sign (- or U+2212) at the start of b, or 0.
func minusAt(b []byte) int {
	if b[0] == '-' {
		return 1
	}
	if len(b) >= 3 && b[0] == 0xE2 && b[1] == 0x88 && b[2] == 0x92 {
		return 3
	}
	return 0
}

// currencyAt returns the currency named at the start of b and the length of its name,
// or 0 when b does not start with one.
func currencyAt(b []byte) (string, int) {
	switch {
	case b[0] == '$':
		return "USD", 1
	case len(b) >= 3 && b[0] == 0xE2 && b[1] == 0x82 && b[2] == 0xAC:
		return "EUR", 3
	case len(b) >= 2 && b[0] == 0xC2 && b[1] == 0xA3:
		return "GBP", 2
	}
	if hasPrefixFold(b, 0, "us$") {
		return "USD", 3
	}
	n := 0
	for n < len(b) && isASCIILetter(b[n]) {
		n++
	}
	cur, abbrev := currencyWord(b[:n])
	if cur == "" {
		return "", 0
	}
	if abbrev && n < len(b) && b[n] == '.' { // Fr.
		n++
	}
	return cur, n
}

// currencyBefore returns the currency named at the end of b and the length of its name,
// or 0 when b does not end with one.
func currencyBefore(b []byte) (string, int) {
	end := len(b)
	switch {
	case b[end-1] == '$':
		if end >= 3 && lower(b[end-3]) == 'u' && lower(b[end-2]) == 's' {
			return "USD", 3
		}
		return "USD", 1
	case end >= 3 && b[end-3] == 0xE2 && b[end-2] == 0x82 && b[end-1] == 0xAC:
		return "EUR", 3
	case end >= 2 && b[end-2] == 0xC2 && b[end-1] == 0xA3:
		return "GBP", 2
	}
	if b[end-1] == '.' {
		end--
	}
	start := end
	for start > 0 && isASCIILetter(b[start-1]) {
		start--
	}
	cur, abbrev := currencyWord(b[start:end])
	if cur == "" || (end < len(b) && !abbrev) {
		return "", 0
	}
	return cur, len(b) - start
}

// currencyWord returns the currency a word names, ignoring case, or "", and whether the
// word is an abbreviation that may end with a dot (Fr., SFr.).
func currencyWord(w []byte) (cur string, abbrev bool) {
	if len(w) == 0 || len(w) > 5 {
		return "", false
	}
	var buf [5]byte
	for i, c := range w {
		buf[i] = lower(c)
	}
	switch string(buf[:len(w)]) {
	case "eur", "euro", "euros":
		return "EUR", false
	case "usd":
		return "USD", false
	case "gbp":
		return "GBP", false
	case "chf":
		return "CHF", false
	case "fr", "sfr":
		return "CHF", true
	}
	return "", false
}

// unexpected describes the first character of rest that has no place in an amount.
func unexpected(whole, rest []byte) error {
	if !slices.ContainsFunc(whole, isDigit) {
		return ErrNotAmount
	}
	if isASCIILetter(rest[0]) {
		return errLetters
	}
	r, _ := utf8.DecodeRune(rest)
	return amountError(fmt.Sprintf("amount contains the unexpected character %q", r))
}
