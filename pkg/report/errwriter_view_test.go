package report

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

func TestEveryViewFormatReturnsTheWriteError(t *testing.T) {
	type row struct {
		Name   string  `csv:"name" json:"name"`
		Amount float64 `csv:"amount" json:"amount"`
	}
	out := &View{
		Page: &Page{Title: "Lapsed customers", Facts: []Fact{{"as of", "2025-06-30"}},
			Tables: []Table{{Title: "who", Columns: []string{"id", "value"}, Rows: [][]string{{"1227", "12.50"}, {"1228", "3.00"}}, Numeric: []bool{false, true}, Notes: []string{"1 more"}}},
			Notes:  []string{"hints not available"}},
		JSON: map[string]any{"customers": []row{{"a", 1}, {"b", 2}}},
		CSV:  []row{{"a", 1}, {"b", 2}},
	}
	for _, format := range ViewFormats {
		w, _ := NewWriter(format, Options{})
		var whole bytes.Buffer
		if err := w.WriteView(&whole, out); err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{0, 1, whole.Len() / 2, whole.Len() - 1} {
			t.Run(fmt.Sprintf("%s with room for %d of %d bytes fails", format, n, whole.Len()), func(t *testing.T) {
				if err := w.WriteView(&fullAfter{n}, out); !errors.Is(err, errFull) {
					t.Errorf("err = %v, want the write error", err)
				}
			})
		}
	}
}
