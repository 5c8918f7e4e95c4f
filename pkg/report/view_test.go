package report

import (
	"bytes"
	"encoding/json"
	"errors"
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

func TestJSONWithListIsWhatTheEncoderWrites(t *testing.T) {
	type doc struct {
		Version int    `json:"version"`
		Items   []row  `json:"items"`
		After   string `json:"after"`
	}
	// Long lists are encoded in chunks on several goroutines.
	long := make([]row, 5*listChunk+7)
	for i := range long {
		long[i] = row{fmt.Sprint("c", i), float64(i) / 3}
	}
	for _, items := range [][]row{nil, {}, {{"a", 1}, {"<b>", 2.5}}, long} {
		var encoded, got bytes.Buffer
		enc := json.NewEncoder(&encoded)
		enc.SetIndent("", "  ")
		enc.Encode(doc{1, nil, "x"})
		want := withList(t, encoded.String(), "items", items)
		if err := JSONWithList(&got, doc{1, nil, "x"}, "items", items); err != nil {
			t.Fatal(err)
		}
		if got.String() != want {
			t.Errorf("items %v:\n got %s\nwant %s", items, got.String(), want)
		}
	}
}

// withList is doc, the encoding of a document whose top-level field key is null, with
// list there as JSONWith writes it: indented as the encoder does, each element on a line
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

func TestJSONWithListFailsOnAnElementItCannotEncode(t *testing.T) {
	items := make([]row, 3*listChunk)
	items[2*listChunk+1].Amount = math.NaN()
	if err := JSONWithList(io.Discard, struct {
		Items []row `json:"items"`
	}{}, "items", items); err == nil {
		t.Error("a NaN in the list was written")
	}
}

// JSONWith writes several fields itself, lists and values, in the document's order
// whatever the order they are given in, in place of what the document holds for them, and
// stops at a value's error.
func TestJSONWithIsWhatTheEncoderWrites(t *testing.T) {
	type doc struct {
		Version int               `json:"version"`
		Items   []row             `json:"items"`
		Middle  string            `json:"middle"`
		Counts  map[string]int    `json:"counts"`
		More    []row             `json:"more"`
		Nested  map[string][]row  `json:"nested"`
		Tail    map[string]string `json:"tail"`
	}
	items := make([]row, 3*listChunk+1)
	for i := range items {
		items[i] = row{fmt.Sprint("<", i, ">"), float64(i) / 7}
	}
	full := doc{2, items, "m", map[string]int{"b": 2, "a": 1}, []row{}, map[string][]row{"items": {{"x", 1}}}, map[string]string{}}
	var encoded bytes.Buffer
	enc := json.NewEncoder(&encoded)
	enc.SetIndent("", "  ")
	withoutItems := full
	withoutItems.Items = nil
	enc.Encode(withoutItems)
	want := withList(t, encoded.String(), "items", items)
	value := func(v any) func(b []byte) ([]byte, error) {
		return func(b []byte) ([]byte, error) {
			out, err := json.MarshalIndent(v, "  ", "  ")
			return append(b, out...), err
		}
	}
	list := func(l []row) func(b []byte, i int) ([]byte, error) {
		return func(b []byte, i int) ([]byte, error) { return AppendJSONElement(b, &l[i]) }
	}
	rest := full
	rest.Items, rest.Counts, rest.More = nil, nil, nil
	var got bytes.Buffer
	err := JSONWith(&got, rest,
		ValueField("counts", value(full.Counts)),
		ListField("more", 0, list(nil)),
		ListField("items", len(items), list(items)))
	if err != nil {
		t.Fatal(err)
	}
	if got.String() != want {
		t.Errorf("got\n%s\nwant\n%s", got.String(), want)
	}
	failing := ValueField("counts", func(b []byte) ([]byte, error) { return b, errors.New("no counts") })
	if err := JSONWith(io.Discard, rest, failing, ListField("more", -1, list(nil)), ListField("items", -1, list(nil))); err == nil || err.Error() != "no counts" {
		t.Errorf("a value's error: %v", err)
	}
	// Fields the document holds are replaced, the first and the last too.
	got.Reset()
	err = JSONWith(&got, full, ValueField("tail", value(full.Tail)), ValueField("nested", value(full.Nested)),
		ValueField("version", value(full.Version)), ListField("items", len(items), list(items)))
	if err != nil || got.String() != want {
		t.Errorf("fields the document holds, replaced: %v\n%s", err, got.String())
	}
	if err := JSONWith(io.Discard, rest, ListField("Name", -1, list(nil))); err == nil {
		t.Error("a field the document has only deeper down was written")
	}
}
