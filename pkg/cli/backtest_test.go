package cli

import "testing"

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
