package field

import (
	"strings"
	"unicode"
)

// Fold folds a header name or a value for matching against a vocabulary: lower case,
// German umlauts and ß spelled out (ä → ae), é and è as e, and only ASCII letters and digits
// kept. "Patienten-Nr." → "patientennr", "Honorar (€)" → "honorar", "Kein Kontakt!" →
// "keinkontakt". It allocates; the per-row parsers above do not.
func Fold(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch r {
		case 'ä':
			b.WriteString("ae")
		case 'ö':
			b.WriteString("oe")
		case 'ü':
			b.WriteString("ue")
		case 'ß':
			b.WriteString("ss")
		case 'é', 'è':
			b.WriteRune('e')
		default:
			if r < 0x80 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}
