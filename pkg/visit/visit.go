// Package visit holds the small value types every step of winback shares: a calendar
// [Day] without time zone, and the [Status] of an appointment.
//
// It does not parse exports (see package export) nor aggregate them (see package history).
package visit

import (
	"fmt"
	"slices"
	"time"
)

// Day is a calendar date counted in days since 1970-01-01. It carries no time of day and
// no time zone: an export's dates are the business's local dates, and winback keeps them as
// written.
type Day int32

// NoDay marks a missing date.
const NoDay Day = -1 << 31

// DayOf returns the [Day] of a civil date. Out-of-range months and days are normalised
// the way [time.Date] does it.
func DayOf(year, month, day int) Day {
	// time.Date normalises the month into the year, then adds day-1 days to the first.
	y, m := int64(year), int64(month)-1
	y += m / 12
	if m %= 12; m < 0 {
		m += 12
		y--
	}
	// Howard Hinnant's days_from_civil, with the year starting in March.
	if m < 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400                     // year of the 400-year era
	mp := (m + 10) % 12                    // month from March, 0..11
	doy := (153*mp + 2) / 5                // day of that year of the month's first
	doe := yoe*365 + yoe/4 - yoe/100 + doy // day of the era
	return Day(era*146097 + doe - 719468 + int64(day) - 1)
}

// DayFromTime returns the calendar date of t in t's own location.
func DayFromTime(t time.Time) Day {
	y, m, d := t.Date()
	return DayOf(y, int(m), d)
}

// Time returns midnight UTC of d.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Date returns the civil (proleptic Gregorian) year, month and day of d, as [time.Time.Date]
// would. It computes them directly (Howard Hinnant's civil_from_days): the trend and the
// reports ask for hundreds of thousands of dates.
func (d Day) Date() (year, month, day int) {
	z := int64(d) + 719468 // days since 0000-03-01
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097                                  // day of the 400-year era
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365 // year of the era, from March
	doy := doe - (365*yoe + yoe/4 - yoe/100)               // day of that year, from March 1
	mp := (5*doy + 2) / 153                                // month from March, 0..11
	day = int(doy - (153*mp+2)/5 + 1)
	month = int(mp + 3)
	if mp >= 10 {
		month = int(mp - 9)
	}
	year = int(yoe + era*400)
	if month <= 2 {
		year++
	}
	return year, month, day
}

// Month numbers d's month: year × 12 + month − 1, so that months subtract.
func (d Day) Month() int {
	y, m, _ := d.Date()
	return y*12 + m - 1
}

// MonthName formats a month numbered as [Day.Month] does as yyyy-mm.
func MonthName(month int) string { return fmt.Sprintf("%04d-%02d", month/12, month%12+1) }

// String formats d as ISO 8601 (yyyy-mm-dd), or "" for [NoDay].
func (d Day) String() string {
	var b [10]byte
	return string(d.AppendISO(b[:0]))
}

// AppendISO appends d as [Day.String] writes it to b.
func (d Day) AppendISO(b []byte) []byte {
	if d == NoDay {
		return b
	}
	y, m, dd := d.Date()
	if y < 0 || y > 9999 {
		return fmt.Appendf(b, "%04d-%02d-%02d", y, m, dd)
	}
	return append(b, byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10), '-',
		byte('0'+m/10), byte('0'+m%10), '-', byte('0'+dd/10), byte('0'+dd%10))
}

// German formats d as dd.mm.yyyy, or "" for [NoDay].
func (d Day) German() string {
	var b [10]byte
	return string(d.AppendGerman(b[:0]))
}

// AppendGerman appends d as [Day.German] writes it to b.
func (d Day) AppendGerman(b []byte) []byte {
	if d == NoDay {
		return b
	}
	y, m, dd := d.Date()
	if y < 0 || y > 9999 {
		return fmt.Appendf(b, "%02d.%02d.%04d", dd, m, y)
	}
	return append(b, byte('0'+dd/10), byte('0'+dd%10), '.', byte('0'+m/10), byte('0'+m%10), '.',
		byte('0'+y/1000), byte('0'+y/100%10), byte('0'+y/10%10), byte('0'+y%10))
}

// ParseDay parses an ISO 8601 date (yyyy-mm-dd), the form flags and configs use.
func ParseDay(s string) (Day, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return NoDay, fmt.Errorf("date %q is not of the form yyyy-mm-dd", s)
	}
	return DayFromTime(t), nil
}

// Status is what became of an appointment, visit or order.
type Status uint8

// The statuses winback distinguishes. Only [Attended] rows are visits; [Booked] marks a
// scheduled appointment whose outcome is not recorded yet.
const (
	Attended Status = iota
	Cancelled
	NoShow
	Booked
)

// NumStatus is the number of distinct statuses, for arrays indexed by [Status].
const NumStatus = 4

var statusNames = [NumStatus]string{"attended", "cancelled", "no-show", "booked"}

// String returns the status's stable English name: attended, cancelled, no-show or booked.
func (s Status) String() string {
	if int(s) < len(statusNames) {
		return statusNames[s]
	}
	return fmt.Sprintf("status(%d)", s)
}

// ParseStatus returns the status with the given stable name (as printed by [Status.String]).
func ParseStatus(name string) (Status, error) {
	if i := slices.Index(statusNames[:], name); i >= 0 {
		return Status(i), nil
	}
	return 0, fmt.Errorf("unknown status %q (known: attended, cancelled, no-show, booked)", name)
}
