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
		if got := indentLapsed(t, got.Bytes()); !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("deferred report's JSON:\n%s", firstDiff(got, want.Bytes()))
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

// A deferred backtest is asked for once (or never, by csv), however often the report is written,
// and the report writes as if it had been there from the start; it survives a later Defer.
func TestADeferredBacktestIsWrittenAsIfThere(t *testing.T) {
	full := practice("de")
	if full.Model.Backtest == nil {
		t.Fatal("the fixture has no backtest")
	}
	for _, format := range Formats {
		w, err := NewWriter(format, Options{})
		if err != nil {
			t.Fatal(err)
		}
		write := func(r *Report) string {
			var b bytes.Buffer
			if err := w.Write(&b, r); err != nil {
				t.Fatal(err)
			}
			return b.String()
		}
		want := write(full)
		r := *full
		r.Model.Backtest = nil
		calls := 0
		r.DeferBacktest(func() *Backtest { calls++; return full.Model.Backtest })
		d := Deferred{Customer: func(i int, c *Customer) { *c = full.Lapsed[i] }, Statuses: func() []Status { return nil }}
		for _, c := range full.Lapsed {
			d.Contacts = d.Contacts || c.Name != "" || c.Phone != "" || c.Email != "" || c.ContactPreference != ""
			d.PAlive = d.PAlive || c.PAlive >= 0
		}
		r.Defer(d)
		r.Lapsed = make([]Customer, len(full.Lapsed))
		r.Statuses = nil
		if format == "json" || format == "xlsx" {
			// the fixture's statuses, as the deferred list gives them
			list := []Status{}
			for id, s := range full.Statuses {
				list = append(list, Status{id, s})
			}
			r.deferred.d.Statuses = func() []Status { return slices.Clone(list) }
		}
		got := write(&r)
		if format != "xlsx" && got != want { // xlsx holds its time of writing
			t.Errorf("%s: the report with a deferred backtest writes something else", format)
		}
		wantCalls := 1
		if format == "csv" || format == "summary" {
			wantCalls = 0 // the per-customer table and the first screen have no model
		}
		if again := write(&r); format != "xlsx" && again != want || calls != wantCalls {
			t.Errorf("%s: written twice, the backtest asked for %d times", format, calls)
		}
	}
}
