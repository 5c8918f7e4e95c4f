package report

import catalogue "github.com/winback/winback/pkg/words"

// The number formats below are the catalogue's (package words), for the writers and
// views that only know a language code.

// Money formats minor units (cents) for a language: "1,234.56" in English, "1.234,56" in
// German. The currency is not known to winback, so none is printed.
func Money(minor int64, lang string) string { return cat(lang).Money(minor) }

// Int formats an integer with thousands grouping for a language.
func Int(n int, lang string) string { return cat(lang).Int(n) }

// Percent formats a share 0..1 as a percentage with no decimals ("31 %" in German).
func Percent(share float64, lang string) string { return cat(lang).Percent(share) }

// Decimal formats x with the given number of decimals and the language's separator.
func Decimal(x float64, decimals int, lang string) string {
	return cat(lang).Decimal(x, decimals)
}

// cat returns the catalogue of lang: German only for exactly "de", as before.
func cat(lang string) *catalogue.Catalogue {
	if lang == "de" {
		return catalogue.For("de")
	}
	return catalogue.For("en")
}
