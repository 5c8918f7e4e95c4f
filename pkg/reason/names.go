package reason

import (
	"strings"
	"unicode/utf8"
)

// shortName turns a staff name into first name and initial: "Anna Müller" and
// "Müller, Anna" become "Anna M.", "Miriam Schulte-Ebbert" becomes "Miriam S."; a single
// word stays as it is.
func shortName(name string) string {
	name = strings.TrimSpace(name)
	if last, first, ok := strings.Cut(name, ","); ok {
		name = strings.TrimSpace(first) + " " + strings.TrimSpace(last)
	}
	f := strings.Fields(name)
	if len(f) < 2 {
		return name
	}
	r, _ := utf8.DecodeRuneInString(f[len(f)-1])
	return strings.Join(f[:len(f)-1], " ") + " " + string(r) + "."
}
