package config

import (
	"reflect"
	"strings"
	"testing"
)

func TestConfigKeysAreFlagNames(t *testing.T) {
	c, err := Parse("w.yaml", []byte(`
# a cron job's configuration
files: [export.csv]
lang: de
encoding: windows-1252
column:
  customer: Patienten-Nr.
  date: Termin
status-map: [erledigt=attended, "storno=cancelled"]
strict: true
segments:
  champions: [R5F4-5]
`))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]string{
		"lang": {"de"}, "encoding": {"windows-1252"}, "column": {"customer=Patienten-Nr.", "date=Termin"},
		"status-map": {"erledigt=attended", "storno=cancelled"}, "strict": {"true"},
	}
	if !reflect.DeepEqual(c.Values, want) || !reflect.DeepEqual(c.Files, []string{"export.csv"}) || len(c.Segments["champions"]) != 1 {
		t.Errorf("config = %+v", c)
	}
	if !reflect.DeepEqual(c.Keys, []string{"lang", "encoding", "column", "status-map", "strict"}) {
		t.Errorf("keys = %v", c.Keys)
	}
}

func TestConfigErrorsNameTheLine(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"a key set twice", "lang: de\nlang: en\n", "w.yaml:2: lang is set twice"},
		{"a nested list", "column:\n  - [a, b]\n", "w.yaml:1: column: a list of plain values"},
		{"not a mapping", "- a\n- b\n", "expected key: value lines"},
		{"broken yaml", "lang: [de\n", "w.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is refused", func(t *testing.T) {
			_, err := Parse("w.yaml", []byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestAnEmptyConfigIsFine(t *testing.T) {
	c, err := Parse("w.yaml", []byte("# nothing yet\n"))
	if err != nil || len(c.Values) != 0 {
		t.Errorf("c = %+v, err = %v", c, err)
	}
}

func TestQuoteKeepsValuesAsText(t *testing.T) {
	for in, want := range map[string]string{"Termin": "Termin", "Honorar (€)": "Honorar (€)", "Kd.-Nr": "Kd.-Nr", "a: b": `"a: b"`, "no": `"no"`, "12": `"12"`, "": `""`} {
		if got := Quote(in); got != want {
			t.Errorf("Quote(%q) = %s, want %s", in, got, want)
		}
	}
}
