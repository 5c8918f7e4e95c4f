package lapse

import "testing"

// TestExplainedByKeyAsFormatted checks that the explanations looked up by their key are
// those formatted from scratch, for the rules that have a key, over gaps across every
// unit's boundaries, one and many visits, and P(alive) around whole percents.
func TestExplainedByKeyAsFormatted(t *testing.T) {
	var memo texts
	gaps := []int{0, 1, 2, 6, 7, 8, 20, 21, 24, 25, 27, 28, 90, 121, 122, 137, 400, 729, 730, 912, 913, 2000}
	palive := []float64{0, 0.0049, 0.005, 0.0149, 0.015, 0.5, 0.994, 0.995, 1}
	looked := 0
	for _, rule := range []Rule{RuleOwnRhythm, RuleModel, RulePopulation} {
		for _, usual := range gaps {
			for _, current := range append(gaps, -3) {
				for _, visits := range []int{1, 2, 9} {
					for _, p := range palive {
						for _, within := range []float64{0, 3.5, 44} {
							v := Verdict{Rule: rule, UsualGap: float64(usual) + 0.4, CurrentGap: current, Visits: visits, PAlive: p}
							ev := evidence{within: within}
							want := v
							want.format(ev, &texts{})
							v.explain(ev, &memo)
							if v.Explanation != want.Explanation || v.ExplanationDE != want.ExplanationDE {
								t.Fatalf("%+v %+v: explained %q / %q, formatted %q / %q", v, ev, v.Explanation, v.ExplanationDE, want.Explanation, want.ExplanationDE)
							}
							looked++
						}
					}
				}
			}
		}
	}
	if len(memo.byKey) == 0 || len(memo.byKey) >= looked/10 {
		t.Fatalf("%d keys for %d explanations: the cache is not used as meant", len(memo.byKey), looked)
	}
}
