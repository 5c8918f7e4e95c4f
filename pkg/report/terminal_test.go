package report

import (
	"strings"
	"testing"
)

func TestTextFormatsMakeDataSafe(t *testing.T) {
	evil := "Anna\x1b]0;pwned\x07\u202E\u009b2J\tBeck\nzwei"
	t.Run("a table cell keeps its own line breaks and loses the data's", func(t *testing.T) {
		got := termCell(lines([]string{evil, "second"}, []string{"a", "b"}), "en")
		want := "• Anna\uFFFD]0;pwned\uFFFD\uFFFD\uFFFD2J Beck zwei\n• second"
		if got != want {
			t.Errorf("termCell = %q, want %q", got, want)
		}
	})
	t.Run("a single text loses control characters and line breaks", func(t *testing.T) {
		if got := termCell(txt(evil), "en"); strings.ContainsAny(got, "\x1b\a\u202E\u009b\t\n") {
			t.Errorf("termCell = %q", got)
		}
	})
	t.Run("Markdown loses control characters, bidi overrides and C1", func(t *testing.T) {
		if got := mdEscape(evil); strings.ContainsAny(got, "\x1b\a\u202E\u009b\t\n") {
			t.Errorf("mdEscape = %q", got)
		}
	})
}
