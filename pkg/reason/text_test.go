package reason

import (
	"testing"

	"github.com/winback/winback/pkg/words"
)

// allFindings returns the findings of the golden examples (which show every code) and of
// the praxis fixture.
func allFindings(t testing.TB) []Finding {
	t.Helper()
	var fs []Finding
	for _, x := range examples() {
		p, c, st, cfg := setup(x.p, x.cols, x.status, x.cfg)
		fs = append(fs, detectOne(build(c, p, x.es), st, cfg)...)
	}
	set, truth, asOf := praxis(t)
	for _, cf := range detectAll(set, truthVerdicts(set, truth, false), asOf, DefaultConfig()) {
		fs = append(fs, cf...)
	}
	seen := map[string]bool{}
	for _, f := range fs {
		seen[f.Code] = true
	}
	for _, c := range codes() {
		if !seen[c] {
			t.Fatalf("no finding with code %s", c)
		}
	}
	return fs
}

// TestWordsSayEveryFinding checks, for every finding of the fixtures in every language,
// that package words says its evidence and question, and that AppendReason appends
// exactly those after what the buffer holds, with the evidence's length.
func TestWordsSayEveryFinding(t *testing.T) {
	prefix := []byte("prefix ending in a period.")
	for _, f := range allFindings(t) {
		for _, lang := range []string{"en", "de", "de-AT", "fr"} {
			c := words.For(lang)
			ev, q := c.Reason(f.Code, &f.Facts)
			if ev == "" || q == "" {
				t.Fatalf("%s in %s: no text: %q / %q", f.Code, lang, ev, q)
			}
			out, n := c.AppendReason(append([]byte(nil), prefix...), f.Code, &f.Facts)
			if string(out[:len(prefix)]) != string(prefix) {
				t.Fatalf("%s in %s: AppendReason changed the prefix: %q", f.Code, lang, out[:len(prefix)])
			}
			if got := string(out[len(prefix):]); n != len(ev) || got != ev+q {
				t.Errorf("%s in %s: AppendReason gives %d, %q\nReason gives %d, %q / %q", f.Code, lang, n, got, len(ev), ev, q)
			}
		}
	}
}

// TestAppendReasonAllocs checks that AppendReason into a buffer with room allocates
// nothing, for every finding of the fixtures (every code, both languages).
func TestAppendReasonAllocs(t *testing.T) {
	fs := allFindings(t)
	buf := make([]byte, 0, 4096)
	for _, lang := range []string{"en", "de"} {
		c := words.For(lang)
		c.AppendReason(nil, LastCancelled, &Facts{}) // parse the templates
		allocs := testing.AllocsPerRun(20, func() {
			for i := range fs {
				buf, _ = c.AppendReason(buf[:0], fs[i].Code, &fs[i].Facts)
			}
		})
		if allocs != 0 {
			for i := range fs {
				f := &fs[i]
				if a := testing.AllocsPerRun(5, func() { buf, _ = c.AppendReason(buf[:0], f.Code, &f.Facts) }); a != 0 {
					t.Errorf("%s in %s: %v allocations", f.Code, lang, a)
				}
			}
			t.Fatalf("AppendReason in %s: %v allocations per run over %d findings, want 0", lang, allocs, len(fs))
		}
	}
}
