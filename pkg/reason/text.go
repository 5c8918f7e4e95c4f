package reason

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/winback/winback/pkg/visit"
)

// Texts follow fixed conventions, so that a call list reads the same from row to row:
// German dates as 12.03.2025, English dates as 12 March 2025; amounts without a currency
// symbol as 1,234.56 and 1.234,56; services in parentheses; staff only with
// [Config.ShowStaff], as first name and initial ("Anna M."). Evidence states the facts
// for the caller; questions address the customer (German in Sie-form) and name the facts.

var monthsEN = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}
var monthsDE = [...]string{"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	"August", "September", "Oktober", "November", "Dezember"}

// date formats d as 12.03.2025 (German) or 12 March 2025 (English).
func date(d visit.Day, de bool) string {
	if de {
		return d.German()
	}
	y, m, dd := d.Date()
	return strconv.Itoa(dd) + " " + monthsEN[m-1] + " " + strconv.Itoa(y)
}

// monthYear formats d as "März 2025" or "March 2025".
func monthYear(d visit.Day, de bool) string {
	y, m, _ := d.Date()
	if de {
		return monthsDE[m-1] + " " + strconv.Itoa(y)
	}
	return monthsEN[m-1] + " " + strconv.Itoa(y)
}

// amount formats minor units with two decimals and grouped thousands, without a currency
// symbol: 1,234.56 (English) or 1.234,56 (German).
func amount(c int64, de bool) string {
	sep, dec := ",", "."
	if de {
		sep, dec = ".", ","
	}
	neg := c < 0
	if neg {
		c = -c
	}
	units := strconv.FormatInt(c/100, 10)
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, r := range units {
		if i > 0 && (len(units)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(r)
	}
	b.WriteString(dec)
	frac := c % 100
	b.WriteByte(byte('0' + frac/10))
	b.WriteByte(byte('0' + frac%10))
	return b.String()
}

// count formats n with the singular or plural noun: "1 visit", "3 visits".
func count(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

// days rounds a number of days for a text.
func days(d float64) int { return int(math.Round(d)) }

// span formats a length of time in the nominative: "10 days", "6 weeks", "3 months";
// "10 Tage", "6 Wochen", "3 Monate". Under two weeks in days, under 60 days in weeks.
func span(d float64, de bool) string {
	n := days(d)
	switch {
	case n < 14:
		if de {
			return count(n, "Tag", "Tage")
		}
		return count(n, "day", "days")
	case n < 60:
		w := days(d / 7)
		if de {
			return count(w, "Woche", "Wochen")
		}
		return count(w, "week", "weeks")
	}
	m := days(d / 30.44)
	if de {
		return count(m, "Monat", "Monate")
	}
	return count(m, "month", "months")
}

// rhythm describes a usual gap between visits: "about twice a week", "about every 3
// weeks"; "etwa zweimal pro Woche", "etwa alle 3 Wochen".
func rhythm(gap float64, de bool) string {
	times := []string{"", "once", "twice", "three times", "four times"}
	timesDE := []string{"", "einmal", "zweimal", "dreimal", "viermal"}
	switch {
	case gap < 1.5:
		if de {
			return "fast täglich"
		}
		return "almost daily"
	case gap < 5.5:
		n := min(4, days(7/gap))
		if de {
			return "etwa " + timesDE[n] + " pro Woche"
		}
		return "about " + times[n] + " a week"
	case gap < 10.5:
		if de {
			return "etwa einmal pro Woche"
		}
		return "about once a week"
	case gap < 60:
		w := days(gap / 7)
		if de {
			return "etwa alle " + strconv.Itoa(w) + " Wochen"
		}
		return "about every " + strconv.Itoa(w) + " weeks"
	case gap < 300:
		m := days(gap / 30.44)
		if de {
			return "etwa alle " + strconv.Itoa(m) + " Monate"
		}
		return "about every " + strconv.Itoa(m) + " months"
	case gap < 550:
		if de {
			return "etwa einmal im Jahr"
		}
		return "about once a year"
	}
	y := days(gap / 365.25)
	if de {
		return "etwa alle " + strconv.Itoa(y) + " Jahre"
	}
	return "about every " + strconv.Itoa(y) + " years"
}

// list joins items as "A, B and C" (conj "and"/"und"/"or"/"oder").
func list(items []string, conj string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + conj + " " + items[len(items)-1]
}

// numbers joins day counts as "24, 34 and 45".
func numbers(vs []int64, conj string) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = strconv.FormatInt(v, 10)
	}
	return list(s, conj)
}

// stop ends a sentence with a period unless it ends with one ("Dr. med." or "GmbH.").
func stop(s string) string {
	if strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// paren returns " (s)", or "" for an empty s.
func paren(s string) string {
	if s == "" {
		return ""
	}
	return " (" + s + ")"
}

// shortName turns a staff name into first name and initial: "Anna Müller" and
// "Müller, Anna" become "Anna M.", "Miriam Schulte-Ebbert" becomes "Miriam S."; a single
// word stays as it is.
func shortName(name string) string {
	name = strings.TrimSpace(name)
	if last, first, ok := strings.Cut(name, ","); ok {
		name = strings.TrimSpace(first) + " " + strings.TrimSpace(last)
	}
	f := strings.Fields(name)
	if len(f) < 2 {
		return name
	}
	r, _ := utf8.DecodeRuneInString(f[len(f)-1])
	return strings.Join(f[:len(f)-1], " ") + " " + string(r) + "."
}

// minMax returns the smallest and largest of vs (vs not empty).
func minMax(vs []int64) (lo, hi int64) {
	lo, hi = vs[0], vs[0]
	for _, v := range vs[1:] {
		lo, hi = min(lo, v), max(hi, v)
	}
	return lo, hi
}

// texts holds a finding's four texts.
type texts struct{ ev, q, evDE, qDE string }

// render writes the evidence and question of a finding with code c and facts f.
func render(c code, f *Facts) texts {
	switch c {
	case cLastCancelled:
		return texts{
			ev:   "Last appointment on " + date(f.Day, false) + paren(f.Service) + " was cancelled; nothing booked since.",
			q:    "Your last appointment on " + date(f.Day, false) + " was cancelled – did something come up? Shall we suggest a new date?",
			evDE: "Letzter Termin am " + date(f.Day, true) + paren(f.Service) + " abgesagt; seitdem kein neuer Termin.",
			qDE:  "Ihr letzter Termin am " + date(f.Day, true) + " wurde abgesagt – ist etwas dazwischengekommen? Sollen wir Ihnen einen neuen Termin vorschlagen?",
		}

	case cLastNoShow:
		return texts{
			ev:   "Last appointment on " + date(f.Day, false) + paren(f.Service) + " was missed; nothing booked since.",
			q:    "We missed you at your appointment on " + date(f.Day, false) + " – did something come up? Shall we suggest a new date?",
			evDE: "Letzter Termin am " + date(f.Day, true) + paren(f.Service) + " nicht wahrgenommen; seitdem kein neuer Termin.",
			qDE:  "Zu Ihrem Termin am " + date(f.Day, true) + " haben wir Sie leider vermisst – ist etwas dazwischengekommen? Sollen wir Ihnen einen neuen Termin vorschlagen?",
		}

	case cStaffSwitch:
		return renderStaff(f)

	case cSlowing:
		_, hi := minMax(f.Recent)
		usual := days(f.Usual)
		recentDE := numbers(f.Recent, "und")
		unitDE := " Tage"
		if len(f.Recent) == 1 && f.Recent[0] == 1 {
			unitDE = " Tag"
		}
		usualDE := count(usual, "Tag", "Tagen")
		return texts{
			ev: "Gaps between visits grew from usually " + count(usual, "day", "days") + " to " + numbers(f.Recent, "and") +
				" days; last visit on " + date(f.Day, false) + ".",
			q: "Recently up to " + span(float64(hi), false) + " passed between your visits, compared with about " +
				span(f.Usual, false) + " before. Has something changed for you? Would a different rhythm or time of day suit you better?",
			evDE: "Abstände zwischen den Besuchen von meist " + usualDE + " auf " + recentDE + unitDE +
				" gewachsen; letzter Besuch am " + date(f.Day, true) + ".",
			qDE: "Zuletzt lagen bis zu " + span(float64(hi), true) + " zwischen Ihren Besuchen, früher etwa " +
				span(f.Usual, true) + ". Hat sich bei Ihnen etwas verändert? Würde Ihnen ein anderer Rhythmus oder eine andere Uhrzeit besser passen?",
		}

	case cOneVisit:
		via, viaDE := "", ""
		if len(f.Channels) > 0 {
			via, viaDE = ", booked via "+f.Channels[0], ", gebucht über "+f.Channels[0]
		}
		return texts{
			ev:   "Only one visit, on " + date(f.Day, false) + paren(f.Service) + via + ".",
			q:    "You visited us for the first time on " + date(f.Day, false) + " – how was that visit for you? Is there anything we could do better?",
			evDE: "Nur ein Besuch, am " + date(f.Day, true) + paren(f.Service) + viaDE + ".",
			qDE:  "Sie waren am " + date(f.Day, true) + " zum ersten Mal bei uns – wie war dieser Besuch für Sie? Gibt es etwas, das wir besser machen können?",
		}

	case cPlatformOnly:
		chs, chsDE := list(f.Channels, "or"), list(f.Channels, "oder")
		t := texts{
			ev:   "All " + strconv.Itoa(f.Count) + " bookings via " + chs + "; none made directly.",
			q:    "So far you have always booked through " + chs + ".",
			evDE: "Alle " + strconv.Itoa(f.Count) + " Buchungen über " + chsDE + "; keine direkt.",
			qDE:  "Sie haben bisher immer über " + chsDE + " gebucht.",
		}
		if f.Count == 2 {
			t.ev, t.evDE = "Both bookings via "+chs+"; none made directly.", "Beide Buchungen über "+chsDE+"; keine direkt."
		}
		if f.Count == 1 {
			t = texts{
				ev:   "Booked once, via " + chs + "; never directly.",
				q:    "You booked your appointment through " + chs + ".",
				evDE: "Einmal gebucht, über " + chsDE + "; nie direkt.",
				qDE:  "Sie haben Ihren Termin über " + chsDE + " gebucht.",
			}
		}
		t.q += " Would you like to book your next appointment directly with us? We are also happy to remind you of your appointments."
		t.qDE += " Möchten Sie Ihren nächsten Termin direkt bei uns vereinbaren? Gern erinnern wir Sie auch an Ihre Termine."
		return t

	case cPriceUp:
		lo, hi := minMax(f.Recent)
		last := f.Recent[len(f.Recent)-1]
		usual := int64(math.Round(f.Usual))
		var costEN, costDE string
		switch {
		case len(f.Recent) == 1:
			costEN, costDE = amount(lo, false), "kostete "+amount(lo, true)
		case lo == hi:
			costEN, costDE = amount(lo, false)+" each", "kosteten je "+amount(lo, true)
		default:
			costEN = "between " + amount(lo, false) + " and " + amount(hi, false)
			costDE = "kosteten zwischen " + amount(lo, true) + " und " + amount(hi, true)
		}
		lastEN, lastDE := "Last "+strconv.Itoa(f.Count)+" visits", "Letzte "+strconv.Itoa(f.Count)+" Besuche"
		if f.Count == 1 {
			lastEN, lastDE = "Last visit", "Letzter Besuch"
		}
		return texts{
			ev: lastEN + paren(f.Service) + " cost " + costEN + "; before, usually " + amount(usual, false) + ".",
			q: "Your last visits cost more than before (most recently " + amount(last, false) + " instead of usually " +
				amount(usual, false) + "). Did that come as a surprise? Is there anything we can explain or arrange differently?",
			evDE: lastDE + paren(f.Service) + " " + costDE + "; davor meist " + amount(usual, true) + ".",
			qDE: "Ihre letzten Termine kosteten mehr als früher (zuletzt " + amount(last, true) + " statt meist " +
				amount(usual, true) + "). Kam das für Sie überraschend? Können wir etwas erklären oder anders lösen?",
		}

	case cLongWait:
		lo, hi := minMax(f.Recent)
		ahead, aheadDE := strconv.FormatInt(lo, 10)+" to "+strconv.FormatInt(hi, 10)+" days", strconv.FormatInt(lo, 10)+" bis "+strconv.FormatInt(hi, 10)+" Tage"
		if lo == hi {
			ahead, aheadDE = count(int(lo), "day", "days"), count(int(lo), "Tag", "Tage")
		}
		usual := days(f.Usual)
		usualEN, usualDE := "usually "+count(usual, "day", "days"), "meist "+count(usual, "Tag", "Tage")
		if usual == 0 {
			usualEN, usualDE = "usually the same day", "meist noch am selben Tag"
		}
		lastEN, lastDE := "Last "+strconv.Itoa(f.Count)+" appointments", "Letzte "+strconv.Itoa(f.Count)+" Termine"
		if f.Count == 1 {
			lastEN, lastDE = "Last appointment", "Letzter Termin"
		}
		return texts{
			ev: lastEN + " booked " + ahead + " ahead; before, " + usualEN + ".",
			q: "Recently there were up to " + span(float64(hi), false) + " between booking and appointment (before, " + usualEN +
				"). Were you able to get an appointment when you needed one? We would be glad to offer you a date that suits you.",
			evDE: lastDE + " " + aheadDE + " im Voraus gebucht; davor " + usualDE + ".",
			qDE: "Zuletzt lagen zwischen Buchung und Termin bis zu " + span(float64(hi), true) + " (früher " + usualDE +
				"). Haben Sie zeitnah einen Termin bekommen, als Sie ihn brauchten? Gern bieten wir Ihnen einen passenden Termin an.",
		}

	case cReferral:
		visits, visitsDE := "", ""
		switch {
		case f.Count == 1:
			visits, visitsDE = "; 1 visit, on "+date(f.Day, false), "; 1 Besuch am "+date(f.Day, true)
		case f.Count > 1:
			visits = "; " + strconv.Itoa(f.Count) + " visits, the last on " + date(f.Day, false)
			visitsDE = "; " + strconv.Itoa(f.Count) + " Besuche, zuletzt am " + date(f.Day, true)
		}
		return texts{
			ev:   "Referred by " + stop(f.Referrer+visits),
			q:    "You were referred to us by " + stop(f.Referrer) + " How are you doing now? May we let them know briefly how things went?",
			evDE: "Gekommen über " + stop(f.Referrer+visitsDE),
			qDE:  "Sie kamen auf Empfehlung von " + stop(f.Referrer) + " Wie geht es Ihnen inzwischen? Dürfen wir dort kurz berichten, wie es gelaufen ist?",
		}

	case cLoyalLost:
		return texts{
			ev: strconv.Itoa(f.Count) + " visits from " + date(f.From, false) + " to " + date(f.Day, false) + ", " +
				rhythm(f.Usual, false) + "; none since.",
			q: "You have been with us " + strconv.Itoa(f.Count) + " times since " + monthYear(f.From, false) +
				" – thank you for your loyalty! We have not seen you since " + date(f.Day, false) +
				". How are you, and is there anything we can do for you?",
			evDE: strconv.Itoa(f.Count) + " Besuche vom " + date(f.From, true) + " bis " + date(f.Day, true) + ", " +
				rhythm(f.Usual, true) + "; seitdem keiner mehr.",
			qDE: "Sie waren seit " + monthYear(f.From, true) + " " + strconv.Itoa(f.Count) +
				"-mal bei uns – vielen Dank für Ihre Treue! Seit dem " + date(f.Day, true) +
				" haben wir Sie nicht mehr gesehen. Wie geht es Ihnen, und können wir etwas für Sie tun?",
		}

	case cManyContacts:
		var what, whatDE []string
		if f.Cancelled > 0 {
			what = append(what, count(f.Cancelled, "cancellation", "cancellations"))
			whatDE = append(whatDE, count(f.Cancelled, "Absage", "Absagen"))
		}
		if f.Missed > 0 {
			what = append(what, count(f.Missed, "missed appointment", "missed appointments"))
			whatDE = append(whatDE, count(f.Missed, "nicht wahrgenommener Termin", "nicht wahrgenommene Termine"))
		}
		n := strconv.Itoa(f.Cancelled + f.Missed)
		return texts{
			ev:   list(what, "and") + " between " + date(f.From, false) + " and " + date(f.Day, false) + ".",
			q:    "Between " + date(f.From, false) + " and " + date(f.Day, false) + ", " + n + " of your appointments did not take place. Has everything been sorted out for you, or is there something we can still help with?",
			evDE: list(whatDE, "und") + " zwischen dem " + date(f.From, true) + " und dem " + date(f.Day, true) + ".",
			qDE:  "Zwischen dem " + date(f.From, true) + " und dem " + date(f.Day, true) + " sind " + n + " Ihrer Termine ausgefallen. Ist Ihr Anliegen gelöst, oder gibt es noch etwas, bei dem wir helfen können?",
		}

	case cNoContactPreference:
		known, knownDE := "", ""
		if f.contactColumns {
			switch {
			case f.HasPhone && f.HasEmail:
				known, knownDE = "phone and e-mail known", "Telefon und E-Mail bekannt"
			case f.HasPhone:
				known, knownDE = "phone known", "Telefon bekannt"
			case f.HasEmail:
				known, knownDE = "e-mail known", "E-Mail bekannt"
			default:
				known, knownDE = "neither phone nor e-mail known", "weder Telefon noch E-Mail bekannt"
			}
		}
		return texts{
			ev:   "No contact preference on record" + paren(known) + ".",
			q:    "How would you like us to remind you of appointments: by phone, letter, e-mail or text message?",
			evDE: "Kein bevorzugter Kontaktweg hinterlegt" + paren(knownDE) + ".",
			qDE:  "Wie möchten Sie künftig an Termine erinnert werden – per Anruf, Brief, E-Mail oder SMS?",
		}

	case cCourseFinished:
		if f.Count < 2 {
			return texts{
				ev:   "Last visit on " + date(f.Day, false) + paren(f.Service) + "; nothing booked since.",
				q:    "Your last appointment" + paren(f.Service) + " was on " + date(f.Day, false) + ". How are you doing since then? Would a follow-up appointment be helpful?",
				evDE: "Letzter Besuch am " + date(f.Day, true) + paren(f.Service) + "; seitdem kein Termin.",
				qDE:  "Ihr letzter Termin" + paren(f.Service) + " war am " + date(f.Day, true) + ". Wie geht es Ihnen seitdem? Wäre ein Folgetermin hilfreich?",
			}
		}
		n := strconv.Itoa(f.Count)
		return texts{
			ev: "Series of " + n + " appointments" + paren(f.Service) + " from " + date(f.From, false) + " to " +
				date(f.Day, false) + ", " + rhythm(f.Usual, false) + "; nothing booked since.",
			q: "Your series of " + n + " appointments" + paren(f.Service) + " ended on " + date(f.Day, false) +
				". How are you doing since then? Would a follow-up appointment be helpful?",
			evDE: "Serie von " + n + " Terminen" + paren(f.Service) + " vom " + date(f.From, true) + " bis " +
				date(f.Day, true) + ", " + rhythm(f.Usual, true) + "; seitdem kein Termin.",
			qDE: "Ihre Serie von " + n + " Terminen" + paren(f.Service) + " endete am " + date(f.Day, true) +
				". Wie geht es Ihnen seitdem? Wäre ein Folgetermin hilfreich?",
		}
	}
	return texts{}
}

// renderStaff writes the staff-switch texts. With a usual person, Count of the last Of
// visits were with others; People is the number of different people in those Of visits.
func renderStaff(f *Facts) texts {
	of := strconv.Itoa(f.Of)
	if f.BeforeOf == 0 {
		// No usual person: many different people from the start.
		with, withDE := strconv.Itoa(f.People)+" different people", strconv.Itoa(f.People)+" verschiedenen Personen"
		if len(f.Staff) > 0 {
			with, withDE = list(f.Staff, "and"), list(f.Staff, "und")
		}
		return texts{
			ev:   stop("The last " + of + " visits were with " + with),
			q:    "Your last " + of + " appointments were with " + strconv.Itoa(f.People) + " different people from our team. Did you feel well looked after? Would you prefer one regular contact person?",
			evDE: stop("Die letzten " + of + " Besuche bei " + withDE),
			qDE:  "Ihre letzten " + of + " Termine hatten Sie bei " + strconv.Itoa(f.People) + " verschiedenen Personen aus unserem Team. Haben Sie sich gut betreut gefühlt? Wäre Ihnen eine feste Ansprechperson lieber?",
		}
	}
	others := f.People
	if f.Count < f.Of {
		others-- // the usual person is among the People
	}
	before := strconv.Itoa(f.Before) + " of " + strconv.Itoa(f.BeforeOf) + " visits were"
	beforeDE := strconv.Itoa(f.Before) + " von " + strconv.Itoa(f.BeforeOf) + " Besuchen"
	if f.Before == f.BeforeOf {
		before, beforeDE = "all "+strconv.Itoa(f.Before)+" visits were", "alle "+strconv.Itoa(f.Before)+" Besuche"
	}
	usual, usualDE := "the same person", "derselben Person"
	with, withDE := strconv.Itoa(others)+" other people", strconv.Itoa(others)+" anderen Personen"
	if others == 1 {
		with, withDE = "one other person", "einer anderen Person"
	}
	if len(f.Staff) > 0 {
		usual, usualDE = f.UsualStaff, f.UsualStaff
		with, withDE = list(f.Staff, "and"), list(f.Staff, "und")
	}
	last, lastDE := strconv.Itoa(f.Count)+" of the last "+of, strconv.Itoa(f.Count)+" der letzten "+of
	if f.Count == f.Of {
		last, lastDE = "the last "+of, "die letzten "+of
	}
	t := texts{
		ev:   stop("Before, " + before + " with " + usual + "; " + last + " were with " + with),
		evDE: stop("Davor " + beforeDE + " bei " + usualDE + "; " + lastDE + " bei " + withDE),
	}
	if others == 1 {
		t.q = "Your last appointments were with someone other than the person you usually saw. How was the change for you – did you still feel well looked after?"
		t.qDE = "Ihre letzten Termine hatten Sie bei jemand anderem als sonst. Wie war der Wechsel für Sie – haben Sie sich weiterhin gut betreut gefühlt?"
	} else {
		t.q = "Your last " + of + " appointments were with " + strconv.Itoa(f.People) + " different people from our team. Did you feel well looked after? Would you prefer one regular contact person?"
		t.qDE = "Ihre letzten " + of + " Termine hatten Sie bei " + strconv.Itoa(f.People) + " verschiedenen Personen aus unserem Team. Haben Sie sich gut betreut gefühlt? Wäre Ihnen eine feste Ansprechperson lieber?"
	}
	return t
}
