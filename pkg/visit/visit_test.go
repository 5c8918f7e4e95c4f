package visit

import "testing"

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
