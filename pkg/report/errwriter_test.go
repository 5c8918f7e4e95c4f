package report

import (
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
	for _, format := range Formats {
		whole := write(t, format, Options{}, practice("de"))
		for _, n := range []int{0, 1, len(whole) / 2, len(whole) - 1} {
			t.Run(fmt.Sprintf("%s with room for %d of %d bytes fails", format, n, len(whole)), func(t *testing.T) {
				w, _ := NewWriter(format, Options{})
				if err := w.Write(&fullAfter{n}, practice("de")); !errors.Is(err, errFull) {
					t.Errorf("err = %v, want the write error", err)
				}
			})
		}
	}
}
