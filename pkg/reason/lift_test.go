package reason

import (
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/lapse"
)

func TestLift(t *testing.T) {
	f := func(codes ...string) []Finding {
		var out []Finding
		for _, c := range codes {
			out = append(out, Finding{Code: c})
		}
		return out
	}
	var verdicts []lapse.Verdict
	var findings [][]Finding
	add := func(st lapse.Status, fs []Finding) {
		verdicts = append(verdicts, lapse.Verdict{Status: st})
		findings = append(findings, fs)
	}
	// 5 stopped customers: 2 of the 4 lapsed and the lost one with last-cancelled (one of
	// them twice), 1 lapsed with one-visit.
	add(lapse.Lapsed, f(LastCancelled, LastCancelled))
	add(lapse.Lapsed, f(LastCancelled, OneVisit))
	add(lapse.Lapsed, nil)
	add(lapse.Lapsed, f(Referral))
	add(lapse.Lost, f(LastCancelled))
	// 10 still coming: 1 active with last-cancelled, 2 with referral (one due, one booked).
	add(lapse.Active, f(LastCancelled))
	add(lapse.Due, f(Referral))
	add(lapse.Booked, f(Referral, "not-a-code"))
	for range 7 {
		add(lapse.Active, nil)
	}
	// Follow-ups and customers without a verdict count nowhere.
	add(lapse.FollowUp, f(LastCancelled, CourseFinished))
	add(0, f(OneVisit))

	rows := Lift(verdicts, findings)
	want := []LiftRow{
		{Code: OneVisit, Lapsed: 1, LapsedTotal: 5, Active: 0, ActiveTotal: 10, LapsedShare: 0.2, ActiveShare: 0, Lift: math.Inf(1)},
		{Code: LastCancelled, Lapsed: 3, LapsedTotal: 5, Active: 1, ActiveTotal: 10, LapsedShare: 0.6, ActiveShare: 0.1, Lift: 6},
		{Code: Referral, Lapsed: 1, LapsedTotal: 5, Active: 2, ActiveTotal: 10, LapsedShare: 0.2, ActiveShare: 0.2, Lift: 1},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows %+v, want %+v", rows, want)
	}
	for i := range want {
		got, w := rows[i], want[i]
		if got.Code != w.Code || got.Lapsed != w.Lapsed || got.LapsedTotal != w.LapsedTotal || got.Active != w.Active ||
			got.ActiveTotal != w.ActiveTotal || math.Abs(got.LapsedShare-w.LapsedShare) > 1e-12 ||
			math.Abs(got.ActiveShare-w.ActiveShare) > 1e-12 || !(got.Lift == w.Lift || math.Abs(got.Lift-w.Lift) < 1e-12) {
			t.Errorf("row %d: %+v, want %+v", i, got, w)
		}
	}
	if got := rows[1].Text("en"); got != "last appointment cancelled: 60 % of lapsed, 10 % of active" {
		t.Errorf("English text %q", got)
	}
	if got := rows[1].Text("de"); got != "letzter Termin abgesagt: 60 % der Weggebliebenen, 10 % der Aktiven" {
		t.Errorf("German text %q", got)
	}
	js, err := json.Marshal(rows[:2])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(js), `"code":"one-visit","lapsed":1,"lapsed_total":5,"active":0,"active_total":10,"lapsed_share":0.2,"active_share":0,"lift":null`) ||
		!strings.Contains(string(js), `"lift":6`) {
		t.Errorf("JSON %s", js)
	}
}

func TestLiftOfNothing(t *testing.T) {
	if rows := Lift(nil, nil); rows != nil {
		t.Errorf("rows %v for no customers", rows)
	}
	rows := Lift([]lapse.Verdict{{Status: lapse.Active}}, [][]Finding{{{Code: Slowing}}})
	if len(rows) != 1 || rows[0].Lift != 0 || rows[0].LapsedShare != 0 || rows[0].ActiveShare != 1 {
		t.Errorf("a code only active customers have: %+v", rows)
	}
}

func TestClassify(t *testing.T) {
	p, d := DefaultPlatformChannels(), DefaultDirectChannels()
	for name, want := range map[string]ChannelKind{
		"Online-Portal": ChannelPlatform, "Doctolib": ChannelPlatform, "Booking.com": ChannelPlatform,
		"BOOKING.COM": ChannelPlatform, "Bookingcom": ChannelPlatform, "Treatwell": ChannelPlatform,
		"Fresha": ChannelPlatform, "Airbnb": ChannelPlatform, "Expedia": ChannelPlatform, "online": ChannelPlatform,
		"Online": ChannelPlatform, "App": ChannelPlatform, "web": ChannelPlatform, "Web-Buchung": ChannelPlatform,
		"Onlinebuchung": ChannelPlatform, "Doctolib-App": ChannelPlatform, "  doctolib  ": ChannelPlatform,

		"Website": ChannelDirect, "Webseite": ChannelDirect, "Homepage": ChannelDirect,
		"Online (Website)": ChannelDirect, "Praxis-App": ChannelDirect, "Telefon": ChannelDirect,
		"telefonisch": ChannelDirect, "Empfang": ChannelDirect, "walk-in": ChannelDirect, "Walk-In": ChannelDirect,
		"Walkin": ChannelDirect, "phone": ChannelDirect, "direct": ChannelDirect, "E-Mail": ChannelDirect,
		"Email": ChannelDirect, "Praxis": ChannelDirect, "WhatsApp": ChannelDirect, "Rezeption": ChannelDirect,
		"persönlich": ChannelDirect, "Vor Ort": ChannelDirect,

		"": ChannelOther, "—": ChannelOther, "Partner X": ChannelOther, "appointment": ChannelOther,
		"Webinar": ChannelOther, "(other)": ChannelOther,
	} {
		if got := Classify(name, p, d); got != want {
			t.Errorf("Classify(%q) = %v, want %v", name, got, want)
		}
	}
	if got := Classify("Partner X", []string{"partner-x"}, d); got != ChannelPlatform {
		t.Errorf("a configured platform: %v", got)
	}
	if got := Classify("Doctolib", nil, nil); got != ChannelOther {
		t.Errorf("with empty lists: %v", got)
	}
}

func TestTopTexts(t *testing.T) {
	p := defaultPerson
	p.pref = ""
	set := build(allColumns, p, evs(at("2025-03-12").via("Doctolib"), at("2025-03-19").via("Doctolib").cancelled()))
	fs := detectOne(set, lapse.Lapsed, DefaultConfig())
	if got, want := TopLabels(fs, "de", 2), "letzter Termin abgesagt; nur ein Besuch"; got != want {
		t.Errorf("TopLabels = %q, want %q", got, want)
	}
	if got, want := TopLabels(fs, "en", 1), "last appointment cancelled"; got != want {
		t.Errorf("TopLabels = %q, want %q", got, want)
	}
	q := TopQuestions(fs, "de", 2)
	if q != fs[0].Texts.QuestionDE+" "+fs[1].Texts.QuestionDE {
		t.Errorf("TopQuestions = %q", q)
	}
	if ev := TopEvidence(fs, "en", 10); strings.Count(ev, ".") < len(fs) || !strings.HasPrefix(ev, fs[0].Texts.Evidence) {
		t.Errorf("TopEvidence = %q", ev)
	}
	if TopQuestions(nil, "de", 2) != "" || TopLabels(fs, "en", 0) != "" {
		t.Error("no findings or n = 0 should give no text")
	}
	loc := LocalizeAll(fs, "de-CH")
	if len(loc) != len(fs) || loc[0].Code != LastCancelled || loc[0].Question != fs[0].Texts.QuestionDE || loc[0].Weight != fs[0].Weight {
		t.Errorf("LocalizeAll = %+v", loc)
	}
	if LocalizeAll(nil, "en") != nil {
		t.Error("LocalizeAll(nil) should be nil")
	}
}

func TestFormatting(t *testing.T) {
	for _, c := range []struct {
		cents  int64
		en, de string
	}{
		{0, "0.00", "0,00"}, {5, "0.05", "0,05"}, {3210, "32.10", "32,10"}, {123456, "1,234.56", "1.234,56"},
		{100000000, "1,000,000.00", "1.000.000,00"}, {-2540, "-25.40", "-25,40"},
	} {
		if got := amount(c.cents, false); got != c.en {
			t.Errorf("amount(%d) = %q, want %q", c.cents, got, c.en)
		}
		if got := amount(c.cents, true); got != c.de {
			t.Errorf("German amount(%d) = %q, want %q", c.cents, got, c.de)
		}
	}
	for name, want := range map[string]string{
		"Anna Müller": "Anna M.", "Müller, Anna": "Anna M.", "Miriam Schulte-Ebbert": "Miriam S.",
		"Anna": "Anna", "Dr. Anna Özdemir": "Dr. Anna Ö.", " Jonas  Keller ": "Jonas K.",
	} {
		if got := shortName(name); got != want {
			t.Errorf("shortName(%q) = %q, want %q", name, got, want)
		}
	}
	for gap, want := range map[float64]string{
		1: "almost daily", 2.3: "about three times a week", 3.5: "about twice a week", 7: "about once a week",
		14: "about every 2 weeks", 30: "about every 4 weeks", 91: "about every 3 months", 365: "about once a year",
		730: "about every 2 years",
	} {
		if got := rhythm(gap, false); got != want {
			t.Errorf("rhythm(%v) = %q, want %q", gap, got, want)
		}
	}
	if got := rhythm(3.5, true); got != "etwa zweimal pro Woche" {
		t.Errorf("German rhythm %q", got)
	}
	for d, want := range map[float64]string{1: "1 Tag", 10: "10 Tage", 45: "6 Wochen", 120: "4 Monate"} {
		if got := span(d, true); got != want {
			t.Errorf("span(%v) = %q, want %q", d, got, want)
		}
	}
	if got := date(day("2025-03-12"), false); got != "12 March 2025" {
		t.Errorf("date %q", got)
	}
	if got := monthYear(day("2025-03-12"), true); got != "März 2025" {
		t.Errorf("monthYear %q", got)
	}
}
