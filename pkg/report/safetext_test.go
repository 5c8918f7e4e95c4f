package report

import (
	"bytes"
	"strings"
	"testing"
)

func TestSafeTextDisarmsWhatATerminalWouldActOn(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"an OSC that sets the window title loses its ESC and BEL", "Anna\x1b]0;pwned\x07Beck", "Anna\uFFFD]0;pwned\uFFFDBeck"},
		{"a CSI that clears the screen loses its ESC", "\x1b[2JK1", "\uFFFD[2JK1"},
		{"a colour sequence loses its ESC", "\x1b[31mrot\x1b[0m", "\uFFFD[31mrot\uFFFD[0m"},
		{"a lone BEL is replaced", "ding\a", "ding\uFFFD"},
		{"the C1 CSI U+009B is replaced", "x\u009b2Jy", "x\uFFFD2Jy"},
		{"a raw 0x9b byte (invalid UTF-8) is replaced", "x\x9b2Jy", "x\uFFFD2Jy"},
		{"DEL and NUL are replaced", "a\x7fb\x00c", "a\uFFFDb\uFFFDc"},
		{"a right-to-left override is replaced", "Rechnung\u202Efdp.exe", "Rechnung\uFFFDfdp.exe"},
		{"bidi isolates and marks are replaced", "\u2066a\u2069\u2067b\u2068\u200Ec\u200F\u061C", "\uFFFDa\uFFFD\uFFFDb\uFFFD\uFFFDc\uFFFD\uFFFD"},
		{"bidi embeddings are replaced", "\u202Aa\u202Bb\u202Cc\u202D", "\uFFFDa\uFFFDb\uFFFDc\uFFFD"},
		{"a tab becomes a space", "Massage\t30 min", "Massage 30 min"},
		{"line breaks become spaces", "Zeile 1\nZeile 2\r\nZeile 3\u2028Zeile 4\u2029\u0085", "Zeile 1 Zeile 2  Zeile 3 Zeile 4  "},
		{"umlauts and ß are kept", "Jürgen Größe, Ærø", "Jürgen Größe, Ærø"},
		{"emoji with joiners and variation selectors are kept", "👩‍⚕️ Physio 🇩🇪 ❤️", "👩‍⚕️ Physio 🇩🇪 ❤️"},
		{"right-to-left script without controls is kept", "مرحبا שלום", "مرحبا שלום"},
		{"a replacement character in the data is kept", "a\uFFFDb", "a\uFFFDb"},
		{"plain ASCII is kept", "K1 Prophylaxe 25.40", "K1 Prophylaxe 25.40"},
		{"the empty text is kept", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := SafeText(tt.in); got != tt.want {
				t.Errorf("SafeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestTextFormatsCarryNoEscapeFromTheData(t *testing.T) {
	evil := "K1\x1b]0;pwned\x07\x1b[2J\u202E\u009b\tx\ny"
	out := &View{Page: &Page{Title: evil, Facts: []Fact{{Label: evil, Value: evil}},
		Tables: []Table{{Title: evil, Columns: []string{"id", "name"}, Rows: [][]string{{evil, evil}}, Notes: []string{evil}}},
		Notes:  []string{evil}}}
	for _, format := range []string{"table", "md"} {
		t.Run(format+" shows no control character", func(t *testing.T) {
			w, err := NewWriter(format, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := w.WriteView(&b, out); err != nil {
				t.Fatal(err)
			}
			for _, bad := range []string{"\x1b", "\a", "\u202E", "\u009b", "\t"} {
				if strings.Contains(b.String(), bad) {
					t.Errorf("output holds %q:\n%s", bad, b.String())
				}
			}
			if !strings.Contains(b.String(), "pwned") {
				t.Errorf("the text around the escapes is gone:\n%s", b.String())
			}
		})
	}
	t.Run("the document itself is left as it was", func(t *testing.T) {
		if out.Page.Tables[0].Rows[0][0] != evil {
			t.Errorf("the caller's cell was changed to %q", out.Page.Tables[0].Rows[0][0])
		}
	})
}

func TestTableKeepsADataLineBreakInItsRow(t *testing.T) {
	var b bytes.Buffer
	if err := terminal(&b, 0, []string{"id", "service"}, [][]string{{"K1", "Massage\nund mehr"}}, nil); err != nil {
		t.Fatal(err)
	}
	if got := strings.Count(b.String(), "\n"); got != 5 { // top, header, rule, one row, bottom
		t.Errorf("the table has %d lines, want 5:\n%s", got, b.String())
	}
}
