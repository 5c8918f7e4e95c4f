package words

import (
	"strings"
	"testing"
)

func TestCatalogueFileErrorsNameTheLine(t *testing.T) {
	for src, want := range map[string]string{
		"# a comment\n\na.b = \"one\"\na.b = \"two\"\n": "x.txt:4: a.b is there twice",
		"a.b = \"one\"\na.c = one\n":                    "x.txt:2: want code = \"text\"",
		"a.b=\"one\"\n":                                 "x.txt:1: want code",
	} {
		_, err := parse("x.txt", src)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("parse(%q) = %v, want %q", src, err, want)
		}
	}
	m, err := parse("x.txt", "  a.b = \"line\\nbreak \\\"quoted\\\" = sign\"  \n#x = \"y\"\n")
	if err != nil || len(m) != 1 || m["a.b"] != "line\nbreak \"quoted\" = sign" {
		t.Errorf("parse = %q, %v", m, err)
	}
}
