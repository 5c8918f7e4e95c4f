package lapse

import (
	"cmp"
	"slices"
	"strings"
)

// RankLapsed returns the lapsed and lost customers of vs, most value at risk first, then
// most days overdue, then by key: the order of a call list. vs is not changed.
func RankLapsed(vs []Verdict) []Verdict {
	idx := RankLapsedIndex(vs)
	out := make([]Verdict, len(idx))
	for k, i := range idx {
		out[k] = vs[i]
	}
	return out
}

// RankLapsedIndex returns the positions in vs of the lapsed and lost customers in the
// order of [RankLapsed].
func RankLapsedIndex(vs []Verdict) []int {
	ascending := true
	for i := 1; i < len(vs) && ascending; i++ {
		ascending = vs[i-1].Key < vs[i].Key
	}
	return rankIndex(vs, ascending)
}

// RankLapsedIndexInKeyOrder is [RankLapsedIndex] for verdicts in ascending order of their
// keys, as those of a [history.Set]'s customers are: it does not check the order, which
// reads every key, each a cache miss in a large set.
func RankLapsedIndexInKeyOrder(vs []Verdict) []int { return rankIndex(vs, true) }

// rankIndex ranks the lapsed and lost of vs; ascending says that the keys ascend, so that
// the position stands in for the key.
func rankIndex(vs []Verdict, ascending bool) []int {
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
		if ascending {
			return cmp.Compare(x.i, y.i)
		}
		return strings.Compare(vs[x.i].Key, vs[y.i].Key)
	})
	out := make([]int, len(rs))
	for k, r := range rs {
		out[k] = int(r.i)
	}
	return out
}
