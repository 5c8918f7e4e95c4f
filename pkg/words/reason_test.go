package words

import (
	"testing"

	"github.com/winback/winback/pkg/reason/facts"
	"github.com/winback/winback/pkg/visit"
)

func TestReasonFormatting(t *testing.T) {
	en, de := For("en"), For("de")
	for _, c := range []struct {
		cents  int64
		en, de string
	}{
		{0, "0.00", "0,00"}, {5, "0.05", "0,05"}, {3210, "32.10", "32,10"}, {123456, "1,234.56", "1.234,56"},
		{100000000, "1,000,000.00", "1.000.000,00"}, {-2540, "-25.40", "-25,40"},
	} {
		if got := en.reasonAmount(c.cents); got != c.en {
			t.Errorf("amount(%d) = %q, want %q", c.cents, got, c.en)
		}
		if got := de.reasonAmount(c.cents); got != c.de {
			t.Errorf("German amount(%d) = %q, want %q", c.cents, got, c.de)
		}
	}
	for gap, want := range map[float64]string{
		1: "almost daily", 2.3: "about three times a week", 3.5: "about twice a week", 7: "about once a week",
		14: "about every 2 weeks", 30: "about every 4 weeks", 91: "about every 3 months", 365: "about once a year",
		730: "about every 2 years",
	} {
		if got := en.reasonRhythm(gap); got != want {
			t.Errorf("rhythm(%v) = %q, want %q", gap, got, want)
		}
	}
	if got := de.reasonRhythm(3.5); got != "etwa zweimal pro Woche" {
		t.Errorf("German rhythm %q", got)
	}
	for d, want := range map[float64]string{1: "1 Tag", 10: "10 Tage", 45: "6 Wochen", 120: "4 Monate"} {
		if got := de.reasonSpan(d); got != want {
			t.Errorf("span(%v) = %q, want %q", d, got, want)
		}
	}
	if got := en.reasonDate(visit.DayOf(2025, 3, 12)); got != "12 March 2025" {
		t.Errorf("date %q", got)
	}
	if got := de.reasonMonthYear(visit.DayOf(2025, 3, 12)); got != "März 2025" {
		t.Errorf("monthYear %q", got)
	}
}

// TestAppendReason checks that AppendReason appends exactly Reason's evidence and question
// after what the buffer holds, allocates nothing into a buffer with room, and appends
// nothing for an unknown code.
func TestAppendReason(t *testing.T) {
	f := facts.Facts{Day: visit.DayOf(2025, 3, 12), From: visit.DayOf(2024, 1, 8), Count: 12, Usual: 14,
		Recent: []int64{24, 34, 45}, Service: "KG", Channels: []string{"Doctolib"}, Referrer: "Dr. med. A. Beispiel"}
	codes := []string{"last-cancelled", "last-no-show", "slowing", "one-visit", "platform-only", "referral",
		"loyal-lost", "no-contact-preference", "course-finished"}
	prefix := []byte("prefix.")
	for _, c := range []*Catalogue{For("en"), For("de")} {
		for _, code := range codes {
			ev, q := c.Reason(code, &f)
			out, n := c.AppendReason(append([]byte(nil), prefix...), code, &f)
			if string(out) != string(prefix)+ev+q || n != len(ev) || ev == "" || q == "" {
				t.Errorf("%s in %s: %q, %d; Reason gives %q / %q", code, c.Lang(), out, n, ev, q)
			}
		}
		buf := make([]byte, 0, 4096)
		if a := testing.AllocsPerRun(20, func() {
			for _, code := range codes {
				buf, _ = c.AppendReason(buf[:0], code, &f)
			}
		}); a != 0 {
			t.Errorf("AppendReason in %s: %v allocations, want 0", c.Lang(), a)
		}
		if b, n := c.AppendReason([]byte("x"), "unknown", &f); string(b) != "x" || n != 0 {
			t.Errorf("unknown code: %q, %d", b, n)
		}
	}
}

// The reason formats as strings, for tests.

func (c *Catalogue) reasonDate(d visit.Day) string { return string(c.reasonTexts().appendDate(nil, d)) }
func (c *Catalogue) reasonMonthYear(d visit.Day) string {
	return string(c.reasonTexts().appendMonthYear(nil, d))
}
func (c *Catalogue) reasonAmount(cents int64) string {
	return string(c.appendMoney(nil, cents, true))
}
func (c *Catalogue) reasonSpan(d float64) string { return string(c.reasonTexts().appendSpan(nil, d)) }
func (c *Catalogue) reasonRhythm(g float64) string {
	return string(c.reasonTexts().appendRhythm(nil, g))
}
