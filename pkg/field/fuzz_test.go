package field

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/winback/winback/pkg/visit"
)

var dateSeeds = []string{
	"2024-03-05", "2024-03-05T14:30", "2024-03-05T14:30:00Z", "2024-03-05T14:30:00.123+01:00",
	"2024-03-05 14:30:00", "2019-06-18 10:20:35 -0400", "2024/03/05", "19970101", "20240305T1430",
	"05.03.2024", "5.3.2024", "5.3.24", "05.03.70", "05.03.2024 14:30", "05.03.2024 14:30:00",
	"05.03.2024 14:30 Uhr", "05/03/2024", "13/03/2024", "03/13/2024", "5/3/24", "05-03-2024",
	"9/2/2019 10:15 am", "12/31/2019 11:59 PM", "September 2, 2019 10:15", "Sep 2, 2019",
	"2 September 2019", "02-Sep-2019", "Mon, 2 Sep 2019 10:15:00 +0200", "2. März 2024",
	"2. Maerz 2024", "02. Dez. 2023", "Dienstag, 2. Januar 2024",
	"Mon Sep 02 2019 10:15:00 GMT+0200 (Central European Summer Time)",
	"31.04.2024", "29.02.2023", "2024-13-01", "13/14/2024", "", "gestern", "12,50",
}

var amountSeeds = []string{
	"1234.56", "1,234.56", "1.234,56", "1234,56", "12,50 €", "€ 12,50", "€12.50", "$1,149.00",
	"-12,50", "12,50-", "(33.62)", "126.63 EUR", "EUR 126,63", "CHF 1'234.50", "1\u00a0234,56",
	"1\u202f234,56", "+12.00", "0", ".5", "12.", "0,125", "1,234", "1.234", "Fr. 12.50",
	"12,34,5", "1,234,56.78", "12abc", "92233720368547758", "", "-",
}

var statusSeeds = []string{
	"Completed", "checked in", "ok", "Paid", "Succeeded", "cancelled_by_guest", "Late Cancel",
	"rescheduled", "Refunded", "no_show", "DNA", "nicht erschienen", "bestätigt", "BESTÄTIGT",
	"Abgesagt durch Patient", "ja", "✓", "nein", "", "maybe",
}

// checkMessage fails for an error message that is not in the house style.
func checkMessage(t *testing.T, err error) {
	t.Helper()
	msg := err.Error()
	r, _ := utf8.DecodeRuneInString(msg)
	if msg == "" || unicode.IsUpper(r) || strings.HasSuffix(msg, ".") {
		t.Errorf("error message %q is not lower-case without a trailing period", msg)
	}
}

// checkDay fails unless d is a valid calendar day in the years ParseDate accepts.
func checkDay(t *testing.T, in string, d visit.Day) {
	t.Helper()
	if d == visit.NoDay {
		t.Fatalf("ParseDate(%q) gave NoDay without an error", in)
	}
	y, m, dd := d.Date()
	if y < minYear || y > maxYear {
		t.Errorf("ParseDate(%q) gave %v, outside %d to %d", in, d, minYear, maxYear)
	}
	if visit.DayOf(y, m, dd) != d {
		t.Errorf("ParseDate(%q) gave %v, which does not round-trip", in, d)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range dateSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		d, err := ParseDate([]byte(in))
		// Whatever the standard library reads in a layout ParseDate shares, ParseDate reads alike.
		for _, layout := range []string{"2006-01-02", "2006/01/02", "20060102", "02.01.2006",
			"2.1.2006", "2006-01-02T15:04:05Z07:00", "2006-01-02 15:04:05 -0700", "Jan 2, 2006",
			"January 2, 2006 15:04", "2 January 2006", "02-Jan-2006", time.RFC1123Z} {
			tm, terr := time.Parse(layout, in)
			if terr != nil || tm.Year() < minYear || tm.Year() > maxYear {
				continue
			}
			if err != nil || d.Day != visit.DayFromTime(tm) {
				t.Errorf("time.Parse(%q, %q) = %v, but ParseDate gives %v, %v", layout, in, tm, d.Day, err)
			}
		}
		if err != nil {
			if err != ErrEmpty && !errors.Is(err, ErrNotDate) {
				t.Errorf("ParseDate(%q) error %v wraps neither ErrEmpty nor ErrNotDate", in, err)
			}
			checkMessage(t, err)
			if d != noDate {
				t.Errorf("ParseDate(%q) = %+v with an error", in, d)
			}
			return
		}
		checkDay(t, in, d.Day)
		checkDay(t, in, d.Alt)
		if d.In(DayFirst) != d.Day || d.In(MonthFirst) != d.Alt {
			t.Errorf("ParseDate(%q) = %+v: In does not pick Day and Alt", in, d)
		}
		if d.Layout == LayoutUnknown || d.Layout > LayoutDayMonthName {
			t.Errorf("ParseDate(%q) has layout %d", in, d.Layout)
		}
		slash := d.Layout >= LayoutSlash && d.Layout <= LayoutDashShort
		if (d.Ambiguous() || d.Evidence != OrderUnknown) && !slash {
			t.Errorf("ParseDate(%q) = %+v: only a/b/y dates are ambiguous or carry evidence", in, d)
		}
		if d.Ambiguous() {
			y1, m1, d1 := d.Day.Date()
			y2, m2, d2 := d.Alt.Date()
			if d.Evidence != OrderUnknown || y1 != y2 || m1 != d2 || d1 != m2 {
				t.Errorf("ParseDate(%q) = %v or %v: the readings are not day and month swapped", in, d.Day, d.Alt)
			}
		}
		for _, again := range []string{d.Day.String(), d.Day.German(), d.Day.String() + "T12:00:00Z"} {
			d2, err := ParseDate([]byte(again))
			if err != nil || d2.Day != d.Day || d2.Ambiguous() {
				t.Errorf("ParseDate(%q) = %v, but reparsing %q gives %+v, %v", in, d.Day, again, d2, err)
			}
		}
	})
}

func FuzzParseAmount(f *testing.F) {
	for _, s := range amountSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		a, err := ParseAmount([]byte(in))
		if err != nil {
			if err != ErrEmpty && !errors.Is(err, ErrNotAmount) {
				t.Errorf("ParseAmount(%q) error %v wraps neither ErrEmpty nor ErrNotAmount", in, err)
			}
			checkMessage(t, err)
			return
		}
		switch a.Currency {
		case "", "EUR", "USD", "GBP", "CHF":
		default:
			t.Errorf("ParseAmount(%q) has currency %q", in, a.Currency)
		}
		if a.Ambiguous() {
			if a.Evidence != StyleUnknown || a.In(StyleUnknown) != a.Minor {
				t.Errorf("ParseAmount(%q) = %+v: an ambiguous value proves nothing and defaults to grouping", in, a)
			}
			if a.In(DecimalPoint) == a.In(DecimalComma) {
				t.Errorf("ParseAmount(%q) = %+v: the two styles do not resolve it differently", in, a)
			}
		} else {
			for _, s := range []Style{StyleUnknown, DecimalPoint, DecimalComma} {
				if a.In(s) != a.Minor {
					t.Errorf("ParseAmount(%q) = %+v: In(%v) changes an unambiguous value", in, a, s)
				}
			}
		}
		if a.In(a.Evidence) != a.Minor {
			t.Errorf("ParseAmount(%q) = %+v: In(Evidence) is not Minor", in, a)
		}
		// Writing the value back in either style reads the same.
		abs, sign := a.Minor, ""
		if abs < 0 {
			abs, sign = -abs, "-"
		}
		for _, again := range []string{
			fmt.Sprintf("%s%d.%02d", sign, abs/100, abs%100),
			fmt.Sprintf("%s%d,%02d €", sign, abs/100, abs%100),
		} {
			a2, err := ParseAmount([]byte(again))
			if err != nil || a2.Minor != a.Minor || a2.Ambiguous() {
				t.Errorf("ParseAmount(%q) = %d, but %q gives %+v, %v", in, a.Minor, again, a2, err)
			}
		}
		// A minus in front negates both readings of an unsigned value.
		trimmed := trimSpace([]byte(in))
		if !bytes.ContainsAny(trimmed, "-+()\u2212") {
			neg, err := ParseAmount(append([]byte("-"), trimmed...))
			if err != nil || neg.Minor != -a.Minor || neg.Alt != -a.Alt {
				t.Errorf("ParseAmount(%q) = %+v, but with a minus %+v, %v", in, a, neg, err)
			}
		}
	})
}

// asciiUpper upper-cases ASCII letters only, leaving UTF-8 sequences intact.
func asciiUpper(s string) []byte {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
	}
	return b
}

func FuzzParseStatus(f *testing.F) {
	for _, s := range statusSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		s, ok := ParseStatus([]byte(in))
		if ok && s >= visit.NumStatus {
			t.Errorf("ParseStatus(%q) = %d, not a status", in, s)
		}
		if s2, ok2 := ParseStatus(asciiUpper(in)); s2 != s || ok2 != ok {
			t.Errorf("ParseStatus(%q) = %v, %v but in capitals %v, %v", in, s, ok, s2, ok2)
		}
		if s2, ok2 := ParseStatus([]byte(" " + in + "_")); ok && (s2 != s || !ok2) {
			t.Errorf("ParseStatus(%q) = %v but with spaces and underscores %v, %v", in, s, s2, ok2)
		}
		v, ok := ParseFlag([]byte(in))
		if v2, ok2 := ParseFlag(asciiUpper(in)); v2 != v || ok2 != ok {
			t.Errorf("ParseFlag(%q) = %v, %v but in capitals %v, %v", in, v, ok, v2, ok2)
		}
		if !ok && v {
			t.Errorf("ParseFlag(%q) = true without ok", in)
		}
	})
}
