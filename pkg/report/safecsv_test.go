package report

import (
	"bytes"
	"testing"
)

func TestSafeCSVCommasOnlyTheDecimalColumnsNamed(t *testing.T) {
	var b bytes.Buffer
	w := NewSafeCSV(&b, true).DecimalColumns("amount")
	for _, row := range [][]string{{"id", "amount"}, {"12.5", "12.5"}, {"=1+1", "-3.25"}} {
		if err := w.Write(row); err != nil {
			t.Fatal(err)
		}
	}
	// A piece written under the same header elsewhere, as a report does on all cores.
	var more bytes.Buffer
	w2 := NewSafeCSV(&more, true).DecimalColumns("amount").AfterHeader(w.Header())
	if err := w2.Write([]string{"7.5", "7.5"}); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	w2.Flush()
	if got, want := b.String()+more.String(), "id;amount\n12.5;12,5\n'=1+1;-3,25\n7.5;7,5\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
