package reason

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// detectCase is one hand-built history and what one detector must make of it.
type detectCase struct {
	name   string
	es     []ev
	p      *person          // nil: defaultPerson
	cols   *history.Columns // nil: allColumns
	status lapse.Status     // "": lapsed
	cfg    func(*Config)
	fires  bool
	// When the detector fires, the exact evidence in both languages; and, when not
	// empty, the exact questions.
	ev, evDE string
	q, qDE   string
}

// staffNames are the staff of the hand-built histories.
var staffNames = []string{"Anna Müller", "Ben Brandt", "Carla Christ", "Dora Dietz"}

// setup resolves a case's optional parts to the defaults: defaultPerson, allColumns, a
// lapsed verdict and DefaultConfig changed by cfg.
func setup(p *person, cols *history.Columns, st lapse.Status, cfg func(*Config)) (person, history.Columns, lapse.Status, Config) {
	rp, rc, rs, conf := defaultPerson, allColumns, lapse.Lapsed, DefaultConfig()
	if p != nil {
		rp = *p
	}
	if cols != nil {
		rc = *cols
	}
	if st != 0 {
		rs = st
	}
	if cfg != nil {
		cfg(&conf)
	}
	return rp, rc, rs, conf
}

func runDetect(t *testing.T, code string, cases []detectCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, cols, st, cfg := setup(tc.p, tc.cols, tc.status, tc.cfg)
			set := build(cols, p, tc.es)
			fs := detectOne(set, st, cfg)
			for _, f := range fs {
				checkText(t, f, staffNames, cfg.ShowStaff)
			}
			f, ok := find(fs, code)
			if ok != tc.fires {
				t.Fatalf("%s fires = %v, want %v (findings %v)", code, ok, tc.fires, codesOf(fs))
			}
			if !ok {
				return
			}
			if f.Weight != defaultWeight(code) && tc.cfg == nil {
				t.Errorf("weight %v, want the default %v", f.Weight, defaultWeight(code))
			}
			if tc.ev != "" && textsOf(f).Evidence != tc.ev {
				t.Errorf("evidence\n got %q\nwant %q", textsOf(f).Evidence, tc.ev)
			}
			if tc.evDE != "" && textsOf(f).EvidenceDE != tc.evDE {
				t.Errorf("German evidence\n got %q\nwant %q", textsOf(f).EvidenceDE, tc.evDE)
			}
			if tc.q != "" && textsOf(f).Question != tc.q {
				t.Errorf("question\n got %q\nwant %q", textsOf(f).Question, tc.q)
			}
			if tc.qDE != "" && textsOf(f).QuestionDE != tc.qDE {
				t.Errorf("German question\n got %q\nwant %q", textsOf(f).QuestionDE, tc.qDE)
			}
		})
	}
}

func codesOf(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code)
	}
	return out
}

func cols(change func(*history.Columns)) *history.Columns {
	c := allColumns
	change(&c)
	return &c
}

// weekly are six weekly visits from Monday 6 January 2025 to 10 February 2025.
var weekly = every(at("2025-01-06"), 6, 7)

func TestLastCancelled(t *testing.T) {
	runDetect(t, LastCancelled, []detectCase{
		{name: "fires when the last appointment was cancelled and nothing came after",
			es: evs(weekly, at("2025-02-17").cancelled()), fires: true,
			ev:   "Last appointment on 17 February 2025 (KG) was cancelled; nothing booked since.",
			evDE: "Letzter Termin am 17.02.2025 (KG) abgesagt; seitdem kein neuer Termin.",
			q:    "Your last appointment on 17 February 2025 was cancelled – did something come up? Shall we suggest a new date?",
			qDE:  "Ihr letzter Termin am 17.02.2025 wurde abgesagt – ist etwas dazwischengekommen? Sollen wir Ihnen einen neuen Termin vorschlagen?"},
		{name: "fires for an active customer too, for the lift",
			es: evs(weekly, at("2025-02-17").cancelled()), status: lapse.Active, fires: true},
		{name: "leaves the service out when the export has none",
			es: evs(weekly, at("2025-02-17").cancelled()), cols: cols(func(c *history.Columns) { c.Service = false }), fires: true,
			ev:   "Last appointment on 17 February 2025 was cancelled; nothing booked since.",
			evDE: "Letzter Termin am 17.02.2025 abgesagt; seitdem kein neuer Termin."},
		{name: "does not fire when the cancelled appointment was made up",
			es: evs(weekly, at("2025-02-17").cancelled(), at("2025-02-19"))},
		{name: "does not fire when it was made up the same day",
			es: evs(weekly, at("2025-02-17").cancelled(), at("2025-02-17"))},
		{name: "does not fire when a new appointment is booked",
			es: evs(weekly, at("2025-02-17").cancelled(), at("2025-07-07").booked())},
		{name: "does not fire when the last appointment was missed instead",
			es: evs(weekly, at("2025-02-17").noShow())},
		{name: "does not fire on a cancellation after the as-of date",
			es: evs(every(at("2025-05-05"), 8, 7), at("2025-07-07").cancelled())},
		{name: "does not fire without a status column",
			es: evs(weekly, at("2025-02-17").cancelled()), cols: cols(func(c *history.Columns) { c.Status = false })},
	})
}

func TestLastNoShow(t *testing.T) {
	runDetect(t, LastNoShow, []detectCase{
		{name: "fires when the last appointment was missed and nothing came after",
			es: evs(weekly, at("2025-02-17").noShow()), fires: true,
			ev:   "Last appointment on 17 February 2025 (KG) was missed; nothing booked since.",
			evDE: "Letzter Termin am 17.02.2025 (KG) nicht wahrgenommen; seitdem kein neuer Termin.",
			q:    "We missed you at your appointment on 17 February 2025 – did something come up? Shall we suggest a new date?",
			qDE:  "Zu Ihrem Termin am 17.02.2025 haben wir Sie leider vermisst – ist etwas dazwischengekommen? Sollen wir Ihnen einen neuen Termin vorschlagen?"},
		{name: "fires when a cancellation came before the missed appointment",
			es: evs(weekly, at("2025-02-17").cancelled(), at("2025-02-20").noShow()), fires: true},
		{name: "does not fire when the missed appointment was made up two days later",
			es: evs(weekly, at("2025-02-17").noShow(), at("2025-02-19"))},
		{name: "does not fire when a new appointment is booked",
			es: evs(weekly, at("2025-02-17").noShow(), at("2025-07-01").booked())},
		{name: "does not fire when the last appointment was cancelled instead",
			es: evs(weekly, at("2025-02-17").cancelled())},
		{name: "does not fire without a status column",
			es: evs(weekly, at("2025-02-17").noShow()), cols: cols(func(c *history.Columns) { c.Status = false })},
	})
}

func TestStaffSwitch(t *testing.T) {
	usual := every(at("2025-01-06"), 8, 7) // Anna Müller, 6 January to 24 February
	last4 := func(names ...string) []ev {
		var out []ev
		for i, n := range names {
			out = append(out, at("2025-03-03").plus(7*i).with(n))
		}
		return out
	}
	showStaff := func(c *Config) { c.ShowStaff = true }
	runDetect(t, StaffSwitch, []detectCase{
		{name: "fires when the last visits were with several people other than the usual one",
			es: evs(usual, last4("Ben Brandt", "Carla Christ", "Dora Dietz", "Ben Brandt")), fires: true,
			ev:   "Before, all 8 visits were with the same person; the last 4 were with 3 other people.",
			evDE: "Davor alle 8 Besuche bei derselben Person; die letzten 4 bei 3 anderen Personen.",
			q:    "Your last 4 appointments were with 3 different people from our team. Did you feel well looked after? Would you prefer one regular contact person?",
			qDE:  "Ihre letzten 4 Termine hatten Sie bei 3 verschiedenen Personen aus unserem Team. Haben Sie sich gut betreut gefühlt? Wäre Ihnen eine feste Ansprechperson lieber?"},
		{name: "names the staff only when asked to",
			es: evs(usual, last4("Ben Brandt", "Carla Christ", "Dora Dietz", "Ben Brandt")), cfg: showStaff, fires: true,
			ev:   "Before, all 8 visits were with Anna M.; the last 4 were with Ben B., Carla C. and Dora D.",
			evDE: "Davor alle 8 Besuche bei Anna M.; die letzten 4 bei Ben B., Carla C. und Dora D.",
			q:    "Your last 4 appointments were with 3 different people from our team. Did you feel well looked after? Would you prefer one regular contact person?"},
		{name: "fires when the customer moved to one other person",
			es: evs(usual, last4("Ben Brandt", "Ben Brandt", "Ben Brandt", "Ben Brandt")), fires: true,
			ev:   "Before, all 8 visits were with the same person; the last 4 were with one other person.",
			evDE: "Davor alle 8 Besuche bei derselben Person; die letzten 4 bei einer anderen Person.",
			q:    "Your last appointments were with someone other than the person you usually saw. How was the change for you – did you still feel well looked after?",
			qDE:  "Ihre letzten Termine hatten Sie bei jemand anderem als sonst. Wie war der Wechsel für Sie – haben Sie sich weiterhin gut betreut gefühlt?"},
		{name: "fires on 3 of the last 4 with others",
			es: evs(usual, last4("Ben Brandt", "Anna Müller", "Carla Christ", "Ben Brandt")), fires: true,
			ev:   "Before, all 8 visits were with the same person; 3 of the last 4 were with 2 other people.",
			evDE: "Davor alle 8 Besuche bei derselben Person; 3 der letzten 4 bei 2 anderen Personen."},
		{name: "fires when a new customer saw a different person every time",
			es: evs(last4("Anna Müller", "Ben Brandt", "Carla Christ", "Dora Dietz")), fires: true,
			ev:   "The last 4 visits were with 4 different people.",
			evDE: "Die letzten 4 Besuche bei 4 verschiedenen Personen.",
			qDE:  "Ihre letzten 4 Termine hatten Sie bei 4 verschiedenen Personen aus unserem Team. Haben Sie sich gut betreut gefühlt? Wäre Ihnen eine feste Ansprechperson lieber?"},
		{name: "does not fire on cover at 2 of the last 4 visits",
			es: evs(usual, last4("Ben Brandt", "Anna Müller", "Carla Christ", "Anna Müller"))},
		{name: "does not fire when nobody had most of the earlier visits and one person the last",
			es: evs(every(at("2024-11-04"), 4, 7), every(at("2024-12-02").with("Ben Brandt"), 4, 7),
				last4("Carla Christ", "Carla Christ", "Carla Christ", "Carla Christ"))},
		{name: "does not fire when a new customer saw two people",
			es: evs(last4("Anna Müller", "Ben Brandt", "Anna Müller", "Ben Brandt"))},
		{name: "does not fire with fewer than 4 visits",
			es: evs(last4("Anna Müller", "Ben Brandt", "Carla Christ"))},
		{name: "does not count cancelled appointments",
			es: evs(usual, last4("Ben Brandt", "Anna Müller", "Carla Christ", "Anna Müller"),
				at("2025-03-05").with("Dora Dietz").cancelled())},
		{name: "does not fire without a staff column",
			es:   evs(usual, last4("Ben Brandt", "Carla Christ", "Dora Dietz", "Ben Brandt")),
			cols: cols(func(c *history.Columns) { c.Staff = false })},
	})
}

func TestSlowing(t *testing.T) {
	steady := gaps(at("2025-01-06"), 14, 14, 14, 14, 14) // 6 January to 17 March
	runDetect(t, Slowing, []detectCase{
		{name: "fires when the gaps grew before the visits stopped",
			es: evs(steady, gaps(at("2025-03-17"), 24, 34, 45)[1:]), fires: true,
			ev:   "Gaps between visits grew from usually 14 days to 34 and 45 days; last visit on 28 June 2025.",
			evDE: "Abstände zwischen den Besuchen von meist 14 Tagen auf 34 und 45 Tage gewachsen; letzter Besuch am 28.06.2025.",
			q:    "Recently up to 6 weeks passed between your visits, compared with about 2 weeks before. Has something changed for you? Would a different rhythm or time of day suit you better?",
			qDE:  "Zuletzt lagen bis zu 6 Wochen zwischen Ihren Besuchen, früher etwa 2 Wochen. Hat sich bei Ihnen etwas verändert? Würde Ihnen ein anderer Rhythmus oder eine andere Uhrzeit besser passen?"},
		{name: "fires for an active customer too",
			es: evs(steady, gaps(at("2025-03-17"), 24, 34, 45)[1:]), status: lapse.Active, fires: true},
		{name: "fires at the thresholds: 1.5 times, then twice the usual gap",
			es: evs(steady, gaps(at("2025-03-17"), 21, 28)[1:]), fires: true},
		{name: "does not fire just below: the last gap short of twice the usual",
			es: evs(steady, gaps(at("2025-03-17"), 21, 27)[1:])},
		{name: "does not fire just below: the gap before short of 1.5 times the usual",
			es: evs(steady, gaps(at("2025-03-17"), 20, 28)[1:])},
		{name: "does not fire after one long break in a steady rhythm",
			es: evs(steady, gaps(at("2025-03-17"), 60, 14, 14)[1:])},
		{name: "does not fire when only the last gap grew",
			es: evs(steady, gaps(at("2025-03-17"), 14, 14, 45)[1:])},
		{name: "fires from five visits: two usual gaps, then two grown",
			es: gaps(at("2025-01-06"), 14, 14, 34, 45), fires: true},
		{name: "does not fire with too few earlier gaps",
			es: gaps(at("2025-01-06"), 14, 34, 45)},
		{name: "does not fire on a weekly rhythm that only grew by a few days",
			es:  evs(gaps(at("2025-01-06"), 3, 4, 3, 4, 3), gaps(at("2025-01-23"), 6, 6, 8)[1:]),
			cfg: func(c *Config) {}}, // 3.5 → 6, 6, 8: the last is not 7 days longer
	})
}

func TestOneVisit(t *testing.T) {
	runDetect(t, OneVisit, []detectCase{
		{name: "fires on a single visit and names the channel",
			es: evs(at("2025-03-12").via("Doctolib")), fires: true,
			ev:   "Only one visit, on 12 March 2025 (KG), booked via Doctolib.",
			evDE: "Nur ein Besuch, am 12.03.2025 (KG), gebucht über Doctolib.",
			q:    "You visited us for the first time on 12 March 2025 – how was that visit for you? Is there anything we could do better?",
			qDE:  "Sie waren am 12.03.2025 zum ersten Mal bei uns – wie war dieser Besuch für Sie? Gibt es etwas, das wir besser machen können?"},
		{name: "leaves the channel out when the export has none",
			es: evs(at("2025-03-12").via("Doctolib")), cols: cols(func(c *history.Columns) { c.Channel = false }), fires: true,
			ev:   "Only one visit, on 12 March 2025 (KG).",
			evDE: "Nur ein Besuch, am 12.03.2025 (KG)."},
		{name: "fires when a later appointment was cancelled",
			es: evs(at("2025-03-12"), at("2025-03-19").cancelled()), fires: true},
		{name: "counts a day with two rows once",
			es: evs(at("2025-03-12"), at("2025-03-12").statusOf(visit.Booked)), fires: true},
		{name: "does not fire when the next appointment is booked",
			es: evs(at("2025-06-12"), at("2025-07-03").booked())},
		{name: "does not fire on two visits",
			es: evs(at("2025-03-12"), at("2025-03-19"))},
		{name: "does not fire without a visit",
			es: evs(at("2025-03-12").cancelled())},
	})
}

func TestPlatformOnly(t *testing.T) {
	doctolib := every(at("2025-01-06").via("Doctolib"), 3, 14)
	runDetect(t, PlatformOnly, []detectCase{
		{name: "fires when every booking came through platforms",
			es: evs(doctolib, every(at("2025-02-17").via("Online-Portal"), 2, 14)), fires: true,
			ev:   "All 5 bookings via Doctolib or Online-Portal; none made directly.",
			evDE: "Alle 5 Buchungen über Doctolib oder Online-Portal; keine direkt.",
			q:    "So far you have always booked through Doctolib or Online-Portal. Would you like to book your next appointment directly with us? We are also happy to remind you of your appointments.",
			qDE:  "Sie haben bisher immer über Doctolib oder Online-Portal gebucht. Möchten Sie Ihren nächsten Termin direkt bei uns vereinbaren? Gern erinnern wir Sie auch an Ihre Termine."},
		{name: "does not fire on a single platform booking: one-visit names the channel",
			es: evs(at("2025-03-12").via("Treatwell"))},
		{name: "does not fire on one visit and a cancelled platform booking",
			es: evs(at("2025-03-12").via("Doctolib"), at("2025-03-19").via("Doctolib").cancelled())},
		{name: "fires on two platform visits",
			es: evs(at("2025-03-12").via("Doctolib"), at("2025-03-19").via("Doctolib")), fires: true},
		{name: "counts an online marketplace as a platform",
			es: evs(every(at("2025-01-06").via("eBay"), 3, 14)), fires: true},
		{name: "does not count a shop's own web store as a platform",
			es: evs(every(at("2025-01-06").via("web"), 3, 14))},
		{name: "counts cancelled appointments as bookings",
			es: evs(doctolib, at("2025-02-20").via("booking.com").cancelled()), fires: true,
			ev: "All 4 bookings via Doctolib or booking.com; none made directly."},
		{name: "says both for two bookings",
			es: evs(at("2025-03-12").via("Doctolib"), at("2025-03-19").via("Doctolib")), fires: true,
			ev:   "Both bookings via Doctolib; none made directly.",
			evDE: "Beide Buchungen über Doctolib; keine direkt."},
		{name: "does not fire when one booking was made by phone",
			es: evs(doctolib, at("2025-02-17").via("Telefon"))},
		{name: "does not fire when the next appointment was booked directly",
			es: evs(every(at("2025-05-05").via("Doctolib"), 3, 14), at("2025-07-03").via("Empfang").booked())},
		{name: "does not count the business's own website as a platform",
			es: evs(every(at("2025-01-06").via("Website"), 3, 14))},
		{name: "does not count an unknown channel as a platform",
			es: evs(doctolib, at("2025-02-17").via("Partner X"))},
		{name: "does not fire without a channel column",
			es: doctolib, cols: cols(func(c *history.Columns) { c.Channel = false })},
		{name: "reads the platform list from the configuration",
			es: evs(every(at("2025-01-06").via("Partner X"), 2, 14)), fires: true,
			cfg: func(c *Config) { c.PlatformChannels = append(c.PlatformChannels, "partner x") }},
	})
}

func TestPriceUp(t *testing.T) {
	usual := every(at("2025-01-06"), 6, 14) // 25.40 from 6 January to 17 March
	runDetect(t, PriceUp, []detectCase{
		{name: "fires when the last visits cost clearly more",
			es: evs(usual, every(at("2025-03-31").cost(3810), 3, 14)), fires: true,
			ev:   "Last 3 visits (KG) cost 38.10 each; before, usually 25.40.",
			evDE: "Letzte 3 Besuche (KG) kosteten je 38,10; davor meist 25,40.",
			q:    "Your last visits cost more than before (most recently 38.10 instead of usually 25.40). Did that come as a surprise? Is there anything we can explain or arrange differently?",
			qDE:  "Ihre letzten Termine kosteten mehr als früher (zuletzt 38,10 statt meist 25,40). Sollen wir Ihnen erklären, wie sich der Betrag zusammensetzt, oder gemeinsam eine passende Lösung finden?"},
		{name: "gives the range when the amounts differ",
			es: evs(usual, at("2025-03-31").cost(3790), at("2025-04-14").cost(3840)), fires: true,
			ev:   "Last 2 visits (KG) cost between 37.90 and 38.40; before, usually 25.40.",
			evDE: "Letzte 2 Besuche (KG) kosteten zwischen 37,90 und 38,40; davor meist 25,40."},
		{name: "groups thousands",
			es: evs(every(at("2025-01-06").cost(98000), 4, 14), every(at("2025-03-03").cost(145050), 2, 14)), fires: true,
			ev:   "Last 2 visits (KG) cost 1,450.50 each; before, usually 980.00.",
			evDE: "Letzte 2 Besuche (KG) kosteten je 1.450,50; davor meist 980,00."},
		{name: "fires at 25 % more",
			es: evs(usual, every(at("2025-03-31").cost(3175), 2, 14)), fires: true},
		{name: "does not fire just below 25 % more",
			es: evs(usual, every(at("2025-03-31").cost(3174), 2, 14))},
		{name: "fires on one dearer bill, 26.57 then 38.45",
			es: evs(every(at("2025-01-06").cost(2657), 6, 14), at("2025-03-31").cost(3845)), fires: true},
		{name: "fires on one bill 25 % dearer",
			es: evs(usual, at("2025-03-31").cost(3175)), fires: true},
		{name: "does not fire on one bill just below 25 % dearer",
			es: evs(usual, at("2025-03-31").cost(3174))},
		{name: "does not fire when an earlier visit cost more but the last did not",
			es: evs(usual, at("2025-03-31").cost(3810), at("2025-04-14"))},
		{name: "does not fire on a general price rise of 6 %",
			es: evs(usual, every(at("2025-03-31").cost(2692), 4, 14))},
		{name: "ignores visits without an amount",
			es: evs(usual, at("2025-03-31").cost(3810), at("2025-04-14").cost(0)), fires: true},
		{name: "does not fire with too few earlier visits",
			es: evs(every(at("2025-01-06"), 2, 14), at("2025-03-31").cost(3810))},
		{name: "does not fire without an amount column",
			es:   evs(usual, every(at("2025-03-31").cost(3810), 3, 14)),
			cols: cols(func(c *history.Columns) { c.Amount = false })},
	})
}

func TestLongWait(t *testing.T) {
	// Mondays from 6 January to 17 March, each booked on the Friday before; the later
	// appointments are on Wednesdays, so that they were not booked on one of those Fridays.
	usual := every(at("2025-01-06"), 6, 14)
	runDetect(t, LongWait, []detectCase{
		{name: "fires when the last appointments were booked far ahead",
			es: evs(usual, at("2025-04-02").ahead(30), at("2025-04-16").ahead(38), at("2025-04-30").ahead(45)), fires: true,
			ev:   "Last 3 appointments booked 30 to 45 days ahead; before, usually 3 days.",
			evDE: "Letzte 3 Termine 30 bis 45 Tage im Voraus gebucht; davor meist 3 Tage.",
			q:    "Recently there were up to 6 weeks between booking and appointment (before, usually 3 days). Were you able to get an appointment when you needed one? We would be glad to offer you a date that suits you.",
			qDE:  "Zuletzt lagen zwischen Buchung und Termin bis zu 6 Wochen (früher meist 3 Tage). Haben Sie zeitnah einen Termin bekommen, als Sie ihn brauchten? Gern bieten wir Ihnen einen passenden Termin an."},
		{name: "says the same day for walk-ins",
			es: evs(every(at("2025-01-06").ahead(0), 6, 14), at("2025-04-02").ahead(21), at("2025-04-16").ahead(21)), fires: true,
			ev:   "Last 2 appointments booked 21 days ahead; before, usually the same day.",
			evDE: "Letzte 2 Termine 21 Tage im Voraus gebucht; davor meist noch am selben Tag."},
		{name: "counts cancelled appointments as bookings",
			es: evs(usual, at("2025-04-02").ahead(30).cancelled(), at("2025-04-16").ahead(38)), fires: true},
		{name: "does not fire on a series booked in one go",
			es: evs(usual, at("2025-04-02").ahead(10), at("2025-04-09").ahead(17), at("2025-04-16").ahead(24), at("2025-04-23").ahead(31))},
		{name: "does not count far appointments booked together with a near one",
			es: evs(usual, at("2025-04-14").ahead(31), at("2025-04-28").ahead(45))}, // both booked on 14 March, with 17 March
		{name: "does not fire when the waits grew by less than five days",
			es: evs(usual, at("2025-04-02").ahead(7), at("2025-04-16").ahead(7))},
		{name: "fires when they grew by five days",
			es: evs(usual, at("2025-04-02").ahead(8), at("2025-04-16").ahead(8)), fires: true},
		{name: "fires when the wait went from 2 to 9 days",
			es: evs(every(at("2025-01-06").ahead(2), 6, 14), at("2025-04-02").ahead(9), at("2025-04-16").ahead(9)), fires: true},
		{name: "does not fire on a wait grown from 1 day to 2",
			es: evs(every(at("2025-01-06").ahead(1), 6, 14), at("2025-04-02").ahead(2), at("2025-04-16").ahead(2))},
		{name: "does not fire when only the last wait was long",
			es: evs(usual, at("2025-04-02").ahead(45))},
		{name: "does not fire without booking dates",
			es: evs(usual, at("2025-04-02").ahead(30), at("2025-04-16").ahead(38)), cols: cols(func(c *history.Columns) { c.BookedAt = false })},
		{name: "does not fire when the booking dates are unknown",
			es: evs(every(at("2025-01-06").ahead(-1), 6, 14), at("2025-04-02").ahead(30), at("2025-04-16").ahead(38))},
	})
}

func TestReferral(t *testing.T) {
	referred := defaultPerson
	referred.referrer = "Dr. med. Petra Vogelsang, Orthopädie"
	abbreviated := defaultPerson
	abbreviated.referrer = "Praxis Dr. Ernst u. Kollegen GbR."
	recommended := defaultPerson
	recommended.referrer = "Anna Schmidt"
	blank := defaultPerson
	blank.referrer = "  "
	runDetect(t, Referral, []detectCase{
		{name: "fires on a referrer",
			es: every(at("2025-01-06"), 3, 7), p: &referred, fires: true,
			ev:   "Referred by Dr. med. Petra Vogelsang, Orthopädie; 3 visits, the last on 20 January 2025.",
			evDE: "Überweisung von Dr. med. Petra Vogelsang, Orthopädie; 3 Besuche, zuletzt am 20.01.2025.",
			q:    "You were referred to us by Dr. med. Petra Vogelsang, Orthopädie. How are you doing now? May we let them know briefly how the treatment went?",
			qDE:  "Sie kamen mit einer Überweisung von Dr. med. Petra Vogelsang, Orthopädie. Wie geht es Ihnen inzwischen? Sollen wir dort kurz berichten, wie die Behandlung verlaufen ist?"},
		{name: "says recommended, not referred, for a person",
			es: evs(at("2025-01-06")), p: &recommended, fires: true,
			ev:   "Recommended by Anna Schmidt; 1 visit, on 6 January 2025.",
			evDE: "Empfohlen von Anna Schmidt; 1 Besuch am 06.01.2025.",
			q:    "You came on the recommendation of Anna Schmidt. How are you doing now? Is there anything more we can do for you?",
			qDE:  "Sie kamen auf Empfehlung von Anna Schmidt. Wie geht es Ihnen inzwischen? Können wir noch etwas für Sie tun?"},
		{name: "does not end a sentence twice after an abbreviation",
			es: evs(at("2025-01-06")), p: &abbreviated, fires: true,
			ev: "Referred by Praxis Dr. Ernst u. Kollegen GbR.; 1 visit, on 6 January 2025.",
			q:  "You were referred to us by Praxis Dr. Ernst u. Kollegen GbR. How are you doing now? May we let them know briefly how the treatment went?"},
		{name: "does not fire without a referrer", es: every(at("2025-01-06"), 3, 7)},
		{name: "does not fire on a blank referrer", es: every(at("2025-01-06"), 3, 7), p: &blank},
		{name: "does not fire without a referrer column",
			es: every(at("2025-01-06"), 3, 7), p: &referred, cols: cols(func(c *history.Columns) { c.Referrer = false })},
	})
}

func TestLoyalLost(t *testing.T) {
	loyal := every(at("2023-06-05"), 30, 14) // 5 June 2023 to 15 July 2024
	runDetect(t, LoyalLost, []detectCase{
		{name: "fires on a long, frequent history of a lapsed customer",
			es: loyal, fires: true,
			ev:   "30 visits from 5 June 2023 to 15 July 2024, about every 2 weeks; none since.",
			evDE: "30 Besuche vom 05.06.2023 bis 15.07.2024, etwa alle 2 Wochen; seitdem keiner mehr.",
			q:    "You have been with us 30 times since June 2023 – thank you for your loyalty! We have not seen you since 15 July 2024. How are you, and is there anything we can do for you?",
			qDE:  "Sie waren seit Juni 2023 30-mal bei uns – vielen Dank für Ihre Treue! Seit dem 15.07.2024 haben wir Sie nicht mehr gesehen. Wie geht es Ihnen, und können wir etwas für Sie tun?"},
		{name: "fires for a lost customer", es: loyal, status: lapse.Lost, fires: true},
		{name: "fires for a follow-up", es: loyal, status: lapse.FollowUp, fires: true},
		{name: "does not fire for an active customer", es: loyal, status: lapse.Active},
		{name: "does not fire for a booked customer", es: loyal, status: lapse.Booked},
		{name: "does not fire without a verdict", es: loyal, status: lapse.Status(255)},
		{name: "fires on 20 visits over 365 days",
			es: evs(every(at("2023-06-05"), 19, 14), at("2024-06-04")), fires: true},
		{name: "does not fire on 19 visits", es: every(at("2023-06-05"), 19, 21)},
		{name: "does not fire on 20 visits over 364 days",
			es: evs(every(at("2023-06-05"), 19, 14), at("2024-06-03"))},
	})
}

func TestManyContacts(t *testing.T) {
	runDetect(t, ManyContacts, []detectCase{
		{name: "fires on cancellations and a missed appointment before the end",
			es: evs(weekly, at("2025-02-17").cancelled(), at("2025-02-21").cancelled(), at("2025-02-26").noShow(), at("2025-03-03")), fires: true,
			ev:   "2 cancellations and 1 missed appointment between 17 February 2025 and 26 February 2025.",
			evDE: "2 Absagen und 1 nicht wahrgenommener Termin zwischen dem 17.02.2025 und dem 26.02.2025.",
			q:    "Between 17 February 2025 and 26 February 2025, 3 of your appointments did not take place. Has everything been sorted out for you, or is there something we can still help with?",
			qDE:  "Zwischen dem 17.02.2025 und dem 26.02.2025 sind 3 Ihrer Termine ausgefallen. Ist Ihr Anliegen gelöst, oder gibt es noch etwas, bei dem wir helfen können?"},
		{name: "fires on missed appointments alone",
			es: evs(weekly, at("2025-02-17").noShow(), at("2025-02-24").noShow(), at("2025-03-03").noShow(), at("2025-03-10").noShow()), fires: true,
			ev:   "4 missed appointments between 17 February 2025 and 10 March 2025.",
			evDE: "4 nicht wahrgenommene Termine zwischen dem 17.02.2025 und dem 10.03.2025."},
		{name: "fires on reschedules: each cancellation made up days later",
			es: evs(weekly, at("2025-02-17").cancelled(), at("2025-02-19"), at("2025-02-24").cancelled(), at("2025-02-26"),
				at("2025-03-03").cancelled(), at("2025-03-05")), fires: true,
			ev: "3 cancellations between 17 February 2025 and 3 March 2025."},
		{name: "does not fire on two",
			es: evs(weekly, at("2025-02-17").cancelled(), at("2025-02-21").noShow(), at("2025-03-03"))},
		{name: "does not fire when they were spread over months",
			es: evs(weekly, at("2025-02-17").cancelled(), at("2025-03-03"), at("2025-04-01").cancelled(), at("2025-04-07"),
				at("2025-05-05").cancelled(), at("2025-05-12"))},
		{name: "only counts the weeks before the last appointment",
			es: evs(at("2024-11-04").cancelled(), at("2024-11-06").cancelled(), at("2024-11-08").noShow(), weekly)},
		{name: "does not fire without a status column",
			es:   evs(weekly, at("2025-02-17").cancelled(), at("2025-02-21").cancelled(), at("2025-02-26").noShow(), at("2025-03-03")),
			cols: cols(func(c *history.Columns) { c.Status = false })},
	})
}

func TestNoContactPreference(t *testing.T) {
	none := defaultPerson
	none.pref = ""
	phoneOnly := none
	phoneOnly.email = ""
	nothing := phoneOnly
	nothing.phone = ""
	optedOut := defaultPerson
	optedOut.pref = "kein Kontakt"
	runDetect(t, NoContactPreference, []detectCase{
		{name: "fires without a contact preference and says what is on record",
			es: weekly, p: &none, fires: true,
			ev:   "No contact preference on record (phone and e-mail known).",
			evDE: "Kein bevorzugter Kontaktweg hinterlegt (Telefon und E-Mail bekannt).",
			q:    "How would you like us to remind you of appointments: by phone, letter, e-mail or text message?",
			qDE:  "Wie möchten Sie künftig an Termine erinnert werden – per Anruf, Brief, E-Mail oder SMS?"},
		{name: "says when only the phone is known",
			es: weekly, p: &phoneOnly, fires: true,
			ev:   "No contact preference on record (phone known).",
			evDE: "Kein bevorzugter Kontaktweg hinterlegt (Telefon bekannt)."},
		{name: "says when neither is known",
			es: weekly, p: &nothing, fires: true,
			ev:   "No contact preference on record (neither phone nor e-mail known).",
			evDE: "Kein bevorzugter Kontaktweg hinterlegt (weder Telefon noch E-Mail bekannt)."},
		{name: "says nothing about contact details the export does not have",
			es: weekly, p: &none, fires: true, cols: cols(func(c *history.Columns) { c.Phone, c.Email = false, false }),
			ev:   "No contact preference on record.",
			evDE: "Kein bevorzugter Kontaktweg hinterlegt."},
		{name: "does not fire with a preference", es: weekly},
		{name: "does not fire when the customer opted out", es: weekly, p: &optedOut},
		{name: "does not fire without a contact preference column",
			es: weekly, p: &none, cols: cols(func(c *history.Columns) { c.ContactPreference = false })},
	})
}

func TestCourseFinished(t *testing.T) {
	course := gaps(at("2025-02-03"), 3, 4, 3, 4, 3, 4, 3) // 8 visits to 27 February
	runDetect(t, CourseFinished, []detectCase{
		{name: "fires on the follow-up verdict",
			es: course, status: lapse.FollowUp, fires: true,
			ev:   "Series of 8 appointments (KG) from 3 February 2025 to 27 February 2025, about twice a week; nothing booked since.",
			evDE: "Serie von 8 Terminen (KG) vom 03.02.2025 bis 27.02.2025, etwa zweimal pro Woche; seitdem kein Termin.",
			q:    "Your series of 8 appointments (KG) ended on 27 February 2025. How are you doing since then? Would a follow-up appointment be helpful?",
			qDE:  "Ihre Serie von 8 Terminen (KG) endete am 27.02.2025. Wie geht es Ihnen seitdem? Wäre ein Folgetermin hilfreich?"},
		{name: "fires by its own detection on a lapsed customer", es: course, fires: true},
		{name: "fires by its own detection on a due customer", es: course, status: lapse.Due, fires: true},
		{name: "fires after an earlier, separate series",
			es: evs(every(at("2024-03-04").service("MT"), 6, 7), course), fires: true,
			ev: "Series of 8 appointments (KG) from 3 February 2025 to 27 February 2025, about twice a week; nothing booked since."},
		{name: "fires on a weekly course",
			es: every(at("2025-02-03"), 6, 7), fires: true,
			ev: "Series of 6 appointments (KG) from 3 February 2025 to 10 March 2025, about once a week; nothing booked since."},
		{name: "fires on a short history with the follow-up verdict",
			es: evs(at("2025-05-05")), status: lapse.FollowUp, fires: true,
			ev:   "Last visit on 5 May 2025 (KG); nothing booked since.",
			evDE: "Letzter Besuch am 05.05.2025 (KG); seitdem kein Termin.",
			q:    "Your last appointment (KG) was on 5 May 2025. How are you doing since then? Would a follow-up appointment be helpful?",
			qDE:  "Ihr letzter Termin (KG) war am 05.05.2025. Wie geht es Ihnen seitdem? Wäre ein Folgetermin hilfreich?"},
		{name: "does not fire on its own for an active customer", es: course, status: lapse.Active},
		{name: "does not fire on its own when an appointment is booked",
			es: evs(course, at("2025-07-02").booked())},
		{name: "does not fire on 5 visits", es: course[:5]},
		{name: "does not fire on a long maintenance history",
			es: every(at("2024-09-02"), 25, 7)},
		{name: "does not fire on a series of mixed services",
			es: evs(gaps(at("2025-02-03"), 7, 7, 7), gaps(at("2025-02-06").service("MT"), 7, 7, 7))},
		{name: "does not fire when the series ended with a cancellation",
			es: evs(course, at("2025-03-03").cancelled())},
		{name: "does not fire on visits every two weeks",
			es: every(at("2025-01-06"), 8, 14)},
		{name: "does not fire on a series that ended days ago",
			es: every(at("2025-05-05"), 8, 7)},
		{name: "does not fire on its own without a service column",
			es: course, cols: cols(func(c *history.Columns) { c.Service = false })},
	})
}

// TestDetectOrdersByWeightThenCode checks the order of a customer's findings.
func TestDetectOrdersByWeightThenCode(t *testing.T) {
	p := defaultPerson
	p.pref, p.referrer = "", "Dr. Weber"
	set := build(allColumns, p, evs(at("2025-03-12").via("Doctolib"), at("2025-03-19").via("Doctolib").cancelled()))
	fs := detectOne(set, lapse.Lapsed, DefaultConfig())
	want := []string{LastCancelled, OneVisit, Referral, NoContactPreference}
	if got := codesOf(fs); !slices.Equal(got, want) {
		t.Fatalf("codes %v, want %v", got, want)
	}
	cfg := DefaultConfig()
	cfg.Weights[NoContactPreference] = 1
	cfg.Weights[OneVisit] = 0.5
	cfg.Disabled = []string{Referral}
	fs = detectOne(set, lapse.Lapsed, cfg)
	want = []string{NoContactPreference, LastCancelled, OneVisit}
	if got := codesOf(fs); !slices.Equal(got, want) {
		t.Fatalf("with changed weights: codes %v, want %v", got, want)
	}
}

func TestDetectWithoutEventsFindsNothing(t *testing.T) {
	p := defaultPerson
	p.pref = ""
	set := build(allColumns, p, evs(at("2025-07-07").booked()))
	if fs := detectOne(set, lapse.Booked, DefaultConfig()); fs != nil {
		t.Fatalf("findings %v for a customer whose first appointment is still to come", codesOf(fs))
	}
}

// TestDetectorWorkerIsReused checks that findings detected one after the other by one
// worker stay what each customer gets alone: they share the worker's memory, not their
// elements, and have no room to append into the next customer's.
func TestDetectorWorkerIsReused(t *testing.T) {
	set, truth, asOf := praxis(t)
	verdicts := truthVerdicts(set, truth, false)
	cfg := DefaultConfig()
	cfg.ShowStaff = true
	all := detectAll(set, verdicts, asOf, cfg)
	for i := range set.Customers {
		one := detect(&set.Customers[i], set, verdicts[i], asOf, cfg)
		if !slices.EqualFunc(all[i], one, findingEqual) {
			t.Fatalf("customer %s: with a shared worker %v, alone %v", set.Customers[i].Key, all[i], one)
		}
		if cap(all[i]) != len(all[i]) { // appending to them must not overwrite the next customer's
			t.Fatalf("customer %s: %d findings with room for %d", set.Customers[i].Key, len(all[i]), cap(all[i]))
		}
	}
	if none := detectAll(set, nil, asOf, cfg); len(none) != len(set.Customers) {
		t.Fatalf("without verdicts: %d results for %d customers", len(none), len(set.Customers))
	}
}

func findingEqual(a, b Finding) bool {
	return a.Code == b.Code && a.Weight == b.Weight && slices.Equal(a.Facts.Recent, b.Facts.Recent) &&
		a.Facts.Day == b.Facts.Day && a.Facts.Count == b.Facts.Count
}

func TestUnavailable(t *testing.T) {
	if got := Unavailable(allColumns); got != nil {
		t.Errorf("with every column: %v unavailable", got)
	}
	got := Unavailable(history.Columns{})
	want := []string{LastCancelled, LastNoShow, StaffSwitch, PlatformOnly, PriceUp, LongWait, Referral, ManyContacts, NoContactPreference}
	if !slices.Equal(got, want) {
		t.Errorf("with no optional column: %v, want %v", got, want)
	}
	for _, c := range got {
		if !requires(c) {
			t.Errorf("%s is unavailable but requires no column", c)
		}
	}
	for _, c := range []string{Slowing, OneVisit, LoyalLost, CourseFinished, "no-such-code"} {
		if requires(c) {
			t.Errorf("%s requires a column, want none", c)
		}
	}
	if got := Unavailable(history.Columns{Status: true, Amount: true, Staff: true, Channel: true, BookedAt: true}); !slices.Equal(got, []string{Referral, NoContactPreference}) {
		t.Errorf("without referrer and contact preference: %v", got)
	}
}

func TestLabels(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range codes() {
		en, de := label(c, "en"), label(c, "de-DE")
		if en == "" || de == "" || en == c || de == en || seen[en] || seen[de] {
			t.Errorf("%s: labels %q / %q are missing, not translated or not unique", c, en, de)
		}
		seen[en], seen[de] = true, true
		if defaultWeight(c) <= 0 || defaultWeight(c) > 1 {
			t.Errorf("%s: default weight %v not in (0, 1]", c, defaultWeight(c))
		}
	}
	if label("no-such-code", "de") != "no-such-code" {
		t.Error("an unknown code should label itself")
	}
	for lang, de := range map[string]bool{"de": true, "DE": true, "de_AT.UTF-8": true, "en": false, "": false, "d": false, "fr": false} {
		if words.German(lang) != de {
			t.Errorf("German(%q) = %v", lang, !de)
		}
	}
}

func TestMedianSelectsWhatSortingWould(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var s scratch
	for n := 1; n <= 300; n++ {
		for _, spread := range []int64{1, 3, 50, 1 << 40} {
			vs := make([]int64, n)
			for i := range vs {
				vs[i] = rng.Int64N(spread) - spread/2
			}
			sorted := slices.Sorted(slices.Values(vs))
			want := float64(sorted[n/2])
			if n%2 == 0 {
				want = float64(sorted[n/2-1]+sorted[n/2]) / 2
			}
			in := slices.Clone(vs)
			if got := s.median(vs); got != want {
				t.Fatalf("median of %v = %v, want %v", in, got, want)
			}
			if !slices.Equal(vs, in) {
				t.Fatalf("median reordered its input")
			}
		}
	}
}

func TestSurelyBelowOnlyWhenBelowTheMedian(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var s scratch
	sure := 0
	for range 200000 {
		vs := make([]int64, 1+rng.IntN(12))
		for i := range vs {
			vs[i] = rng.Int64N(40) - 5
		}
		x := float64(rng.Int64N(60) - 5)
		factor := []float64{0.5, 1, 1.25, 1.5, 2, 3}[rng.IntN(6)]
		if !surelyBelow(x, factor, vs) {
			continue
		}
		sure++
		if m := s.median(vs); !(x < factor*m) {
			t.Fatalf("surelyBelow(%v, %v, %v), but factor × median = %v", x, factor, vs, factor*m)
		}
	}
	if sure == 0 {
		t.Error("surelyBelow never tells")
	}
}
