package words

import (
	"maps"

	"github.com/winback/winback/pkg/calls"
	"github.com/winback/winback/pkg/lapse"
)

// The texts of the week's calls (package calls), joined to the catalogues of en.go and
// de.go when the package starts.
var callsEN = map[string]string{
	"calls.why.win-back":             "Away %s: %s of {customers} away that long came back within a year. A year of their visits is worth %s: %s to win back.",
	"calls.why.win-back.no-amounts":  "Away %s: %s of {customers} away that long came back within a year.",
	"calls.why.estimated":            " (Few in the data were away that long: an estimate.)",
	"calls.why.long-lost":            "Long gone, over a year. ",
	"calls.why.outranks":             " Listed above more recently lapsed {customers} for what a year of their visits is worth.",
	"calls.why.follow-up":            "Course of %[2]s finished %[1]s: a call to ask how it is going.",
	"calls.why.follow-up.no-service": "Course finished %s: a call to ask how it is going.",
	"calls.why.welcome":              "First visit %s, booked through %s; nothing booked directly since.",
	"calls.question.general":         "We have not seen you for a while. How are you, and is there anything we could do better for you?",
	"calls.question.follow-up":       "Your course of treatment with us has ended. How are you doing now? Would a check-up appointment help?",
	"calls.question.welcome":         "Welcome, and thank you for your first visit! May we book your next appointment with you directly? How would you like us to remind you: by phone, text message or e-mail?",
	"report.FollowUps":               "Follow-ups: how is it going?",
	"report.FollowUpsAbout":          "{Customers} whose course of treatment ended recently, most recent first. They are not lapsed: a call to ask how they are and whether a check-up would help keeps them from drifting away.",
	"report.NoFollowUps":             "No {customer} finished a course of treatment.",
	"report.Welcome":                 "Welcome calls: first visit through a platform",
	"report.WelcomeAbout":            "New {customers} whose first visit was booked through a platform and who have not booked a second one. Call them soon, before they drift: welcome them, offer the next appointment directly, and ask how they want to be reminded.",
	"report.NoWelcome":               "No new {customer} to welcome: nobody's first visit in the last weeks was booked through a platform without a second booking.",
	"report.FirstTimers":             "What became of platform first-timers",
	"report.FirstTimersAbout":        "{Customers} whose first visit was booked through a platform, by the month of that visit, and how they booked their second: directly, through the platform again, or not yet. A second booking through the platform means the direct way was not offered or did not work.",
	"report.FirstVisitMonth":         "Month of the first visit",
	"report.FirstTimersCount":        "Platform first-timers",
	"report.SecondDirect":            "Second visit booked directly",
	"report.SecondPlatform":          "Second through the platform again",
	"report.SecondNone":              "No second visit yet",
	"report.Why":                     "Why this rank",
	"report.ChanceBack":              "Chance back",
	"calls.chance-back":              "chance back",
	"report.SheetFollowUps":          "Follow-ups",
	"report.SheetWelcome":            "Welcome",
	"report.CallListSheet":           "Calls",
	"csv.why":                        "why",
	"csv.chance_back":                "chance_back",
}

var callsDE = map[string]string{
	"calls.why.win-back":             "Seit %s weg: %s der {customers}, die so lange weg waren, kamen binnen eines Jahres wieder. Ein Jahr ihrer Besuche ist %s wert: %s zurückzugewinnen.",
	"calls.why.win-back.no-amounts":  "Seit %s weg: %s der {customers}, die so lange weg waren, kamen binnen eines Jahres wieder.",
	"calls.why.estimated":            " (So lange waren nur wenige in den Daten weg: geschätzt.)",
	"calls.why.long-lost":            "Lange weg, über ein Jahr. ",
	"calls.why.outranks":             " Steht wegen des Werts eines Jahres ihrer Besuche vor kürzlich weggebliebenen {customers}.",
	"calls.why.follow-up":            "Behandlungsserie %[2]s %[1]s beendet: ein Anruf, um nachzufragen, wie es geht.",
	"calls.why.follow-up.no-service": "Behandlungsserie %s beendet: ein Anruf, um nachzufragen, wie es geht.",
	"calls.why.welcome":              "Erster Besuch %s, gebucht über %s; seither nichts direkt gebucht.",
	"calls.question.general":         "Wir haben Sie eine Weile nicht gesehen. Wie geht es Ihnen, und können wir etwas besser für Sie machen?",
	"calls.question.follow-up":       "Ihre Behandlungsserie bei uns ist abgeschlossen. Wie geht es Ihnen jetzt? Wäre ein Kontrolltermin hilfreich?",
	"calls.question.welcome":         "Herzlich willkommen und danke für Ihren ersten Besuch! Dürfen wir Ihren nächsten Termin gleich direkt mit Ihnen vereinbaren? Wie möchten Sie erinnert werden: per Telefon, SMS oder E-Mail?",
	"report.FollowUps":               "Nachsorge: Wie geht es?",
	"report.FollowUpsAbout":          "{Customers}, deren Behandlungsserie kürzlich endete, die jüngsten zuerst. Sie sind nicht weggeblieben: Ein Anruf, der nachfragt, wie es geht und ob ein Kontrolltermin hilft, hält sie.",
	"report.NoFollowUps":             "Niemand hat eine Behandlungsserie abgeschlossen.",
	"report.Welcome":                 "Willkommensanrufe: erster Besuch über eine Plattform",
	"report.WelcomeAbout":            "Neue {customers}, deren erster Besuch über eine Plattform gebucht wurde und die noch keinen zweiten Termin haben. Rufen Sie bald an, bevor sie abwandern: begrüßen, den nächsten Termin direkt anbieten und fragen, wie sie erinnert werden möchten.",
	"report.NoWelcome":               "Niemand neu zu begrüßen: Kein erster Besuch der letzten Wochen wurde über eine Plattform gebucht, ohne dass ein zweiter Termin folgte.",
	"report.FirstTimers":             "Was aus den Erstbesuchen über Plattformen wurde",
	"report.FirstTimersAbout":        "{Customers}, deren erster Besuch über eine Plattform gebucht wurde, nach dem Monat dieses Besuchs, und wie sie den zweiten buchten: direkt, wieder über die Plattform oder noch gar nicht. Eine zweite Buchung über die Plattform heißt: Der direkte Weg wurde nicht angeboten oder hat nicht funktioniert.",
	"report.FirstVisitMonth":         "Monat des ersten Besuchs",
	"report.FirstTimersCount":        "Erstbesuche über Plattform",
	"report.SecondDirect":            "Zweiter Besuch direkt gebucht",
	"report.SecondPlatform":          "Zweiter wieder über die Plattform",
	"report.SecondNone":              "Noch kein zweiter Besuch",
	"report.Why":                     "Warum oben",
	"report.ChanceBack":              "Chance auf Rückkehr",
	"calls.chance-back":              "Chance auf Rückkehr",
	"report.SheetFollowUps":          "Nachsorge",
	"report.SheetWelcome":            "Willkommen",
	"report.CallListSheet":           "Anrufe",
	"csv.why":                        "Warum oben",
	"csv.chance_back":                "Chance auf Rückkehr",
}

func init() {
	maps.Copy(en, callsEN)
	maps.Copy(de, callsDE)
}

// WinBackWhy says why a win-back call ranks where it does: how long the customer has been
// away, how many away that long came back, and, with amounts, what a year of their visits
// is worth and what the call can win back.
func (c *Catalogue) WinBackWhy(k *calls.Call, amounts bool) string {
	var buf [512]byte
	var away, pct, value, back [32]byte
	b := buf[:0]
	if k.LongLost {
		b = append(b, c.T("calls.why.long-lost")...)
	}
	span, chance := c.appendSpan(away[:0], float64(k.Away), ".dative"), c.appendPercent(pct[:0], k.Chance)
	if amounts {
		b = c.appendF(b, "calls.why.win-back", span, chance, c.appendMoney(value[:0], k.Value, true), c.appendMoney(back[:0], k.Recoverable, true))
	} else {
		b = c.appendF(b, "calls.why.win-back.no-amounts", span, chance)
	}
	if !k.Measured {
		b = append(b, c.T("calls.why.estimated")...)
	}
	if k.LongLost && k.Outranks {
		b = append(b, c.T("calls.why.outranks")...)
	}
	return string(b)
}

// FollowUpWhy says why a follow-up call is on the list: the course that finished, and when.
func (c *Catalogue) FollowUpWhy(v *lapse.Verdict) string {
	var buf, ago [256]byte
	if v.Basis.Service == "" {
		return string(c.appendF(buf[:0], "calls.why.follow-up.no-service", c.appendAgo(ago[:0], v.CurrentGap)))
	}
	return string(c.appendF(buf[:0], "calls.why.follow-up", c.appendAgo(ago[:0], v.CurrentGap), v.Basis.Service))
}

// WelcomeWhy says why a welcome call is on the list: the first visit, and the platform.
func (c *Catalogue) WelcomeWhy(days int, platform string) string {
	var buf, ago [256]byte
	return string(c.appendF(buf[:0], "calls.why.welcome", c.appendAgo(ago[:0], days), platform))
}

// GroupWord is the call group's word: "win-back", "Rückgewinnung".
func (c *Catalogue) GroupWord(g calls.Group) string {
	for _, t := range CallGroups() {
		if t.Code == g.String() {
			return t.In(c)
		}
	}
	return g.String()
}
