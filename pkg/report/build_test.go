package report_test

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/visit"
)

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

func run(t *testing.T, set *history.Set, asOf visit.Day) *analysis.Result {
	t.Helper()
	r, err := analysis.Run(set, analysis.Options{AsOf: asOf, Period: model.Weeks, Lapse: lapse.DefaultConfig(), Reasons: reason.DefaultConfig()})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func pseudonymizer(keys []string) *pseudo.Pseudonymizer {
	return pseudo.FromCustomers(func() []string { return keys })
}

func TestTheReportAddsUp(t *testing.T) {
	set := praxis(t)
	r := run(t, set, set.LatestRecorded)
	rep := report.Build(r, report.BuildOptions{Lang: "de", Shown: 10})
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
		// Ranked by what a call can still recover: the chance back × a year's value.
		if i > 0 && c.ChanceBack*c.ValueAtRisk > rep.Lapsed[i-1].ChanceBack*rep.Lapsed[i-1].ValueAtRisk+0.001*c.ValueAtRisk+0.01 {
			t.Fatalf("lapsed list not ranked by the value a call can recover at %d", i)
		}
		if c.Questions == "" || c.Why == "" {
			t.Fatalf("lapsed customer %s without a question or a why", c.ID)
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
	if b := report.BacktestOf(r); b == nil || len(b.Bins) == 0 || b.Actual <= 0 {
		t.Errorf("backtest = %+v on two and a half years of data", b)
	}
}

func TestPseudonymsAndContactsInTheReport(t *testing.T) {
	set := praxis(t)
	r := run(t, set, set.LatestRecorded)
	withContacts := report.Build(r, report.BuildOptions{Lang: "en", Contacts: true})
	if withContacts.Lapsed[0].Name == "" {
		t.Error("asked for contacts, got none")
	}
	keys := make([]string, len(set.Customers))
	for i := range set.Customers {
		keys[i] = set.Customers[i].Key
	}
	p := report.Build(r, report.BuildOptions{Lang: "en", Contacts: true, Pseudonyms: pseudonymizer(keys)})
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
		return historyOf(key, evs...)
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
	rep := report.Build(r, report.BuildOptions{Lang: "en", Previous: prev})
	s := rep.Since
	if !slices.Equal(s.WonBack, []string{"a"}) || !slices.Equal(s.StillLapsed, []string{"b"}) || !slices.Equal(s.NewlyLapsed, []string{"c"}) {
		t.Errorf("since = %+v (statuses now %v)", s, rep.Statuses)
	}
	if s.WinBackRate != 0.5 {
		t.Errorf("win-back rate %v, want 1 of 2", s.WinBackRate)
	}
}

// A report whose lapsed customers are filled in when written (Defer), partly or not at
// all beforehand, writes the same bytes in every format as one built complete; the JSON
// writer fills in the customers not yet complete without keeping them.
func TestADeferredReportWritesWhatACompleteOneDoes(t *testing.T) {
	set := praxis(t)
	r := run(t, set, set.LatestRecorded)
	for _, o := range []report.BuildOptions{{Lang: "de", Shown: 10, Contacts: true}, {Lang: "en", Shown: 3}} {
		write := func(rep *report.Report, format string) string {
			t.Helper()
			return written(t, rep, format, report.Options{MaxLapsed: o.Shown})
		}
		deferred := o
		deferred.Defer = true
		for _, format := range report.Formats {
			want := write(report.Build(r, o), format)
			lazy := report.Build(r, deferred)
			if n := lazy.NumLapsed(); n < 20 || len(lazy.Lapsed) != 0 {
				t.Fatalf("%d lapsed customers, %d of them allocated before writing", n, len(lazy.Lapsed))
			}
			if got := write(lazy, format); got != want {
				t.Errorf("%s, lang %s: the deferred report writes something else", format, o.Lang)
			}
			part := report.Build(r, deferred)
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
	opts := []report.BuildOptions{
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
		got = append(got, json(report.Build(shared, o)))
	}
	for k, o := range opts {
		if want := json(report.Build(run(t, set, set.LatestRecorded), o)); got[k] != want {
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

// A set that does not know its first day (one made by hand) gets the same report as one
// that does: the last visits' texts, shared by day for a set read from an export, are
// made one by one.
func TestAReportOfASetWithoutItsFirstDay(t *testing.T) {
	set := praxis(t)
	unknown := *set
	unknown.FirstDay = visit.NoDay
	want := written(t, report.Build(run(t, set, set.LatestRecorded), report.BuildOptions{Lang: "en"}), "json", report.Options{})
	got := written(t, report.Build(run(t, &unknown, set.LatestRecorded), report.BuildOptions{Lang: "en"}), "json", report.Options{})
	if got != want {
		t.Error("the report of the set without its first day differs")
	}
	if !strings.Contains(got, `"last_visit":"2025-`) {
		t.Errorf("no last visit in %.300s", got)
	}
}

func TestANarrowedListKeepsEachCustomersOwnCall(t *testing.T) {
	set := praxis(t)
	whole := report.Build(run(t, set, set.LatestRecorded), report.BuildOptions{Lang: "en"})
	whole.CompleteLapsed(whole.NumLapsed())
	want := map[string]report.Customer{}
	for _, c := range whole.Lapsed {
		want[c.ID] = c
	}
	r := run(t, set, set.LatestRecorded)
	if err := r.Narrow(analysis.Filter{Staff: "Jonas Keller"}); err != nil {
		t.Fatal(err)
	}
	rep := report.Build(r, report.BuildOptions{Lang: "en"})
	rep.CompleteLapsed(rep.NumLapsed())
	if len(rep.Lapsed) == 0 || len(rep.Lapsed) == len(whole.Lapsed) {
		t.Fatalf("the filter keeps %d of %d", len(rep.Lapsed), len(whole.Lapsed))
	}
	for _, c := range rep.Lapsed {
		if w := want[c.ID]; c.Why != w.Why || c.ChanceBack != w.ChanceBack {
			t.Errorf("%s: why %q, chance %v; alone %q, %v", c.ID, c.Why, c.ChanceBack, w.Why, w.ChanceBack)
		}
	}
}
