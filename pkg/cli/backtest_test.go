package cli

import (
	"testing"

	"github.com/winback/winback/pkg/visit"
)

func TestBacktestGolden(t *testing.T) {
	for _, tt := range []struct{ name, format, lang string }{
		{"backtest_en.txt", "table", "en"}, {"backtest_de.md", "md", "de"}, {"backtest_en.json", "json", "en"},
	} {
		t.Run("the sample practice's "+tt.name+" is as reviewed", func(t *testing.T) {
			out, errOut, code := run(t, "backtest", "--format", tt.format, "--lang", tt.lang, "praxis/praxis.csv")
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden(t, tt.name, []byte(out))
		})
	}
}

func TestHorizon(t *testing.T) {
	day := func(s string) visit.Day {
		d, err := visit.ParseDay(s)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	tests := []struct {
		name, horizon, from, after, before string
	}{
		{"days are days", "90d", "2025-06-30", "2025-09-28", "2025-04-01"},
		{"weeks are seven days", "26w", "2025-06-30", "2025-12-29", "2024-12-30"},
		{"months are calendar months", "6m", "2025-06-30", "2025-12-30", "2024-12-30"},
		{"a day the month lacks is its last", "6m", "2025-08-31", "2026-02-28", "2025-02-28"},
		{"a year from a leap day ends on 28 February", "1y", "2024-02-29", "2025-02-28", "2023-02-28"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := parseHorizon(tt.horizon)
			if err != nil {
				t.Fatal(err)
			}
			if got := h.from(day(tt.from), 1); got != day(tt.after) {
				t.Errorf("%s after %s = %s, want %s", tt.horizon, tt.from, got, tt.after)
			}
			if got := h.from(day(tt.from), -1); got != day(tt.before) {
				t.Errorf("%s before %s = %s, want %s", tt.horizon, tt.from, got, tt.before)
			}
			if h.String() != tt.horizon {
				t.Errorf("String() = %q, want %q", h, tt.horizon)
			}
		})
	}
	for _, bad := range []string{"", "6", "m", "0m", "-6m", "6 m", "6M", "6months", "12345d"} {
		if _, err := parseHorizon(bad); err == nil {
			t.Errorf("parseHorizon(%q): no error", bad)
		}
	}
}
