package reason

import "testing"

// TestInRendersOneLanguage checks that In on an unrendered finding gives exactly the texts
// Render fills for that language, for every finding of the golden examples (which show
// every code) and of the praxis fixture, in English and German.
func TestInRendersOneLanguage(t *testing.T) {
	var fs []Finding
	for _, x := range examples() {
		p, c, st, cfg := setup(x.p, x.cols, x.status, x.cfg)
		fs = append(fs, detectOne(build(c, p, x.es), st, cfg)...)
	}
	set, truth, asOf := praxis(t)
	for _, cf := range DetectAll(set, truthVerdicts(set, truth, false), asOf, DefaultConfig()) {
		fs = append(fs, cf...)
	}
	seen := map[string]bool{}
	for _, f := range fs {
		f.Evidence, f.EvidenceDE, f.Question, f.QuestionDE = "", "", "", ""
		r := f
		r.Render()
		if r.Evidence == "" || r.EvidenceDE == "" || r.Question == "" || r.QuestionDE == "" {
			t.Fatalf("%s: Render left a text empty: %+v", f.Code, r)
		}
		for _, x := range []struct{ lang, ev, q string }{
			{"en", r.Evidence, r.Question}, {"de", r.EvidenceDE, r.QuestionDE},
		} {
			ev, q := f.In(x.lang)
			if ev != x.ev || q != x.q {
				t.Errorf("%s in %s:\n unrendered In: %q / %q\n rendered:      %q / %q", f.Code, x.lang, ev, q, x.ev, x.q)
			}
			// Rendered, In returns the stored texts.
			if ev, q := r.In(x.lang); ev != x.ev || q != x.q {
				t.Errorf("%s in %s: rendered In gives %q / %q", f.Code, x.lang, ev, q)
			}
		}
		if f.Evidence != "" || f.EvidenceDE != "" {
			t.Fatalf("%s: In stored texts in the caller's finding", f.Code)
		}
		seen[f.Code] = true
	}
	for _, c := range Codes() {
		if !seen[c] {
			t.Errorf("no finding with code %s", c)
		}
	}
}
