package segment

import (
	"fmt"
	"slices"
)

// at returns the segment of the cell (r, f) of m.
func at(m *Map, r, f Score) Segment { return m.segments[m.cells[r-1][f-1]] }

// configOf returns m as a config structure that [NewMap] turns back into the same map:
// per segment, blocks of cells such as "R1-2,F3-4".
func configOf(m *Map) map[string][]string {
	cfg := make(map[string][]string, len(m.segments))
	for i, s := range m.segments {
		// Per R row, the runs of F the segment holds; equal runs in adjacent rows merge.
		type block struct{ r0, r1, f0, f1 int }
		var blocks []block
		var open []block // blocks ending at the previous row
		for r := range 5 {
			var next []block
			for f := 0; f < 5; {
				if int(m.cells[r][f]) != i {
					f++
					continue
				}
				f0 := f
				for f < 5 && int(m.cells[r][f]) == i {
					f++
				}
				b := block{r, r, f0, f - 1}
				if j := slices.IndexFunc(open, func(o block) bool { return o.f0 == b.f0 && o.f1 == b.f1 }); j >= 0 {
					b.r0 = open[j].r0
					open = slices.Delete(open, j, j+1)
				}
				next = append(next, b)
			}
			blocks = append(blocks, open...)
			open = next
		}
		blocks = append(blocks, open...)
		slices.SortFunc(blocks, func(a, b block) int {
			if a.r0 != b.r0 {
				return a.r0 - b.r0
			}
			return a.f0 - b.f0
		})
		for _, b := range blocks {
			cfg[s.Code] = append(cfg[s.Code], "R"+span(b.r0, b.r1)+",F"+span(b.f0, b.f1))
		}
	}
	return cfg
}

// span formats the zero-based run a..b as one-based scores: "3" or "1-2".
func span(a, b int) string {
	if a == b {
		return fmt.Sprint(a + 1)
	}
	return fmt.Sprintf("%d-%d", a+1, b+1)
}
