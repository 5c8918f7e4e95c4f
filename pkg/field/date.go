package field

import "github.com/winback/winback/pkg/visit"

// Order is which of day and month comes first in a date written as a/b/y, where both
// readings may be valid.
type Order uint8

// The orders. A value or a column whose order is not known is [OrderUnknown].
const (
	OrderUnknown Order = iota
	DayFirst           // 05/03/2024 is 5 March
	MonthFirst         // 05/03/2024 is 3 May
)

var orderNames = [...]string{"unknown", "day first", "month first"}

// String returns "unknown", "day first" or "month first".
func (o Order) String() string {
	if int(o) < len(orderNames) {
		return orderNames[o]
	}
	return "unknown"
}

// Layout is the family of written form a date came in. A column whose values share one
// layout is a column of dates; the caller can report the layout it found.
type Layout uint8

// The layouts [ParseDate] recognises.
const (
	LayoutUnknown      Layout = iota
	LayoutISO                 // 2024-03-05, with or without a time
	LayoutYMDSlash            // 2024/03/05
	LayoutCompact             // 20240305
	LayoutGerman              // 05.03.2024 or 5.3.2024
	LayoutGermanShort         // 05.03.24 or 5.3.24
	LayoutSlash               // 05/03/2024: day and month may be either way round
	LayoutSlashShort          // 05/03/24
	LayoutDash                // 05-03-2024
	LayoutDashShort           // 05-03-24
	LayoutMonthName           // September 2, 2019 or Sep 2, 2019
	LayoutDayMonthName        // 2 September 2019, 2. März 2024, 02-Sep-2019
)

var layoutNames = [...]string{
	LayoutUnknown:      "unknown",
	LayoutISO:          "yyyy-mm-dd",
	LayoutYMDSlash:     "yyyy/mm/dd",
	LayoutCompact:      "yyyymmdd",
	LayoutGerman:       "dd.mm.yyyy",
	LayoutGermanShort:  "dd.mm.yy",
	LayoutSlash:        "dd/mm/yyyy or mm/dd/yyyy",
	LayoutSlashShort:   "dd/mm/yy or mm/dd/yy",
	LayoutDash:         "dd-mm-yyyy or mm-dd-yyyy",
	LayoutDashShort:    "dd-mm-yy or mm-dd-yy",
	LayoutMonthName:    "month name (September 2, 2019)",
	LayoutDayMonthName: "month name (2. März 2024)",
}

// String returns a name of the layout a person recognises, such as "dd.mm.yyyy".
func (l Layout) String() string {
	if int(l) < len(layoutNames) {
		return layoutNames[l]
	}
	return "unknown"
}

// Date is a parsed date cell.
type Date struct {
	// Day is the date. For an ambiguous a/b/y value it is the day-first reading.
	Day visit.Day
	// Alt is the month-first reading of an ambiguous a/b/y value; otherwise it equals Day.
	Alt visit.Day
	// Evidence is what an a/b/y value itself proves about the column's order: [DayFirst]
	// when a > 12, [MonthFirst] when b > 12, else [OrderUnknown]. Values of other layouts
	// prove nothing and carry [OrderUnknown].
	Evidence Order
	// Layout is the written form.
	Layout Layout
	// HasTime reports whether a time of day followed the date. The time itself is ignored.
	HasTime bool
}

// Ambiguous reports whether the value reads as two different dates depending on the order.
func (d Date) Ambiguous() bool { return d.Day != d.Alt }

// In returns the date in the given order: the month-first reading for [MonthFirst], else
// the day-first one. For an unambiguous value both are the same.
func (d Date) In(o Order) visit.Day {
	if o == MonthFirst {
		return d.Alt
	}
	return d.Day
}

var noDate = Date{Day: visit.NoDay, Alt: visit.NoDay}

// ParseDate parses a date cell. Surrounding spaces are ignored. It accepts
//
//   - ISO 8601 dates and date-times: 2024-03-05, 2024-03-05T14:30:00.123+01:00,
//     2024-03-05 14:30:00, 2019-06-18 10:20:35 -0400, and 2024/03/05;
//   - yyyymmdd (19970101), only for years 1900 to 2199;
//   - German dates: 05.03.2024, 5.3.2024, 05.03.24, 5.3.24, optionally followed by a time
//     such as 14:30, 14:30:00 or 14:30 Uhr;
//   - a/b/yyyy, a/b/yy and a-b-yyyy, optionally with a time such as 10:15 am; these are
//     ambiguous, see [Date];
//   - month names in English and German, full or abbreviated, in any case, with or without
//     a dot: September 2, 2019 10:15; Sep 2, 2019; 2 September 2019; 02-Sep-2019;
//     Mon, 2 Sep 2019 10:15:00 +0200; 2. März 2024; 2. Maerz 2024; 02. Dez. 2023;
//     Dienstag, 2. Januar 2024. A leading weekday is skipped, not checked.
//
// Two-digit years 00–69 are 2000–2069 and 70–99 are 1970–1999. A time of day and a zone
// are checked loosely and then ignored: the date is kept as written, never converted to
// another zone, because an export's dates are the business's own calendar days.
//
// Dates that do not exist (31.04.2024, 29.02.2023, month 13) are errors, as are years
// outside 1900 to 2199. An empty cell gives [ErrEmpty]; every other error wraps [ErrNotDate].
// With an error, Day and Alt are [visit.NoDay].
func ParseDate(b []byte) (Date, error) {
	b = trimSpace(b)
	if len(b) == 0 {
		return noDate, ErrEmpty
	}
	if isDigit(b[0]) {
		return parseNumericDate(b)
	}
	return parseWordDate(b)
}

// parseNumericDate parses a date that starts with a digit.
func parseNumericDate(b []byte) (Date, error) {
	a, i := digits(b, 0)
	switch {
	case i == 4:
		return parseYearFirst(b, a)
	case i == 8:
		y, m, d := a/10000, a/100%100, a%100
		if y < minYear || y > maxYear {
			return noDate, ErrNotDate
		}
		return finish(b[8:], y, m, d, LayoutCompact)
	case i > 2 || i == len(b):
		return noDate, ErrNotDate
	}
	switch sep := b[i]; sep {
	case '.':
		if i+1 < len(b) && isDigit(b[i+1]) {
			return parseGerman(b, a, i+1)
		}
		return parseDayMonthName(b, a, i+1)
	case '/', '-':
		if i+1 < len(b) && isDigit(b[i+1]) {
			return parseSlash(b, a, i+1, sep)
		}
		return parseDayMonthName(b, a, i+1)
	}
	if spaceAt(b, i) > 0 {
		return parseDayMonthName(b, a, i)
	}
	return noDate, ErrNotDate
}

// parseYearFirst parses yyyy-mm-dd and yyyy/mm/dd, b[:4] holding the year y.
func parseYearFirst(b []byte, y int) (Date, error) {
	if len(b) < 5 || (b[4] != '-' && b[4] != '/') {
		return noDate, ErrNotDate
	}
	sep := b[4]
	m, j := digits(b, 5)
	if j-5 < 1 || j-5 > 2 || j >= len(b) || b[j] != sep {
		return noDate, ErrNotDate
	}
	d, k := digits(b, j+1)
	if k-(j+1) < 1 || k-(j+1) > 2 {
		return noDate, ErrNotDate
	}
	layout := LayoutISO
	if sep == '/' {
		layout = LayoutYMDSlash
	}
	return finish(b[k:], y, m, d, layout)
}

// parseGerman parses d.m.yyyy and d.m.yy; b[j] is the first digit of the month.
func parseGerman(b []byte, d, j int) (Date, error) {
	m, k := digits(b, j)
	if k-j > 2 || k >= len(b) || b[k] != '.' {
		return noDate, ErrNotDate
	}
	y, e := digits(b, k+1)
	switch e - (k + 1) {
	case 4:
		return finish(b[e:], y, m, d, LayoutGerman)
	case 2:
		return finish(b[e:], fullYear(y), m, d, LayoutGermanShort)
	}
	return noDate, ErrNotDate
}

// parseSlash parses a/b/yyyy, a/b/yy, a-b-yyyy and a-b-yy, b[j] being the first digit of b.
func parseSlash(s []byte, a, j int, sep byte) (Date, error) {
	b, k := digits(s, j)
	if k-j > 2 || k >= len(s) || s[k] != sep {
		return noDate, ErrNotDate
	}
	y, e := digits(s, k+1)
	var layout Layout
	switch e - (k + 1) {
	case 4:
		layout = LayoutSlash
	case 2:
		y = fullYear(y)
		layout = LayoutSlashShort
	default:
		return noDate, ErrNotDate
	}
	if sep == '-' {
		layout += LayoutDash - LayoutSlash
	}
	hasTime, err := parseClock(s[e:])
	if err != nil {
		return noDate, err
	}
	date := Date{Layout: layout, HasTime: hasTime}
	switch {
	case a > 12 && b > 12:
		return noDate, dateError("neither %d nor %d can be a month", a, b)
	case a > 12:
		date.Evidence = DayFirst
		date.Day, err = civil(y, b, a)
		date.Alt = date.Day
	case b > 12:
		date.Evidence = MonthFirst
		date.Day, err = civil(y, a, b)
		date.Alt = date.Day
	default:
		// Only the year or a zero can make a reading fail, and then both fail alike.
		if date.Day, err = civil(y, b, a); err == nil {
			date.Alt, err = civil(y, a, b)
		}
	}
	if err != nil {
		return noDate, err
	}
	return date, nil
}

// parseDayMonthName parses "2 September 2019", "2. März 2024", "02-Sep-2019" and
// "02. Dez. 2023"; the day d has been read and b[i] follows its separator.
func parseDayMonthName(b []byte, d, i int) (Date, error) {
	i = skipSpaces(b, i)
	var w [wordLen]byte
	n, j := readWord(b, i, &w)
	m := monthOf(w[:n])
	if m == 0 {
		return noDate, ErrNotDate
	}
	if j < len(b) && b[j] == '.' {
		j++
	}
	k := j
	if k < len(b) && (b[k] == '-' || b[k] == '/' || b[k] == ',') {
		k++
	}
	k = skipSpaces(b, k)
	if k == j {
		return noDate, ErrNotDate
	}
	y, e := digits(b, k)
	switch e - k {
	case 4:
	case 2:
		y = fullYear(y)
	default:
		return noDate, ErrNotDate
	}
	return finish(b[e:], y, m, d, LayoutDayMonthName)
}

// parseWordDate parses a date that starts with a letter: a weekday or a month name.
func parseWordDate(b []byte) (Date, error) {
	var w [wordLen]byte
	n, i := readWord(b, 0, &w)
	if n == 0 {
		return noDate, ErrNotDate
	}
	if isWeekday(w[:n]) {
		if i < len(b) && b[i] == '.' {
			i++
		}
		if i < len(b) && b[i] == ',' {
			i++
		}
		j := skipSpaces(b, i)
		if j == len(b) || (j == i && b[i-1] != ',') {
			return noDate, ErrNotDate
		}
		if isDigit(b[j]) {
			return parseNumericDate(b[j:])
		}
		if n, i = readWord(b, j, &w); n == 0 {
			return noDate, ErrNotDate
		}
	}
	return parseMonthName(b, monthOf(w[:n]), i)
}

// parseMonthName parses "September 2, 2019", "Sep. 2 2019" and "Sep 2nd, 2019"; the month
// m has been read and b[i] follows it.
func parseMonthName(b []byte, m, i int) (Date, error) {
	if m == 0 {
		return noDate, ErrNotDate
	}
	if i < len(b) && b[i] == '.' {
		i++
	}
	j := skipSpaces(b, i)
	if j == i {
		return noDate, ErrNotDate
	}
	d, k := digits(b, j)
	if k-j < 1 || k-j > 2 {
		return noDate, ErrNotDate
	}
	for _, suffix := range [...]string{"st", "nd", "rd", "th"} {
		if hasPrefixFold(b, k, suffix) {
			k += 2
			break
		}
	}
	e := k
	if e < len(b) && b[e] == ',' {
		e++
	}
	e = skipSpaces(b, e)
	if e == k {
		return noDate, ErrNotDate
	}
	y, f := digits(b, e)
	if f-e != 4 {
		return noDate, ErrNotDate
	}
	return finish(b[f:], y, m, d, LayoutMonthName)
}

// finish checks the date y-m-d and the text that follows it.
func finish(rest []byte, y, m, d int, layout Layout) (Date, error) {
	day, err := civil(y, m, d)
	if err != nil {
		return noDate, err
	}
	hasTime, err := parseClock(rest)
	if err != nil {
		return noDate, err
	}
	return Date{Day: day, Alt: day, Layout: layout, HasTime: hasTime}, nil
}

// parseClock checks the optional time of day and zone after a date (" 14:30:00+01:00",
// ", 10:15 am", " um 14.30 Uhr") and reports whether there was one.
func parseClock(b []byte) (bool, error) {
	if len(b) == 0 {
		return false, nil
	}
	i, err := clockStart(b)
	if err != nil {
		return false, err
	}
	h, min, sec, j, err := clockDigits(b, i)
	if err != nil {
		return false, err
	}
	if h > 24 || min > 59 || sec > 60 {
		return false, errTime
	}
	if err := clockEnd(b, j, h); err != nil {
		return false, err
	}
	return true, nil
}

// clockStart returns where the time of day starts in what follows a date: after a "T",
// or after spaces, a comma and "at" or "um".
func clockStart(b []byte) (int, error) {
	if b[0] == 'T' || b[0] == 't' {
		return 1, nil
	}
	i := skipSpaces(b, 0)
	if i < len(b) && b[i] == ',' {
		i = skipSpaces(b, i+1)
	}
	if hasPrefixFold(b, i, "at") || hasPrefixFold(b, i, "um") {
		if j := skipSpaces(b, i+2); j > i+2 {
			i = j
		}
	}
	if i == 0 {
		return 0, errAfterDate
	}
	return i, nil
}

// clockDigits reads the hours, minutes and seconds from b[i] on, "14:30", "14.30:00" or
// the ISO 8601 basic "1430" and "143000", and a fraction of a second; j is where they end.
func clockDigits(b []byte, i int) (h, min, sec, j int, err error) {
	h, j = digits(b, i)
	switch j - i {
	case 1, 2:
		if j >= len(b) || (b[j] != ':' && b[j] != '.') {
			return 0, 0, 0, 0, errTime
		}
		sep := b[j]
		var k int
		if min, k = digits(b, j+1); k-(j+1) != 2 {
			return 0, 0, 0, 0, errTime
		}
		j = k
		if j < len(b) && b[j] == sep && j+1 < len(b) && isDigit(b[j+1]) {
			if sec, k = digits(b, j+1); k-(j+1) != 2 {
				return 0, 0, 0, 0, errTime
			}
			j = k
		}
	case 4, 6: // ISO 8601 basic format, 1430 or 143000
		if j-i == 6 {
			sec = h % 100
			h /= 100
		}
		min = h % 100
		h /= 100
	default:
		return 0, 0, 0, 0, errTime
	}
	if j+1 < len(b) && (b[j] == '.' || b[j] == ',') && isDigit(b[j+1]) {
		_, j = digits(b, j+1) // fraction of a second
	}
	return h, min, sec, j, nil
}

// clockEnd checks what follows the time of day h ending at b[j]: am or pm (then h is
// 1 to 12), "Uhr", and a time zone.
func clockEnd(b []byte, j, h int) error {
	k := skipSpaces(b, j)
	if n := meridiem(b, k); n > 0 {
		if h < 1 || h > 12 {
			return errTime
		}
		j = k + n
		k = skipSpaces(b, j)
	}
	if hasPrefixFold(b, k, "uhr") {
		j = k + 3
		k = skipSpaces(b, j)
	}
	if k == len(b) {
		return nil
	}
	if k == j && b[k] != 'Z' && b[k] != 'z' && b[k] != '+' && b[k] != '-' || !isZone(b[k:]) {
		return errTime
	}
	return nil
}

// meridiem returns the length of "am", "pm", "a.m." or "p.m." at b[i], or 0.
func meridiem(b []byte, i int) int {
	if i >= len(b) || (lower(b[i]) != 'a' && lower(b[i]) != 'p') {
		return 0
	}
	n := 0
	switch {
	case hasPrefixFold(b, i+1, "m"):
		n = 2
	case hasPrefixFold(b, i+1, ".m."):
		n = 4
	case hasPrefixFold(b, i+1, ".m"):
		n = 3
	default:
		return 0
	}
	if i+n < len(b) && isASCIILetter(b[i+n]) {
		return 0
	}
	return n
}

// isZone reports whether b is a time zone: Z, an offset, an abbreviation with or without
// an offset (GMT+0200), then perhaps a name in parentheses.
func isZone(b []byte) bool {
	i := 0
	if b[0] == 'Z' || b[0] == 'z' {
		i = 1
	} else {
		for i < len(b) && i < 5 && 'A' <= b[i] && b[i] <= 'Z' {
			i++
		}
	}
	if i < len(b) && (b[i] == '+' || b[i] == '-') {
		// Offsets are checked as loosely as time.Parse does: hours up to 24, minutes up to 60.
		h, j := digits(b, i+1)
		m := 0
		switch j - (i + 1) {
		case 2:
			if j+2 < len(b) && b[j] == ':' {
				var k int
				if m, k = digits(b, j+1); k-(j+1) != 2 {
					return false
				}
				j = k
			}
		case 4:
			h, m = h/100, h%100
		default:
			return false
		}
		if h > 24 || m > 60 {
			return false
		}
		i = j
	}
	if i == 0 {
		return false
	}
	i = skipSpaces(b, i)
	return i == len(b) || b[i] == '(' && b[len(b)-1] == ')'
}

// monthOf returns the month 1–12 named by a word that readWord has normalised, or 0.
// English and German names, full and abbreviated, including Austrian Jänner and Feber.
func monthOf(w []byte) int {
	switch string(w) {
	case "january", "jan", "januar", "jaenner", "jaen":
		return 1
	case "february", "feb", "februar", "feber":
		return 2
	case "march", "mar", "maerz", "maer", "mrz":
		return 3
	case "april", "apr":
		return 4
	case "may", "mai":
		return 5
	case "june", "jun", "juni":
		return 6
	case "july", "jul", "juli":
		return 7
	case "august", "aug":
		return 8
	case "september", "sep", "sept":
		return 9
	case "october", "oct", "oktober", "okt":
		return 10
	case "november", "nov":
		return 11
	case "december", "dec", "dezember", "dez":
		return 12
	}
	return 0
}

// isWeekday reports whether a normalised word names a weekday in English or German.
func isWeekday(w []byte) bool {
	switch string(w) {
	case "monday", "mon", "tuesday", "tue", "tues", "wednesday", "wed", "thursday", "thu",
		"thur", "thurs", "friday", "fri", "saturday", "sat", "sunday", "sun",
		"montag", "mo", "dienstag", "di", "mittwoch", "mi", "donnerstag", "do", "freitag",
		"fr", "samstag", "sonnabend", "sa", "sonntag", "so":
		return true
	}
	return false
}
