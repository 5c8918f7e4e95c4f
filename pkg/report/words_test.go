package report

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	catalogue "github.com/winback/winback/pkg/words"
)

// TestEveryWordIsInTheCatalogue checks that every "report." text the package asks for has
// its key in both catalogues: a missing one would show as its key ("report.Title").
func TestEveryWordIsInTheCatalogue(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`\.T\("(report\.[A-Za-z0-9.]+)"\)`)
	keys := map[string]bool{}
	for k := range 8 { // qualityFacts builds these
		keys["report.QualityParts."+strconv.Itoa(k)] = true
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllStringSubmatch(string(src), -1) {
			keys[m[1]] = true
		}
	}
	if len(keys) < 100 {
		t.Fatalf("found only %d keys", len(keys))
	}
	for _, lang := range []string{"en", "de"} {
		for _, noun := range catalogue.Nouns() {
			c := catalogue.ForNoun(lang, noun)
			for k := range keys {
				if s := c.T(k); s == "" || s == k || strings.Contains(s, "{customer") || strings.Contains(s, "{Customer") {
					t.Errorf("%s, %s: %s is %q: add it to pkg/words/en.txt and de.txt", lang, noun, k, s)
				}
			}
		}
	}
}
