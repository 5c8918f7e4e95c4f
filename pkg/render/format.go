package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Money formats minor units (cents) for a language: "1,234.56" in English, "1.234,56" in
// German. The currency is not known to winback, so none is printed.
func Money(minor int64, lang string) string {
	neg := minor < 0
	if neg {
		minor = -minor
	}
	s := group(strconv.FormatInt(minor/100, 10), lang) + decimalSep(lang) + fmt.Sprintf("%02d", minor%100)
	if neg {
		s = "-" + s
	}
	return s
}

// Int formats an integer with thousands grouping for a language.
func Int(n int, lang string) string {
	if n < 0 {
		return "-" + group(strconv.Itoa(-n), lang)
	}
	return group(strconv.Itoa(n), lang)
}

// Percent formats a share 0..1 as a percentage with no decimals ("31 %" in German).
func Percent(share float64, lang string) string {
	if math.IsNaN(share) {
		return "–"
	}
	p := strconv.Itoa(int(math.Round(share * 100)))
	if lang == "de" {
		return p + " %"
	}
	return p + "%"
}

// Decimal formats x with the given number of decimals and the language's separator.
func Decimal(x float64, decimals int, lang string) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if lang == "de" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func decimalSep(lang string) string {
	if lang == "de" {
		return ","
	}
	return "."
}

func group(digits, lang string) string {
	sep := ","
	if lang == "de" {
		sep = "."
	}
	var b strings.Builder
	for i, c := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}
