// Package visit holds the small value types every step of winback shares: a calendar
// [Day] without time zone, and the [Status] of an appointment.
//
// It does not parse exports (see package export) nor aggregate them (see package history).
package visit

import (
	"fmt"
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
	t := time.Date(year, time.Month(month), day, 0, 0, 0, 0, time.UTC)
	return Day(t.Unix() / 86400)
}

// DayFromTime returns the calendar date of t in t's own location.
func DayFromTime(t time.Time) Day {
	y, m, d := t.Date()
	return DayOf(y, int(m), d)
}

// Time returns midnight UTC of d.
func (d Day) Time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// Date returns the civil year, month and day of d.
func (d Day) Date() (year, month, day int) {
	y, m, dd := d.Time().Date()
	return y, int(m), dd
}

// String formats d as ISO 8601 (yyyy-mm-dd), or "" for [NoDay].
func (d Day) String() string {
	if d == NoDay {
		return ""
	}
	y, m, dd := d.Date()
	return fmt.Sprintf("%04d-%02d-%02d", y, m, dd)
}

// German formats d as dd.mm.yyyy, or "" for [NoDay].
func (d Day) German() string {
	if d == NoDay {
		return ""
	}
	y, m, dd := d.Date()
	return fmt.Sprintf("%02d.%02d.%04d", dd, m, y)
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
	for i, n := range statusNames {
		if n == name {
			return Status(i), nil
		}
	}
	return 0, fmt.Errorf("unknown status %q (known: attended, cancelled, no-show, booked)", name)
}
