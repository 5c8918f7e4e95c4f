package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"
)

func TestNumbersAreFormattedForTheLanguage(t *testing.T) {
	tests := []struct{ got, want string }{
		{Money(123456789, "de"), "1.234.567,89"},
		{Money(123456789, "en"), "1,234,567.89"},
		{Money(-5, "de"), "-0,05"},
		{Money(0, "en"), "0.00"},
		{Int(1234567, "de"), "1.234.567"},
		{Int(-999, "en"), "-999"},
		{Percent(0.314, "de"), "31 %"},
		{Percent(0.314, "en"), "31%"},
		{Decimal(2.5, 1, "de"), "2,5"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}

func TestFormulaCellsAreNeutralised(t *testing.T) {
	for in, want := range map[string]string{
		"=HYPERLINK(1)": "'=HYPERLINK(1)", "+49 30 123": "+49 30 123", "+49 (30) 123-4/5": "+49 (30) 123-4/5", "+49 x": "'+49 x", "+": "'+", "@SUM(A1)": "'@SUM(A1)",
		"-12.50": "-12.50", "+12": "+12", "\tx": "'\tx", "Anna": "Anna", "": "", "-": "'-",
	} {
		if got := Neutralise(in); got != want {
			t.Errorf("Neutralise(%q) = %q, want %q", in, got, want)
		}
	}
}

type row struct {
	Name   string  `csv:"name"`
	Amount float64 `csv:"amount"`
}

func TestCSVForAGermanExcel(t *testing.T) {
	var b bytes.Buffer
	w, _ := NewWriter("csv", Options{Excel: true})
	if err := w.WriteView(&b, &View{CSV: []row{{"=1+1", 12.5}}}); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != "\uFEFFname;amount\n'=1+1;12,5\n" {
		t.Errorf("got %q", got)
	}
}

func TestMarkdownEscapesData(t *testing.T) {
	var b bytes.Buffer
	w, _ := NewWriter("md", Options{})
	doc := &Page{Tables: []Table{{Columns: []string{"a"}, Rows: [][]string{{"<script>|*x*"}}}}}
	if err := w.WriteView(&b, &View{Page: doc}); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "<script>") || !strings.Contains(b.String(), `&lt;script&gt;\|\*x\*`) {
		t.Errorf("got %q", b.String())
	}
}

func TestUnknownFormatsNameTheKnownOnes(t *testing.T) {
	_, err := NewWriter("pdf", Options{})
	if err == nil || !strings.Contains(err.Error(), "table, md, json, csv, html, xlsx") {
		t.Errorf("err = %v", err)
	}
	for path, want := range map[string]string{"x.csv": "csv", "x.MD": "md", "x.txt": "table", "x.pdf": ""} {
		if got := FormatFor(path); got != want {
			t.Errorf("FormatFor(%q) = %q, want %q", path, got, want)
		}
	}
}

// The lapsed list's JSON is what the encoder writes, with one customer a line.
func TestLapsedJSONIsWhatTheEncoderWrites(t *testing.T) {
	long := make([]Customer, 5*4096+7) // several blocks of inBlocks
	for i := range long {
		long[i] = Customer{ID: fmt.Sprint("<c", i, ">"), UsualGap: float64(i) / 3}
	}
	for _, items := range [][]Customer{{}, {{ID: "a"}, {ID: "<b>", ValueAtRisk: 2.5}}, long} {
		doc := lapsedJSON{Version: 1, ByStatus: map[string]int{"lost": 2}, Filter: "x"}
		var encoded, got bytes.Buffer
		enc := json.NewEncoder(&encoded)
		enc.SetIndent("", "  ")
		enc.Encode(doc)
		want := withList(t, encoded.String(), "customers", items)
		doc.Lapsed = items
		if err := doc.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		if got.String() != want {
			t.Errorf("%d customers:\n got %.2000s\nwant %.2000s", len(items), got.String(), want)
		}
	}
}

// withList is doc, the encoding of a document whose top-level field key is null, with
// list there as writeList writes it: indented as the encoder does, each element on a line
// of its own as json.Marshal writes it.
func withList[T any](t *testing.T, doc, key string, list []T) string {
	t.Helper()
	null := "\n  \"" + key + "\": null"
	if strings.Count(doc, null) != 1 {
		t.Fatalf("no single %q in %s", null, doc)
	}
	if list == nil {
		return doc
	}
	var b strings.Builder
	b.WriteString("[")
	for i := range list {
		e, err := json.Marshal(&list[i])
		if err != nil {
			t.Fatal(err)
		}
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString("\n    ")
		b.Write(e)
	}
	if len(list) > 0 {
		b.WriteString("\n  ")
	}
	b.WriteString("]")
	return strings.Replace(doc, null, null[:len(null)-len("null")]+b.String(), 1)
}

func TestLapsedJSONFailsOnACustomerItCannotEncode(t *testing.T) {
	items := make([]Customer, 3*4096)
	items[2*4096+1].PAlive = math.NaN()
	if err := (lapsedJSON{Lapsed: items}).WriteJSON(io.Discard); err == nil {
		t.Error("a NaN in the list was written")
	}
}
