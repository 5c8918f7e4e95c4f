package visit

import (
	"fmt"
	"testing"
	"time"
)

func TestDaysRoundTripThroughTheirForms(t *testing.T) {
	for _, d := range []Day{DayOf(1970, 1, 1), DayOf(2024, 2, 29), DayOf(1899, 12, 31), DayOf(2199, 12, 31)} {
		back, err := ParseDay(d.String())
		if err != nil || back != d {
			t.Errorf("%s: ParseDay gives %v, %v", d, back, err)
		}
		y, m, dd := d.Date()
		if DayOf(y, m, dd) != d {
			t.Errorf("%s: Date/DayOf do not round-trip", d)
		}
	}
	if DayOf(1970, 1, 1) != 0 || DayOf(2024, 3, 1)-DayOf(2024, 2, 28) != 2 {
		t.Error("day arithmetic is off")
	}
	if got := DayOf(2025, 3, 12).German(); got != "12.03.2025" {
		t.Errorf("German = %q", got)
	}
	if NoDay.String() != "" || NoDay.German() != "" {
		t.Error("NoDay prints")
	}
	if _, err := ParseDay("12.03.2025"); err == nil {
		t.Error("ParseDay accepts a German date")
	}
}

func TestDatesAgreeWithTheTimePackage(t *testing.T) {
	check := func(d Day) {
		tm := time.Unix(int64(d)*86400, 0).UTC()
		y, m, dd := d.Date()
		if y != tm.Year() || m != int(tm.Month()) || dd != tm.Day() {
			t.Fatalf("day %d: Date gives %d-%d-%d, time gives %s", d, y, m, dd, tm.Format("2006-01-02"))
		}
		iso := fmt.Sprintf("%04d-%02d-%02d", tm.Year(), tm.Month(), tm.Day())
		de := fmt.Sprintf("%02d.%02d.%04d", tm.Day(), tm.Month(), tm.Year())
		if d.String() != iso || d.German() != de {
			t.Fatalf("day %d: String %q, German %q; want %q, %q", d, d.String(), d.German(), iso, de)
		}
	}
	// Every day from 0001 to 2400, and some far off (negative years, beyond 9999).
	for d := DayOf(1, 1, 1) - 2; d <= DayOf(2400, 12, 31); d++ {
		check(d)
	}
	for _, d := range []Day{-1 << 30, -1<<31 + 1, DayOf(-1, 2, 29), DayOf(10000, 1, 1), 1<<31 - 1, 1 << 30} {
		check(d)
	}
	// DayOf normalises months and days as time.Date does.
	for y := -401; y <= 2401; y += 3 {
		for m := -14; m <= 26; m++ {
			for _, dd := range []int{-400, -31, -1, 0, 1, 15, 28, 29, 30, 31, 32, 62, 400} {
				want := Day(time.Date(y, time.Month(m), dd, 0, 0, 0, 0, time.UTC).Unix() / 86400)
				if got := DayOf(y, m, dd); got != want {
					t.Fatalf("DayOf(%d, %d, %d) = %d, time.Date gives %d", y, m, dd, got, want)
				}
			}
		}
	}
}

func TestStatusNamesAreStable(t *testing.T) {
	for s := Status(0); s < NumStatus; s++ {
		back, err := ParseStatus(s.String())
		if err != nil || back != s {
			t.Errorf("%v: %v, %v", s, back, err)
		}
	}
	if _, err := ParseStatus("gone"); err == nil {
		t.Error("unknown status accepted")
	}
}
