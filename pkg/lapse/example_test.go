package lapse_test

import (
	"fmt"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// Three patients of a small practice, as of 30 June 2025, without models (too few
// customers to fit them): a weekly patient away six weeks, a patient after a course of
// eight treatments, and one with an appointment this week. Only the first is one to call.
func ExampleAssessor() {
	services := history.NewSymbols()
	kg := services.Intern("KG")
	attended := func(days ...visit.Day) []history.Event {
		var out []history.Event
		for _, d := range days {
			out = append(out, history.Event{Day: d, Service: kg, Amount: 2540, Status: visit.Attended})
		}
		return out
	}
	series := func(from visit.Day, n, step int) []visit.Day {
		var out []visit.Day
		for i := range n {
			out = append(out, from+visit.Day(i*step))
		}
		return out
	}
	asOf := visit.DayOf(2025, 6, 30)
	anna := attended(series(visit.DayOf(2024, 6, 3), 51, 7)...) // weekly to 19 May 2025
	ben := attended(series(visit.DayOf(2025, 4, 1), 8, 3)...)   // a course in April
	cara := append(attended(series(visit.DayOf(2025, 3, 3), 8, 14)...),
		history.Event{Day: visit.DayOf(2025, 7, 4), Service: kg, Status: visit.Booked})
	set := &history.Set{
		Customers: []history.History{historyOf("anna", anna...), historyOf("ben", ben...), historyOf("cara", cara...)},
		Services:  services,
		Columns:   history.Columns{Amount: true, Service: true},
	}
	a := lapse.NewAssessor(set, asOf, lapse.DefaultConfig(), nil)
	verdicts := make([]lapse.Verdict, len(set.Customers))
	w := a.Worker()
	for i := range set.Customers {
		w.Assess(i, set.Customers[i].AppendEvents(nil), &verdicts[i])
	}
	for _, v := range verdicts {
		// Package words says what decided, from the rule, the verdict's fields and its Basis.
		fmt.Printf("%s: %s by %s (%s)\n  %s\n", v.Key, v.Status, v.Rule, words.For("en").Explanation(&v), words.For("de").Explanation(&v))
	}
	// Package calls ranks the lapsed and lost for a call list; here they are only listed.
	for _, v := range verdicts {
		if !v.Status.Missing() {
			continue
		}
		fmt.Printf("call %s: %d days overdue, %.2f at risk (%s)\n", v.Key, v.Overdue, float64(v.ValueAtRisk)/100, v.ValueSource)
	}
	// Output:
	// anna: lapsed by own-rhythm (usually every 7 days; last visit 6 weeks ago)
	//   kommt sonst alle 7 Tage; letzter Besuch vor 6 Wochen
	// ben: follow-up by course (finished a course of 8 × KG; last visit 10 weeks ago)
	//   Behandlungsserie 8 × KG abgeschlossen; letzter Besuch vor 10 Wochen
	// cara: booked by booked (next appointment on 4 Jul 2025)
	//   nächster Termin am 04.07.2025
	// call anna: 35 days overdue, 1295.40 at risk (past-spend)
}
