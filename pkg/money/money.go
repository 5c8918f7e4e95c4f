// Package money does the arithmetic of amounts in minor units (cents) that must not wrap
// around: an absurd sum (two rows of 9e16 euros) is held at the largest amount, so that
// its figures stay visibly absurd rather than silently negative.
package money

import "math"

// Max is the largest amount: sums are held within ±Max. The lower limit is −Max, not
// math.MinInt64, so that negating a held amount, as formatting a negative one does, is
// safe too.
const Max = math.MaxInt64

// Add returns a + b, held within ±[Max] instead of wrapping around.
func Add(a, b int64) int64 {
	s := a + b
	switch {
	case a > 0 && b > 0 && s < 0:
		return Max
	case a < 0 && b < 0 && s >= 0:
		return -Max
	case s == math.MinInt64:
		return -Max
	}
	return s
}

// Round returns x, an amount in minor units, rounded to the nearest whole one (halves
// away from zero) and held within ±[Max]: converting a float64 beyond the int64 range is
// not defined in Go and gives math.MinInt64 on amd64. NaN is 0.
func Round(x float64) int64 {
	switch {
	case math.IsNaN(x):
		return 0
	case x >= math.MaxInt64: // 2^63 as a float64
		return Max
	case x <= -math.MaxInt64:
		return -Max
	}
	return int64(math.Round(x))
}
