package history

import "testing"

func TestSizeClassesGrowByHalf(t *testing.T) {
	want := []int{1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64}
	for k, c := range want {
		if capOf(k) != c {
			t.Errorf("capOf(%d) = %d, want %d", k, capOf(k), c)
		}
	}
	for n := 1; n < 100000; n++ {
		k := classFor(n)
		if capOf(k) < n || (k > 0 && capOf(k-1) >= n) {
			t.Fatalf("classFor(%d) = %d (capacity %d; the class below holds %d)", n, k, capOf(k), capOf(max(k-1, 0)))
		}
	}
}
