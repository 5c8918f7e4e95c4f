package lapse

import (
	"math"
	"slices"
	"sync"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// maxStrata is the most services the population rule keeps gaps for one by one; an
// export with more (a shop's articles as services) is judged against everyone's gaps.
const maxStrata = 64

// stratum is the population rule's gaps after the visits of one service: their median,
// their PopulationQuantile and the lapse gap (that quantile, not below MinGapDays).
type stratum struct {
	median, quantile, lapse float64
	ok                      bool // enough gaps (PopulationStratumMinGaps)
}

// countStrata returns the population rule's gaps by the service of the visit they start
// from, indexed by service symbol; a service with fewer than PopulationStratumMinGaps gaps
// is not ok.
func countStrata(set *history.Set, asOf visit.Day, cfg Config) []stratum {
	n := set.Services.Len()
	all := make([][]int32, n)
	var mu sync.Mutex
	parallelChunks(len(set.Customers), func(_, lo, hi int) {
		part := make([][]int32, n)
		var sc scratch
		var events []history.Event
		for i := lo; i < hi; i++ {
			events = set.Customers[i].AppendEvents(events[:0])
			sc.load(events, asOf)
			for k := 1; k < len(sc.visits); k++ {
				s := sc.visits[k-1].service
				part[s] = append(part[s], int32(sc.visits[k].day-sc.visits[k-1].day))
			}
		}
		mu.Lock()
		defer mu.Unlock()
		for s := range part {
			all[s] = append(all[s], part[s]...)
		}
	})
	out := make([]stratum, n)
	for s, gaps := range all {
		if s == 0 || len(gaps) < cfg.PopulationStratumMinGaps {
			continue
		}
		slices.Sort(gaps) // the order the parts came in does not matter
		at := func(q float64) float64 {
			return float64(gaps[min(max(int(math.Ceil(q*float64(len(gaps))))-1, 0), len(gaps)-1)])
		}
		q := at(cfg.PopulationQuantile)
		out[s] = stratum{median: at(0.5), quantile: q, lapse: math.Max(q, float64(cfg.MinGapDays)), ok: true}
	}
	return out
}
