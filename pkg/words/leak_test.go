package words

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestGermanGoldensHaveNoEnglish scans every German golden file of the repository for the
// English texts of the catalogue: each English text that differs from its German one, cut
// at its template verbs and noun placeholders, must not occur in them as words. A piece
// shorter than five letters ("id", "rule: ") is too likely a German word or a value to
// tell. Words a user typed (services, staff, channels, referrers in the exports) are not
// catalogue texts, so they pass unless one equals an English text of the catalogue.
func TestGermanGoldensHaveNoEnglish(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "*", "testdata", "golden", "*"))
	if err != nil {
		t.Fatal(err)
	}
	var german []string
	for _, f := range files {
		base := filepath.Base(f)
		// JSON holds codes, not words; inspect's goldens are of German exports
		// (inspect_de_praxis_cp1252_csv.txt), in English unless named *.de.txt;
		// texts_de.txt lists codes beside the texts.
		de := strings.Contains(base, ".de.") || strings.Contains(base, "_de") && !strings.HasPrefix(base, "inspect_")
		if de && !strings.HasSuffix(base, ".json") && !strings.HasPrefix(base, "texts_") {
			german = append(german, f)
		}
	}
	if len(german) < 10 {
		t.Fatalf("found only %d German goldens: %v", len(german), german)
	}
	if !slices.ContainsFunc(german, func(f string) bool { return strings.HasSuffix(f, ".de.txt") }) {
		t.Fatalf("no German inspect golden (inspect_*.de.txt) among %v", german)
	}
	pieces := append(englishPieces(), codePieces()...)
	for _, f := range german {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if strings.HasSuffix(f, ".html") {
			text = markup.ReplaceAllString(text, " ") // ids, classes and scripts are not words
		}
		text = flagName.ReplaceAllString(text, " ") // --staff is the command's, in every language
		for _, p := range pieces {
			if p.re.MatchString(text) {
				t.Errorf("%s has English %q (from %s)", f, p.text, p.key)
			}
		}
	}
}

// flagName matches a flag quoted in a text ("die --staff 'Anja Berger' auswählt"): it is
// typed as it is whatever the language, like a code.
var flagName = regexp.MustCompile(`--[a-z][a-z-]*`)

// markup matches what a page shows nobody: scripts, styles and tags.
var markup = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)

type piece struct {
	key, text string
	re        *regexp.Regexp
}

// cut splits an English text at its template verbs (%s, %d, %g) and placeholders ({...}).
var cut = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]|\{[a-zA-Z]+\}`)

func englishPieces() []piece {
	var out []piece
	seen := map[string]bool{}
	for _, k := range Keys() {
		e := en[k]
		if e == de[k] {
			continue // the same word in both languages: "Status", "Segment"
		}
		for _, p := range cut.Split(e, -1) {
			p = strings.Trim(p, " ;:,.()–-")
			if len(p) < 5 || seen[p] || !strings.ContainsAny(p, "abcdefghijklmnopqrstuvwxyz") {
				continue
			}
			seen[p] = true
			out = append(out, piece{k, p, regexp.MustCompile(`(^|[^\pL\pN_])` + regexp.QuoteMeta(p) + `($|[^\pL\pN_])`)})
		}
	}
	return out
}

// codePieces are the codes the catalogue says in words (status.<code>, rule.<code>,
// reason.<code>.label, segment.<code>.name): a German output shows their words, never the
// codes ("last-cancelled", "own-rhythm", "lapsed", "about-to-sleep").
func codePieces() []piece {
	var out []piece
	seen := map[string]bool{}
	for _, k := range Keys() {
		parts := strings.Split(k, ".")
		var code string
		switch {
		case len(parts) == 2 && (parts[0] == "status" || parts[0] == "rule"):
			code = parts[1]
		case len(parts) == 3 && parts[0] == "reason" && parts[2] == "label",
			len(parts) == 3 && parts[0] == "segment" && parts[2] == "name":
			code = parts[1]
		}
		if code == "" || seen[code] || en[k] == de[k] {
			continue
		}
		seen[code] = true
		out = append(out, piece{k, code, regexp.MustCompile(`(^|[^\pL\pN_-])` + regexp.QuoteMeta(code) + `($|[^\pL\pN_-])`)})
	}
	return out
}

func TestTheLeakTestFindsEnglish(t *testing.T) {
	ps := append(englishPieces(), codePieces()...)
	found := func(text string) bool {
		for _, p := range ps {
			if p.re.MatchString(text) {
				return true
			}
		}
		return false
	}
	if !found("Hinweis: predictions from Pareto/NBD; mehr") {
		t.Error("the model note in English is not found")
	}
	if !found("weshalb: kommt sonst alle 4 Tage (Regel: own-rhythm)") || !found("Hinweis: last-cancelled.") {
		t.Error("codes in German text are not found")
	}
	if !found("Nur die Kunden von staff X") {
		t.Error("an English word outside a flag is not found")
	}
	if found(flagName.ReplaceAllString("Nur die Kunden, die --staff X auswählt", " ")) {
		t.Error("a flag counted as English")
	}
	if found("Vorhersagen aus Pareto/NBD; Betrag je Besuch") {
		t.Error("German text counted as English")
	}
}
