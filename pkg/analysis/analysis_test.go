package analysis

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/visit"
)

func TestContactAllowedUnlessRefused(t *testing.T) {
	for pref, want := range map[string]bool{
		"": true, "Telefon": true, "E-Mail": true, "SMS": true, "yes": true,
		"kein Kontakt": false, "Kein Kontakt gewünscht": false, "do not contact": false, "opt-out": false,
		"no": false, "Nein": false, "DNC": false,
	} {
		if got := ContactAllowed(pref); got != want {
			t.Errorf("ContactAllowed(%q) = %v, want %v", pref, got, want)
		}
	}
}

func praxis(t *testing.T) *history.Set {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "praxis", "praxis.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := export.Read([]export.Input{{Name: "praxis.csv", R: f}}, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return res.Set
}

func run(t *testing.T, set *history.Set, asOf visit.Day) *Result {
	t.Helper()
	r, err := Run(set, Options{AsOf: asOf, Period: model.Weeks, Lapse: lapse.DefaultConfig(), Reasons: reason.DefaultConfig()})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestEveryCustomerWithAVisitHasTheirSegment(t *testing.T) {
	set := praxis(t)
	r := run(t, set, set.LatestRecorded)
	want := map[string]string{}
	for _, c := range r.Segments.Customers {
		want[c.Key] = c.Segment
	}
	for i, h := range set.Customers {
		if got := r.SegmentOf(i); got != want[h.Key] {
			t.Fatalf("customer %s: segment %q, want %q", h.Key, got, want[h.Key])
		}
	}
	if len(want) == 0 || len(want) == len(set.Customers) {
		t.Errorf("%d of %d customers scored: the test needs some without a visit too", len(want), len(set.Customers))
	}
}

// TestMixCountsByName checks the channel and service mix, counted by symbol, against a
// count by name of each customer's last visit, and the revenue worked out with it against
// a sum over every visit, on the praxis export and on histories with visits of no
// channel or service (and one older than a year).
func TestMixCountsByName(t *testing.T) {
	byName := func(r *Result) map[[2]string][2]int {
		out := map[[2]string][2]int{}
		for i, v := range r.Verdicts {
			missing := v.Status.Missing()
			if !missing && (v.Visits == 0 || (v.Status != lapse.Active && v.Status != lapse.Due && v.Status != lapse.Booked)) {
				continue
			}
			h := &r.Set.Customers[i]
			for j := h.NumPast(r.AsOf) - 1; j >= 0; j-- {
				e := h.At(j)
				if !e.IsVisit(r.AsOf) {
					continue
				}
				add := func(kind, name string) {
					if name == "" {
						name = "–"
					}
					c := out[[2]string{kind, name}]
					if missing {
						c[1]++
					} else {
						c[0]++
					}
					out[[2]string{kind, name}] = c
				}
				if r.Set.Columns.Channel {
					add("channel", r.Set.Channels.Name(e.Channel))
				}
				if r.Set.Columns.Service {
					add("service", r.Set.Services.Name(e.Service))
				}
				break
			}
		}
		return out
	}
	check := func(name string, r *Result) {
		t.Helper()
		want := byName(r)
		got := map[[2]string][2]int{}
		revenue, mix := r.tails()
		for _, row := range mix {
			got[[2]string{row.Kind, row.Name}] = [2]int{row.Active, row.Lapsed}
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: mix %v, by name %v", name, got, want)
		}
		var cents int64 // every visit of the year up to as-of
		for i := range r.Set.Customers {
			for _, e := range r.Set.Customers[i].Events() {
				if e.IsVisit(r.AsOf) && e.Day > r.AsOf-365 {
					cents += e.Amount
				}
			}
		}
		if want := round2(float64(cents) / 100); revenue != want {
			t.Errorf("%s: revenue %v, want %v", name, revenue, want)
		}
		if len(want) < 3 {
			t.Errorf("%s: only %d rows: the case tests little", name, len(want))
		}
	}
	set := praxis(t)
	check("praxis", run(t, set, set.LatestRecorded))

	asOf := visit.DayOf(2025, 6, 1)
	odd := &history.Set{Columns: history.Columns{Channel: true, Service: true}, Channels: history.NewSymbols(), Services: history.NewSymbols()}
	phone, web := odd.Channels.Intern("Telefon"), odd.Channels.Intern("Web")
	massage := odd.Services.Intern("Massage")
	for k, ev := range [][]history.Event{
		{{Day: asOf - 520, Status: visit.Attended, Channel: phone, Service: massage}, {Day: asOf - 420, Status: visit.Attended, Channel: web, Service: 0}},
		{{Day: asOf - 20, Status: visit.Attended, Channel: 0, Service: massage}},
		{{Day: asOf - 500, Status: visit.Attended, Channel: phone}, {Day: asOf - 10, Status: visit.Attended, Channel: phone, Service: massage}},
	} {
		h := history.History{Key: string(rune('a' + k))}
		h.SetEvents(ev...)
		odd.Customers = append(odd.Customers, h)
	}
	check("no channel or service", run(t, odd, asOf))
}
