package report

import (
	"fmt"
	"math"
	"strings"
	"time"
)

// The reports the tests write: a physiotherapy practice of about 1,200 patients with two
// years of data, in English and German, built by hand with plausible numbers (the builder
// that makes a Report from an export lives elsewhere), and a huge one for the size test.
// A few values are hostile on purpose (markup, a formula, a terminal escape), so that every
// golden file shows how it escapes them.

const (
	hostileName    = "<script>alert(1)</script>"
	hostileService = `"><img src=x onerror=alert(1)>`
)

type reasonText struct{ code, evidenceEN, questionEN, evidenceDE, questionDE string }

var reasonTexts = []reasonText{
	{"cancelled-not-rebooked",
		"Last appointment on {date} was cancelled and never rebooked.",
		"What got in the way? Can we offer you a new appointment?",
		"Der letzte Termin am {date} wurde abgesagt und nie neu vereinbart.",
		"Was ist dazwischengekommen? Dürfen wir Ihnen einen neuen Termin anbieten?"},
	{"many-staff",
		"Saw 3 different therapists in the last 4 visits.",
		"Did you feel looked after, or handed from one person to the next?",
		"Bei den letzten 4 Besuchen 3 verschiedene Therapeuten.",
		"Haben Sie sich gut betreut gefühlt, oder wurden Sie weitergereicht?"},
	{"gaps-grew",
		"Gaps between visits grew from 7 to 21 days before the last visit.",
		"Has something changed for you since your last visits?",
		"Die Abstände zwischen den Besuchen wuchsen von 7 auf 21 Tage.",
		"Hat sich bei Ihnen seit den letzten Besuchen etwas verändert?"},
	{"platform-only",
		"Always booked through an online platform, never directly.",
		"Would you like to book directly with us next time, with a reminder?",
		"Immer über eine Online-Plattform gebucht, nie direkt.",
		"Möchten Sie beim nächsten Mal direkt bei uns buchen, mit Erinnerung?"},
	{"price-up",
		"Paid 38% more at the last visit than on average.",
		"How do you see the price of your treatment?",
		"Beim letzten Besuch 38 % mehr bezahlt als im Schnitt.",
		"Wie sehen Sie den Preis Ihrer Behandlung?"},
	{"long-loyal",
		"Came 64 times over 6 years, then stopped.",
		"Could the owner call you personally?",
		"64 Besuche in 6 Jahren, dann nicht mehr.",
		"Dürfte die Inhaberin Sie einmal persönlich anrufen?"},
	{"referral",
		"Came through a referral from Dr. Weber.",
		"Shall we let your doctor know how the treatment went?",
		"Kam über eine Überweisung von Dr. Weber.",
		"Sollen wir Ihrem Arzt berichten, wie die Behandlung verlief?"},
}

var firstNames = []string{"Anna", "Jürgen", "Sabine", "Mehmet", "Claudia", "Thomas", "Ewa", "Klaus", "Birgit", "Stefan", "Özlem", "Heike", "Lukas", "Monika", "Rainer"}
var lastNames = []string{"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Yılmaz", "Koch", "Richter", "Klein", "Wolf", "Schröder"}

// practice returns the physiotherapy practice's report in a language.
func practice(lang string) *Report {
	de := lang == "de"
	pick := func(en, deText string) string {
		if de {
			return deText
		}
		return en
	}
	asOf := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	r := &Report{
		Version:    Version,
		Lang:       lang,
		AsOf:       asOf.Format(time.DateOnly),
		Files:      []string{"praxis-2023-07_2025-06.csv"},
		HasAmounts: true,
		Summary: Summary{
			Customers:   1238,
			ByStatus:    map[string]int{"booked": 212, "active": 403, "due": 118, "follow-up": 96, "lapsed": 264, "lost": 145},
			Revenue12m:  412_385.50,
			ValueAtRisk: 118_940.25,
		},
		Quality: Quality{Rows: 18_412, Accepted: 18_075, Rejected: 37, Blank: 12, Duplicates: 288,
			RejectsOut: "praxis-rejects.csv", FirstDate: "2023-07-03", LastDate: "2025-06-30"},
		Since: &Since{
			PreviousAsOf: "2025-05-31",
			NewlyLapsed:  []string{"K-10442", "K-10917", "K-11020", "K-11305"},
			StillLapsed:  []string{"K-10012", "K-10077", "K-10231"},
			WonBack:      []string{"K-10140", "K-10388", "K-10590", "K-10801", "K-11122"},
			WinBackRate:  5.0 / 41,
			NewlyDue:     []string{"K-10655", "K-10990"},
		},
		LapsedShown: 25,
		Unavailable: []string{
			pick("waiting time grew: the export has no booking date", "Wartezeit gestiegen: der Export hat kein Buchungsdatum"),
			pick("no contact preference: the export has no consent column", "kein Kontaktwunsch: der Export hat keine Einwilligungsspalte"),
		},
	}
	r.Segments.Grid = [5][5]int{
		{88, 61, 40, 22, 9},  // R1
		{71, 58, 47, 30, 14}, // R2
		{52, 49, 44, 38, 21}, // R3
		{39, 45, 51, 56, 42}, // R4
		{34, 41, 55, 68, 88}, // R5
	}
	segs := []struct {
		code, en, de string
		n            int
		rec, freq    float64
		rev          float64
	}{
		{"champions", "Champions", "Häufig und zuletzt da", 156, 9, 24, 148_220},
		{"loyal", "Loyal", "Treu", 157, 41, 15, 96_310.40},
		{"potential-loyalists", "Potential loyalists", "Auf dem Weg zur Treue", 192, 23, 6, 58_904.10},
		{"new", "New", "Neu", 34, 11, 1, 3_180},
		{"promising", "Promising", "Vielversprechend", 39, 48, 1, 3_510.60},
		{"need-attention", "Need attention", "Brauchen Aufmerksamkeit", 44, 97, 5, 14_870},
		{"about-to-sleep", "About to sleep", "Drohen wegzubleiben", 101, 104, 1.5, 9_840.20},
		{"at-risk", "At risk", "Gefährdet", 178, 212, 7, 52_600},
		{"cant-lose", "Can't lose them", "Treu, aber lange nicht da", 23, 240, 19, 12_150},
		{"hibernating", "Hibernating", "Eingeschlafen", 278, 388, 1.5, 12_800.20},
	}
	for _, s := range segs {
		r.Segments.Rows = append(r.Segments.Rows, SegmentRow{Code: s.code, Name: pick(s.en, s.de), Customers: s.n,
			Share: float64(s.n) / 1238, MedianRecency: s.rec, MedianFrequency: s.freq, Revenue: s.rev, RevenueShare: s.rev / 412_385.50})
	}

	// 40 lapsed customers, ranked by value at risk; rank 3 has a hostile name.
	for i := range 40 {
		name := firstNames[i%len(firstNames)] + " " + lastNames[(i*7)%len(lastNames)]
		phone := fmt.Sprintf("+49 30 %07d", 4_410_000+i*3_517)
		if i == 2 {
			name = hostileName
		}
		email := ""
		if i%3 == 0 {
			email = fmt.Sprintf("patient%d@example.org", i)
		}
		pref := []string{"", pick("phone", "Telefon"), pick("letter", "Brief"), "SMS", pick("e-mail", "E-Mail")}[i%5]
		last := asOf.AddDate(0, 0, -(62 + i*9))
		status := "lapsed"
		if i%4 == 3 {
			status = "lost"
		}
		gap := 14.0 + float64(i%6)*7
		c := Customer{
			ID: fmt.Sprintf("K-%05d", 10_012+i*37), Name: name, Phone: phone, Email: email, ContactPreference: pref,
			Segment: r.Segments.Rows[[]int{7, 8, 9, 6, 5}[i%5]].Name, Status: status, LastVisit: last.Format(time.DateOnly),
			Visits: 3 + (i*13)%40, UsualGap: gap, Overdue: 62 + i*9 - int(gap*2),
			ValueAtRisk: math.Round((2_860-float64(i)*61.7)*100) / 100, PAlive: math.Round((0.08+float64(i%9)*0.05)*1000) / 1000,
		}
		c.Rule = fmt.Sprintf(pick("usually every %d days; now %d days", "sonst alle %d Tage; jetzt %d Tage"), int(gap), 62+i*9)
		if i%10 == 9 {
			c.PAlive = -1
			c.Rule = pick("everyone's gaps: no visit for 150 days", "Abstände aller Kunden: seit 150 Tagen kein Besuch")
		}
		for k := range 1 + i%3 {
			rt := reasonTexts[(i+k*2)%len(reasonTexts)]
			day := last.Format("02.01.")
			re := Reason{Code: rt.code, Weight: math.Round((0.9-float64(k)*0.25)*100) / 100}
			if de {
				re.Evidence, re.Question = strings.ReplaceAll(rt.evidenceDE, "{date}", day), rt.questionDE
			} else {
				re.Evidence, re.Question = strings.ReplaceAll(rt.evidenceEN, "{date}", last.Format("01/02")), rt.questionEN
			}
			if i == 4 && k == 0 {
				if de {
					re.Evidence += " Leistung: " + hostileService
				} else {
					re.Evidence += " Service: " + hostileService
				}
			}
			c.Reasons = append(c.Reasons, re)
		}
		r.Lapsed = append(r.Lapsed, c)
	}
	// A spreadsheet formula and a terminal escape sequence, further down the list.
	r.Lapsed[7].Name = "=HYPERLINK(\"http://evil.example\",\"click\")"
	r.Lapsed[8].Name = "Jens \x1b[31mRot\x1b[0m | *Stern* [link](x)"

	lifts := []struct {
		code, en, de string
		l, a         int
	}{
		{"cancelled-not-rebooked", "Last appointment cancelled, not rebooked", "Letzter Termin abgesagt, nicht neu vereinbart", 121, 38},
		{"many-staff", "Several different therapists", "Mehrere verschiedene Therapeuten", 164, 120},
		{"gaps-grew", "Gaps grew before stopping", "Abstände wurden größer", 98, 55},
		{"single-visit", "Only ever one visit", "Nur ein einziger Besuch", 87, 34},
		{"platform-only", "Always booked through a platform", "Immer über eine Plattform gebucht", 61, 52},
		{"price-up", "Paid more at the last visit", "Zuletzt mehr bezahlt", 44, 41},
		{"referral", "Came through a referral", "Kam über eine Überweisung", 70, 0},
	}
	for _, l := range lifts {
		ls, as := float64(l.l)/409, float64(l.a)/615
		lift := 0.0
		if as > 0 {
			lift = ls / as
		}
		r.Lift = append(r.Lift, LiftRow{Code: l.code, Label: pick(l.en, l.de), Lapsed: l.l, LapsedShare: ls, Active: l.a, ActiveShare: as, Lift: lift})
	}

	start := time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)
	for m := range 24 {
		season := math.Sin(float64(m) / 12 * 2 * math.Pi)
		r.Trends = append(r.Trends, MonthRow{
			Month:  start.AddDate(0, m, 0).Format("2006-01"),
			Active: 380 + m*6 + int(40*season), New: 48 + int(12*season) + m%3,
			Lapsed: map[bool]int{true: 0, false: 22 + m%5*3}[m < 3], Returned: map[bool]int{true: 0, false: 4 + m%4}[m < 4],
		})
	}
	for q := range 8 {
		y, qq := 2023+(q+2)/4, (q+2)%4+1
		c := CohortRow{Cohort: fmt.Sprintf("%d-Q%d", y, qq), Customers: 120 + q*9 - q%3*14, After: []int{1, 3, 6, 12}}
		for k, months := range c.After {
			age := (7 - q) * 3 // months since the cohort's quarter began
			if months > age {
				c.Retained = append(c.Retained, -1)
				continue
			}
			c.Retained = append(c.Retained, math.Round((0.78-float64(k)*0.14-float64(q%3)*0.03)*1000)/1000)
		}
		r.Cohorts = append(r.Cohorts, c)
	}
	mix := []struct {
		kind, en, de string
		a, l         int
	}{
		{"channel", "phone", "Telefon", 301, 144},
		{"channel", "online platform", "Online-Plattform", 171, 192},
		{"channel", "walk-in", "an der Theke", 98, 41},
		{"channel", "website", "Webseite", 45, 32},
		{"service", "KG (physiotherapy)", "KG (Krankengymnastik)", 244, 131},
		{"service", "MT (manual therapy)", "MT (Manuelle Therapie)", 161, 102},
		{"service", "lymphatic drainage", "Lymphdrainage", 88, 46},
		{"service", "KGG (gym-based)", "KGG (Gerätetraining)", 79, 98},
		{"service", hostileService, hostileService, 3, 2},
		{"service", "massage", "Massage", 40, 30},
	}
	for _, m := range mix {
		r.Mix = append(r.Mix, MixRow{Kind: m.kind, Name: pick(m.en, m.de), Active: m.a, ActiveShare: float64(m.a) / 615, Lapsed: m.l, LapsedShare: float64(m.l) / 409})
	}
	for _, b := range []struct {
		from, to, n int
	}{{0, 30, 298}, {30, 60, 187}, {60, 90, 131}, {90, 180, 204}, {180, 365, 247}, {365, -1, 171}} {
		label := fmt.Sprintf("%d–%d", b.from, b.to)
		if b.to < 0 {
			label = fmt.Sprintf("%d+", b.from)
		}
		r.Recency = append(r.Recency, Bin{Label: label, FromDays: b.from, ToDays: b.to, Customers: b.n})
	}
	r.Statuses = map[string]string{"K-10012": "lapsed", "K-10140": "active", "K-10655": "due", "K-10999": "booked"}
	r.Model = ModelPart{
		Decided:  map[string]int{"booked": 212, "course": 96, "own-rhythm": 702, "recall": 41, "model": 187},
		Model:    "BG/NBD",
		Params:   map[string]float64{"r": 0.843, "alpha": 21.37, "a": 0.612, "b": 2.904},
		Backtest: &Backtest{CalibrationEnd: "2024-12-31", HoldoutEnd: "2025-06-30", Actual: 3_912, Predicted: 3_770.4, Error: -0.036},
	}
	for k := range 8 {
		f := fmt.Sprint(k)
		if k == 7 {
			f = "7+"
		}
		act := 0.2 + float64(k)*0.9
		r.Model.Backtest.Bins = append(r.Model.Backtest.Bins, BacktestBin{Frequency: f, Customers: 420 - k*48,
			Actual: math.Round(act*100) / 100, Predicted: math.Round(act*(0.94+float64(k%3)*0.04)*100) / 100})
	}
	return r
}

// huge returns a report of n lapsed customers and a trend of months months, for the size
// limits of the formats for people.
func huge(n, months int) *Report {
	r := practice("de")
	r.Lapsed = make([]Customer, n)
	r.Since.NewlyLapsed = make([]string, n/3)
	for i := range r.Lapsed {
		id := fmt.Sprintf("P-%08x", uint32(i)*2654435761)
		r.Lapsed[i] = Customer{
			ID: id, Segment: "Gefährdet", Status: "lapsed", LastVisit: "2024-11-02", Visits: 1 + i%30,
			UsualGap: 21, Overdue: 40 + i%200, ValueAtRisk: float64(n-i) / 100, PAlive: 0.2, Rule: "sonst alle 21 Tage; jetzt 61 Tage",
			Reasons: []Reason{
				{Code: "gaps-grew", Weight: 0.8, Evidence: "Die Abstände zwischen den Besuchen wuchsen von 7 auf 21 Tage.", Question: "Hat sich bei Ihnen seit den letzten Besuchen etwas verändert?"},
				{Code: "many-staff", Weight: 0.5, Evidence: "Bei den letzten 4 Besuchen 3 verschiedene Therapeuten.", Question: "Haben Sie sich gut betreut gefühlt, oder wurden Sie weitergereicht?"},
			},
		}
		if i < len(r.Since.NewlyLapsed) {
			r.Since.NewlyLapsed[i] = id
		}
	}
	r.Pseudonymized = true
	r.Trends = nil
	start := time.Date(2020, 7, 1, 0, 0, 0, 0, time.UTC)
	r.Cohorts = nil
	for m := range months {
		ym := start.AddDate(0, m, 0).Format("2006-01")
		r.Trends = append(r.Trends, MonthRow{Month: ym, Active: 20_000 + m*50, New: 1_500 + m%12*40, Lapsed: 900 + m%7*30, Returned: 150 + m%5*10})
		r.Cohorts = append(r.Cohorts, CohortRow{Cohort: ym, Customers: 1_500, After: []int{1, 3, 6, 12}, Retained: []float64{0.7, 0.55, 0.42, 0.3}})
	}
	// A histogram by month, crowded enough that its labels are turned.
	r.Recency = nil
	for m := range 14 {
		r.Recency = append(r.Recency, Bin{Label: fmt.Sprintf("%d–%d", m*30, m*30+30), FromDays: m * 30, ToDays: m*30 + 30, Customers: 9_000 - m*450})
	}
	for i := range 500 {
		r.Mix = append(r.Mix, MixRow{Kind: "service", Name: fmt.Sprintf("Artikel %d", i), Active: 10, ActiveShare: 0.001, Lapsed: 5, LapsedShare: 0.001})
	}
	return r
}
