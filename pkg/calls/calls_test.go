package calls_test

import (
	"math"
	"testing"

	"github.com/winback/winback/pkg/calls"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
)

func day(s string) visit.Day {
	d, err := visit.ParseDay(s)
	if err != nil {
		panic(err)
	}
	return d
}

// TestTheCurveFallsAndDecaysWithoutData: with no absences the chance starts at one half
// and halves every HalfLifeDays; it never rises with the time away.
func TestTheCurveFallsAndDecaysWithoutData(t *testing.T) {
	c := returnCurve(&history.Set{}, day("2025-06-30"), calls.Config{})
	if got := c.At(0); got != 0.5 {
		t.Errorf("At(0) = %v", got)
	}
	if got := c.At(365); math.Abs(got-0.25) > 1e-9 {
		t.Errorf("At(365) = %v, want 0.25", got)
	}
	for d := 1; d < 3000; d += 7 {
		if c.At(d) > c.At(d-7) {
			t.Fatalf("the chance rises at %d days", d)
		}
	}
	if c.Measured(100) {
		t.Error("measured without data")
	}
}

// TestTheCurveCountsOpenAbsencesAsFarAsTheyGo: 40 customers came back after 100 days and
// have been away 700 days since, 40 have been away 600 days: of the 120 absences of 90
// days, 40 ended within a year.
func TestTheCurveCountsOpenAbsencesAsFarAsTheyGo(t *testing.T) {
	asOf := day("2025-06-30")
	set := &history.Set{Channels: history.NewSymbols()}
	add := func(key string, days ...visit.Day) {
		var evs []history.Event
		for _, d := range days {
			evs = append(evs, history.Event{Day: d, Status: visit.Attended, Lead: history.NoLead})
		}
		set.Customers = append(set.Customers, historyOf(key, evs...))
	}
	for i := range 40 {
		add("back"+string(rune('A'+i)), asOf-800, asOf-700)
		add("gone"+string(rune('A'+i)), asOf-600)
	}
	c := returnCurve(set, asOf, calls.Config{})
	if got := c.At(90); math.Abs(got-1.0/3) > 1e-9 || !c.Measured(90) {
		t.Errorf("At(90) = %v (measured %v), want 1/3", got, c.Measured(90))
	}
	if got := c.At(150); got > 1.0/3 {
		t.Errorf("At(150) = %v: rises", got)
	}
}

// TestRankWinBackPutsRecoverableValueFirst: a long-gone customer worth much outranks a
// recently lapsed one worth little, and is marked as such; one below every recent one is
// long lost but outranks nobody.
func TestRankWinBackPutsRecoverableValueFirst(t *testing.T) {
	c := returnCurve(&history.Set{}, day("2025-06-30"), calls.Config{})
	vs := []lapse.Verdict{
		{Key: "a", Status: lapse.Lapsed, CurrentGap: 60, ValueAtRisk: 10000},
		{Key: "b", Status: lapse.Lost, CurrentGap: 800, ValueAtRisk: 100000},
		{Key: "c", Status: lapse.Lost, CurrentGap: 900, ValueAtRisk: 1000},
		{Key: "d", Status: lapse.Active, CurrentGap: 10, ValueAtRisk: 900000},
		{Key: "e", Status: lapse.FollowUp, CurrentGap: 30},
		{Key: "f", Status: lapse.FollowUp, CurrentGap: 181}, // ended too long ago to ask
		{Key: "g", Status: lapse.FollowUp, CurrentGap: 180},
	}
	got := calls.RankWinBack(vs, c, calls.Config{})
	if len(got) != 3 || got[0].Index != 1 || got[1].Index != 0 || got[2].Index != 2 {
		t.Fatalf("order %+v", got)
	}
	if !got[0].LongLost || !got[0].Outranks || got[1].LongLost || !got[2].LongLost || got[2].Outranks {
		t.Errorf("marks %+v", got)
	}
	if want := int64(math.Round(got[1].Chance * 10000)); got[1].Recoverable != want {
		t.Errorf("recoverable %d, want %d", got[1].Recoverable, want)
	}
	if f := calls.FollowUps(vs, calls.Config{}); len(f) != 2 || f[0].Index != 4 || f[1].Index != 6 {
		t.Errorf("follow-ups %+v", f)
	}
}

// TestWelcomeAndFirstTimers: a first visit booked through a platform with its course
// booked on the same day is welcomed; one who then booked directly is not; the table
// counts their second bookings.
func TestWelcomeAndFirstTimers(t *testing.T) {
	asOf := day("2025-06-30")
	set := &history.Set{Channels: history.NewSymbols(), Columns: history.Columns{Channel: true, BookedAt: true}}
	portal, phone := set.Channels.Intern("Doctolib"), set.Channels.Intern("Telefon")
	ev := func(d visit.Day, ch history.Sym, booked visit.Day) history.Event {
		st := visit.Attended
		if d > asOf {
			st = visit.Booked
		}
		return history.Event{Day: d, Channel: ch, Status: st, Lead: int16(d - booked)}
	}
	set.Customers = []history.History{
		// a series booked through the portal on one day, one row of it says Telefon
		historyOf("new", ev(asOf-10, portal, asOf-20), ev(asOf-3, phone, asOf-20), ev(asOf+4, portal, asOf-20)),
		// then a second booking made by phone
		historyOf("direct", ev(asOf-20, portal, asOf-25), ev(asOf-5, phone, asOf-15)),
		// then again through the portal
		historyOf("portal", ev(asOf-20, portal, asOf-25), ev(asOf-5, portal, asOf-15)),
		// first booked by phone
		historyOf("phone", ev(asOf-20, phone, asOf-25)),
		// long ago
		historyOf("old", ev(asOf-200, portal, asOf-210)),
	}
	vs := make([]lapse.Verdict, len(set.Customers))
	for i := range vs {
		vs[i] = lapse.Verdict{Status: lapse.Active, Visits: 1}
	}
	isPortal := func(name string) bool { return name == "Doctolib" }
	w := calls.Welcomes(set, vs, asOf, calls.Config{}, isPortal)
	if len(w) != 2 || set.Customers[w[0].Index].Key != "portal" || set.Customers[w[1].Index].Key != "new" || w[1].Away != 10 {
		t.Errorf("welcome %+v", w)
	}
	rows := calls.PlatformFirstTimers(set, asOf, calls.Config{}, isPortal)
	if len(rows) != 12 || rows[11].Month != "2025-06" {
		t.Fatalf("rows %+v", rows)
	}
	if r := rows[11]; r.FirstTimers != 3 || r.Direct != 1 || r.Platform != 1 || r.NoneYet != 1 {
		t.Errorf("June %+v", r)
	}
	if r := rows[11-6]; r.FirstTimers != 1 || r.NoneYet != 1 {
		t.Errorf("December %+v", r)
	}
}

// historyOf returns a history made by hand: key and events, sorted by day, then status.
func historyOf(key string, evs ...history.Event) history.History {
	h := history.History{Key: key}
	h.SetEvents(evs...)
	return h
}

// returnCurve is the curve of every customer of set as of asOf, counted in two parts and
// merged, as analysis.Run counts them on its goroutines.
func returnCurve(set *history.Set, asOf visit.Day, cfg calls.Config) *calls.Curve {
	var parts [2]calls.Absences
	for i := range set.Customers {
		parts[i%2].Add(set.Customers[i].AppendEvents(nil), asOf)
	}
	parts[0].Merge(&parts[1])
	return parts[0].Curve(cfg)
}
