package analysis

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/report"
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

func TestTheReportAddsUp(t *testing.T) {
	set := praxis(t)
	r := run(t, set, set.LatestRecorded)
	rep := r.Report(ReportOptions{Lang: "de", Shown: 10})
	sum := 0
	for _, n := range rep.Summary.ByStatus {
		sum += n
	}
	if sum != rep.Summary.Customers || len(rep.Statuses) != rep.Summary.Customers {
		t.Errorf("statuses %v sum to %d, customers %d, status map %d", rep.Summary.ByStatus, sum, rep.Summary.Customers, len(rep.Statuses))
	}
	if n := rep.Summary.ByStatus["lapsed"] + rep.Summary.ByStatus["lost"]; n != len(rep.Lapsed) || n == 0 {
		t.Errorf("lapsed list %d, lapsed+lost %d", len(rep.Lapsed), n)
	}
	var risk float64
	for i, c := range rep.Lapsed {
		risk += c.ValueAtRisk
		if i > 0 && c.ValueAtRisk > rep.Lapsed[i-1].ValueAtRisk {
			t.Fatalf("lapsed list not ranked by value at risk at %d", i)
		}
		if c.Name != "" || c.Phone != "" {
			t.Fatalf("contact details without asking: %+v", c)
		}
	}
	if d := risk - rep.Summary.ValueAtRisk; d > 0.01*float64(len(rep.Lapsed)) || d < -0.01*float64(len(rep.Lapsed)) {
		t.Errorf("value at risk %.2f, sum of the list %.2f", rep.Summary.ValueAtRisk, risk)
	}
	seg := 0
	for _, row := range rep.Segments.Rows {
		seg += row.Customers
	}
	grid := 0
	for _, row := range rep.Segments.Grid {
		for _, n := range row {
			grid += n
		}
	}
	if seg != grid || seg == 0 {
		t.Errorf("segments %d, grid %d", seg, grid)
	}
	if len(rep.Trends) < 24 || rep.Trends[len(rep.Trends)-1].Month != "2025-06" || len(rep.Cohorts) == 0 || len(rep.Recency) == 0 {
		t.Errorf("trend %d months, cohorts %d, recency %d", len(rep.Trends), len(rep.Cohorts), len(rep.Recency))
	}
	if b := r.Backtest(); b == nil || len(b.Bins) == 0 || b.Actual <= 0 {
		t.Errorf("backtest = %+v on two and a half years of data", b)
	}
}

func TestPseudonymsAndContactsInTheReport(t *testing.T) {
	set := praxis(t)
	r := run(t, set, set.LatestRecorded)
	withContacts := r.Report(ReportOptions{Lang: "en", Contacts: true})
	if withContacts.Lapsed[0].Name == "" {
		t.Error("asked for contacts, got none")
	}
	keys := make([]string, len(set.Customers))
	for i := range set.Customers {
		keys[i] = set.Customers[i].Key
	}
	p := r.Report(ReportOptions{Lang: "en", Contacts: true, Pseudonyms: pseudonymizer(keys)})
	for _, c := range p.Lapsed {
		if c.Name != "" || c.Email != "" || len(c.ID) != 10 || c.ID[:2] != "P-" {
			t.Fatalf("pseudonymized report shows %+v", c)
		}
	}
	for id := range p.Statuses {
		if id[:2] != "P-" {
			t.Fatalf("status map has a real id %q", id)
		}
	}
}

func TestSinceLastTime(t *testing.T) {
	d := visit.DayOf
	visits := func(key string, days ...visit.Day) history.History {
		var evs []history.Event
		for _, x := range days {
			evs = append(evs, history.Event{Day: x, Status: visit.Attended})
		}
		return history.Make(key, evs...)
	}
	weekly := func(from visit.Day, n int) []visit.Day {
		var out []visit.Day
		for i := range n {
			out = append(out, from+visit.Day(7*i))
		}
		return out
	}
	set := &history.Set{Customers: []history.History{
		visits("a", append(weekly(d(2025, 1, 6), 8), d(2025, 6, 20))...), // lapsed in May, back in June
		visits("b", weekly(d(2025, 1, 6), 8)...),                         // lapsed in May and still
		visits("c", weekly(d(2025, 3, 3), 12)...),                        // active in May, lapsed now
		visits("d", weekly(d(2025, 4, 7), 12)...),                        // active all along
	}, Services: history.NewSymbols(), Staff: history.NewSymbols(), Channels: history.NewSymbols()}
	r := run(t, set, d(2025, 6, 30))
	prev := &report.Report{Version: 1, AsOf: "2025-05-31", Statuses: map[string]string{"a": "lapsed", "b": "lost", "c": "active", "d": "active"}}
	rep := r.Report(ReportOptions{Lang: "en", Previous: prev})
	s := rep.Since
	if !slices.Equal(s.WonBack, []string{"a"}) || !slices.Equal(s.StillLapsed, []string{"b"}) || !slices.Equal(s.NewlyLapsed, []string{"c"}) {
		t.Errorf("since = %+v (statuses now %v)", s, rep.Statuses)
	}
	if s.WinBackRate != 0.5 {
		t.Errorf("win-back rate %v, want 1 of 2", s.WinBackRate)
	}
}

func pseudonymizer(keys []string) *pseudo.Pseudonymizer { return pseudo.FromCustomers(keys) }

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

// TestBacktestFromTheModelsPassIsTheSame checks that the backtest from the data gathered
// in Run (Options.Backtest) is the one Backtest works out on its own, on the data and on
// data where the last events of many customers fall after the calibration day.
func TestBacktestFromTheModelsPassIsTheSame(t *testing.T) {
	set := praxis(t)
	for _, asOf := range []visit.Day{set.LatestRecorded, set.LatestRecorded - 200, visit.DayOf(2024, 9, 30)} {
		opt := Options{AsOf: asOf, Period: model.Weeks, Lapse: lapse.DefaultConfig(), Reasons: reason.DefaultConfig()}
		alone, err := Run(set, opt)
		if err != nil {
			t.Fatal(err)
		}
		opt.Backtest = true
		gathered, err := Run(set, opt)
		if err != nil {
			t.Fatal(err)
		}
		want, got := alone.Backtest(), gathered.Backtest()
		if gathered.holdout == nil || want == nil {
			t.Fatalf("as of %v: no holdout gathered (%v) or no backtest (%v)", asOf, gathered.holdout == nil, want == nil)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("as of %v:\ngot  %+v\nwant %+v", asOf, got, want)
		}
	}
}

// A report whose lapsed customers are filled in when written (Defer), partly or not at
// all beforehand, writes the same bytes in every format as one built complete; the JSON
// writer fills in the customers not yet complete without keeping them.
func TestADeferredReportWritesWhatACompleteOneDoes(t *testing.T) {
	set := praxis(t)
	r := run(t, set, set.LatestRecorded)
	for _, o := range []ReportOptions{{Lang: "de", Shown: 10, Contacts: true}, {Lang: "en", Shown: 3}} {
		write := func(rep *report.Report, format string) string {
			t.Helper()
			return written(t, rep, format, report.Options{MaxLapsed: o.Shown})
		}
		deferred := o
		deferred.Defer = true
		for _, format := range report.Formats {
			want := write(r.Report(o), format)
			lazy := r.Report(deferred)
			if n := lazy.NumLapsed(); n < 20 || len(lazy.Lapsed) != 0 {
				t.Fatalf("%d lapsed customers, %d of them allocated before writing", n, len(lazy.Lapsed))
			}
			if got := write(lazy, format); got != want {
				t.Errorf("%s, lang %s: the deferred report writes something else", format, o.Lang)
			}
			part := r.Report(deferred)
			part.CompleteLapsed(7)
			if len(part.Lapsed) != 7 || part.NumLapsed() != lazy.NumLapsed() {
				t.Fatalf("completed 7 of %d: %d allocated, %d counted", lazy.NumLapsed(), len(part.Lapsed), part.NumLapsed())
			}
			if got := write(part, format); got != want {
				t.Errorf("%s, lang %s: the partly completed report writes something else", format, o.Lang)
			}
			// written again, after the first writing completed it or not
			if got := write(part, format); got != want {
				t.Errorf("%s, lang %s: the report writes something else the second time", format, o.Lang)
			}
		}
	}
}

// The reports of one run share the parts that depend on neither ids nor contacts, per
// language: each report is what it would be from a run of its own.
func TestReportsOfOneRunAreWhatTheyWouldBeAlone(t *testing.T) {
	set := praxis(t)
	keys := make([]string, len(set.Customers))
	for i := range set.Customers {
		keys[i] = set.Customers[i].Key
	}
	opts := []ReportOptions{
		{Lang: "de", Shown: 5, Defer: true},
		{Lang: "en", Shown: 5, Defer: true, Pseudonyms: pseudonymizer(keys)},
		{Lang: "en", Shown: 5, Defer: true, Contacts: true},
		{Lang: "en", Shown: 5, Defer: true, LapsedOnly: true},
		{Lang: "de", Shown: 5, Defer: true, LapsedOnly: true},
	}
	json := func(rep *report.Report) string { return written(t, rep, "json", report.Options{}) }
	shared := run(t, set, set.LatestRecorded)
	var got []string
	for _, o := range opts {
		got = append(got, json(shared.Report(o)))
	}
	for k, o := range opts {
		if want := json(run(t, set, set.LatestRecorded).Report(o)); got[k] != want {
			t.Errorf("report %d (%+v) of a run with others differs from one of its own", k, o)
		}
	}
	if want := slices.Clone(shared.Lapsed()); !slices.Equal(shared.Lapsed(), want) || len(want) == 0 {
		t.Error("the ranking changed between calls")
	}
}

// written returns rep as the writer for format writes it.
func written(t *testing.T, rep *report.Report, format string, opt report.Options) string {
	t.Helper()
	w, err := report.NewWriter(format, opt)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := w.Write(&b, rep); err != nil {
		t.Fatal(err)
	}
	return b.String()
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

// A set that does not know its first day (one made by hand) gets the same report as one
// that does: the last visits' texts, shared by day for a set read from an export, are
// made one by one.
func TestAReportOfASetWithoutItsFirstDay(t *testing.T) {
	set := praxis(t)
	unknown := *set
	unknown.FirstDay = visit.NoDay
	want := written(t, run(t, set, set.LatestRecorded).Report(ReportOptions{Lang: "en"}), "json", report.Options{})
	got := written(t, run(t, &unknown, set.LatestRecorded).Report(ReportOptions{Lang: "en"}), "json", report.Options{})
	if got != want {
		t.Error("the report of the set without its first day differs")
	}
	if !strings.Contains(got, `"last_visit":"2025-`) {
		t.Errorf("no last visit in %.300s", got)
	}
}
