package report

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

func TestSortStatusesKeepsTheLastEntryOfAnID(t *testing.T) {
	for _, c := range []struct{ in, want []Status }{
		{nil, nil},
		{[]Status{{"a", "x"}, {"b", "y"}}, []Status{{"a", "x"}, {"b", "y"}}},
		{[]Status{{"b", "1"}, {"a", "1"}, {"b", "2"}, {"a", "3"}, {"c", "4"}}, []Status{{"a", "3"}, {"b", "2"}, {"c", "4"}}},
		{[]Status{{"a", "1"}, {"a", "2"}}, []Status{{"a", "2"}}},
	} {
		if got := sortStatuses(slices.Clone(c.in)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("sortStatuses(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}

// A report whose lapsed customers and statuses are deferred writes the JSON that the
// complete report does, and completes to the same map, even when the deferred statuses
// come unsorted and with an id twice (two customers sharing a pseudonym).
func TestDeferredStatusesAreWhatTheMapHolds(t *testing.T) {
	full := practice("en")
	list := []Status{{"K-9", "active"}, {"A-1", "lapsed"}, {"P-7", "lost"}, {"A-1", "due"}, {"B-2", "booked"}}
	full.Statuses = map[string]string{}
	for _, s := range list {
		full.Statuses[s.ID] = s.Status
	}
	lazy := func() *Report {
		r := *full
		r.Lapsed = make([]Customer, len(full.Lapsed))
		r.Statuses = nil
		r.Defer(Deferred{
			Customer: func(i int, c *Customer) { *c = full.Lapsed[i] },
			Statuses: func() []Status { return slices.Clone(list) },
		})
		return &r
	}
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	if err := enc.Encode(full); err != nil {
		t.Fatal(err)
	}
	r := lazy()
	for range 2 { // again, from the sorted list kept
		var got bytes.Buffer
		if err := (jsonWriter{}).Write(&got, r); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Fatalf("deferred report's JSON:\n%s\nwant\n%s", got.String(), want.String())
		}
	}
	r.Complete()
	if !reflect.DeepEqual(r.Statuses, full.Statuses) {
		t.Errorf("completed statuses %v, want %v", r.Statuses, full.Statuses)
	}
	r = lazy()
	r.Complete()
	if !reflect.DeepEqual(r.Statuses, full.Statuses) || !reflect.DeepEqual(r.Lapsed, full.Lapsed) {
		t.Errorf("completed statuses %v, want %v", r.Statuses, full.Statuses)
	}
}
