package backtest

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/visit"
)

const asOf, end = visit.Day(100), visit.Day(190)

// customer is a hand-made history with its verdict as of asOf.
type customer struct {
	key    string
	days   []visit.Day // attended visits
	other  []history.Event
	status lapse.Status
	rule   lapse.Rule
}

// build returns the full set (customers in key order) and the verdicts: each customer's
// last visit on or before asOf is the one the verdict names.
func build(cs []customer) (*history.Set, []lapse.Verdict) {
	set := &history.Set{}
	var vs []lapse.Verdict
	for _, c := range cs {
		var evs []history.Event
		for _, d := range c.days {
			evs = append(evs, history.Event{Day: d, Status: visit.Attended, Lead: history.NoLead})
		}
		evs = append(evs, c.other...)
		sortEvents(evs)
		set.Customers = append(set.Customers, historyOf(c.key, evs...))
		last := visit.NoDay
		for _, d := range c.days {
			if d <= asOf {
				last = max(last, d)
			}
		}
		vs = append(vs, lapse.Verdict{Key: c.key, Status: c.status, Rule: c.rule, LastVisit: last, PAlive: -1})
	}
	return set, vs
}

func sortEvents(evs []history.Event) {
	for i := 1; i < len(evs); i++ {
		for j := i; j > 0 && (evs[j].Day < evs[j-1].Day || evs[j].Day == evs[j-1].Day && evs[j].Status < evs[j-1].Status); j-- {
			evs[j], evs[j-1] = evs[j-1], evs[j]
		}
	}
}

func TestMeasure(t *testing.T) {
	tests := []struct {
		name      string
		customers []customer
		// want: the whole group's verdicts' and naive hits, flagged and not back
		flagged, hits, naiveHits, notBack, judged, unjudged int
	}{
		{
			name: "the verdicts beat recency when the recent lapsed customer stays away and the long-absent one comes back",
			customers: []customer{
				{key: "A", days: []visit.Day{50, 90}, status: lapse.Lapsed, rule: lapse.RuleOwnRhythm},      // gap 10, gone
				{key: "B", days: []visit.Day{10, 150}, status: lapse.Active, rule: lapse.RulePopulation},    // gap 90, back
				{key: "C", days: []visit.Day{20, 50}, status: lapse.Lost, rule: lapse.RuleModel},            // gap 50, gone
				{key: "D", days: []visit.Day{80, 95, 200}, status: lapse.Active, rule: lapse.RuleOwnRhythm}, // gap 5, back after the horizon
			},
			// flagged A, C: both gone. Naive flags B (90) and C (50): one gone. Gone: A, C, D.
			flagged: 2, hits: 2, naiveHits: 1, notBack: 3, judged: 4,
		},
		{
			name: "recency wins when the verdicts flag the customer who comes back",
			customers: []customer{
				{key: "A", days: []visit.Day{90, 120}, status: lapse.Lapsed, rule: lapse.RuleOwnRhythm}, // gap 10, back
				{key: "B", days: []visit.Day{10}, status: lapse.Active, rule: lapse.RulePopulation},     // gap 90, gone
				{key: "C", days: []visit.Day{99}, status: lapse.Active, rule: lapse.RulePopulation},     // gap 1, gone
			},
			flagged: 1, hits: 0, naiveHits: 1, notBack: 2, judged: 3,
		},
		{
			name: "ties in days since the last visit go to the first key",
			customers: []customer{
				{key: "A", days: []visit.Day{60, 140}, status: lapse.Active, rule: lapse.RulePopulation},    // gap 40, back
				{key: "B", days: []visit.Day{60}, status: lapse.Active, rule: lapse.RulePopulation},         // gap 40, gone
				{key: "C", days: []visit.Day{95}, status: lapse.Lapsed, rule: lapse.RulePopulation},         // gap 5, gone
				{key: "D", days: []visit.Day{20, 98, 130}, status: lapse.Active, rule: lapse.RuleOwnRhythm}, // gap 2, back
			},
			// naive flags one: A or B at 40 days; A by key, who came back.
			flagged: 1, hits: 1, naiveHits: 0, notBack: 2, judged: 4,
		},
		{
			name: "a cancelled or missed appointment in the horizon is not coming back, an unrecorded booked one is",
			customers: []customer{
				{key: "A", days: []visit.Day{50}, other: []history.Event{{Day: 120, Status: visit.Cancelled, Lead: history.NoLead}}, status: lapse.Lapsed, rule: lapse.RulePopulation},
				{key: "B", days: []visit.Day{50}, other: []history.Event{{Day: 120, Status: visit.NoShow, Lead: history.NoLead}}, status: lapse.Lapsed, rule: lapse.RulePopulation},
				{key: "C", days: []visit.Day{50}, other: []history.Event{{Day: 120, Status: visit.Booked, Lead: history.NoLead}}, status: lapse.Lapsed, rule: lapse.RulePopulation},
			},
			flagged: 3, hits: 2, naiveHits: 2, notBack: 2, judged: 3,
		},
		{
			name: "a visit on the horizon's last day is coming back, on the day after it is not",
			customers: []customer{
				{key: "A", days: []visit.Day{50, end}, status: lapse.Lost, rule: lapse.RulePopulation},
				{key: "B", days: []visit.Day{50, end + 1}, status: lapse.Lost, rule: lapse.RulePopulation},
			},
			flagged: 2, hits: 1, naiveHits: 1, notBack: 1, judged: 2,
		},
		{
			name: "a customer without a visit by the as-of date is not judged",
			customers: []customer{
				{key: "A", days: []visit.Day{150}, status: lapse.NotSeen, rule: lapse.RuleNoVisit},
				{key: "B", days: []visit.Day{50}, status: lapse.Lost, rule: lapse.RulePopulation},
			},
			flagged: 1, hits: 1, naiveHits: 1, notBack: 1, judged: 1, unjudged: 1,
		},
		{
			name:      "nobody flagged scores zero, not NaN",
			customers: []customer{{key: "A", days: []visit.Day{90}, status: lapse.Active, rule: lapse.RuleOwnRhythm}},
			flagged:   0, hits: 0, naiveHits: 0, notBack: 1, judged: 1,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, vs := build(tt.customers)
			r, err := Measure(set, vs, nil, asOf, end)
			if err != nil {
				t.Fatal(err)
			}
			g := r.All
			if g.Judged != tt.judged || r.Unjudged != tt.unjudged || g.NotBack != tt.notBack {
				t.Errorf("judged %d, unjudged %d, not back %d; want %d, %d, %d", g.Judged, r.Unjudged, g.NotBack, tt.judged, tt.unjudged, tt.notBack)
			}
			if g.Verdicts.Flagged != tt.flagged || g.Naive.Flagged != tt.flagged {
				t.Errorf("flagged %d and naive %d, want %d for both", g.Verdicts.Flagged, g.Naive.Flagged, tt.flagged)
			}
			if g.Verdicts.Hits != tt.hits || g.Naive.Hits != tt.naiveHits {
				t.Errorf("hits %d, naive %d; want %d, %d", g.Verdicts.Hits, g.Naive.Hits, tt.hits, tt.naiveHits)
			}
			if g.Overall != g.Naive {
				t.Errorf("all customers: overall %+v, want the naive score %+v", g.Overall, g.Naive)
			}
			var sum Group
			for _, rg := range r.ByRule {
				sum.Judged += rg.Judged
				sum.Verdicts.Hits += rg.Verdicts.Hits
				sum.Overall.Flagged += rg.Overall.Flagged
				sum.Overall.Hits += rg.Overall.Hits
			}
			if sum.Judged != g.Judged || sum.Verdicts.Hits != g.Verdicts.Hits || sum.Overall.Flagged != g.Naive.Flagged || sum.Overall.Hits != g.Naive.Hits {
				t.Errorf("the rules sum to %+v, want the totals %+v", sum, g)
			}
			for _, x := range []float64{g.Verdicts.Precision(), g.Verdicts.Recall(), g.Naive.Precision(), g.Naive.Recall(), g.BaseRate()} {
				if math.IsNaN(x) || x < 0 || x > 1 {
					t.Errorf("share %v out of [0, 1]", x)
				}
			}
		})
	}
}

func TestMeasureShares(t *testing.T) {
	set, vs := build([]customer{
		{key: "A", days: []visit.Day{50, 90}, status: lapse.Lapsed, rule: lapse.RuleOwnRhythm},
		{key: "B", days: []visit.Day{10, 150}, status: lapse.Active, rule: lapse.RulePopulation},
		{key: "C", days: []visit.Day{20, 50}, status: lapse.Lost, rule: lapse.RuleModel},
		{key: "D", days: []visit.Day{80, 95, 200}, status: lapse.Active, rule: lapse.RuleOwnRhythm},
	})
	r, err := Measure(set, vs, nil, asOf, end)
	if err != nil {
		t.Fatal(err)
	}
	near := func(name string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("%s = %v, want %v", name, got, want)
		}
	}
	all := r.All
	near("precision", all.Verdicts.Precision(), 1)
	near("recall", all.Verdicts.Recall(), 2.0/3)
	near("naive precision", all.Naive.Precision(), 0.5)
	near("naive recall", all.Naive.Recall(), 1.0/3)
	near("base rate", all.BaseRate(), 0.75)
	if all.Lapsed != 1 || all.Lost != 1 {
		t.Errorf("lapsed %d, lost %d; want 1, 1", all.Lapsed, all.Lost)
	}
	// By rule, in the order the rules are tried; each rule's naive ranking ranks its own
	// customers: own rhythm flags one of A (10 days) and D (5 days), and so does recency.
	// The overall ranking flags B (90 days, population, back) and C (50 days, model, gone).
	want := []struct {
		rule                                                               lapse.Rule
		judged, notBack, flagged, hits, naive, overallFlagged, overallHits int
	}{
		{lapse.RuleOwnRhythm, 2, 2, 1, 1, 1, 0, 0},
		{lapse.RuleModel, 1, 1, 1, 1, 1, 1, 1},
		{lapse.RulePopulation, 1, 0, 0, 0, 0, 1, 0},
	}
	if len(r.ByRule) != len(want) {
		t.Fatalf("%d rules, want %d: %+v", len(r.ByRule), len(want), r.ByRule)
	}
	for i, w := range want {
		g := r.ByRule[i]
		if g.Rule != w.rule || g.Judged != w.judged || g.NotBack != w.notBack || g.Verdicts.Flagged != w.flagged || g.Verdicts.Hits != w.hits || g.Naive.Hits != w.naive ||
			g.Overall.Flagged != w.overallFlagged || g.Overall.Hits != w.overallHits {
			t.Errorf("rule %d = %+v, want %+v", i, g, w)
		}
	}
	near("own rhythm recall", r.ByRule[0].Verdicts.Recall(), 0.5)
}

func TestMeasurePAlive(t *testing.T) {
	four := []customer{
		{key: "A", days: []visit.Day{50, 90}, status: lapse.Lapsed, rule: lapse.RuleModel},  // gone
		{key: "B", days: []visit.Day{10, 150}, status: lapse.Active, rule: lapse.RuleModel}, // back
		{key: "C", days: []visit.Day{20, 50}, status: lapse.Lost, rule: lapse.RuleModel},    // gone
		{key: "D", days: []visit.Day{150}, status: lapse.NotSeen, rule: lapse.RuleNoVisit},  // not judged
	}
	tests := []struct {
		name    string
		pAlive  []float64 // by customer; -1 without a model
		usable  bool
		flagged int
		hits    int
	}{
		{name: "no model: no P(alive) ranking", pAlive: []float64{-1, -1, -1, -1}},
		{name: "below the cut flags, at it does not", pAlive: []float64{0.29, 0.3, 0.1, -1}, usable: true, flagged: 2, hits: 2},
		{name: "a low P(alive) of a customer who came back is a miss", pAlive: []float64{0.9, 0.05, 0.8, -1}, usable: true, flagged: 1, hits: 0},
		{name: "nobody below the cut: usable, nobody flagged", pAlive: []float64{0.5, 0.5, 0.5, -1}, usable: true},
		{name: "the customer not judged counts not even with a P(alive)", pAlive: []float64{0.9, 0.9, 0.9, 0.01}, usable: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, vs := build(four)
			for i, p := range tt.pAlive {
				vs[i].PAlive = p
			}
			r, err := Measure(set, vs, nil, asOf, end)
			if err != nil {
				t.Fatal(err)
			}
			want := Score{Flagged: tt.flagged, Hits: tt.hits, NotBack: 2}
			if r.PAliveUsable != tt.usable || r.PAlive != want {
				t.Errorf("usable %v, score %+v; want %v, %+v", r.PAliveUsable, r.PAlive, tt.usable, want)
			}
		})
	}
}

func TestMeasureHints(t *testing.T) {
	// A, B, C gone; D, E back; F not judged.
	six := []customer{
		{key: "A", days: []visit.Day{50, 90}, status: lapse.Lapsed, rule: lapse.RuleOwnRhythm},
		{key: "B", days: []visit.Day{20, 50}, status: lapse.Lost, rule: lapse.RuleModel},
		{key: "C", days: []visit.Day{60}, status: lapse.Active, rule: lapse.RulePopulation},
		{key: "D", days: []visit.Day{10, 150}, status: lapse.Active, rule: lapse.RulePopulation},
		{key: "E", days: []visit.Day{80, 120}, status: lapse.Active, rule: lapse.RuleOwnRhythm},
		{key: "F", days: []visit.Day{150}, status: lapse.NotSeen, rule: lapse.RuleNoVisit},
	}
	hints := func(codes ...string) []reason.Finding {
		var fs []reason.Finding
		for _, c := range codes {
			fs = append(fs, reason.Finding{Code: c})
		}
		return fs
	}
	inf := math.Inf(1)
	tests := []struct {
		name     string
		findings [][]reason.Finding // by customer, A to F
		want     []Hint
		lifts    []float64
	}{
		{name: "no findings: no hints", findings: nil},
		{
			name:     "a hint on two of the three gone and one of the two back: (2/3) / (1/2)",
			findings: [][]reason.Finding{hints("slowing"), hints("slowing"), nil, hints("slowing"), nil, nil},
			want:     []Hint{{Code: "slowing", With: 3, WithNotBack: 2, Without: 2, WithoutNotBack: 1}},
			lifts:    []float64{4.0 / 3},
		},
		{
			name:     "sorted by lift; a hint only on the gone, with everybody without it back, is infinite",
			findings: [][]reason.Finding{hints("price-up", "one-visit"), hints("price-up"), hints("price-up", "one-visit"), hints("one-visit"), hints("long-wait"), nil},
			want: []Hint{
				{Code: "price-up", With: 3, WithNotBack: 3, Without: 2, WithoutNotBack: 0},
				{Code: "one-visit", With: 3, WithNotBack: 2, Without: 2, WithoutNotBack: 1},
				{Code: "long-wait", With: 1, WithNotBack: 0, Without: 4, WithoutNotBack: 3},
			},
			lifts: []float64{inf, 4.0 / 3, 0},
		},
		{
			name:     "a code twice on one customer counts once; the customer not judged counts nowhere",
			findings: [][]reason.Finding{hints("staff-switch", "staff-switch"), nil, nil, hints("staff-switch"), nil, hints("staff-switch")},
			want:     []Hint{{Code: "staff-switch", With: 2, WithNotBack: 1, Without: 3, WithoutNotBack: 2}},
			lifts:    []float64{0.75},
		},
		{
			name:     "equal lifts: the hint more customers have first, then by code",
			findings: [][]reason.Finding{nil, nil, nil, hints("z", "b", "a"), hints("b", "a"), nil},
			want: []Hint{
				{Code: "a", With: 2, WithNotBack: 0, Without: 3, WithoutNotBack: 3},
				{Code: "b", With: 2, WithNotBack: 0, Without: 3, WithoutNotBack: 3},
				{Code: "z", With: 1, WithNotBack: 0, Without: 4, WithoutNotBack: 3},
			},
			lifts: []float64{0, 0, 0},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, vs := build(six)
			r, err := Measure(set, vs, tt.findings, asOf, end)
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(r.Hints, tt.want) {
				t.Fatalf("hints %+v\nwant  %+v", r.Hints, tt.want)
			}
			for i, h := range r.Hints {
				if got := h.Lift(); math.Abs(got-tt.lifts[i]) > 1e-12 && got != tt.lifts[i] {
					t.Errorf("%s: lift %v, want %v", h.Code, got, tt.lifts[i])
				}
			}
		})
	}
	set, vs := build(six)
	if _, err := Measure(set, vs, make([][]reason.Finding, 2), asOf, end); err == nil {
		t.Error("findings not parallel to the verdicts: no error")
	}
}

func TestMeasureRefuses(t *testing.T) {
	set, vs := build([]customer{{key: "A", days: []visit.Day{50}, status: lapse.Lost, rule: lapse.RulePopulation}})
	if _, err := Measure(set, vs, nil, asOf, asOf); !errors.Is(err, ErrNoHorizon) {
		t.Errorf("a horizon ending on the as-of date: err = %v, want ErrNoHorizon", err)
	}
	vs[0].Key = "Z"
	if _, err := Measure(set, vs, nil, asOf, end); err == nil {
		t.Error("a verdict for a customer not in the data: no error")
	}
}

// historyOf returns a history made by hand: key and events, sorted by day, then status.
func historyOf(key string, evs ...history.Event) history.History {
	h := history.History{Key: key}
	h.SetEvents(evs...)
	return h
}
