package reason

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// golden compares got with testdata/golden/name, or writes it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/reason -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; review the texts and run go test ./pkg/reason -update\n got:\n%s", path, got)
	}
}

// example is a hand-built customer whose findings the golden files show.
type example struct {
	name   string
	es     []ev
	p      *person
	cols   *history.Columns
	status lapse.Status
	cfg    func(*Config)
}

// examples cover every text variant of every signal.
func examples() []example {
	noPref := defaultPerson
	noPref.pref = ""
	phoneOnly := noPref
	phoneOnly.email = ""
	nothing := phoneOnly
	nothing.phone = ""
	referred := defaultPerson
	referred.referrer = "Dr. med. Petra Vogelsang, Orthopädie"
	referredOnce := defaultPerson
	referredOnce.referrer = "Hausarztpraxis am Markt"
	// Visits every two weeks, so that no example looks like a finished course by accident.
	fortnightly := every(at("2025-01-06"), 6, 14) // to 17 March
	usualStaff := every(at("2024-10-14"), 8, 14)  // to 20 January
	last4 := func(names ...string) []ev {
		var out []ev
		for i, n := range names {
			out = append(out, at("2025-03-03").plus(7*i).with(n))
		}
		return out
	}
	showStaff := func(c *Config) { c.ShowStaff = true }
	steady := gaps(at("2025-01-06"), 14, 14, 14, 14, 14)
	return []example{
		{name: "last appointment cancelled", es: evs(fortnightly, at("2025-03-31").cancelled())},
		{name: "last appointment cancelled, no service column", es: evs(fortnightly, at("2025-03-31").cancelled()),
			cols: cols(func(c *history.Columns) { c.Service = false })},
		{name: "last appointment missed", es: evs(fortnightly, at("2025-03-31").noShow())},
		{name: "handed to several others", es: evs(usualStaff, last4("Ben Brandt", "Carla Christ", "Dora Dietz", "Ben Brandt"))},
		{name: "handed to several others, staff shown", es: evs(usualStaff, last4("Ben Brandt", "Carla Christ", "Dora Dietz", "Ben Brandt")),
			cfg: showStaff},
		{name: "moved to one other person", es: evs(usualStaff, last4("Ben Brandt", "Ben Brandt", "Ben Brandt", "Ben Brandt"))},
		{name: "moved to one other person, staff shown", es: evs(usualStaff, last4("Ben Brandt", "Ben Brandt", "Ben Brandt", "Ben Brandt")),
			cfg: showStaff},
		{name: "3 of the last 4 with others", es: evs(evList(every(at("2024-11-04"), 10, 7)).withOne(3, "Carla Christ"),
			last4("Ben Brandt", "Anna Müller", "Carla Christ", "Ben Brandt"))},
		{name: "a different person every time", es: last4("Anna Müller", "Ben Brandt", "Carla Christ", "Dora Dietz")},
		{name: "a different person every time, staff shown", es: last4("Anna Müller", "Ben Brandt", "Carla Christ", "Dora Dietz"),
			cfg: showStaff},
		{name: "visits grew apart", es: evs(steady, gaps(at("2025-03-17"), 24, 34, 45)[1:])},
		{name: "twice-weekly visits grew apart", es: evs(gaps(at("2025-01-06"), 3, 4, 3, 4, 3), gaps(at("2025-01-23"), 9, 12, 16)[1:])},
		{name: "monthly visits grew apart", es: evs(gaps(at("2024-01-08"), 28, 30, 28, 30), gaps(at("2024-05-06"), 60, 90, 120)[1:])},
		{name: "one visit through a platform", es: evs(at("2025-03-12").via("Doctolib"))},
		{name: "one visit by phone, booked directly", es: evs(at("2025-03-12").service("Massage"))},
		{name: "one visit, no channel column", es: evs(at("2025-03-12")), cols: cols(func(c *history.Columns) { c.Channel = false })},
		{name: "always through two platforms", es: evs(every(at("2025-01-06").via("Doctolib"), 3, 14), every(at("2025-02-17").via("Online-Portal"), 2, 14))},
		{name: "price up, same amount", es: evs(fortnightly, every(at("2025-03-31").cost(3810), 3, 14))},
		{name: "price up, different amounts", es: evs(fortnightly, at("2025-03-31").cost(3790), at("2025-04-14").cost(3840))},
		{name: "price up, in thousands", es: evs(every(at("2025-01-06").cost(98000).service("Zimmer"), 4, 14),
			every(at("2025-03-03").cost(145050).service("Suite"), 2, 14))},
		{name: "waits grew", es: evs(fortnightly, at("2025-04-02").ahead(30), at("2025-04-16").ahead(38), at("2025-04-30").ahead(45))},
		{name: "waits grew from the same day", es: evs(every(at("2025-01-06").ahead(0), 6, 14), at("2025-04-02").ahead(21), at("2025-04-16").ahead(21))},
		{name: "waits grew from one day", es: evs(every(at("2025-01-06").ahead(1), 6, 14), at("2025-04-02").ahead(90), at("2025-04-16").ahead(100))},
		{name: "referral, several visits", es: every(at("2025-01-06"), 3, 7), p: &referred},
		{name: "referral, one visit", es: evs(at("2025-01-06")), p: &referredOnce},
		{name: "loyal for a year, then gone", es: every(at("2023-06-05"), 30, 14)},
		{name: "loyal weekly, then gone", es: every(at("2023-01-09"), 60, 7)},
		{name: "loyal monthly, then gone", es: every(at("2022-01-10"), 24, 30)},
		{name: "many cancellations and a missed appointment", es: evs(fortnightly, at("2025-03-31").cancelled(), at("2025-04-04").cancelled(),
			at("2025-04-09").noShow(), at("2025-04-14"))},
		{name: "one cancellation and many missed", es: evs(fortnightly, at("2025-03-31").cancelled(), at("2025-04-04").noShow(),
			at("2025-04-09").noShow(), at("2025-04-14"))},
		{name: "many missed appointments", es: evs(fortnightly, at("2025-03-31").noShow(), at("2025-04-07").noShow(), at("2025-04-14").noShow())},
		{name: "many contacts while a weekly series ended", es: evs(weekly, at("2025-02-17").cancelled(), at("2025-02-21").cancelled(),
			at("2025-02-26").noShow(), at("2025-03-03"))},
		{name: "no contact preference, phone and e-mail known", es: fortnightly, p: &noPref},
		{name: "no contact preference, phone known", es: fortnightly, p: &phoneOnly},
		{name: "no contact preference, nothing known", es: fortnightly, p: &nothing},
		{name: "no contact preference, no contact columns", es: fortnightly, p: &noPref,
			cols: cols(func(c *history.Columns) { c.Phone, c.Email = false, false })},
		{name: "course finished (follow-up verdict)", es: gaps(at("2025-02-03"), 3, 4, 3, 4, 3, 4, 3), status: lapse.FollowUp},
		{name: "weekly course finished (own detection)", es: every(at("2025-02-03").service("MT"), 6, 7)},
		{name: "follow-up after a single visit", es: evs(at("2025-05-05")), status: lapse.FollowUp},
		{name: "everything at once: a platform first-timer who cancelled", es: evs(at("2025-03-12").via("Doctolib"),
			at("2025-03-19").via("Doctolib").cancelled()), p: &noPref},
	}
}

// withOne puts staff at the i-th appointment.
func (es evList) withOne(i int, staff string) []ev {
	out := append([]ev(nil), es...)
	out[i] = out[i].with(staff)
	return out
}

type evList []ev

// TestGoldenTexts renders every example's findings in both languages, so that the texts
// are reviewed as texts.
func TestGoldenTexts(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		var b strings.Builder
		fmt.Fprintf(&b, "# Findings of hand-built histories as of %s, language %q.\n", dateIn(testAsOf, lang), lang)
		fmt.Fprintf(&b, "# Generated by go test ./pkg/reason -update; review as text, never edit by hand.\n")
		for _, x := range examples() {
			p, c, st, cfg := setup(x.p, x.cols, x.status, x.cfg)
			fs := detectOne(build(c, p, x.es), st, cfg)
			fmt.Fprintf(&b, "\n## %s (%s)\n", x.name, st)
			for _, f := range fs {
				checkText(t, f, staffNames, cfg.ShowStaff)
				ev, q := inLang(f, lang)
				fmt.Fprintf(&b, "\n%s (%.2f) – %s\n  evidence: %s\n  question: %s\n", f.Code, f.Weight, label(f.Code, lang), ev, q)
			}
			fmt.Fprintf(&b, "\ncall list: %s\nreasons column: %s\n", topQuestions(fs, lang, 2), topLabels(fs, lang, 2))
		}
		golden(t, "texts_"+lang+".txt", []byte(b.String()))
	}
}

// TestGoldenCodesCovered checks that the examples show every signal, so that no
// template escapes review.
func TestGoldenCodesCovered(t *testing.T) {
	seen := map[string]bool{}
	for _, x := range examples() {
		p, c, st, cfg := defaultPerson, allColumns, lapse.Lapsed, DefaultConfig()
		if x.p != nil {
			p = *x.p
		}
		if x.cols != nil {
			c = *x.cols
		}
		if x.status != 0 {
			st = x.status
		}
		if x.cfg != nil {
			x.cfg(&cfg)
		}
		for _, f := range detectOne(build(c, p, x.es), st, cfg) {
			seen[f.Code] = true
		}
	}
	for _, c := range codes() {
		if !seen[c] {
			t.Errorf("no example shows %s", c)
		}
	}
}

// TestGoldenPraxis shows what the praxis fixture's lapsed patients get: the lift table,
// the call list's texts for the first lapsed patients, and one patient's JSON.
func TestGoldenPraxis(t *testing.T) {
	set, truth, asOf := praxis(t)
	verdicts := truthVerdicts(set, truth, false)
	findings := detectAll(set, verdicts, asOf, DefaultConfig())
	var b strings.Builder
	fmt.Fprintf(&b, "# testdata/praxis as of %s with verdicts from the truth file.\n", asOf)
	fmt.Fprintf(&b, "# Generated by go test ./pkg/reason -update; review as text, never edit by hand.\n\n")
	rows := Lift(verdicts, findings)
	for _, lang := range []string{"en", "de"} {
		for _, r := range rows {
			fmt.Fprintf(&b, "%s\n", words.For(lang).LiftText(r.Code, r.LapsedShare, r.ActiveShare))
		}
		b.WriteString("\n")
	}
	// As the report writes them: an infinite lift (no active customer has it) is null.
	type row struct {
		LiftRow
		Lift *float64 `json:"lift"`
	}
	out := make([]row, len(rows))
	for i, r := range rows {
		out[i].LiftRow = r
		if !math.IsInf(r.Lift, 0) {
			out[i].Lift = &rows[i].Lift
		}
	}
	js, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	b.Write(js)
	b.WriteString("\n\n# call list, first 12 lapsed patients\n")
	n := 0
	for i, h := range set.Customers {
		if verdicts[i].Status != lapse.Lapsed || n == 12 {
			continue
		}
		n++
		fs := findings[i]
		fmt.Fprintf(&b, "\n%s\n  de: %s\n      %s\n  en: %s\n      %s\n", h.Key,
			topQuestions(fs, "de", 2), topEvidence(fs, "de", 2), topQuestions(fs, "en", 2), topEvidence(fs, "en", 2))
	}
	golden(t, "praxis.txt", []byte(b.String()))

	// One patient with several findings, as the lapsed list's JSON and as facts.
	for i, fs := range findings {
		if verdicts[i].Status == lapse.Lapsed && len(fs) >= 3 {
			var j bytes.Buffer
			enc := json.NewEncoder(&j)
			enc.SetIndent("", "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(map[string]any{"id": set.Customers[i].Key, "reasons": localized(fs, "de")}); err != nil {
				t.Fatal(err)
			}
			if err := enc.Encode(withTexts(fs)); err != nil {
				t.Fatal(err)
			}
			golden(t, "praxis_patient.json", j.Bytes())
			break
		}
	}
}

// dateIn formats d as the texts of lang do: 12 March 2025, 12.03.2025.
func dateIn(d visit.Day, lang string) string {
	if words.German(lang) {
		return d.German()
	}
	y, m, dd := d.Date()
	return fmt.Sprintf("%d %s %d", dd, words.For(lang).Month(time.Month(m)), y)
}

// localizedJSON is a finding in one language, as the lapsed list's JSON shows it.
type localizedJSON struct {
	Code     string  `json:"code"`
	Weight   float64 `json:"weight"`
	Evidence string  `json:"evidence"`
	Question string  `json:"question"`
}

func localized(fs []Finding, lang string) []localizedJSON {
	var out []localizedJSON
	for _, f := range fs {
		ev, q := inLang(f, lang)
		out = append(out, localizedJSON{f.Code, f.Weight, ev, q})
	}
	return out
}

// textsJSON is a finding with its texts in both languages.
type textsJSON struct {
	Code       string  `json:"code"`
	Weight     float64 `json:"weight"`
	Facts      Facts   `json:"facts"`
	Evidence   string  `json:"evidence"`
	EvidenceDE string  `json:"evidence_de"`
	Question   string  `json:"question"`
	QuestionDE string  `json:"question_de"`
}

func withTexts(fs []Finding) []textsJSON {
	out := make([]textsJSON, len(fs))
	for i, f := range fs {
		tx := textsOf(f)
		out[i] = textsJSON{f.Code, f.Weight, f.Facts, tx.Evidence, tx.EvidenceDE, tx.Question, tx.QuestionDE}
	}
	return out
}
