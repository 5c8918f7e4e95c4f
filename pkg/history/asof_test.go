package history_test

import (
	"fmt"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// ev is an event on day with status st, booked lead days before (history.NoLead: unknown).
func ev(day visit.Day, st visit.Status, lead int16) history.Event {
	return history.Event{Day: day, Status: st, Lead: lead}
}

// setOf makes a set of one customer per history, keyed K1, K2, ...
func setOf(hs ...[]history.Event) *history.Set {
	s := &history.Set{}
	for i, evs := range hs {
		s.Customers = append(s.Customers, historyOf(fmt.Sprintf("K%d", i+1), evs...))
	}
	return s
}

const no = history.NoLead

func TestTakenOn(t *testing.T) {
	// A dense log: one attended visit a week for a year, per customer.
	weekly := func(from visit.Day, weeks int, lead int16) []history.Event {
		var evs []history.Event
		for w := range weeks {
			evs = append(evs, ev(from+visit.Day(7*w), visit.Attended, lead))
		}
		return evs
	}
	start := d(2024, 6, 3)
	tests := []struct {
		name         string
		set          *history.Set
		want         visit.Day
		by           history.Evidence
		outliers     []visit.Day
		futureAttend int
	}{
		{
			name: "a log without booking dates is taken on its latest recorded outcome, not on a later booked appointment",
			set:  setOf(weekly(start, 52, no), append(weekly(start, 50, no), ev(d(2025, 7, 1), visit.Booked, no))),
			want: start + 7*51, by: history.ByOutcome,
		},
		{
			name: "a booking export whose future stays say ok is taken on its latest booking date",
			set: setOf(
				[]history.Event{ev(d(2024, 3, 1), visit.Attended, 30), ev(d(2025, 2, 14), visit.Attended, 87)}, // booked 2024-11-19
				[]history.Event{ev(d(2024, 8, 1), visit.Attended, 10), ev(d(2025, 6, 1), visit.Attended, 200)}, // booked 2024-11-13
			),
			want: d(2024, 11, 19), by: history.ByBooking, futureAttend: 2,
		},
		{
			name: "a no-show proves its day even with a booking date",
			set:  setOf([]history.Event{ev(d(2024, 3, 1), visit.Attended, 30), ev(d(2024, 12, 1), visit.NoShow, 30)}),
			want: d(2024, 12, 1), by: history.ByOutcome,
		},
		{
			name: "one mistyped row dated 2150 is set aside and named",
			set:  setOf(weekly(start, 52, no), append(weekly(start, 40, no), ev(d(2150, 3, 1), visit.Attended, no))),
			want: start + 7*51, by: history.ByOutcome, outliers: []visit.Day{d(2150, 3, 1)},
		},
		{
			name: "a stay in 2150 is named and its booking date set aside; the last visit, booked ahead, is a booking",
			set:  setOf(weekly(start, 52, 7), []history.Event{ev(d(2025, 1, 6), visit.Attended, 3), ev(d(2150, 3, 1), visit.Attended, 30000)}),
			want: start + 7*51 - 7, by: history.ByBooking, outliers: []visit.Day{d(2150, 3, 1)}, futureAttend: 1,
		},
		{
			name: "a date a little beyond the rest is the export's day",
			set:  setOf(weekly(start, 52, no), []history.Event{ev(d(2025, 10, 1), visit.Attended, no)}),
			want: d(2025, 10, 1), by: history.ByOutcome,
		},
		{
			name: "many rows after a long gap are the data, not outliers",
			set:  setOf(weekly(d(2020, 1, 6), 4, no), weekly(start, 4, no)),
			want: start + 21, by: history.ByOutcome,
		},
		{
			name: "only booked appointments say nothing",
			set:  setOf([]history.Event{ev(d(2025, 1, 6), visit.Booked, no)}),
			want: visit.NoDay,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := tt.set.TakenOn()
			if got.Day != tt.want || got.By != tt.by {
				t.Errorf("taken on %s by %d, want %s by %d", got.Day, got.By, tt.want, tt.by)
			}
			var out []visit.Day
			for _, o := range got.Outliers {
				out = append(out, o.Day)
			}
			if fmt.Sprint(out) != fmt.Sprint(tt.outliers) {
				t.Errorf("outliers %v, want %v", out, tt.outliers)
			}
			if got.FutureAttended != tt.futureAttend {
				t.Errorf("future attended %d, want %d", got.FutureAttended, tt.futureAttend)
			}
		})
	}
}

func TestAsOfKeepsOnlyWhatWasBookedByThen(t *testing.T) {
	asOf := d(2025, 3, 31)
	set := setOf(
		[]history.Event{
			ev(d(2025, 1, 6), visit.Attended, no),
			ev(d(2025, 3, 31), visit.Cancelled, no),
			ev(d(2025, 4, 7), visit.Attended, no), // bought again later: left out
			ev(d(2025, 4, 14), visit.Booked, no),  // booked, no outcome: kept
		},
		[]history.Event{
			ev(d(2025, 2, 3), visit.Attended, 7),
			ev(d(2025, 4, 10), visit.Attended, 20), // booked 2025-03-21: kept
			ev(d(2025, 5, 10), visit.Booked, 20),   // booked 2025-04-20: left out
		},
		[]history.Event{ev(d(2025, 6, 1), visit.Attended, no)}, // first came later: left out whole
	)
	got, cut := set.AsOf(asOf)
	if cut != (history.Cut{Events: 3, Customers: 1}) {
		t.Errorf("cut %+v", cut)
	}
	var days [][]visit.Day
	for i := range got.Customers {
		var ds []visit.Day
		for _, e := range got.Customers[i].Events() {
			ds = append(ds, e.Day)
		}
		days = append(days, ds)
	}
	want := [][]visit.Day{{d(2025, 1, 6), d(2025, 3, 31), d(2025, 4, 14)}, {d(2025, 2, 3), d(2025, 4, 10)}}
	if fmt.Sprint(days) != fmt.Sprint(want) {
		t.Errorf("kept %v\nwant %v", days, want)
	}
	if got.FirstDay != d(2025, 1, 6) || got.LastDay != d(2025, 4, 14) || got.LatestRecorded != d(2025, 4, 10) {
		t.Errorf("span %s to %s, latest recorded %s", got.FirstDay, got.LastDay, got.LatestRecorded)
	}
	if n := set.Customers[0].Len(); n != 4 {
		t.Errorf("the cut changed the original set: %d events", n)
	}
	if same, cut := got.AsOf(asOf); same != got || cut != (history.Cut{}) {
		t.Errorf("a second cut at the same day left out %+v", cut)
	}
}

// BenchmarkTakenOnAndAsOf finds the export's day of a million events and cuts them a
// month earlier, as every analysis command does after the read.
func BenchmarkTakenOnAndAsOf(b *testing.B) {
	const customers, perCustomer = 50_000, 20
	s := &history.Set{Customers: make([]history.History, customers)}
	start := d(2023, 1, 2)
	for c := range s.Customers {
		evs := make([]history.Event, perCustomer)
		for i := range evs {
			lead := int16(no)
			if c%2 == 0 {
				lead = int16(3 + i%20)
			}
			evs[i] = ev(start+visit.Day(c%30+i*35), visit.Attended, lead)
		}
		s.Customers[c] = historyOf(fmt.Sprintf("K%06d", c), evs...)
	}
	for b.Loop() {
		t := s.TakenOn()
		if _, cut := s.AsOf(t.Day - 30); cut.Events == 0 {
			b.Fatal("nothing cut")
		}
	}
}
