package reason

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/winback/winback/pkg/lapse"
)

// LiftRow compares how often one signal shows among customers who stopped coming (lapsed
// or lost) and among those still coming (active, due or booked).
type LiftRow struct {
	Code string `json:"code"`
	// Lapsed of LapsedTotal lapsed or lost customers have the signal; Active of
	// ActiveTotal active, due or booked ones.
	Lapsed      int `json:"lapsed"`
	LapsedTotal int `json:"lapsed_total"`
	Active      int `json:"active"`
	ActiveTotal int `json:"active_total"`
	// LapsedShare and ActiveShare are those counts as fractions (0 for an empty group).
	LapsedShare float64 `json:"lapsed_share"`
	ActiveShare float64 `json:"active_share"`
	// Lift is LapsedShare / ActiveShare; +Inf when no active customer has it (JSON null).
	Lift float64 `json:"lift"`
}

// Lift returns, for every signal found on a customer of either group, its share in both
// groups and their ratio, highest lift first, then most lapsed, then by code.
// findings[i] belongs to verdicts[i]; each code counts once per customer.
func Lift(verdicts []lapse.Verdict, findings [][]Finding) []LiftRow {
	if len(findings) != len(verdicts) {
		panic(fmt.Sprintf("reason.Lift: %d findings for %d verdicts", len(findings), len(verdicts)))
	}
	var lapsedN, activeN int
	var lapsed, active [numCodes]int
	for i, v := range verdicts {
		var group *[numCodes]int
		switch v.Status {
		case lapse.Lapsed, lapse.Lost:
			lapsedN++
			group = &lapsed
		case lapse.Active, lapse.Due, lapse.Booked:
			activeN++
			group = &active
		default:
			continue
		}
		var seen [numCodes]bool
		for _, f := range findings[i] {
			if c, ok := codeOf(f.Code); ok && !seen[c] {
				seen[c] = true
				group[c]++
			}
		}
	}
	share := func(n, of int) float64 {
		if of == 0 {
			return 0
		}
		return float64(n) / float64(of)
	}
	row := func(code string, l, a int) LiftRow {
		r := LiftRow{Code: code, Lapsed: l, LapsedTotal: lapsedN, Active: a, ActiveTotal: activeN,
			LapsedShare: share(l, lapsedN), ActiveShare: share(a, activeN)}
		switch {
		case a > 0 && lapsedN > 0:
			// From the counts, so that 3 of 5 against 1 of 10 is exactly 6.
			r.Lift = float64(l*activeN) / float64(a*lapsedN)
		case r.LapsedShare > 0:
			r.Lift = math.Inf(1)
		}
		return r
	}
	var out []LiftRow
	for c := range numCodes {
		if lapsed[c] > 0 || active[c] > 0 {
			out = append(out, row(catalogue[c].code, lapsed[c], active[c]))
		}
	}
	slices.SortFunc(out, func(a, b LiftRow) int {
		switch {
		case a.Lift > b.Lift:
			return -1
		case a.Lift < b.Lift:
			return 1
		case a.Lapsed != b.Lapsed:
			return b.Lapsed - a.Lapsed
		}
		return strings.Compare(a.Code, b.Code)
	})
	return out
}
