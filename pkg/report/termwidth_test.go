package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

func TestTablesFitTheTerminal(t *testing.T) {
	header := []string{"rule", "customers", "did not come back", "precision by days, in rule", "Nachfragen zu"}
	rows := [][]string{
		{"finished course of treatment", "66", "60 (90.9%)", "100.0%", "• lange treu, dann weggeblieben\n• über eine Überweisung gekommen"},
		{"Wiederkaufmodell", "1234567", "–", "73,3 %", "https://example.com/a/very/long/address/without/spaces"},
		{"日本語のサービス名", "1", "2", "3", "👩‍⚕️ Ärztin"},
	}
	for _, width := range []int{200, 100, 80, 60, 40, 30} {
		var b bytes.Buffer
		if err := terminal(&b, width, header, rows, []bool{false, true, true, true, false}); err != nil {
			t.Fatal(err)
		}
		for l := range strings.SplitSeq(strings.TrimRight(b.String(), "\n"), "\n") {
			if w := twwidth.Width(l); w > width {
				t.Errorf("at width %d a line is %d wide:\n%s", width, w, b.String())
				break
			}
		}
	}
	t.Run("a table that fits is left as it is", func(t *testing.T) {
		var wide, fitted bytes.Buffer
		terminal(&wide, 0, header, rows, nil)
		terminal(&fitted, 300, header, rows, nil)
		if wide.String() != fitted.String() {
			t.Errorf("fitted to 300 columns:\n%s\nwant\n%s", fitted.String(), wide.String())
		}
	})
	t.Run("numbers and words stay whole where the words fit", func(t *testing.T) {
		var b bytes.Buffer
		terminal(&b, 80, header, rows, nil)
		for _, w := range []string{"1234567", "90.9%)", "weggeblieben", "Überweisung"} {
			if !strings.Contains(b.String(), w) {
				t.Errorf("%q broken:\n%s", w, b.String())
			}
		}
	})
}

func TestWrapCell(t *testing.T) {
	tests := []struct{ in, want string }{
		{"short", "short"},
		{"two words here", "two\nwords\nhere"},
		{"• a bullet that wraps", "• a\n  bullet\n  that\n  wraps"},
		{"abcdefghijkl", "abcdefgh\nijkl"},
		{"ab abcdefghijkl", "ab\nabcdefgh\nijkl"},
	}
	for _, tt := range tests {
		if got := wrapCell(tt.in, 8); got != tt.want {
			t.Errorf("wrapCell(%q, 8) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
