package par

import (
	"sync/atomic"
	"testing"
)

func TestRanges(t *testing.T) {
	tests := []struct {
		name    string
		n, size int
	}{
		{"no items call nothing", 0, 4},
		{"fewer items than a range make one short range", 3, 4},
		{"a multiple of the size makes full ranges", 4096, 512},
		{"the last range holds the remainder", 10_001, 64},
		{"ranges of one item cover every item", 1000, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			seen := make([]atomic.Int32, tt.n)
			var calls atomic.Int32
			Ranges(tt.n, tt.size, func(s *int, lo, hi int) {
				calls.Add(1)
				*s += hi - lo // the state is the goroutine's own: no race
				if lo%tt.size != 0 || hi-lo > tt.size || (hi-lo < tt.size && hi != tt.n) || lo >= hi {
					t.Errorf("range [%d, %d) of size %d for %d items", lo, hi, tt.size, tt.n)
				}
				for i := lo; i < hi; i++ {
					seen[i].Add(1)
				}
			})
			for i := range seen {
				if c := seen[i].Load(); c != 1 {
					t.Errorf("item %d handled %d times", i, c)
				}
			}
			if want := (tt.n + tt.size - 1) / tt.size; int(calls.Load()) != want {
				t.Errorf("%d calls, want %d", calls.Load(), want)
			}
		})
	}
}
