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
	// Sort small keys rather than verdicts (some 200 bytes each). When the keys ascend, as
	// the verdicts of a history.Set do, the position stands in for the key.
	type rank struct {
		value   int64
		overdue int
		i       int
	}
	n := 0
	for i := range vs {
		if vs[i].Status.Missing() {
			n++
		}
	}
	rs := make([]rank, 0, n)
	ascending := true
	for i := range vs {
		if i > 0 && vs[i-1].Key >= vs[i].Key {
			ascending = false
		}
		if vs[i].Status.Missing() {
			rs = append(rs, rank{vs[i].ValueAtRisk, vs[i].Overdue, i})
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
		out[k] = r.i
	}
	return out
}
