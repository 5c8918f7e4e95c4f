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

// render writes the evidence and question of a finding with code c and facts f, in German
// when de and in English otherwise.
func render(c code, f *Facts, de bool) (ev, q string) {
	switch c {
	case cLastCancelled:
		d := date(f.Day, de)
		if de {
			return "Letzter Termin am " + d + paren(f.Service) + " abgesagt; seitdem kein neuer Termin.",
				"Ihr letzter Termin am " + d + " wurde abgesagt – ist etwas dazwischengekommen? Sollen wir Ihnen einen neuen Termin vorschlagen?"
		}
		return "Last appointment on " + d + paren(f.Service) + " was cancelled; nothing booked since.",
			"Your last appointment on " + d + " was cancelled – did something come up? Shall we suggest a new date?"

	case cLastNoShow:
		d := date(f.Day, de)
		if de {
			return "Letzter Termin am " + d + paren(f.Service) + " nicht wahrgenommen; seitdem kein neuer Termin.",
				"Zu Ihrem Termin am " + d + " haben wir Sie leider vermisst – ist etwas dazwischengekommen? Sollen wir Ihnen einen neuen Termin vorschlagen?"
		}
		return "Last appointment on " + d + paren(f.Service) + " was missed; nothing booked since.",
			"We missed you at your appointment on " + d + " – did something come up? Shall we suggest a new date?"

	case cStaffSwitch:
		return renderStaff(f, de)

	case cSlowing:
		_, hi := minMax(f.Recent)
		usual := days(f.Usual)
		if de {
			unit := " Tage"
			if len(f.Recent) == 1 && f.Recent[0] == 1 {
				unit = " Tag"
			}
			return "Abstände zwischen den Besuchen von meist " + count(usual, "Tag", "Tagen") + " auf " + numbers(f.Recent, "und") + unit +
					" gewachsen; letzter Besuch am " + date(f.Day, true) + ".",
				"Zuletzt lagen bis zu " + span(float64(hi), true) + " zwischen Ihren Besuchen, früher etwa " +
					span(f.Usual, true) + ". Hat sich bei Ihnen etwas verändert? Würde Ihnen ein anderer Rhythmus oder eine andere Uhrzeit besser passen?"
		}
		return "Gaps between visits grew from usually " + count(usual, "day", "days") + " to " + numbers(f.Recent, "and") +
				" days; last visit on " + date(f.Day, false) + ".",
			"Recently up to " + span(float64(hi), false) + " passed between your visits, compared with about " +
				span(f.Usual, false) + " before. Has something changed for you? Would a different rhythm or time of day suit you better?"

	case cOneVisit:
		d := date(f.Day, de)
		if de {
			via := ""
			if len(f.Channels) > 0 {
				via = ", gebucht über " + f.Channels[0]
			}
			return "Nur ein Besuch, am " + d + paren(f.Service) + via + ".",
				"Sie waren am " + d + " zum ersten Mal bei uns – wie war dieser Besuch für Sie? Gibt es etwas, das wir besser machen können?"
		}
		via := ""
		if len(f.Channels) > 0 {
			via = ", booked via " + f.Channels[0]
		}
		return "Only one visit, on " + d + paren(f.Service) + via + ".",
			"You visited us for the first time on " + d + " – how was that visit for you? Is there anything we could do better?"

	case cPlatformOnly:
		if de {
			chs := list(f.Channels, "oder")
			const ask = " Möchten Sie Ihren nächsten Termin direkt bei uns vereinbaren? Gern erinnern wir Sie auch an Ihre Termine."
			switch f.Count {
			case 1:
				return "Einmal gebucht, über " + chs + "; nie direkt.", "Sie haben Ihren Termin über " + chs + " gebucht." + ask
			case 2:
				return "Beide Buchungen über " + chs + "; keine direkt.", "Sie haben bisher immer über " + chs + " gebucht." + ask
			}
			return "Alle " + strconv.Itoa(f.Count) + " Buchungen über " + chs + "; keine direkt.",
				"Sie haben bisher immer über " + chs + " gebucht." + ask
		}
		chs := list(f.Channels, "or")
		const ask = " Would you like to book your next appointment directly with us? We are also happy to remind you of your appointments."
		switch f.Count {
		case 1:
			return "Booked once, via " + chs + "; never directly.", "You booked your appointment through " + chs + "." + ask
		case 2:
			return "Both bookings via " + chs + "; none made directly.", "So far you have always booked through " + chs + "." + ask
		}
		return "All " + strconv.Itoa(f.Count) + " bookings via " + chs + "; none made directly.",
			"So far you have always booked through " + chs + "." + ask

	case cPriceUp:
		lo, hi := minMax(f.Recent)
		last := f.Recent[len(f.Recent)-1]
		usual := int64(math.Round(f.Usual))
		if de {
			var cost string
			switch {
			case len(f.Recent) == 1:
				cost = "kostete " + amount(lo, true)
			case lo == hi:
				cost = "kosteten je " + amount(lo, true)
			default:
				cost = "kosteten zwischen " + amount(lo, true) + " und " + amount(hi, true)
			}
			lastDE := "Letzte " + strconv.Itoa(f.Count) + " Besuche"
			if f.Count == 1 {
				lastDE = "Letzter Besuch"
			}
			usualDE := amount(usual, true)
			return lastDE + paren(f.Service) + " " + cost + "; davor meist " + usualDE + ".",
				"Ihre letzten Termine kosteten mehr als früher (zuletzt " + amount(last, true) + " statt meist " +
					usualDE + "). Kam das für Sie überraschend? Können wir etwas erklären oder anders lösen?"
		}
		var cost string
		switch {
		case len(f.Recent) == 1:
			cost = amount(lo, false)
		case lo == hi:
			cost = amount(lo, false) + " each"
		default:
			cost = "between " + amount(lo, false) + " and " + amount(hi, false)
		}
		lastEN := "Last " + strconv.Itoa(f.Count) + " visits"
		if f.Count == 1 {
			lastEN = "Last visit"
		}
		usualEN := amount(usual, false)
		return lastEN + paren(f.Service) + " cost " + cost + "; before, usually " + usualEN + ".",
			"Your last visits cost more than before (most recently " + amount(last, false) + " instead of usually " +
				usualEN + "). Did that come as a surprise? Is there anything we can explain or arrange differently?"

	case cLongWait:
		lo, hi := minMax(f.Recent)
		usual := days(f.Usual)
		if de {
			ahead := strconv.FormatInt(lo, 10) + " bis " + strconv.FormatInt(hi, 10) + " Tage"
			if lo == hi {
				ahead = count(int(lo), "Tag", "Tage")
			}
			usualDE := "meist noch am selben Tag"
			if usual != 0 {
				usualDE = "meist " + count(usual, "Tag", "Tage")
			}
			lastDE := "Letzte " + strconv.Itoa(f.Count) + " Termine"
			if f.Count == 1 {
				lastDE = "Letzter Termin"
			}
			return lastDE + " " + ahead + " im Voraus gebucht; davor " + usualDE + ".",
				"Zuletzt lagen zwischen Buchung und Termin bis zu " + span(float64(hi), true) + " (früher " + usualDE +
					"). Haben Sie zeitnah einen Termin bekommen, als Sie ihn brauchten? Gern bieten wir Ihnen einen passenden Termin an."
		}
		ahead := strconv.FormatInt(lo, 10) + " to " + strconv.FormatInt(hi, 10) + " days"
		if lo == hi {
			ahead = count(int(lo), "day", "days")
		}
		usualEN := "usually the same day"
		if usual != 0 {
			usualEN = "usually " + count(usual, "day", "days")
		}
		lastEN := "Last " + strconv.Itoa(f.Count) + " appointments"
		if f.Count == 1 {
			lastEN = "Last appointment"
		}
		return lastEN + " booked " + ahead + " ahead; before, " + usualEN + ".",
			"Recently there were up to " + span(float64(hi), false) + " between booking and appointment (before, " + usualEN +
				"). Were you able to get an appointment when you needed one? We would be glad to offer you a date that suits you."

	case cReferral:
		if de {
			visits := ""
			switch {
			case f.Count == 1:
				visits = "; 1 Besuch am " + date(f.Day, true)
			case f.Count > 1:
				visits = "; " + strconv.Itoa(f.Count) + " Besuche, zuletzt am " + date(f.Day, true)
			}
			return "Gekommen über " + stop(f.Referrer+visits),
				"Sie kamen auf Empfehlung von " + stop(f.Referrer) + " Wie geht es Ihnen inzwischen? Dürfen wir dort kurz berichten, wie es gelaufen ist?"
		}
		visits := ""
		switch {
		case f.Count == 1:
			visits = "; 1 visit, on " + date(f.Day, false)
		case f.Count > 1:
			visits = "; " + strconv.Itoa(f.Count) + " visits, the last on " + date(f.Day, false)
		}
		return "Referred by " + stop(f.Referrer+visits),
			"You were referred to us by " + stop(f.Referrer) + " How are you doing now? May we let them know briefly how things went?"

	case cLoyalLost:
		n, from, last := strconv.Itoa(f.Count), date(f.From, de), date(f.Day, de)
		if de {
			return n + " Besuche vom " + from + " bis " + last + ", " + rhythm(f.Usual, true) + "; seitdem keiner mehr.",
				"Sie waren seit " + monthYear(f.From, true) + " " + n +
					"-mal bei uns – vielen Dank für Ihre Treue! Seit dem " + last +
					" haben wir Sie nicht mehr gesehen. Wie geht es Ihnen, und können wir etwas für Sie tun?"
		}
		return n + " visits from " + from + " to " + last + ", " + rhythm(f.Usual, false) + "; none since.",
			"You have been with us " + n + " times since " + monthYear(f.From, false) +
				" – thank you for your loyalty! We have not seen you since " + last +
				". How are you, and is there anything we can do for you?"

	case cManyContacts:
		n := strconv.Itoa(f.Cancelled + f.Missed)
		from, last := date(f.From, de), date(f.Day, de)
		var what []string
		if de {
			if f.Cancelled > 0 {
				what = append(what, count(f.Cancelled, "Absage", "Absagen"))
			}
			if f.Missed > 0 {
				what = append(what, count(f.Missed, "nicht wahrgenommener Termin", "nicht wahrgenommene Termine"))
			}
			return list(what, "und") + " zwischen dem " + from + " und dem " + last + ".",
				"Zwischen dem " + from + " und dem " + last + " sind " + n + " Ihrer Termine ausgefallen. Ist Ihr Anliegen gelöst, oder gibt es noch etwas, bei dem wir helfen können?"
		}
		if f.Cancelled > 0 {
			what = append(what, count(f.Cancelled, "cancellation", "cancellations"))
		}
		if f.Missed > 0 {
			what = append(what, count(f.Missed, "missed appointment", "missed appointments"))
		}
		return list(what, "and") + " between " + from + " and " + last + ".",
			"Between " + from + " and " + last + ", " + n + " of your appointments did not take place. Has everything been sorted out for you, or is there something we can still help with?"

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
		if de {
			return "Kein bevorzugter Kontaktweg hinterlegt" + paren(knownDE) + ".",
				"Wie möchten Sie künftig an Termine erinnert werden – per Anruf, Brief, E-Mail oder SMS?"
		}
		return "No contact preference on record" + paren(known) + ".",
			"How would you like us to remind you of appointments: by phone, letter, e-mail or text message?"

	case cCourseFinished:
		last := date(f.Day, de)
		if f.Count < 2 {
			if de {
				return "Letzter Besuch am " + last + paren(f.Service) + "; seitdem kein Termin.",
					"Ihr letzter Termin" + paren(f.Service) + " war am " + last + ". Wie geht es Ihnen seitdem? Wäre ein Folgetermin hilfreich?"
			}
			return "Last visit on " + last + paren(f.Service) + "; nothing booked since.",
				"Your last appointment" + paren(f.Service) + " was on " + last + ". How are you doing since then? Would a follow-up appointment be helpful?"
		}
		n := strconv.Itoa(f.Count)
		if de {
			return "Serie von " + n + " Terminen" + paren(f.Service) + " vom " + date(f.From, true) + " bis " +
					last + ", " + rhythm(f.Usual, true) + "; seitdem kein Termin.",
				"Ihre Serie von " + n + " Terminen" + paren(f.Service) + " endete am " + last +
					". Wie geht es Ihnen seitdem? Wäre ein Folgetermin hilfreich?"
		}
		return "Series of " + n + " appointments" + paren(f.Service) + " from " + date(f.From, false) + " to " +
				last + ", " + rhythm(f.Usual, false) + "; nothing booked since.",
			"Your series of " + n + " appointments" + paren(f.Service) + " ended on " + last +
				". How are you doing since then? Would a follow-up appointment be helpful?"
	}
	return "", ""
}

// renderStaff writes the staff-switch texts, in German when de. With a usual person,
// Count of the last Of visits were with others; People is the number of different people
// in those Of visits.
func renderStaff(f *Facts, de bool) (ev, q string) {
	of := strconv.Itoa(f.Of)
	if f.BeforeOf == 0 {
		// No usual person: many different people from the start.
		if de {
			with := strconv.Itoa(f.People) + " verschiedenen Personen"
			if len(f.Staff) > 0 {
				with = list(f.Staff, "und")
			}
			return stop("Die letzten " + of + " Besuche bei " + with),
				"Ihre letzten " + of + " Termine hatten Sie bei " + strconv.Itoa(f.People) + " verschiedenen Personen aus unserem Team. Haben Sie sich gut betreut gefühlt? Wäre Ihnen eine feste Ansprechperson lieber?"
		}
		with := strconv.Itoa(f.People) + " different people"
		if len(f.Staff) > 0 {
			with = list(f.Staff, "and")
		}
		return stop("The last " + of + " visits were with " + with),
			"Your last " + of + " appointments were with " + strconv.Itoa(f.People) + " different people from our team. Did you feel well looked after? Would you prefer one regular contact person?"
	}
	others := f.People
	if f.Count < f.Of {
		others-- // the usual person is among the People
	}
	if de {
		before := strconv.Itoa(f.Before) + " von " + strconv.Itoa(f.BeforeOf) + " Besuchen"
		if f.Before == f.BeforeOf {
			before = "alle " + strconv.Itoa(f.Before) + " Besuche"
		}
		usual := "derselben Person"
		with := strconv.Itoa(others) + " anderen Personen"
		if others == 1 {
			with = "einer anderen Person"
		}
		if len(f.Staff) > 0 {
			usual, with = f.UsualStaff, list(f.Staff, "und")
		}
		last := strconv.Itoa(f.Count) + " der letzten " + of
		if f.Count == f.Of {
			last = "die letzten " + of
		}
		ev = stop("Davor " + before + " bei " + usual + "; " + last + " bei " + with)
		if others == 1 {
			return ev, "Ihre letzten Termine hatten Sie bei jemand anderem als sonst. Wie war der Wechsel für Sie – haben Sie sich weiterhin gut betreut gefühlt?"
		}
		return ev, "Ihre letzten " + of + " Termine hatten Sie bei " + strconv.Itoa(f.People) + " verschiedenen Personen aus unserem Team. Haben Sie sich gut betreut gefühlt? Wäre Ihnen eine feste Ansprechperson lieber?"
	}
	before := strconv.Itoa(f.Before) + " of " + strconv.Itoa(f.BeforeOf) + " visits were"
	if f.Before == f.BeforeOf {
		before = "all " + strconv.Itoa(f.Before) + " visits were"
	}
	usual := "the same person"
	with := strconv.Itoa(others) + " other people"
	if others == 1 {
		with = "one other person"
	}
	if len(f.Staff) > 0 {
		usual, with = f.UsualStaff, list(f.Staff, "and")
	}
	last := strconv.Itoa(f.Count) + " of the last " + of
	if f.Count == f.Of {
		last = "the last " + of
	}
	ev = stop("Before, " + before + " with " + usual + "; " + last + " were with " + with)
	if others == 1 {
		return ev, "Your last appointments were with someone other than the person you usually saw. How was the change for you – did you still feel well looked after?"
	}
	return ev, "Your last " + of + " appointments were with " + strconv.Itoa(f.People) + " different people from our team. Did you feel well looked after? Would you prefer one regular contact person?"
}
