package render

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
)

var errFull = errors.New("no space left on device")

// fullAfter accepts n bytes and then fails, as a disk that fills up.
type fullAfter struct{ n int }

func (f *fullAfter) Write(b []byte) (int, error) {
	if len(b) <= f.n {
		f.n -= len(b)
		return len(b), nil
	}
	n := f.n
	f.n = 0
	return n, errFull
}

func TestEveryFormatReturnsTheWriteError(t *testing.T) {
	type row struct {
		Name   string  `csv:"name" json:"name"`
		Amount float64 `csv:"amount" json:"amount"`
	}
	out := &Output{
		Doc: &Doc{Title: "Lapsed customers", Facts: []Fact{{"as of", "2025-06-30"}},
			Tables: []Table{{Title: "who", Columns: []string{"id", "value"}, Rows: [][]string{{"1227", "12.50"}, {"1228", "3.00"}}, Numeric: []bool{false, true}, Notes: []string{"1 more"}}},
			Notes:  []string{"hints not available"}},
		JSON: map[string]any{"customers": []row{{"a", 1}, {"b", 2}}},
		CSV:  []row{{"a", 1}, {"b", 2}},
	}
	for _, format := range Formats {
		w, _ := New(format, Options{})
		var whole bytes.Buffer
		if err := w.Write(&whole, out); err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{0, 1, whole.Len() / 2, whole.Len() - 1} {
			t.Run(fmt.Sprintf("%s with room for %d of %d bytes fails", format, n, whole.Len()), func(t *testing.T) {
				if err := w.Write(&fullAfter{n}, out); !errors.Is(err, errFull) {
					t.Errorf("err = %v, want the write error", err)
				}
			})
		}
	}
}
