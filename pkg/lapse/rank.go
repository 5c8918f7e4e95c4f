package lapse

import (
	"cmp"
	"slices"
)

// RankLapsed returns the lapsed and lost customers of vs, most value at risk first, then
// most days overdue, then by key: the order of a call list. vs is not changed.
func RankLapsed(vs []Verdict) []Verdict {
	// Sort indices rather than verdicts: a verdict is some 200 bytes to swap.
	var idx []int32
	for i := range vs {
		if vs[i].Status.Missing() {
			idx = append(idx, int32(i))
		}
	}
	slices.SortFunc(idx, func(i, j int32) int {
		x, y := &vs[i], &vs[j]
		if c := cmp.Compare(y.ValueAtRisk, x.ValueAtRisk); c != 0 {
			return c
		}
		if c := cmp.Compare(y.Overdue, x.Overdue); c != 0 {
			return c
		}
		return cmp.Compare(x.Key, y.Key)
	})
	out := make([]Verdict, len(idx))
	for k, i := range idx {
		out[k] = vs[i]
	}
	return out
}
