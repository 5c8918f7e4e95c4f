package visitgen

import (
	"time"

	"github.com/winback/winback/pkg/visit"
)

// easter returns Easter Sunday of year (anonymous Gregorian algorithm).
func easter(year int) visit.Day {
	a := year % 19
	b := year / 100
	c := year % 100
	d := b / 4
	e := b % 4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i := c / 4
	k := c % 4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return visit.DayOf(year, month, day)
}

// germanHoliday reports whether d is a public holiday in every German state.
func germanHoliday(d visit.Day) bool {
	y, m, dd := d.Date()
	switch {
	case m == 1 && dd == 1, m == 5 && dd == 1, m == 10 && dd == 3, m == 12 && (dd == 25 || dd == 26):
		return true
	}
	e := easter(y)
	switch d - e {
	case -2, 1, 39, 50: // Good Friday, Easter Monday, Ascension, Whit Monday
		return true
	}
	return false
}

// open reports whether the practice works on d: Monday to Friday, not a public holiday.
func open(d visit.Day) bool {
	w := d.Time().Weekday()
	return w != time.Sunday && w != time.Saturday && !germanHoliday(d)
}

func nextOpen(d visit.Day) visit.Day {
	for !open(d) {
		d++
	}
	return d
}

func prevOpen(d visit.Day) visit.Day {
	for !open(d) {
		d--
	}
	return d
}
