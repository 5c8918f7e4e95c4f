package reason

import (
	"strings"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// The hand-built histories of the tests are written as lists of [ev]: one appointment
// each, by default attended, KG with Anna Müller, booked by phone three days ahead,
// costing 25.40.

// testAsOf is the as-of date of the hand-built histories.
var testAsOf = day("2025-06-30")

func day(s string) visit.Day {
	d, err := visit.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

// ev is one appointment of a hand-built history.
type ev struct {
	d              visit.Day
	st             visit.Status
	svc, staff, ch string
	amount         int64
	lead           int // days booked ahead; -1 unknown
}

// at returns the default appointment on the ISO date s.
func at(s string) ev {
	return ev{d: day(s), st: visit.Attended, svc: "KG", staff: "Anna Müller", ch: "Telefon", amount: 2540, lead: 3}
}

func (e ev) cancelled() ev              { e.st = visit.Cancelled; e.amount = 0; return e }
func (e ev) noShow() ev                 { e.st = visit.NoShow; e.amount = 0; return e }
func (e ev) booked() ev                 { e.st = visit.Booked; e.amount = 0; return e }
func (e ev) with(staff string) ev       { e.staff = staff; return e }
func (e ev) via(ch string) ev           { e.ch = ch; return e }
func (e ev) cost(cents int64) ev        { e.amount = cents; return e }
func (e ev) service(s string) ev        { e.svc = s; return e }
func (e ev) ahead(days int) ev          { e.lead = days; return e }
func (e ev) plus(days int) ev           { e.d += visit.Day(days); return e }
func (e ev) statusOf(s visit.Status) ev { e.st = s; return e }

// every returns n appointments like e, the first on e's day, then every gap days.
func every(e ev, n, gap int) []ev {
	out := make([]ev, n)
	for i := range out {
		out[i] = e.plus(i * gap)
	}
	return out
}

// gaps returns appointments like e, the first on e's day, then after each of the gaps.
func gaps(e ev, gs ...int) []ev {
	out := []ev{e}
	for _, g := range gs {
		e = e.plus(g)
		out = append(out, e)
	}
	return out
}

// evs flattens appointments and lists of them.
func evs(parts ...any) []ev {
	var out []ev
	for _, p := range parts {
		switch x := p.(type) {
		case ev:
			out = append(out, x)
		case []ev:
			out = append(out, x...)
		default:
			panic("evs: not an ev")
		}
	}
	return out
}

// person holds a hand-built customer's details beyond the appointments.
type person struct {
	key, name, email, phone, pref, referrer string
}

// defaultPerson has every contact detail and a contact preference.
var defaultPerson = person{key: "1001", name: "Erika Mustermann", email: "erika@example.com",
	phone: "040 66969 123", pref: "Telefon"}

// allColumns is an export with every optional column.
var allColumns = history.Columns{Status: true, Amount: true, Service: true, Staff: true, Channel: true,
	BookedAt: true, Referrer: true, Location: true, Name: true, Email: true, Phone: true, ContactPreference: true}

// build returns a set with one customer made of p and es (in any order).
func build(cols history.Columns, p person, es []ev) *history.Set {
	set := &history.Set{Services: history.NewSymbols(), Staff: history.NewSymbols(), Channels: history.NewSymbols(),
		Columns: cols, KeyKind: "customer id"}
	h := history.History{Key: p.key, Referrer: p.referrer}
	if ct := (history.Contact{Name: p.name, Email: p.email, Phone: p.phone, Preference: p.pref}); ct != (history.Contact{}) {
		h.Contact = &ct
	}
	var evs []history.Event
	for _, e := range es {
		x := history.Event{Day: e.d, Status: e.st, Amount: e.amount, Lead: history.NoLead,
			Service: set.Services.Intern(e.svc), Staff: set.Staff.Intern(e.staff), Channel: set.Channels.Intern(e.ch)}
		if e.lead >= 0 {
			x.Lead = int16(e.lead)
		}
		evs = append(evs, x)
	}
	sortEvents(evs)
	h.SetEvents(evs...)
	set.Customers = []history.History{h}
	return set
}

func sortEvents(es []history.Event) {
	for i := 1; i < len(es); i++ {
		for j := i; j > 0 && (es[j].Day < es[j-1].Day || es[j].Day == es[j-1].Day && es[j].Status < es[j-1].Status); j-- {
			es[j], es[j-1] = es[j-1], es[j]
		}
	}
}

// detectOne runs [Detect] on the only customer of a hand-built set.
func detectOne(set *history.Set, st lapse.Status, cfg Config) []Finding {
	return detect(&set.Customers[0], set, lapse.Verdict{Key: set.Customers[0].Key, Status: st}, testAsOf, cfg)
}

// find returns the finding with the code, if any.
func find(fs []Finding, code string) (Finding, bool) {
	for _, f := range fs {
		if f.Code == code {
			return f, true
		}
	}
	return Finding{}, false
}

// checkText checks what every finding's texts must be: all four present, questions that
// ask, German in Sie-form and never in du-form, no staff names unless asked for, no
// currency symbols, no code names or jargon.
func checkText(t *testing.T, f Finding, staff []string, showStaff bool) {
	t.Helper()
	tx := textsOf(f)
	for _, s := range []struct{ name, text string }{
		{"evidence", tx.Evidence}, {"evidence_de", tx.EvidenceDE}, {"question", tx.Question}, {"question_de", tx.QuestionDE},
	} {
		if s.text == "" {
			t.Errorf("%s: %s is empty", f.Code, s.name)
			continue
		}
		if strings.ContainsAny(s.text, "€$£") {
			t.Errorf("%s: %s names a currency: %q", f.Code, s.name, s.text)
		}
		if strings.Contains(s.text, f.Code) || strings.Contains(s.text, "  ") || strings.Contains(s.text, "..") {
			t.Errorf("%s: %s is not clean text: %q", f.Code, s.name, s.text)
		}
		if !showStaff || strings.HasPrefix(s.name, "question") {
			for _, name := range staff {
				if name != "" && (strings.Contains(s.text, name) || strings.Contains(s.text, shortName(name))) {
					t.Errorf("%s: %s names staff %q: %q", f.Code, s.name, name, s.text)
				}
			}
		}
	}
	if !strings.Contains(tx.Question, "?") || !strings.Contains(tx.QuestionDE, "?") {
		t.Errorf("%s: the questions do not ask: %q / %q", f.Code, tx.Question, tx.QuestionDE)
	}
	if !strings.Contains(tx.QuestionDE, "Sie") && !strings.Contains(tx.QuestionDE, "Ihr") {
		t.Errorf("%s: German question not in Sie-form: %q", f.Code, tx.QuestionDE)
	}
	for _, du := range []string{" du ", " Du ", " dich", " dein", " Dein", " dir "} {
		if strings.Contains(tx.QuestionDE, du) {
			t.Errorf("%s: German question uses du-form: %q", f.Code, tx.QuestionDE)
		}
	}
}

// rendered are a finding's texts in both languages, as package words says them.
type rendered struct{ Evidence, EvidenceDE, Question, QuestionDE string }

// textsOf returns f's texts in English and German.
func textsOf(f Finding) rendered {
	var r rendered
	r.Evidence, r.Question = words.For("en").Reason(f.Code, &f.Facts)
	r.EvidenceDE, r.QuestionDE = words.For("de").Reason(f.Code, &f.Facts)
	return r
}

// inLang returns f's evidence and question in lang.
func inLang(f Finding, lang string) (ev, q string) { return words.For(lang).Reason(f.Code, &f.Facts) }

// label returns a code's label in lang.
func label(code, lang string) string { return words.For(lang).ReasonLabel(code) }

// top joins a text of the n heaviest findings with sep, as the call list does.
func top(fs []Finding, n int, sep string, text func(Finding) string) string {
	var b strings.Builder
	for i, f := range fs {
		if i == n {
			break
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(text(f))
	}
	return b.String()
}

func topQuestions(fs []Finding, lang string, n int) string {
	return top(fs, n, " ", func(f Finding) string { _, q := inLang(f, lang); return q })
}

func topEvidence(fs []Finding, lang string, n int) string {
	return top(fs, n, " ", func(f Finding) string { ev, _ := inLang(f, lang); return ev })
}

func topLabels(fs []Finding, lang string, n int) string {
	return top(fs, n, "; ", func(f Finding) string { return label(f.Code, lang) })
}
