package reason

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/winback/winback/pkg/money"
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

// The texts are appended to a byte slice, so that a report can write them straight into
// its output without a string for each text (see [Finding.AppendIn]); the helpers below
// append what their names say.

// appendInt appends n in decimal.
func appendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

// appendDate appends d as 12.03.2025 (German, as [visit.Day.German]; nothing for
// [visit.NoDay]) or 12 March 2025 (English).
func appendDate(b []byte, d visit.Day, de bool) []byte {
	if de {
		if d == visit.NoDay {
			return b
		}
		y, m, dd := d.Date()
		if y < 0 || y > 9999 {
			return append(b, d.German()...) // never in practice; German's own formatting
		}
		return append(b, byte('0'+dd/10), byte('0'+dd%10), '.', byte('0'+m/10), byte('0'+m%10), '.',
			byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
	}
	y, m, dd := d.Date()
	b = appendInt(b, dd)
	b = append(b, ' ')
	b = append(b, monthsEN[m-1]...)
	b = append(b, ' ')
	return appendInt(b, y)
}

// date formats d as 12.03.2025 (German) or 12 March 2025 (English).
func date(d visit.Day, de bool) string { return string(appendDate(nil, d, de)) }

// appendMonthYear appends d as "März 2025" or "March 2025".
func appendMonthYear(b []byte, d visit.Day, de bool) []byte {
	y, m, _ := d.Date()
	if de {
		b = append(b, monthsDE[m-1]...)
	} else {
		b = append(b, monthsEN[m-1]...)
	}
	b = append(b, ' ')
	return appendInt(b, y)
}

// monthYear formats d as "März 2025" or "March 2025".
func monthYear(d visit.Day, de bool) string { return string(appendMonthYear(nil, d, de)) }

// appendAmount appends minor units with two decimals and grouped thousands, without a
// currency symbol: 1,234.56 (English) or 1.234,56 (German).
func appendAmount(b []byte, c int64, de bool) []byte {
	sep, dec := byte(','), byte('.')
	if de {
		sep, dec = '.', ','
	}
	if c < 0 {
		b = append(b, '-')
		c = -c
	}
	var buf [24]byte
	units := strconv.AppendInt(buf[:0], c/100, 10)
	for i, r := range units {
		if i > 0 && (len(units)-i)%3 == 0 {
			b = append(b, sep)
		}
		b = append(b, r)
	}
	frac := c % 100
	return append(b, dec, byte('0'+frac/10), byte('0'+frac%10))
}

// amount formats minor units as appendAmount appends them.
func amount(c int64, de bool) string { return string(appendAmount(nil, c, de)) }

// appendCount appends n with the singular or plural noun: "1 visit", "3 visits".
func appendCount(b []byte, n int, one, many string) []byte {
	if n == 1 {
		b = append(b, "1 "...)
		return append(b, one...)
	}
	b = appendInt(b, n)
	b = append(b, ' ')
	return append(b, many...)
}

// days rounds a number of days for a text.
func days(d float64) int { return int(math.Round(d)) }

// appendSpan appends a length of time in the nominative: "10 days", "6 weeks", "3 months";
// "10 Tage", "6 Wochen", "3 Monate". Under two weeks in days, under 60 days in weeks.
func appendSpan(b []byte, d float64, de bool) []byte {
	n := days(d)
	switch {
	case n < 14:
		if de {
			return appendCount(b, n, "Tag", "Tage")
		}
		return appendCount(b, n, "day", "days")
	case n < 60:
		w := days(d / 7)
		if de {
			return appendCount(b, w, "Woche", "Wochen")
		}
		return appendCount(b, w, "week", "weeks")
	}
	m := days(d / 30.44)
	if de {
		return appendCount(b, m, "Monat", "Monate")
	}
	return appendCount(b, m, "month", "months")
}

// span formats a length of time as appendSpan appends it.
func span(d float64, de bool) string { return string(appendSpan(nil, d, de)) }

var (
	timesEN = [...]string{"", "once", "twice", "three times", "four times"}
	timesDE = [...]string{"", "einmal", "zweimal", "dreimal", "viermal"}
)

// appendRhythm appends a usual gap between visits: "about twice a week", "about every 3
// weeks"; "etwa zweimal pro Woche", "etwa alle 3 Wochen".
func appendRhythm(b []byte, gap float64, de bool) []byte {
	// every appends "etwa alle n unitDE" or "about every n unitEN".
	every := func(b []byte, n int, unitDE, unitEN string) []byte {
		if de {
			b = append(b, "etwa alle "...)
			b = appendInt(b, n)
			return append(b, unitDE...)
		}
		b = append(b, "about every "...)
		b = appendInt(b, n)
		return append(b, unitEN...)
	}
	switch {
	case gap < 1.5:
		if de {
			return append(b, "fast täglich"...)
		}
		return append(b, "almost daily"...)
	case gap < 5.5:
		n := min(4, days(7/gap))
		if de {
			b = append(b, "etwa "...)
			b = append(b, timesDE[n]...)
			return append(b, " pro Woche"...)
		}
		b = append(b, "about "...)
		b = append(b, timesEN[n]...)
		return append(b, " a week"...)
	case gap < 10.5:
		if de {
			return append(b, "etwa einmal pro Woche"...)
		}
		return append(b, "about once a week"...)
	case gap < 60:
		return every(b, days(gap/7), " Wochen", " weeks")
	case gap < 300:
		return every(b, days(gap/30.44), " Monate", " months")
	case gap < 550:
		if de {
			return append(b, "etwa einmal im Jahr"...)
		}
		return append(b, "about once a year"...)
	}
	return every(b, days(gap/365.25), " Jahre", " years")
}

// rhythm describes a usual gap between visits as appendRhythm appends it.
func rhythm(gap float64, de bool) string { return string(appendRhythm(nil, gap, de)) }

// appendList appends items as "A, B and C" (conj "and"/"und"/"or"/"oder").
func appendList(b []byte, items []string, conj string) []byte {
	for i, s := range items {
		switch {
		case i == 0:
		case i < len(items)-1:
			b = append(b, ", "...)
		default:
			b = append(b, ' ')
			b = append(b, conj...)
			b = append(b, ' ')
		}
		b = append(b, s...)
	}
	return b
}

// appendNumbers appends day counts as "24, 34 and 45".
func appendNumbers(b []byte, vs []int64, conj string) []byte {
	for i, v := range vs {
		switch {
		case i == 0:
		case i < len(vs)-1:
			b = append(b, ", "...)
		default:
			b = append(b, ' ')
			b = append(b, conj...)
			b = append(b, ' ')
		}
		b = strconv.AppendInt(b, v, 10)
	}
	return b
}

// appendStop ends the sentence b[start:] with a period unless it ends with one ("Dr. med."
// or "GmbH.").
func appendStop(b []byte, start int) []byte {
	if len(b) > start && b[len(b)-1] == '.' {
		return b
	}
	return append(b, '.')
}

// appendParen appends " (s)", or nothing for an empty s.
func appendParen(b []byte, s string) []byte {
	if s == "" {
		return b
	}
	b = append(b, " ("...)
	b = append(b, s...)
	return append(b, ')')
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

// render returns the evidence and question of a finding with code c and facts f, in
// German when de and in English otherwise: [appendText]'s texts in one string.
func render(c code, f *Facts, de bool) (ev, q string) {
	var buf [512]byte
	out, n := appendText(buf[:0], c, f, de)
	s := string(out)
	return s[:n], s[n:]
}

// appendText appends the evidence and then the question of a finding with code c and
// facts f to b, in German when de and in English otherwise, and returns the extended slice
// and the evidence's length. It appends nothing for an unknown code.
func appendText(b []byte, c code, f *Facts, de bool) (out []byte, evLen int) {
	start := len(b)
	s := func(x string) { b = append(b, x...) }
	// mark ends the evidence.
	mark := func() { evLen = len(b) - start }
	switch c {
	case cLastCancelled:
		if de {
			s("Letzter Termin am ")
			b = appendDate(b, f.Day, true)
			b = appendParen(b, f.Service)
			s(" abgesagt; seitdem kein neuer Termin.")
			mark()
			s("Ihr letzter Termin am ")
			b = appendDate(b, f.Day, true)
			s(" wurde abgesagt – ist etwas dazwischengekommen? Sollen wir Ihnen einen neuen Termin vorschlagen?")
			break
		}
		s("Last appointment on ")
		b = appendDate(b, f.Day, false)
		b = appendParen(b, f.Service)
		s(" was cancelled; nothing booked since.")
		mark()
		s("Your last appointment on ")
		b = appendDate(b, f.Day, false)
		s(" was cancelled – did something come up? Shall we suggest a new date?")

	case cLastNoShow:
		if de {
			s("Letzter Termin am ")
			b = appendDate(b, f.Day, true)
			b = appendParen(b, f.Service)
			s(" nicht wahrgenommen; seitdem kein neuer Termin.")
			mark()
			s("Zu Ihrem Termin am ")
			b = appendDate(b, f.Day, true)
			s(" haben wir Sie leider vermisst – ist etwas dazwischengekommen? Sollen wir Ihnen einen neuen Termin vorschlagen?")
			break
		}
		s("Last appointment on ")
		b = appendDate(b, f.Day, false)
		b = appendParen(b, f.Service)
		s(" was missed; nothing booked since.")
		mark()
		s("We missed you at your appointment on ")
		b = appendDate(b, f.Day, false)
		s(" – did something come up? Shall we suggest a new date?")

	case cStaffSwitch:
		return appendStaff(b, f, de)

	case cSlowing:
		_, hi := minMax(f.Recent)
		usual := days(f.Usual)
		if de {
			s("Abstände zwischen den Besuchen von meist ")
			b = appendCount(b, usual, "Tag", "Tagen")
			s(" auf ")
			b = appendNumbers(b, f.Recent, "und")
			if len(f.Recent) == 1 && f.Recent[0] == 1 {
				s(" Tag")
			} else {
				s(" Tage")
			}
			s(" gewachsen; letzter Besuch am ")
			b = appendDate(b, f.Day, true)
			s(".")
			mark()
			s("Zuletzt lagen bis zu ")
			b = appendSpan(b, float64(hi), true)
			s(" zwischen Ihren Besuchen, früher etwa ")
			b = appendSpan(b, f.Usual, true)
			s(". Hat sich bei Ihnen etwas verändert? Würde Ihnen ein anderer Rhythmus oder eine andere Uhrzeit besser passen?")
			break
		}
		s("Gaps between visits grew from usually ")
		b = appendCount(b, usual, "day", "days")
		s(" to ")
		b = appendNumbers(b, f.Recent, "and")
		s(" days; last visit on ")
		b = appendDate(b, f.Day, false)
		s(".")
		mark()
		s("Recently up to ")
		b = appendSpan(b, float64(hi), false)
		s(" passed between your visits, compared with about ")
		b = appendSpan(b, f.Usual, false)
		s(" before. Has something changed for you? Would a different rhythm or time of day suit you better?")

	case cOneVisit:
		if de {
			s("Nur ein Besuch, am ")
			b = appendDate(b, f.Day, true)
			b = appendParen(b, f.Service)
			if len(f.Channels) > 0 {
				s(", gebucht über ")
				s(f.Channels[0])
			}
			s(".")
			mark()
			s("Sie waren am ")
			b = appendDate(b, f.Day, true)
			s(" zum ersten Mal bei uns – wie war dieser Besuch für Sie? Gibt es etwas, das wir besser machen können?")
			break
		}
		s("Only one visit, on ")
		b = appendDate(b, f.Day, false)
		b = appendParen(b, f.Service)
		if len(f.Channels) > 0 {
			s(", booked via ")
			s(f.Channels[0])
		}
		s(".")
		mark()
		s("You visited us for the first time on ")
		b = appendDate(b, f.Day, false)
		s(" – how was that visit for you? Is there anything we could do better?")

	case cPlatformOnly:
		if de {
			switch f.Count {
			case 1:
				s("Einmal gebucht, über ")
				b = appendList(b, f.Channels, "oder")
				s("; nie direkt.")
				mark()
				s("Sie haben Ihren Termin über ")
			case 2:
				s("Beide Buchungen über ")
				b = appendList(b, f.Channels, "oder")
				s("; keine direkt.")
				mark()
				s("Sie haben bisher immer über ")
			default:
				s("Alle ")
				b = appendInt(b, f.Count)
				s(" Buchungen über ")
				b = appendList(b, f.Channels, "oder")
				s("; keine direkt.")
				mark()
				s("Sie haben bisher immer über ")
			}
			b = appendList(b, f.Channels, "oder")
			s(" gebucht. Möchten Sie Ihren nächsten Termin direkt bei uns vereinbaren? Gern erinnern wir Sie auch an Ihre Termine.")
			break
		}
		switch f.Count {
		case 1:
			s("Booked once, via ")
			b = appendList(b, f.Channels, "or")
			s("; never directly.")
			mark()
			s("You booked your appointment through ")
		case 2:
			s("Both bookings via ")
			b = appendList(b, f.Channels, "or")
			s("; none made directly.")
			mark()
			s("So far you have always booked through ")
		default:
			s("All ")
			b = appendInt(b, f.Count)
			s(" bookings via ")
			b = appendList(b, f.Channels, "or")
			s("; none made directly.")
			mark()
			s("So far you have always booked through ")
		}
		b = appendList(b, f.Channels, "or")
		s(". Would you like to book your next appointment directly with us? We are also happy to remind you of your appointments.")

	case cPriceUp:
		lo, hi := minMax(f.Recent)
		last := f.Recent[len(f.Recent)-1]
		usual := money.Round(f.Usual)
		if de {
			if f.Count == 1 {
				s("Letzter Besuch")
			} else {
				s("Letzte ")
				b = appendInt(b, f.Count)
				s(" Besuche")
			}
			b = appendParen(b, f.Service)
			switch {
			case len(f.Recent) == 1:
				s(" kostete ")
				b = appendAmount(b, lo, true)
			case lo == hi:
				s(" kosteten je ")
				b = appendAmount(b, lo, true)
			default:
				s(" kosteten zwischen ")
				b = appendAmount(b, lo, true)
				s(" und ")
				b = appendAmount(b, hi, true)
			}
			s("; davor meist ")
			b = appendAmount(b, usual, true)
			s(".")
			mark()
			s("Ihre letzten Termine kosteten mehr als früher (zuletzt ")
			b = appendAmount(b, last, true)
			s(" statt meist ")
			b = appendAmount(b, usual, true)
			s("). Kam das für Sie überraschend? Können wir etwas erklären oder anders lösen?")
			break
		}
		if f.Count == 1 {
			s("Last visit")
		} else {
			s("Last ")
			b = appendInt(b, f.Count)
			s(" visits")
		}
		b = appendParen(b, f.Service)
		s(" cost ")
		switch {
		case len(f.Recent) == 1:
			b = appendAmount(b, lo, false)
		case lo == hi:
			b = appendAmount(b, lo, false)
			s(" each")
		default:
			s("between ")
			b = appendAmount(b, lo, false)
			s(" and ")
			b = appendAmount(b, hi, false)
		}
		s("; before, usually ")
		b = appendAmount(b, usual, false)
		s(".")
		mark()
		s("Your last visits cost more than before (most recently ")
		b = appendAmount(b, last, false)
		s(" instead of usually ")
		b = appendAmount(b, usual, false)
		s("). Did that come as a surprise? Is there anything we can explain or arrange differently?")

	case cLongWait:
		lo, hi := minMax(f.Recent)
		usual := days(f.Usual)
		if de {
			// usualWait appends the usual wait: "meist 3 Tage" or "meist noch am selben Tag".
			usualWait := func() {
				if usual != 0 {
					s("meist ")
					b = appendCount(b, usual, "Tag", "Tage")
				} else {
					s("meist noch am selben Tag")
				}
			}
			if f.Count == 1 {
				s("Letzter Termin ")
			} else {
				s("Letzte ")
				b = appendInt(b, f.Count)
				s(" Termine ")
			}
			if lo == hi {
				b = appendCount(b, int(lo), "Tag", "Tage")
			} else {
				b = strconv.AppendInt(b, lo, 10)
				s(" bis ")
				b = strconv.AppendInt(b, hi, 10)
				s(" Tage")
			}
			s(" im Voraus gebucht; davor ")
			usualWait()
			s(".")
			mark()
			s("Zuletzt lagen zwischen Buchung und Termin bis zu ")
			b = appendSpan(b, float64(hi), true)
			s(" (früher ")
			usualWait()
			s("). Haben Sie zeitnah einen Termin bekommen, als Sie ihn brauchten? Gern bieten wir Ihnen einen passenden Termin an.")
			break
		}
		usualWait := func() {
			if usual != 0 {
				s("usually ")
				b = appendCount(b, usual, "day", "days")
			} else {
				s("usually the same day")
			}
		}
		if f.Count == 1 {
			s("Last appointment")
		} else {
			s("Last ")
			b = appendInt(b, f.Count)
			s(" appointments")
		}
		s(" booked ")
		if lo == hi {
			b = appendCount(b, int(lo), "day", "days")
		} else {
			b = strconv.AppendInt(b, lo, 10)
			s(" to ")
			b = strconv.AppendInt(b, hi, 10)
			s(" days")
		}
		s(" ahead; before, ")
		usualWait()
		s(".")
		mark()
		s("Recently there were up to ")
		b = appendSpan(b, float64(hi), false)
		s(" between booking and appointment (before, ")
		usualWait()
		s("). Were you able to get an appointment when you needed one? We would be glad to offer you a date that suits you.")

	case cReferral:
		if de {
			s("Gekommen über ")
			from := len(b)
			s(f.Referrer)
			switch {
			case f.Count == 1:
				s("; 1 Besuch am ")
				b = appendDate(b, f.Day, true)
			case f.Count > 1:
				s("; ")
				b = appendInt(b, f.Count)
				s(" Besuche, zuletzt am ")
				b = appendDate(b, f.Day, true)
			}
			b = appendStop(b, from)
			mark()
			s("Sie kamen auf Empfehlung von ")
			from = len(b)
			s(f.Referrer)
			b = appendStop(b, from)
			s(" Wie geht es Ihnen inzwischen? Dürfen wir dort kurz berichten, wie es gelaufen ist?")
			break
		}
		s("Referred by ")
		from := len(b)
		s(f.Referrer)
		switch {
		case f.Count == 1:
			s("; 1 visit, on ")
			b = appendDate(b, f.Day, false)
		case f.Count > 1:
			s("; ")
			b = appendInt(b, f.Count)
			s(" visits, the last on ")
			b = appendDate(b, f.Day, false)
		}
		b = appendStop(b, from)
		mark()
		s("You were referred to us by ")
		from = len(b)
		s(f.Referrer)
		b = appendStop(b, from)
		s(" How are you doing now? May we let them know briefly how things went?")

	case cLoyalLost:
		if de {
			b = appendInt(b, f.Count)
			s(" Besuche vom ")
			b = appendDate(b, f.From, true)
			s(" bis ")
			b = appendDate(b, f.Day, true)
			s(", ")
			b = appendRhythm(b, f.Usual, true)
			s("; seitdem keiner mehr.")
			mark()
			s("Sie waren seit ")
			b = appendMonthYear(b, f.From, true)
			s(" ")
			b = appendInt(b, f.Count)
			s("-mal bei uns – vielen Dank für Ihre Treue! Seit dem ")
			b = appendDate(b, f.Day, true)
			s(" haben wir Sie nicht mehr gesehen. Wie geht es Ihnen, und können wir etwas für Sie tun?")
			break
		}
		b = appendInt(b, f.Count)
		s(" visits from ")
		b = appendDate(b, f.From, false)
		s(" to ")
		b = appendDate(b, f.Day, false)
		s(", ")
		b = appendRhythm(b, f.Usual, false)
		s("; none since.")
		mark()
		s("You have been with us ")
		b = appendInt(b, f.Count)
		s(" times since ")
		b = appendMonthYear(b, f.From, false)
		s(" – thank you for your loyalty! We have not seen you since ")
		b = appendDate(b, f.Day, false)
		s(". How are you, and is there anything we can do for you?")

	case cManyContacts:
		if de {
			if f.Cancelled > 0 {
				b = appendCount(b, f.Cancelled, "Absage", "Absagen")
			}
			if f.Missed > 0 {
				if f.Cancelled > 0 {
					s(" und ")
				}
				b = appendCount(b, f.Missed, "nicht wahrgenommener Termin", "nicht wahrgenommene Termine")
			}
			s(" zwischen dem ")
			b = appendDate(b, f.From, true)
			s(" und dem ")
			b = appendDate(b, f.Day, true)
			s(".")
			mark()
			s("Zwischen dem ")
			b = appendDate(b, f.From, true)
			s(" und dem ")
			b = appendDate(b, f.Day, true)
			s(" sind ")
			b = appendInt(b, f.Cancelled+f.Missed)
			s(" Ihrer Termine ausgefallen. Ist Ihr Anliegen gelöst, oder gibt es noch etwas, bei dem wir helfen können?")
			break
		}
		if f.Cancelled > 0 {
			b = appendCount(b, f.Cancelled, "cancellation", "cancellations")
		}
		if f.Missed > 0 {
			if f.Cancelled > 0 {
				s(" and ")
			}
			b = appendCount(b, f.Missed, "missed appointment", "missed appointments")
		}
		s(" between ")
		b = appendDate(b, f.From, false)
		s(" and ")
		b = appendDate(b, f.Day, false)
		s(".")
		mark()
		s("Between ")
		b = appendDate(b, f.From, false)
		s(" and ")
		b = appendDate(b, f.Day, false)
		s(", ")
		b = appendInt(b, f.Cancelled+f.Missed)
		s(" of your appointments did not take place. Has everything been sorted out for you, or is there something we can still help with?")

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
			s("Kein bevorzugter Kontaktweg hinterlegt")
			b = appendParen(b, knownDE)
			s(".")
			mark()
			s("Wie möchten Sie künftig an Termine erinnert werden – per Anruf, Brief, E-Mail oder SMS?")
			break
		}
		s("No contact preference on record")
		b = appendParen(b, known)
		s(".")
		mark()
		s("How would you like us to remind you of appointments: by phone, letter, e-mail or text message?")

	case cCourseFinished:
		if f.Count < 2 {
			if de {
				s("Letzter Besuch am ")
				b = appendDate(b, f.Day, true)
				b = appendParen(b, f.Service)
				s("; seitdem kein Termin.")
				mark()
				s("Ihr letzter Termin")
				b = appendParen(b, f.Service)
				s(" war am ")
				b = appendDate(b, f.Day, true)
				s(". Wie geht es Ihnen seitdem? Wäre ein Folgetermin hilfreich?")
				break
			}
			s("Last visit on ")
			b = appendDate(b, f.Day, false)
			b = appendParen(b, f.Service)
			s("; nothing booked since.")
			mark()
			s("Your last appointment")
			b = appendParen(b, f.Service)
			s(" was on ")
			b = appendDate(b, f.Day, false)
			s(". How are you doing since then? Would a follow-up appointment be helpful?")
			break
		}
		if de {
			s("Serie von ")
			b = appendInt(b, f.Count)
			s(" Terminen")
			b = appendParen(b, f.Service)
			s(" vom ")
			b = appendDate(b, f.From, true)
			s(" bis ")
			b = appendDate(b, f.Day, true)
			s(", ")
			b = appendRhythm(b, f.Usual, true)
			s("; seitdem kein Termin.")
			mark()
			s("Ihre Serie von ")
			b = appendInt(b, f.Count)
			s(" Terminen")
			b = appendParen(b, f.Service)
			s(" endete am ")
			b = appendDate(b, f.Day, true)
			s(". Wie geht es Ihnen seitdem? Wäre ein Folgetermin hilfreich?")
			break
		}
		s("Series of ")
		b = appendInt(b, f.Count)
		s(" appointments")
		b = appendParen(b, f.Service)
		s(" from ")
		b = appendDate(b, f.From, false)
		s(" to ")
		b = appendDate(b, f.Day, false)
		s(", ")
		b = appendRhythm(b, f.Usual, false)
		s("; nothing booked since.")
		mark()
		s("Your series of ")
		b = appendInt(b, f.Count)
		s(" appointments")
		b = appendParen(b, f.Service)
		s(" ended on ")
		b = appendDate(b, f.Day, false)
		s(". How are you doing since then? Would a follow-up appointment be helpful?")
	}
	return b, evLen
}

// appendStaff appends the staff-switch texts, in German when de, as [appendText] does.
// With a usual person, Count of the last Of visits were with others; People is the number
// of different people in those Of visits.
func appendStaff(b []byte, f *Facts, de bool) (out []byte, evLen int) {
	start := len(b)
	s := func(x string) { b = append(b, x...) }
	if f.BeforeOf == 0 {
		// No usual person: many different people from the start.
		if de {
			s("Die letzten ")
			b = appendInt(b, f.Of)
			s(" Besuche bei ")
			if len(f.Staff) > 0 {
				b = appendList(b, f.Staff, "und")
			} else {
				b = appendInt(b, f.People)
				s(" verschiedenen Personen")
			}
			b = appendStop(b, start)
			evLen = len(b) - start
			return appendManyPeople(b, f, true), evLen
		}
		s("The last ")
		b = appendInt(b, f.Of)
		s(" visits were with ")
		if len(f.Staff) > 0 {
			b = appendList(b, f.Staff, "and")
		} else {
			b = appendInt(b, f.People)
			s(" different people")
		}
		b = appendStop(b, start)
		evLen = len(b) - start
		return appendManyPeople(b, f, false), evLen
	}
	others := f.People
	if f.Count < f.Of {
		others-- // the usual person is among the People
	}
	if de {
		s("Davor ")
		if f.Before == f.BeforeOf {
			s("alle ")
			b = appendInt(b, f.Before)
			s(" Besuche")
		} else {
			b = appendInt(b, f.Before)
			s(" von ")
			b = appendInt(b, f.BeforeOf)
			s(" Besuchen")
		}
		s(" bei ")
		if len(f.Staff) > 0 {
			s(f.UsualStaff)
		} else {
			s("derselben Person")
		}
		s("; ")
		if f.Count == f.Of {
			s("die letzten ")
		} else {
			b = appendInt(b, f.Count)
			s(" der letzten ")
		}
		b = appendInt(b, f.Of)
		s(" bei ")
		switch {
		case len(f.Staff) > 0:
			b = appendList(b, f.Staff, "und")
		case others == 1:
			s("einer anderen Person")
		default:
			b = appendInt(b, others)
			s(" anderen Personen")
		}
		b = appendStop(b, start)
		evLen = len(b) - start
		if others == 1 {
			s("Ihre letzten Termine hatten Sie bei jemand anderem als sonst. Wie war der Wechsel für Sie – haben Sie sich weiterhin gut betreut gefühlt?")
			return b, evLen
		}
		return appendManyPeople(b, f, true), evLen
	}
	s("Before, ")
	if f.Before == f.BeforeOf {
		s("all ")
		b = appendInt(b, f.Before)
	} else {
		b = appendInt(b, f.Before)
		s(" of ")
		b = appendInt(b, f.BeforeOf)
	}
	s(" visits were with ")
	if len(f.Staff) > 0 {
		s(f.UsualStaff)
	} else {
		s("the same person")
	}
	s("; ")
	if f.Count == f.Of {
		s("the last ")
	} else {
		b = appendInt(b, f.Count)
		s(" of the last ")
	}
	b = appendInt(b, f.Of)
	s(" were with ")
	switch {
	case len(f.Staff) > 0:
		b = appendList(b, f.Staff, "and")
	case others == 1:
		s("one other person")
	default:
		b = appendInt(b, others)
		s(" other people")
	}
	b = appendStop(b, start)
	evLen = len(b) - start
	if others == 1 {
		s("Your last appointments were with someone other than the person you usually saw. How was the change for you – did you still feel well looked after?")
		return b, evLen
	}
	return appendManyPeople(b, f, false), evLen
}

// appendManyPeople appends the staff-switch question for more than one other person.
func appendManyPeople(b []byte, f *Facts, de bool) []byte {
	if de {
		b = append(b, "Ihre letzten "...)
		b = appendInt(b, f.Of)
		b = append(b, " Termine hatten Sie bei "...)
		b = appendInt(b, f.People)
		return append(b, " verschiedenen Personen aus unserem Team. Haben Sie sich gut betreut gefühlt? Wäre Ihnen eine feste Ansprechperson lieber?"...)
	}
	b = append(b, "Your last "...)
	b = appendInt(b, f.Of)
	b = append(b, " appointments were with "...)
	b = appendInt(b, f.People)
	return append(b, " different people from our team. Did you feel well looked after? Would you prefer one regular contact person?"...)
}
