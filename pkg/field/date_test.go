package field

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/winback/winback/pkg/visit"
)

func day(y, m, d int) visit.Day { return visit.DayOf(y, m, d) }

// plain is an unambiguous date of the given layout.
func plain(y, m, d int, l Layout, hasTime bool) Date {
	return Date{Day: day(y, m, d), Alt: day(y, m, d), Layout: l, HasTime: hasTime}
}

func TestParseDateAccepts(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Date
	}{
		// ISO 8601
		{"an ISO date is read as year, month, day", "2024-03-05", plain(2024, 3, 5, LayoutISO, false)},
		{"an ISO date with hours and minutes has a time", "2024-03-05T14:30", plain(2024, 3, 5, LayoutISO, true)},
		{"an ISO date-time in UTC keeps its date", "2024-03-05T14:30:00Z", plain(2024, 3, 5, LayoutISO, true)},
		{"an ISO date-time with fraction and offset keeps the date as written", "2024-03-05T14:30:00.123+01:00", plain(2024, 3, 5, LayoutISO, true)},
		{"an ISO date-time late at night with a negative offset is not moved to UTC", "2024-03-05T23:30:00-05:00", plain(2024, 3, 5, LayoutISO, true)},
		{"an ISO date and time separated by a space is read", "2024-03-05 14:30:00", plain(2024, 3, 5, LayoutISO, true)},
		{"a Shopify timestamp with a numeric zone is read", "2019-06-18 10:20:35 -0400", plain(2019, 6, 18, LayoutISO, true)},
		{"an ISO date-time with a zone abbreviation is read", "2024-03-05 14:30:00 UTC", plain(2024, 3, 5, LayoutISO, true)},
		{"an ISO date-time in basic format is read", "2024-03-05T143000Z", plain(2024, 3, 5, LayoutISO, true)},
		{"an Excel-style date-time with milliseconds is read", "2024-03-05 00:00:00.000", plain(2024, 3, 5, LayoutISO, true)},
		{"a year-first date with slashes is read", "2024/03/05", plain(2024, 3, 5, LayoutYMDSlash, false)},
		{"an ISO date without leading zeros is read", "2024-3-5", plain(2024, 3, 5, LayoutISO, false)},
		{"surrounding spaces are ignored", "  2024-03-05\t", plain(2024, 3, 5, LayoutISO, false)},
		{"surrounding no-break spaces are ignored", "\u00a02024-03-05\u00a0", plain(2024, 3, 5, LayoutISO, false)},
		{"the 29th of February of a leap year exists", "2024-02-29", plain(2024, 2, 29, LayoutISO, false)},
		{"the year 2000 is a leap year", "2000-02-29", plain(2000, 2, 29, LayoutISO, false)},

		// yyyymmdd
		{"eight digits are read as yyyymmdd", "19970101", plain(1997, 1, 1, LayoutCompact, false)},
		{"eight digits with a time in basic format are read", "20240305T1430", plain(2024, 3, 5, LayoutCompact, true)},

		// German
		{"a German date is read day first", "05.03.2024", plain(2024, 3, 5, LayoutGerman, false)},
		{"a German date without leading zeros is read", "5.3.2024", plain(2024, 3, 5, LayoutGerman, false)},
		{"a German date with a two-digit year below 70 is in this century", "5.3.24", plain(2024, 3, 5, LayoutGermanShort, false)},
		{"a German date with a two-digit year from 70 is in the last century", "05.03.70", plain(1970, 3, 5, LayoutGermanShort, false)},
		{"a German date with year 69 is in 2069", "31.12.69", plain(2069, 12, 31, LayoutGermanShort, false)},
		{"a German date with a time is read", "05.03.2024 14:30", plain(2024, 3, 5, LayoutGerman, true)},
		{"a German date with seconds is read", "05.03.2024 14:30:00", plain(2024, 3, 5, LayoutGerman, true)},
		{"a German date with Uhr is read", "05.03.2024 14:30 Uhr", plain(2024, 3, 5, LayoutGerman, true)},
		{"a German date with a dotted time is read", "05.03.2024 14.30 Uhr", plain(2024, 3, 5, LayoutGerman, true)},
		{"a German date with um and a comma is read", "05.03.2024, um 14:30", plain(2024, 3, 5, LayoutGerman, true)},

		// a/b/y
		{"a slash date with both parts up to 12 is ambiguous", "05/03/2024",
			Date{Day: day(2024, 3, 5), Alt: day(2024, 5, 3), Layout: LayoutSlash}},
		{"a slash date with a first part above 12 is day first", "13/03/2024",
			Date{Day: day(2024, 3, 13), Alt: day(2024, 3, 13), Evidence: DayFirst, Layout: LayoutSlash}},
		{"a slash date with a second part above 12 is month first", "03/13/2024",
			Date{Day: day(2024, 3, 13), Alt: day(2024, 3, 13), Evidence: MonthFirst, Layout: LayoutSlash}},
		{"a slash date with equal parts is not ambiguous", "05/05/2024",
			Date{Day: day(2024, 5, 5), Alt: day(2024, 5, 5), Layout: LayoutSlash}},
		{"a slash date with a two-digit year is ambiguous", "5/3/24",
			Date{Day: day(2024, 3, 5), Alt: day(2024, 5, 3), Layout: LayoutSlashShort}},
		{"a dash date is ambiguous", "05-03-2024",
			Date{Day: day(2024, 3, 5), Alt: day(2024, 5, 3), Layout: LayoutDash}},
		{"a dash date with a two-digit year is ambiguous", "05-03-99",
			Date{Day: day(1999, 3, 5), Alt: day(1999, 5, 3), Layout: LayoutDashShort}},
		{"a slash date with a lower-case am time is read", "9/2/2019 10:15 am",
			Date{Day: day(2019, 2, 9), Alt: day(2019, 9, 2), Layout: LayoutSlash, HasTime: true}},
		{"a slash date with an upper-case PM time is read", "12/31/2019 11:59 PM",
			Date{Day: day(2019, 12, 31), Alt: day(2019, 12, 31), Evidence: MonthFirst, Layout: LayoutSlash, HasTime: true}},
		{"a slash date with a.m. is read", "31/12/2019 9:05 a.m.",
			Date{Day: day(2019, 12, 31), Alt: day(2019, 12, 31), Evidence: DayFirst, Layout: LayoutSlash, HasTime: true}},
		{"a slash date with a 24-hour time is read", "31/12/2019 21:05:59",
			Date{Day: day(2019, 12, 31), Alt: day(2019, 12, 31), Evidence: DayFirst, Layout: LayoutSlash, HasTime: true}},

		// month names, English
		{"an English month name first with time is read", "September 2, 2019 10:15", plain(2019, 9, 2, LayoutMonthName, true)},
		{"an abbreviated English month first is read", "Sep 2, 2019", plain(2019, 9, 2, LayoutMonthName, false)},
		{"an abbreviated month with a dot is read", "Sept. 2, 2019", plain(2019, 9, 2, LayoutMonthName, false)},
		{"an ordinal day is read", "September 2nd, 2019", plain(2019, 9, 2, LayoutMonthName, false)},
		{"a month name in capitals is read", "SEPTEMBER 2 2019", plain(2019, 9, 2, LayoutMonthName, false)},
		{"an English date with 'at' before the time is read", "September 2, 2019 at 10:15 AM", plain(2019, 9, 2, LayoutMonthName, true)},
		{"a day before an English month name is read", "2 September 2019", plain(2019, 9, 2, LayoutDayMonthName, false)},
		{"a day-month-year with dashes is read", "02-Sep-2019", plain(2019, 9, 2, LayoutDayMonthName, false)},
		{"a day-month-year with dashes and two-digit year is read", "02-SEP-19", plain(2019, 9, 2, LayoutDayMonthName, false)},
		{"an RFC 1123 date with weekday and zone is read", "Mon, 2 Sep 2019 10:15:00 +0200", plain(2019, 9, 2, LayoutDayMonthName, true)},
		{"a JavaScript date string is read", "Mon Sep 02 2019 10:15:00 GMT+0200 (Central European Summer Time)", plain(2019, 9, 2, LayoutMonthName, true)},

		// month names, German
		{"a German month name with umlaut is read", "2. März 2024", plain(2024, 3, 2, LayoutDayMonthName, false)},
		{"a German month name with ae is read", "2. Maerz 2024", plain(2024, 3, 2, LayoutDayMonthName, false)},
		{"a German month name in capitals with umlaut is read", "2. MÄRZ 2024", plain(2024, 3, 2, LayoutDayMonthName, false)},
		{"an abbreviated German month with a dot is read", "02. Dez. 2023", plain(2023, 12, 2, LayoutDayMonthName, false)},
		{"a German date with weekday is read", "Dienstag, 2. Januar 2024", plain(2024, 1, 2, LayoutDayMonthName, false)},
		{"a German date with abbreviated weekday is read", "Di., 2. Jan. 2024, 14:30 Uhr", plain(2024, 1, 2, LayoutDayMonthName, true)},
		{"the German May is read", "1. Mai 2024", plain(2024, 5, 1, LayoutDayMonthName, false)},
		{"the German October abbreviation is read", "3. Okt. 2023", plain(2023, 10, 3, LayoutDayMonthName, false)},
		{"the Austrian January is read", "7. Jänner 2024", plain(2024, 1, 7, LayoutDayMonthName, false)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate([]byte(tt.in))
			if err != nil {
				t.Fatalf("ParseDate(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseDate(%q) = %+v (%v/%v), want %+v (%v/%v)", tt.in, got, got.Day, got.Alt, tt.want, tt.want.Day, tt.want.Alt)
			}
		})
	}
}

func TestParseDateRejects(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string // a part of the error message
	}{
		{"the 31st of April does not exist", "31.04.2024", "day 31 does not exist in April"},
		{"the 29th of February of 2023 does not exist", "29.02.2023", "day 29 does not exist in February 2023"},
		{"1900 was not a leap year", "1900-02-29", "day 29 does not exist in February 1900"},
		{"month 13 does not exist", "2024-13-01", "month 13 does not exist"},
		{"month 0 does not exist", "05.00.2024", "month 0 does not exist"},
		{"day 0 does not exist", "00.03.2024", "day 0 does not exist"},
		{"two numbers above 12 cannot be day and month", "13/14/2024", "neither 13 nor 14 can be a month"},
		{"a day-first slash date must exist", "31/04/2024", "day 31 does not exist in April"},
		{"a month-first slash date must exist", "04/31/2024", "day 31 does not exist in April"},
		{"a year before 1900 is implausible", "1850-01-01", "year 1850 is outside 1900 to 2199"},
		{"a year after 2199 is implausible", "01.01.2200", "year 2200 is outside"},
		{"eight digits with an implausible year are not a date", "12345678", "not a date"},
		{"a word is not a date", "gestern", "not a date"},
		{"a number is not a date", "45356", "not a date"},
		{"a bare year is not a date", "2024", "not a date"},
		{"a month and year without a day are not a date", "September 2019", "not a date"},
		{"an unknown month name is not a date", "2. Foo 2024", "not a date"},
		{"a German date with a three-digit year is not a date", "05.03.202", "not a date"},
		{"a dotted date with a year first is not read", "2024.03.05", "not a date"},
		{"hour 25 does not exist", "2024-03-05 25:00", "time of day is not valid"},
		{"minute 60 does not exist", "05.03.2024 14:60", "time of day is not valid"},
		{"13 pm does not exist", "9/2/2019 13:15 pm", "time of day is not valid"},
		{"text after the date is refused", "2024-03-05 tomorrow", "time of day is not valid"},
		{"letters glued to the date are refused", "2024-03-05x", "unexpected text after the date"},
		{"a month name with an invalid day is refused", "31 Feb 2024", "day 31 does not exist in February"},
		{"a German month name with an invalid day is refused", "31. April 2024", "day 31 does not exist in April"},
		{"an amount is not a date", "12,50", "not a date"},
		{"a weekday alone is not a date", "Montag", "not a date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate([]byte(tt.in))
			if err == nil {
				t.Fatalf("ParseDate(%q) = %+v, want an error", tt.in, got)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseDate(%q) error = %q, want it to contain %q", tt.in, err, tt.want)
			}
			if !errors.Is(err, ErrNotDate) {
				t.Errorf("ParseDate(%q) error %v does not wrap ErrNotDate", tt.in, err)
			}
			if got.Day != visit.NoDay || got.Alt != visit.NoDay {
				t.Errorf("ParseDate(%q) = %+v on error, want NoDay", tt.in, got)
			}
		})
	}
}

func TestParseDateEmpty(t *testing.T) {
	for _, in := range []string{"", " ", "\t \u00a0"} {
		if _, err := ParseDate([]byte(in)); err != ErrEmpty {
			t.Errorf("ParseDate(%q) error = %v, want ErrEmpty", in, err)
		}
	}
}

func TestDateIn(t *testing.T) {
	d, err := ParseDate([]byte("05/03/2024"))
	if err != nil {
		t.Fatal(err)
	}
	if !d.Ambiguous() {
		t.Errorf("05/03/2024 is not ambiguous")
	}
	if got := d.In(DayFirst); got != day(2024, 3, 5) {
		t.Errorf("In(DayFirst) = %v, want 2024-03-05", got)
	}
	if got := d.In(MonthFirst); got != day(2024, 5, 3) {
		t.Errorf("In(MonthFirst) = %v, want 2024-05-03", got)
	}
	if got := d.In(OrderUnknown); got != day(2024, 3, 5) {
		t.Errorf("In(OrderUnknown) = %v, want the day-first reading", got)
	}
}

func TestLayoutNamesAreDistinct(t *testing.T) {
	seen := map[string]Layout{}
	for l := LayoutUnknown; l <= LayoutDayMonthName; l++ {
		name := l.String()
		if prev, ok := seen[name]; ok {
			t.Errorf("layouts %d and %d are both called %q", prev, l, name)
		}
		seen[name] = l
	}
}

func TestParseDateFormat(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Order
	}{
		{"dmy is day first", "dmy", DayFirst},
		{"mdy is month first", "MDY", MonthFirst},
		{"ymd sets no order", "ymd", OrderUnknown},
		{"a day-first slash pattern is day first", "dd/mm/yyyy", DayFirst},
		{"a month-first slash pattern is month first", "MM/DD/YYYY", MonthFirst},
		{"a German pattern is day first", "dd.mm.yyyy", DayFirst},
		{"an ISO pattern sets no order", "yyyy-mm-dd", OrderUnknown},
		{"an ISO pattern with time sets no order", "yyyy-MM-ddTHH:mm:ss", OrderUnknown},
		{"a month-first pattern with time is month first", "mm/dd/yy HH:MM", MonthFirst},
		{"a pattern with am/pm is read", "m/d/yyyy h:mm am/pm", MonthFirst},
		{"a strftime pattern is read", "%d/%m/%Y", DayFirst},
		{"a month-name pattern is read", "d-mmm-yy", DayFirst},
		{"a German pattern with Uhr is read", "dd.mm.yyyy hh:mm Uhr", DayFirst},
		{"a German long pattern is day first", "d. MMMM yyyy", DayFirst},
		{"an abbreviated month name with a dot may come first", "MMM. d, yyyy", MonthFirst},
		{"a strftime pattern with a 12-hour clock is read", "%m/%d/%Y %I:%M %p", MonthFirst},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDateFormat(tt.in)
			if err != nil {
				t.Fatalf("ParseDateFormat(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseDateFormat(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	for _, in := range []string{"", "german", "dd/mm", "dd/dd/yyyy", "mm.dd.yyyy", "yyyy-dd-mm", "ddmmyyyy", "dd/mm/yyyy xx"} {
		t.Run("the format "+in+" is refused", func(t *testing.T) {
			_, err := ParseDateFormat(in)
			if err == nil {
				t.Fatalf("ParseDateFormat(%q) gave no error", in)
			}
			if strings.HasPrefix(err.Error(), "unknown") && !strings.Contains(err.Error(), "dd.mm.yyyy") {
				t.Errorf("error %q does not list the accepted formats", err)
			}
		})
	}
}

func TestCivilMatchesTheTimePackage(t *testing.T) {
	// The day of a date, counted independently of visit.DayOf.
	unix := func(y, m, d int) visit.Day {
		return visit.Day(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
	}
	for y := minYear; y <= maxYear; y++ {
		for m := 1; m <= 12; m++ {
			for _, d := range []int{1, 15, daysIn(y, m)} {
				if got, err := civil(y, m, d); err != nil || got != unix(y, m, d) {
					t.Fatalf("civil(%d, %d, %d) = %d, %v, want %d", y, m, d, got, err, unix(y, m, d))
				}
			}
		}
	}
	// Every day of a leap and a non-leap year, and the eras' edges.
	for _, y := range []int{1900, 1970, 2000, 2023, 2024, 2100, 2199} {
		for d := unix(y, 1, 1); d < unix(y+1, 1, 1); d++ {
			yy, mm, dd := d.Date()
			if got, err := civil(yy, mm, dd); err != nil || got != d {
				t.Fatalf("civil(%d, %d, %d) = %d, %v, want %d", yy, mm, dd, got, err, d)
			}
		}
	}
}

func TestParseDateKnowsEveryMonthName(t *testing.T) {
	names := [13][]string{
		1:  {"January", "Jan", "Januar", "Jänner", "Jän"},
		2:  {"February", "Feb", "Februar", "Feber"},
		3:  {"March", "Mar", "März", "Maerz", "Mär", "Mrz"},
		4:  {"April", "Apr"},
		5:  {"May", "Mai"},
		6:  {"June", "Jun", "Juni"},
		7:  {"July", "Jul", "Juli"},
		8:  {"August", "Aug"},
		9:  {"September", "Sep", "Sept"},
		10: {"October", "Oct", "Oktober", "Okt"},
		11: {"November", "Nov"},
		12: {"December", "Dec", "Dezember", "Dez"},
	}
	for m := 1; m <= 12; m++ {
		for _, name := range names[m] {
			for _, in := range []string{"3. " + name + " 2024", "3 " + strings.ToUpper(name) + ". 2024", name + " 3, 2024"} {
				t.Run(in+" is in month "+monthNames[m], func(t *testing.T) {
					d, err := ParseDate([]byte(in))
					if err != nil {
						t.Fatal(err)
					}
					if d.Day != day(2024, m, 3) {
						t.Errorf("ParseDate(%q) = %v, want 2024-%02d-03", in, d.Day, m)
					}
				})
			}
		}
	}
}

func TestParseDateSkipsWeekdays(t *testing.T) {
	for _, w := range []string{"Monday", "Tue", "Tues", "Wednesday", "Thu", "Thurs", "Fri", "Sat", "Sunday",
		"Montag", "Di.", "Mittwoch", "Do", "Freitag", "Samstag", "Sonnabend", "So."} {
		in := w + ", 2. Januar 2024"
		t.Run("the weekday in "+in+" is skipped", func(t *testing.T) {
			d, err := ParseDate([]byte(in))
			if err != nil || d.Day != day(2024, 1, 2) {
				t.Errorf("ParseDate(%q) = %v, %v, want 2024-01-02", in, d.Day, err)
			}
		})
	}
}
