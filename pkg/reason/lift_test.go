package reason

import (
	"math"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/words"
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
	if got := words.For("en").LiftText(rows[1].Code, rows[1].LapsedShare, rows[1].ActiveShare); got != "last appointment cancelled: 60 % of lapsed, 10 % of active" {
		t.Errorf("English text %q", got)
	}
	if got := words.For("de").LiftText(rows[1].Code, rows[1].LapsedShare, rows[1].ActiveShare); got != "letzter Termin abgesagt: 60 % der Weggebliebenen, 10 % der Aktiven" {
		t.Errorf("German text %q", got)
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
		"Online": ChannelPlatform, "App": ChannelPlatform, "eBay": ChannelPlatform, "Amazon": ChannelPlatform,
		"Onlinebuchung": ChannelPlatform, "Doctolib-App": ChannelPlatform, "  doctolib  ": ChannelPlatform,

		"Website": ChannelDirect, "Webseite": ChannelDirect, "Homepage": ChannelDirect,
		"Online (Website)": ChannelDirect, "Praxis-App": ChannelDirect, "Telefon": ChannelDirect,
		"telefonisch": ChannelDirect, "Empfang": ChannelDirect, "walk-in": ChannelDirect, "Walk-In": ChannelDirect,
		"Walkin": ChannelDirect, "phone": ChannelDirect, "direct": ChannelDirect, "E-Mail": ChannelDirect,
		"Email": ChannelDirect, "Praxis": ChannelDirect, "WhatsApp": ChannelDirect, "Rezeption": ChannelDirect,
		"persönlich": ChannelDirect, "Vor Ort": ChannelDirect, "web": ChannelDirect, "Webshop": ChannelDirect,

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
	if got, want := topLabels(fs, "de", 2), "letzter Termin abgesagt; nur ein Besuch"; got != want {
		t.Errorf("labels = %q, want %q", got, want)
	}
	if got, want := topLabels(fs, "en", 1), "last appointment cancelled"; got != want {
		t.Errorf("labels = %q, want %q", got, want)
	}
	if q := topQuestions(fs, "de", 2); q != textsOf(fs[0]).QuestionDE+" "+textsOf(fs[1]).QuestionDE {
		t.Errorf("questions = %q", q)
	}
	if ev := topEvidence(fs, "en", 10); strings.Count(ev, ".") < len(fs) || !strings.HasPrefix(ev, textsOf(fs[0]).Evidence) {
		t.Errorf("evidence = %q", ev)
	}
}

func TestShortName(t *testing.T) {
	for name, want := range map[string]string{
		"Anna Müller": "Anna M.", "Müller, Anna": "Anna M.", "Miriam Schulte-Ebbert": "Miriam S.",
		"Anna": "Anna", "Dr. Anna Özdemir": "Dr. Anna Ö.", " Jonas  Keller ": "Jonas K.",
	} {
		if got := shortName(name); got != want {
			t.Errorf("shortName(%q) = %q, want %q", name, got, want)
		}
	}
}
