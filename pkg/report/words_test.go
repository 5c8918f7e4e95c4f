package report

import (
	"reflect"
	"strings"
	"testing"

	catalogue "github.com/winback/winback/pkg/words"
)

// TestEveryWordIsInTheCatalogue checks that every text of the report's words has its key
// in both catalogues: a missing one would show as its key ("report.Title").
func TestEveryWordIsInTheCatalogue(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		for _, noun := range catalogue.Nouns() {
			w := reflect.ValueOf(*wordsFor(lang, noun))
			for i := range w.NumField() {
				f := w.Field(i)
				var texts []string
				switch f.Kind() {
				case reflect.String:
					texts = []string{f.String()}
				case reflect.Array:
					for k := range f.Len() {
						texts = append(texts, f.Index(k).String())
					}
				}
				for _, s := range texts {
					if s == "" || strings.HasPrefix(s, "report.") || strings.Contains(s, "{customer") || strings.Contains(s, "{Customer") {
						t.Errorf("%s, %s: %s is %q: add report.%s to pkg/words/en.go and de.go", lang, noun, w.Type().Field(i).Name, s, w.Type().Field(i).Name)
					}
				}
			}
		}
	}
}
