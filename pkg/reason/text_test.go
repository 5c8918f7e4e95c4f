package reason

import "testing"

// TestInRendersOneLanguage checks that In on an unrendered finding gives exactly the texts
// Render fills for that language, for every finding of the golden examples (which show
// every code) and of the praxis fixture, in English and German.
func TestInRendersOneLanguage(t *testing.T) {
	for _, f := range allFindings(t) { // unrendered, every code
		r := f
		r.Render()
		if r.Texts.Evidence == "" || r.Texts.EvidenceDE == "" || r.Texts.Question == "" || r.Texts.QuestionDE == "" {
			t.Fatalf("%s: Render left a text empty: %+v", f.Code, r)
		}
		for _, x := range []struct{ lang, ev, q string }{
			{"en", r.Texts.Evidence, r.Texts.Question}, {"de", r.Texts.EvidenceDE, r.Texts.QuestionDE},
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
		if f.Texts != nil {
			t.Fatalf("%s: In stored texts in the caller's finding", f.Code)
		}
	}
}

// allFindings returns the findings of the golden examples (which show every code) and of
// the praxis fixture, unrendered.
func allFindings(t testing.TB) []Finding {
	t.Helper()
	var fs []Finding
	for _, x := range examples() {
		p, c, st, cfg := setup(x.p, x.cols, x.status, x.cfg)
		fs = append(fs, detectOne(build(c, p, x.es), st, cfg)...)
	}
	set, truth, asOf := praxis(t)
	for _, cf := range DetectAll(set, truthVerdicts(set, truth, false), asOf, DefaultConfig()) {
		fs = append(fs, cf...)
	}
	for i := range fs {
		fs[i].Texts = nil
	}
	seen := map[string]bool{}
	for _, f := range fs {
		seen[f.Code] = true
	}
	for _, c := range Codes() {
		if !seen[c] {
			t.Fatalf("no finding with code %s", c)
		}
	}
	return fs
}

// TestAppendIn checks that AppendIn appends exactly In's evidence and question after what
// the buffer holds, with the evidence's length, for unrendered and rendered findings.
func TestAppendIn(t *testing.T) {
	prefix := []byte("prefix ending in a period.")
	for _, f := range allFindings(t) {
		r := f
		r.Render()
		for _, g := range []Finding{f, r} {
			for _, lang := range []string{"en", "de", "de-AT", "fr"} {
				ev, q := g.In(lang)
				b := append([]byte(nil), prefix...)
				out, n := g.AppendIn(b, lang)
				if string(out[:len(prefix)]) != string(prefix) {
					t.Fatalf("%s in %s: AppendIn changed the prefix: %q", g.Code, lang, out[:len(prefix)])
				}
				gotEv, gotQ := "", string(out[len(prefix):])
				if n >= 0 && n <= len(gotQ) {
					gotEv, gotQ = gotQ[:n], gotQ[n:]
				}
				if n != len(ev) || gotEv != ev || gotQ != q {
					t.Errorf("%s in %s (rendered %v): AppendIn gives %d, %q / %q\nIn gives %d, %q / %q",
						g.Code, lang, g.Texts != nil, n, gotEv, gotQ, len(ev), ev, q)
				}
			}
		}
	}
	// An unknown code appends nothing, as In returns nothing.
	b, n := (&Finding{Code: "unknown"}).AppendIn([]byte("x"), "en")
	if string(b) != "x" || n != 0 {
		t.Errorf("unknown code: %q, %d", b, n)
	}
}

// TestAppendInAllocs checks that AppendIn into a buffer with room allocates nothing, for
// every finding of the fixtures (every code, both languages).
func TestAppendInAllocs(t *testing.T) {
	fs := allFindings(t)
	buf := make([]byte, 0, 4096)
	for _, lang := range []string{"en", "de"} {
		allocs := testing.AllocsPerRun(20, func() {
			for i := range fs {
				buf, _ = fs[i].AppendIn(buf[:0], lang)
			}
		})
		if allocs != 0 {
			// Name the codes that allocate.
			for i := range fs {
				f := &fs[i]
				if a := testing.AllocsPerRun(5, func() { buf, _ = f.AppendIn(buf[:0], lang) }); a != 0 {
					t.Errorf("%s in %s: %v allocations", f.Code, lang, a)
				}
			}
			t.Fatalf("AppendIn in %s: %v allocations per run over %d findings, want 0", lang, allocs, len(fs))
		}
	}
}
