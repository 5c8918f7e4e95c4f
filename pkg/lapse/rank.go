package lapse

import (
	"cmp"
	"slices"
)

// RankLapsedIndexInKeyOrder returns the positions in vs of the lapsed and lost customers,
// most value at risk first, then most days overdue, then by position: the order of a call
// list. The verdicts must be in ascending order of their keys, as those of a
// [history.Set]'s customers are, so that the position stands in for the key; the order is
// not checked, which would read every key, each a cache miss in a large set. vs is not
// changed.
func RankLapsedIndexInKeyOrder(vs []Verdict) []int { return rankIndex(vs) }

// rankIndex ranks the lapsed and lost of vs, whose keys ascend.
func rankIndex(vs []Verdict) []int {
	// Sort small keys rather than verdicts (120 bytes each).
	type rank struct {
		value   int64
		overdue int32
		i       int32
	}
	n := 0
	for i := range vs {
		if vs[i].Status.Missing() {
			n++
		}
	}
	rs := make([]rank, 0, n)
	for i := range vs {
		if vs[i].Status.Missing() {
			// Days overdue fit an int32 many times over; so do the positions of any set
			// that fits in memory.
			rs = append(rs, rank{vs[i].ValueAtRisk, int32(vs[i].Overdue), int32(i)})
		}
	}
	slices.SortFunc(rs, func(x, y rank) int {
		if x.value != y.value {
			return cmp.Compare(y.value, x.value)
		}
		if x.overdue != y.overdue {
			return cmp.Compare(y.overdue, x.overdue)
		}
		return cmp.Compare(x.i, y.i)
	})
	out := make([]int, len(rs))
	for k, r := range rs {
		out[k] = int(r.i)
	}
	return out
}
