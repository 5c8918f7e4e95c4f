package backtest_test

import (
	"fmt"

	"github.com/winback/winback/pkg/backtest"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
)

// ExampleMeasure scores two verdicts as of 1 March against March to May: the lapsed
// customer stayed away, the active one, away longer, came back.
func ExampleMeasure() {
	asOf, end := visit.DayOf(2025, 3, 1), visit.DayOf(2025, 5, 31)
	attended := func(days ...visit.Day) []history.Event {
		var evs []history.Event
		for _, d := range days {
			evs = append(evs, history.Event{Day: d, Status: visit.Attended, Lead: history.NoLead})
		}
		return evs
	}
	full := &history.Set{Customers: []history.History{
		historyOf("anna", attended(visit.DayOf(2025, 1, 10), visit.DayOf(2025, 2, 1))...),
		historyOf("ben", attended(visit.DayOf(2024, 11, 5), visit.DayOf(2025, 4, 2))...),
	}}
	verdicts := []lapse.Verdict{
		{Key: "anna", Status: lapse.Lapsed, Rule: lapse.RuleOwnRhythm, LastVisit: visit.DayOf(2025, 2, 1)},
		{Key: "ben", Status: lapse.Active, Rule: lapse.RulePopulation, LastVisit: visit.DayOf(2024, 11, 5)},
	}
	r, err := backtest.Measure(full, verdicts, nil, asOf, end)
	if err != nil {
		fmt.Println(err)
		return
	}
	all := r.All
	fmt.Printf("did not come back: %d of %d\n", all.NotBack, all.Judged)
	fmt.Printf("verdicts: %d flagged, precision %.2f, recall %.2f\n", all.Verdicts.Flagged, all.Verdicts.Precision(), all.Verdicts.Recall())
	fmt.Printf("days since last visit: %d flagged, precision %.2f, recall %.2f\n", all.Naive.Flagged, all.Naive.Precision(), all.Naive.Recall())
	// Output:
	// did not come back: 1 of 2
	// verdicts: 1 flagged, precision 1.00, recall 1.00
	// days since last visit: 1 flagged, precision 0.00, recall 0.00
}

// historyOf returns a history made by hand: key and events, sorted by day, then status.
func historyOf(key string, evs ...history.Event) history.History {
	h := history.History{Key: key}
	h.SetEvents(evs...)
	return h
}
