package trend

import (
	"reflect"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

func visits(key string, days ...visit.Day) history.History {
	var evs []history.Event
	for _, d := range days {
		evs = append(evs, history.Event{Day: d, Status: visit.Attended})
	}
	return historyOf(key, evs...)
}

var d = visit.DayOf

func TestMonthlyCountsActiveNewLapsedAndReturned(t *testing.T) {
	set := &history.Set{Customers: []history.History{
		// weekly in January, gone for three months, back in May
		visits("a", d(2025, 1, 6), d(2025, 1, 13), d(2025, 1, 20), d(2025, 5, 5)),
		// new in March, a cancellation does not count
		historyOf("b", history.Event{Day: d(2025, 3, 1), Status: visit.Attended}, history.Event{Day: d(2025, 4, 1), Status: visit.Cancelled}),
		// a visit after as-of is a booking
		visits("c", d(2025, 2, 1), d(2025, 7, 1)),
	}}
	asOf := d(2025, 5, 31)
	got, _ := compute(set, asOf, func(i int) int { return []int{30, 60, 0}[i] })
	// a lapses 30 days after 20 January (19 February) and returns in May; b lapses 60
	// days after 1 March (30 April); c has no threshold.
	want := []Month{
		{Month: "2025-01", Active: 1, New: 1},
		{Month: "2025-02", Active: 1, New: 1, Lapsed: 1},
		{Month: "2025-03", Active: 1, New: 1},
		{Month: "2025-04", Lapsed: 1},
		{Month: "2025-05", Active: 1, Returned: 1},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestCohortsMeasureRetentionOnlyWhenObservable(t *testing.T) {
	set := &history.Set{Customers: []history.History{
		visits("a", d(2025, 1, 5), d(2025, 2, 10), d(2025, 5, 1)),
		visits("b", d(2025, 1, 20)),
		visits("c", d(2025, 3, 3), d(2025, 4, 10)),
	}}
	_, got := compute(set, d(2025, 6, 30), func(int) int { return 0 })
	want := []Cohort{
		{Name: "2025-01", Customers: 2, Retained: []float64{0.5, 0.5, -1, -1}},
		{Name: "2025-03", Customers: 1, Retained: []float64{1, 0, -1, -1}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got  %+v\nwant %+v", got, want)
	}
}

func TestCohortsAreQuartersForLongData(t *testing.T) {
	set := &history.Set{Customers: []history.History{visits("a", d(2022, 2, 1)), visits("b", d(2022, 3, 1)), visits("c", d(2024, 12, 1))}}
	_, got := compute(set, d(2025, 1, 31), func(int) int { return 0 })
	if len(got) != 2 || got[0].Name != "2022-Q1" || got[0].Customers != 2 || got[1].Name != "2024-Q4" {
		t.Errorf("got %+v", got)
	}
}

func TestCohortsCountOnlyVisitsByAsOf(t *testing.T) {
	set := &history.Set{Customers: []history.History{
		visits("a", d(2023, 1, 6), d(2023, 1, 13), d(2024, 5, 5)),
		historyOf("b", history.Event{Day: d(2024, 3, 1), Status: visit.Cancelled}), // never visited
		visits("c", d(2023, 2, 1), d(2023, 9, 1), d(2025, 7, 1)),
		visits("d", d(2024, 12, 24)),
	}}
	asOf := d(2025, 5, 31)
	limit := func(i int) int { return []int{30, 60, 0, 45}[i] }
	_, cohorts := compute(set, asOf, limit)
	// Over two years: quarters. a's and c's first visits are in 2023-Q1; c is not back a
	// year after. d is the only one in 2024-Q4, not back within 1 or 3 months, and 6 and 12
	// months after its first visit are still to come.
	want := []Cohort{
		{Name: "2023-Q1", Customers: 2, Retained: []float64{1, 1, 1, 0.5}},
		{Name: "2024-Q4", Customers: 1, Retained: []float64{0, 0, -1, -1}},
	}
	if !reflect.DeepEqual(cohorts, want) {
		t.Errorf("cohorts %+v\nwant    %+v", cohorts, want)
	}
	if m, c := compute(&history.Set{}, asOf, limit); m != nil || c != nil {
		t.Errorf("empty set: %v %v", m, c)
	}
}

// TestComputeWhateverTheSetsFirstDay checks that the rows start at the first visit's
// month and do not depend on the set's FirstDay (which a Counter does not read): unset, the
// first event's (a cancellation before the first visit), years before it, or wrongly after
// the first visit (a set made by hand).
func TestComputeWhateverTheSetsFirstDay(t *testing.T) {
	customers := []history.History{
		historyOf("a", history.Event{Day: d(2024, 11, 20), Status: visit.Cancelled}, history.Event{Day: d(2025, 1, 6), Status: visit.Attended},
			history.Event{Day: d(2025, 1, 13), Status: visit.Attended}, history.Event{Day: d(2025, 5, 5), Status: visit.Attended}),
		visits("b", d(2025, 3, 1), d(2025, 3, 20)),
		visits("c", d(2024, 12, 30), d(2025, 7, 1)),
	}
	asOf := d(2025, 5, 31)
	lapseAfter := func(i int) int { return []int{30, 60, 0}[i] }
	set := &history.Set{Customers: customers, FirstDay: visit.NoDay}
	wantMonths, wantCohorts := compute(set, asOf, lapseAfter)
	if len(wantMonths) == 0 || wantMonths[0].Month != "2024-12" {
		t.Fatalf("rows %+v: want them to start in December 2024, the first visit's month", wantMonths)
	}
	for _, first := range []visit.Day{0, d(2024, 11, 20), d(2019, 2, 3), d(2025, 1, 6), d(2025, 3, 1), asOf, asOf + 5} {
		set := &history.Set{Customers: customers, FirstDay: first}
		months, cohorts := compute(set, asOf, lapseAfter)
		if !reflect.DeepEqual(months, wantMonths) || !reflect.DeepEqual(cohorts, wantCohorts) {
			t.Errorf("FirstDay %s:\ngot  %+v %+v\nwant %+v %+v", first, months, cohorts, wantMonths, wantCohorts)
		}
	}
	if m, c := compute(&history.Set{Customers: []history.History{historyOf("x", history.Event{Day: d(2025, 1, 1), Status: visit.Cancelled})}, FirstDay: d(2025, 1, 1)}, asOf, lapseAfter); m != nil || c != nil {
		t.Errorf("no visit: got %+v %+v, want none", m, c)
	}
}

// historyOf returns a history made by hand: key and events, sorted by day, then status.
func historyOf(key string, evs ...history.Event) history.History {
	h := history.History{Key: key}
	h.SetEvents(evs...)
	return h
}

// compute counts set's customers in two counters, merged, as analysis.Run does on two
// goroutines.
func compute(set *history.Set, asOf visit.Day, lapseAfter func(i int) int) ([]Month, []Cohort) {
	parts := [2]*Counter{NewCounter(asOf), NewCounter(asOf)}
	for i := range set.Customers {
		parts[i%2].Add(set.Customers[i].AppendEvents(nil), lapseAfter(i))
	}
	parts[0].Merge(parts[1])
	return parts[0].Result()
}
