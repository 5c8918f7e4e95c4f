package lapse_test

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// day0 is the first day of the hand-built histories.
var day0 = visit.DayOf(2024, 1, 1)

// ev is one row of a hand-built history: a day (offset from day0), status, service and
// amount in cents.
type ev struct {
	at      int
	status  visit.Status
	service string
	cents   int64
}

// customer is a hand-built history.
type customer struct {
	key    string
	events []ev
}

// buildSet builds a set from hand-built customers, sorted by key, each customer's events
// sorted by day and status as package history keeps them. amounts says whether the export
// had an amount column.
func buildSet(amounts bool, cs ...customer) *history.Set {
	set := &history.Set{
		Services: history.NewSymbols(), Staff: history.NewSymbols(), Channels: history.NewSymbols(),
		Columns: history.Columns{Amount: amounts, Service: true, Status: true},
	}
	for _, c := range cs {
		var evs []history.Event
		for _, e := range c.events {
			evs = append(evs, history.Event{
				Day: day0 + visit.Day(e.at), Status: e.status, Amount: e.cents,
				Service: set.Services.Intern(e.service), Lead: history.NoLead,
			})
		}
		slices.SortStableFunc(evs, func(a, b history.Event) int {
			return cmp.Or(cmp.Compare(a.Day, b.Day), cmp.Compare(a.Status, b.Status))
		})
		set.Customers = append(set.Customers, historyOf(c.key, evs...))
	}
	slices.SortFunc(set.Customers, func(a, b history.History) int { return cmp.Compare(a.Key, b.Key) })
	return set
}

// every returns n attended visits of service, step days apart from start, each costing
// cents.
func every(start, step, n int, service string, cents int64) []ev {
	out := make([]ev, n)
	for i := range out {
		out[i] = ev{start + i*step, visit.Attended, service, cents}
	}
	return out
}

// joined concatenates event lists.
func joined(lists ...[]ev) []ev {
	var out []ev
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// population is a practice of weekly regulars, so that the population rule has gaps to
// go by: 39 in 40 of their gaps are a week, the rest two weeks.
func population() []customer {
	var cs []customer
	for i := range 10 {
		events := every(0, 7, 40, "", 5000)
		events = append(events, ev{40*7 + 7, visit.Attended, "", 5000})
		cs = append(cs, customer{fmt.Sprintf("P%02d", i), events})
	}
	return cs
}

func TestAssessRules(t *testing.T) {
	type want struct {
		status lapse.Status
		rule   lapse.Rule
	}
	cases := []struct {
		name   string
		events []ev
		asOf   int // days after the last event listed (negative: before a booking)
		want   want
	}{
		{"a weekly patient five weeks absent is lapsed",
			every(0, 7, 12, "", 0), 35, want{lapse.Lapsed, lapse.RuleOwnRhythm}},
		{"a weekly patient one week absent is active",
			every(0, 7, 12, "", 0), 7, want{lapse.Active, lapse.RuleOwnRhythm}},
		{"a weekly patient ten days absent is due",
			every(0, 7, 12, "", 0), 10, want{lapse.Due, lapse.RuleOwnRhythm}},
		{"a weekly patient four months absent is lost",
			every(0, 7, 12, "", 0), 120, want{lapse.Lost, lapse.RuleOwnRhythm}},
		{"a daily customer away a week is not lapsed, the floor holds",
			every(0, 1, 30, "", 0), 7, want{lapse.Due, lapse.RuleOwnRhythm}},
		{"a yearly customer ten months absent is active",
			every(0, 365, 4, "", 0), 304, want{lapse.Active, lapse.RuleOwnRhythm}},
		{"a yearly customer twenty months absent is lapsed",
			every(0, 365, 4, "", 0), 608, want{lapse.Lapsed, lapse.RuleOwnRhythm}},
		{"a yearly customer three years absent is lost",
			every(0, 365, 4, "", 0), 3 * 365, want{lapse.Lost, lapse.RuleOwnRhythm}},
		{"a customer with a future appointment is booked whatever the gap",
			append(every(0, 365, 4, "", 0), ev{3*365 + 1000 + 30, visit.Booked, "", 0}), -30,
			want{lapse.Booked, lapse.RuleBooked}},
		{"a cancelled appointment to come is no booking",
			append(every(0, 7, 12, "", 0), ev{11*7 + 40, visit.Cancelled, "", 0}), -5,
			want{lapse.Lapsed, lapse.RuleOwnRhythm}},
		{"a recall patient five months after the prophylaxis is active",
			every(0, 182, 2, "Prophylaxe", 0), 150, want{lapse.Active, lapse.RuleRecall}},
		{"a recall patient seven months after the prophylaxis is due",
			every(0, 182, 2, "Prophylaxe", 0), 213, want{lapse.Due, lapse.RuleRecall}},
		{"a recall patient ten months after the prophylaxis is lapsed",
			every(0, 182, 2, "Prophylaxe", 0), 304, want{lapse.Lapsed, lapse.RuleRecall}},
		{"a recall counts from the prophylaxis, not from a later filling",
			append(every(0, 182, 2, "Prophylaxe", 0), ev{182 + 200, visit.Attended, "Füllung", 0}), 90,
			want{lapse.Lapsed, lapse.RuleRecall}},
		{"a finished course of treatment gets a follow-up",
			every(0, 3, 8, "KG", 0), 30, want{lapse.FollowUp, lapse.RuleCourse}},
		{"a finished course long ago still gets a follow-up, not a win-back",
			every(0, 3, 8, "KG", 0), 800, want{lapse.FollowUp, lapse.RuleCourse}},
		{"a course going on is active",
			every(0, 3, 8, "KG", 0), 3, want{lapse.Active, lapse.RuleCourse}},
		{"two courses a year apart are still courses",
			joined(every(0, 4, 6, "KG", 0), every(365, 7, 6, "KG", 0)), 60, want{lapse.FollowUp, lapse.RuleCourse}},
		{"five treatments and nothing since are an abandoned course, judged by rhythm",
			every(0, 4, 5, "KG", 0), 60, want{lapse.Lapsed, lapse.RuleOwnRhythm}},
		{"a weekly regular of one service is no course",
			every(0, 7, 30, "KG", 0), 60, want{lapse.Lapsed, lapse.RuleOwnRhythm}},
		{"a monthly massage client after a course is judged by their rhythm, within it",
			joined(every(0, 30, 12, "Massage", 0), every(12*30, 3, 8, "KG", 0)), 20,
			want{lapse.Active, lapse.RuleOwnRhythm}},
		{"a monthly massage client after a course is judged by their rhythm, beyond it",
			joined(every(0, 30, 12, "Massage", 0), every(12*30, 3, 8, "KG", 0)), 60,
			want{lapse.Lapsed, lapse.RuleOwnRhythm}},
		{"a summer guest with two stays a year apart is active in February",
			[]ev{{0, visit.Attended, "", 0}, {372, visit.Attended, "", 0}}, 200, want{lapse.Active, lapse.RuleOwnRhythm}},
		{"a summer guest is due once the year is over",
			[]ev{{0, visit.Attended, "", 0}, {372, visit.Attended, "", 0}}, 400, want{lapse.Due, lapse.RuleOwnRhythm}},
		{"a summer guest who missed the next summer is lapsed",
			[]ev{{0, visit.Attended, "", 0}, {372, visit.Attended, "", 0}}, 600, want{lapse.Lapsed, lapse.RuleOwnRhythm}},
		{"two stays in one summer and one the next are a yearly rhythm",
			[]ev{{0, visit.Attended, "", 0}, {30, visit.Attended, "", 0}, {395, visit.Attended, "", 0}}, 200,
			want{lapse.Active, lapse.RuleOwnRhythm}},
		{"a summer skipped keeps the yearly rhythm",
			[]ev{{0, visit.Attended, "", 0}, {740, visit.Attended, "", 0}}, 200, want{lapse.Active, lapse.RuleOwnRhythm}},
		{"two visits half a year apart are no yearly rhythm",
			[]ev{{0, visit.Attended, "", 0}, {182, visit.Attended, "", 0}}, 200, want{lapse.Lost, lapse.RulePopulation}},
		{"a gap of three months besides a yearly one is no yearly rhythm",
			[]ev{{0, visit.Attended, "", 0}, {90, visit.Attended, "", 0}, {455, visit.Attended, "", 0}}, 200,
			want{lapse.Lost, lapse.RulePopulation}},
		{"too few visits and no model fall to the population rule",
			every(0, 7, 2, "", 0), 60, want{lapse.Lapsed, lapse.RulePopulation}},
		{"a single visit two weeks ago is due under the population rule",
			every(0, 7, 1, "", 0), 14, want{lapse.Due, lapse.RulePopulation}},
		{"a single visit three days ago is active under the population rule",
			every(0, 7, 1, "", 0), 3, want{lapse.Active, lapse.RulePopulation}},
		{"only cancelled appointments: not seen",
			[]ev{{0, visit.Cancelled, "", 0}, {7, visit.NoShow, "", 0}}, 30, want{lapse.NotSeen, lapse.RuleNoVisit}},
		{"no visit yet but a first appointment: booked",
			[]ev{{0, visit.Cancelled, "", 0}, {40, visit.Booked, "", 0}}, -30, want{lapse.Booked, lapse.RuleNoVisit}},
	}
	cfg := lapse.DefaultConfig()
	cfg.Recall = map[string]int{"prophylaxe": 182} // matched regardless of case
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			lastAt := c.events[len(c.events)-1].at
			asOf := day0 + visit.Day(lastAt+c.asOf)
			set := buildSet(false, append(population(), customer{"X", c.events})...)
			got := assessAll(set, asOf, cfg, nil)
			if len(got) != len(set.Customers) {
				t.Fatalf("%d verdicts for %d customers", len(got), len(set.Customers))
			}
			v := got[len(got)-1]
			if v.Key != "X" {
				t.Fatalf("last verdict is for %q, want X", v.Key)
			}
			if v.Status != c.want.status || v.Rule != c.want.rule {
				t.Errorf("status %s by rule %s (%s), want %s by %s", v.Status, v.Rule, words.For("en").Explanation(&v), c.want.status, c.want.rule)
			}
			if v.PAlive != -1 {
				t.Errorf("P(alive) %v without a model, want -1", v.PAlive)
			}
		})
	}
}

// TestCourseRules: a course is a block of visits of one service, after a history that is
// not a regular rhythm, and not broken off by a cancelled or missed appointment.
func TestCourseRules(t *testing.T) {
	mt := func(at int) []ev { return []ev{{at, visit.Attended, "MT", 0}} }
	cases := []struct {
		name   string
		events []ev
		asOf   int // days after the last visit
		want   lapse.Status
		rule   lapse.Rule
		visits int // the course's visits, for a course
	}{
		{"a weekly patient with one visit of another service is no course",
			joined(every(0, 7, 20, "KG", 0), mt(20*7), every(21*7, 7, 9, "KG", 0)), 60, lapse.Lapsed, lapse.RuleOwnRhythm, 0},
		{"a short weekly history split by another service is no course either",
			joined(every(0, 7, 6, "KG", 0), mt(6*7), every(7*7, 7, 7, "KG", 0)), 60, lapse.Lapsed, lapse.RuleOwnRhythm, 0},
		{"another service on a day of its own within the course breaks it",
			joined(every(0, 3, 8, "KG", 0), mt(10)), 60, lapse.Lapsed, lapse.RuleOwnRhythm, 0},
		{"a course after a break of more than three weeks is a course",
			joined(every(0, 7, 3, "MT", 0), every(14+40, 3, 8, "KG", 0)), 60, lapse.FollowUp, lapse.RuleCourse, 8},
		{"a cancelled appointment after the course is a course broken off",
			joined(every(0, 3, 8, "KG", 0), []ev{{24, visit.Cancelled, "KG", 0}}), 60, lapse.Lapsed, lapse.RuleOwnRhythm, 0},
		{"a missed appointment after the course is a course broken off",
			joined(every(0, 3, 8, "KG", 0), []ev{{25, visit.NoShow, "KG", 0}}), 60, lapse.Lapsed, lapse.RuleOwnRhythm, 0},
		{"a cancellation within the course does not break it",
			joined(every(0, 3, 8, "KG", 0), []ev{{10, visit.Cancelled, "KG", 0}}), 60, lapse.FollowUp, lapse.RuleCourse, 8},
		{"a cancellation of an appointment still to come does not break it",
			joined(every(0, 3, 8, "KG", 0), []ev{{21 + 90, visit.Cancelled, "KG", 0}}), 60, lapse.FollowUp, lapse.RuleCourse, 8},
		{"a regular monthly history before the course: own rhythm",
			joined(every(0, 30, 6, "KG", 0), every(6*30+30, 3, 8, "KG", 0)), 90, lapse.Lapsed, lapse.RuleOwnRhythm, 0},
		{"three visits before the course are not yet a rhythm",
			joined(every(0, 30, 3, "KG", 0), every(3*30+30, 3, 8, "KG", 0)), 90, lapse.FollowUp, lapse.RuleCourse, 8},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			last := 0
			for _, e := range c.events {
				if e.status == visit.Attended {
					last = max(last, e.at)
				}
			}
			set := buildSet(false, append(population(), customer{"X", c.events})...)
			vs := assessAll(set, day0+visit.Day(last+c.asOf), lapse.DefaultConfig(), nil)
			v := vs[len(vs)-1]
			if v.Status != c.want || v.Rule != c.rule || v.Basis.CourseVisits != c.visits {
				t.Errorf("%s by %s (course of %d), want %s by %s (%d): %s", v.Status, v.Rule, v.Basis.CourseVisits,
					c.want, c.rule, c.visits, words.For("en").Explanation(&v))
			}
		})
	}
}

func TestAssessNumbers(t *testing.T) {
	cases := []struct {
		name                 string
		events               []ev
		asOf                 int // days after day0
		wantUsual            float64
		wantGap, wantOverdue int
		wantBack, wantNext   visit.Day
		en, de               string
	}{
		{
			name:   "a six-weekly customer 14 weeks away is 8 weeks overdue",
			events: every(0, 42, 6, "", 0), asOf: 5*42 + 98,
			wantUsual: 42, wantGap: 98, wantOverdue: 56,
			wantBack: day0 + 6*42, wantNext: visit.NoDay,
			en: "usually every 6 weeks; last visit 14 weeks ago",
			de: "kommt sonst alle 6 Wochen; letzter Besuch vor 14 Wochen",
		},
		{
			name:   "a weekly patient seen today is not overdue",
			events: every(0, 7, 10, "", 0), asOf: 63,
			wantUsual: 7, wantGap: 0, wantOverdue: 0,
			wantBack: day0 + 70, wantNext: visit.NoDay,
			en: "usually every 7 days; last visit today",
			de: "kommt sonst alle 7 Tage; letzter Besuch heute",
		},
		{
			name:   "the usual gap of a customer who alternates one and four weeks is four weeks",
			events: []ev{{0, 0, "", 0}, {7, 0, "", 0}, {37, 0, "", 0}, {44, 0, "", 0}, {74, 0, "", 0}, {81, 0, "", 0}}, asOf: 81 + 40,
			wantUsual: 30, wantGap: 40, wantOverdue: 10,
			wantBack: day0 + 111, wantNext: visit.NoDay,
			en: "usually every 4 weeks; last visit 6 weeks ago",
			de: "kommt sonst alle 4 Wochen; letzter Besuch vor 6 Wochen",
		},
		{
			name:   "a yearly customer 20 months away",
			events: every(0, 365, 4, "", 0), asOf: 3*365 + 608,
			wantUsual: 365, wantGap: 608, wantOverdue: 243,
			wantBack: day0 + 4*365, wantNext: visit.NoDay,
			en: "usually every 12 months; last visit 20 months ago",
			de: "kommt sonst alle 12 Monate; letzter Besuch vor 20 Monaten",
		},
		{
			name:   "a recall overdue by a month",
			events: every(0, 182, 2, "Prophylaxe", 0), asOf: 182 + 213,
			wantUsual: 182, wantGap: 213, wantOverdue: 31,
			wantBack: day0 + 364, wantNext: visit.NoDay,
			en: "Prophylaxe recall every 6 months; last Prophylaxe 7 months ago",
			de: "Recall Prophylaxe alle 6 Monate; Prophylaxe zuletzt vor 7 Monaten",
		},
		{
			name:   "a finished course",
			events: every(0, 4, 8, "KG", 0), asOf: 28 + 50,
			wantUsual: 4, wantGap: 50, wantOverdue: 0,
			wantBack: visit.NoDay, wantNext: visit.NoDay,
			en: "finished a course of 8 × KG; last visit 7 weeks ago",
			de: "Behandlungsserie 8 × KG abgeschlossen; letzter Besuch vor 7 Wochen",
		},
		{
			name:   "a booked appointment",
			events: append(every(0, 30, 5, "", 0), ev{200, visit.Booked, "", 0}), asOf: 190,
			wantUsual: 30, wantGap: 70, wantOverdue: 0,
			wantBack: day0 + 200, wantNext: day0 + 200,
			en: "next appointment on 19 Jul 2024",
			de: "nächster Termin am 19.07.2024",
		},
		{
			name:   "a single visit against everyone's gaps",
			events: every(0, 7, 1, "", 0), asOf: 100,
			wantUsual: 7, wantGap: 100, wantOverdue: 93,
			wantBack: day0 + 7, wantNext: visit.NoDay,
			en: "most customers come back within 7 days; only visit 14 weeks ago",
			de: "die meisten kommen innerhalb von 7 Tagen wieder; einziger Besuch vor 14 Wochen",
		},
		{
			name:   "nothing but cancellations",
			events: []ev{{0, visit.Cancelled, "", 0}}, asOf: 10,
			wantUsual: 0, wantGap: 0, wantOverdue: 0,
			wantBack: visit.NoDay, wantNext: visit.NoDay,
			en: "no visit yet, only cancelled or missed appointments",
			de: "noch kein Besuch, nur abgesagte oder versäumte Termine",
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			set := buildSet(false, append(population(), customer{"X", c.events})...)
			got := assessAll(set, day0+visit.Day(c.asOf), lapse.DefaultConfig(), nil)
			v := got[len(got)-1]
			if v.UsualGap != c.wantUsual || v.CurrentGap != c.wantGap || v.Overdue != c.wantOverdue ||
				v.ExpectedBack != c.wantBack || v.NextBooked != c.wantNext {
				t.Errorf("usual %v, gap %d, overdue %d, back %s, next %s; want %v, %d, %d, %s, %s",
					v.UsualGap, v.CurrentGap, v.Overdue, v.ExpectedBack, v.NextBooked,
					c.wantUsual, c.wantGap, c.wantOverdue, c.wantBack, c.wantNext)
			}
			if got := words.For("en").Explanation(&v); got != c.en {
				t.Errorf("explanation %q, want %q", got, c.en)
			}
			if got := words.For("de").Explanation(&v); got != c.de {
				t.Errorf("German explanation %q, want %q", got, c.de)
			}
		})
	}
}

func TestValueAtRisk(t *testing.T) {
	// Monthly visits at 50.00 for two years, then at 80.00 for a year: the year up to the
	// last visit (day 1050) reaches back to day 686, so it holds the 12 visits at 80.00 and
	// the last one at 50.00 (day 690).
	events := joined(every(0, 30, 24, "", 5000), every(24*30, 30, 12, "", 8000))
	last := 35 * 30
	cases := []struct {
		name       string
		amounts    bool
		events     []ev
		wantValue  int64
		wantSource string
	}{
		{"past spend is the year up to the last visit", true, events, 12*8000 + 5000, "past-spend"},
		{"a customer of less than a year risks all they spent", true, every(0, 30, 3, "", 2500), 3 * 2500, "past-spend"},
		{"without an amount column nothing is at risk", false, events, 0, "none"},
		{"with an amount column but no amounts nothing is at risk", true, every(0, 30, 3, "", 0), 0, "none"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			set := buildSet(c.amounts, customer{"X", c.events})
			v := assessAll(set, day0+visit.Day(last+200), lapse.DefaultConfig(), nil)[0]
			if v.ValueAtRisk != c.wantValue || v.ValueSource.String() != c.wantSource {
				t.Errorf("value at risk %d from %q, want %d from %q", v.ValueAtRisk, v.ValueSource, c.wantValue, c.wantSource)
			}
		})
	}
}

func TestSameDayVisitsAreOneVisit(t *testing.T) {
	// Weekly visits, each day with an attended row and an unrecorded booked one (a double
	// booking) and an add-on: still a weekly rhythm of 12 visit days.
	var events []ev
	for i := range 12 {
		events = append(events, ev{7 * i, visit.Attended, "", 3000}, ev{7 * i, visit.Booked, "", 1000})
	}
	set := buildSet(true, customer{"X", events})
	v := assessAll(set, day0+visit.Day(77+35), lapse.DefaultConfig(), nil)[0]
	if v.Visits != 12 || v.UsualGap != 7 || v.Status != lapse.Lapsed || v.ValueAtRisk != 12*4000 {
		t.Errorf("visits %d, usual gap %v, status %s, value %d; want 12, 7, lapsed, %d",
			v.Visits, v.UsualGap, v.Status, v.ValueAtRisk, 12*4000)
	}
}

func TestConfigValidate(t *testing.T) {
	if err := lapse.DefaultConfig().Validate(); err != nil {
		t.Fatalf("the default configuration is invalid: %v", err)
	}
	nan, inf := math.NaN(), math.Inf(1)
	cases := []struct {
		name   string
		key    string // the config key the error names
		change func(*lapse.Config)
	}{
		{"a tolerance below 1 would call customers lapsed before they are due", "tolerance", func(c *lapse.Config) { c.Tolerance = 0.9 }},
		{"an infinite tolerance is refused", "tolerance", func(c *lapse.Config) { c.Tolerance = inf }},
		{"a quantile above 1 is no quantile", "rhythm_quantile", func(c *lapse.Config) { c.RhythmQuantile = 1.5 }},
		{"a quantile that is not a number is refused", "rhythm_quantile", func(c *lapse.Config) { c.RhythmQuantile = nan }},
		{"a due threshold below the lapse threshold on P(alive) is refused", "p_alive_due", func(c *lapse.Config) { c.PAliveDue = c.PAliveLapsed / 2 }},
		{"a lapse threshold of 1 is refused", "p_alive_lapsed", func(c *lapse.Config) { c.PAliveLapsed = 1 }},
		{"a recall interval of 0 days is refused", "recall interval", func(c *lapse.Config) { c.Recall = map[string]int{"PZR": 0} }},
		{"two recall intervals for one service in different case are refused", "regardless of case", func(c *lapse.Config) {
			c.Recall = map[string]int{"PZR": 182, "pzr": 365}
		}},
		{"a recall of no service is refused", "empty service name", func(c *lapse.Config) { c.Recall = map[string]int{" ": 182} }},
		{"a recall tolerance below 1 is refused", "recall_tolerance", func(c *lapse.Config) { c.RecallTolerance = 0.5 }},
		{"a course longer at least than at most is refused", "course_max_visits", func(c *lapse.Config) { c.CourseMaxVisits = 3 }},
		{"a course of one visit is refused", "course_min_visits", func(c *lapse.Config) { c.CourseMinVisits = 1 }},
		{"a course gap of 0 days is refused", "course_max_gap_days", func(c *lapse.Config) { c.CourseMaxGap = 0 }},
		{"a course median gap above the largest gap is refused", "course_median_gap_days", func(c *lapse.Config) { c.CourseMedianGap = 30 }},
		{"a negative course end is refused", "course_end_days", func(c *lapse.Config) { c.CourseEndDays = -1 }},
		{"own rhythm from a single visit is refused", "rhythm_min_visits", func(c *lapse.Config) { c.RhythmMinVisits = 1 }},
		{"a negative population factor is refused", "rhythm_population_factor", func(c *lapse.Config) { c.RhythmPopulationFactor = -1 }},
		{"a negative margin cap is refused", "rhythm_margin_cap", func(c *lapse.Config) { c.RhythmMarginCap = -1 }},
		{"a regularity that is not a number is refused", "rhythm_regular_cv", func(c *lapse.Config) { c.RhythmRegularCV = nan }},
		{"a yearly slack of a quarter year is refused", "yearly_slack_days", func(c *lapse.Config) { c.YearlySlackDays = 91 }},
		{"a negative yearly slack is refused", "yearly_slack_days", func(c *lapse.Config) { c.YearlySlackDays = -1 }},
		{"a negative return window is refused", "return_window_days", func(c *lapse.Config) { c.ReturnWindowDays = -1 }},
		{"a due factor of 0 is refused", "due_factor", func(c *lapse.Config) { c.DueFactor = 0 }},
		{"a negative floor is refused", "min_gap_days", func(c *lapse.Config) { c.MinGapDays = -1 }},
		{"a lost factor below 1 is refused", "lost_factor", func(c *lapse.Config) { c.LostFactor = 0.5 }},
		{"lost after 0 days is refused", "lost_after_days", func(c *lapse.Config) { c.LostAfterDays = 0 }},
		{"a population quantile of 0 is refused", "population_quantile", func(c *lapse.Config) { c.PopulationQuantile = 0 }},
		{"a negative stratum size is refused", "population_stratum_min_gaps", func(c *lapse.Config) { c.PopulationStratumMinGaps = -1 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := lapse.DefaultConfig()
			c.change(&cfg)
			err := cfg.Validate()
			if err == nil || !errors.Is(err, lapse.ErrConfig) || !strings.Contains(err.Error(), c.key) {
				t.Errorf("Validate: %v, want an error naming %s", err, c.key)
			}
		})
	}
	// With courses off, their other limits do not matter.
	cfg := lapse.DefaultConfig()
	cfg.CourseMinVisits, cfg.CourseMaxVisits, cfg.CourseMaxGap = 0, 0, 0
	if err := cfg.Validate(); err != nil {
		t.Errorf("courses off: %v", err)
	}
}

func TestCourseSettings(t *testing.T) {
	cases := []struct {
		name    string
		service string
		change  func(*lapse.Config)
		want    lapse.Status
	}{
		{"by default any service comes in courses", "Drop-in Class", func(*lapse.Config) {}, lapse.FollowUp},
		{"a service named among the course services comes in courses", "kg", func(c *lapse.Config) {
			c.CourseServices = []string{"KG", "MT"}
		}, lapse.FollowUp},
		{"a service not named among the course services does not", "Drop-in Class", func(c *lapse.Config) {
			c.CourseServices = []string{"KG", "MT"}
		}, lapse.Lapsed},
		{"course_min_visits 0 switches courses off", "KG", func(c *lapse.Config) { c.CourseMinVisits = 0 }, lapse.Lapsed},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := lapse.DefaultConfig()
			c.change(&cfg)
			if err := cfg.Validate(); err != nil {
				t.Fatal(err)
			}
			set := buildSet(false, customer{"X", every(0, 7, 8, c.service, 0)})
			v := assessAll(set, day0+7*7+40, cfg, nil)[0]
			if v.Status != c.want {
				t.Errorf("status %s by %s (%s), want %s", v.Status, v.Rule, words.For("en").Explanation(&v), c.want)
			}
		})
	}
}

// namesReadBack checks that each value writes as its name and reads back from it.
func namesReadBack[T interface {
	~uint8
	String() string
}, P interface {
	*T
	UnmarshalText([]byte) error
}](t *testing.T, kind string, names map[T]string) {
	t.Helper()
	for v, name := range names {
		var back T
		if v.String() != name || P(&back).UnmarshalText([]byte(name)) != nil || back != v {
			t.Errorf("%s %d: %q, read back as %d, want %q", kind, v, v.String(), back, name)
		}
	}
}

// TestNamesReadBack checks that every status, rule and value source writes as its name and
// reads back from it, in JSON too, and that unknown names are refused.
func TestNamesReadBack(t *testing.T) {
	namesReadBack(t, "status", map[lapse.Status]string{lapse.Booked: "booked", lapse.Active: "active", lapse.Due: "due",
		lapse.FollowUp: "follow-up", lapse.Lapsed: "lapsed", lapse.Lost: "lost", lapse.NotSeen: "not-seen"})
	namesReadBack(t, "rule", map[lapse.Rule]string{lapse.RuleBooked: "booked", lapse.RuleCourse: "course", lapse.RuleOwnRhythm: "own-rhythm",
		lapse.RuleRecall: "recall", lapse.RuleModel: "model", lapse.RulePopulation: "population", lapse.RuleNoVisit: "no-visit"})
	namesReadBack(t, "value source", map[lapse.ValueSource]string{lapse.ValueNone: "none", lapse.ValueModel: "model", lapse.ValuePastSpend: "past-spend"})

	v := lapse.Verdict{Key: "K1", Status: lapse.Lapsed, Rule: lapse.RuleOwnRhythm, ValueSource: lapse.ValuePastSpend}
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"status":"lapsed"`, `"rule":"own-rhythm"`, `"value_source":"past-spend"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("JSON %s lacks %s", b, want)
		}
	}
	var back lapse.Verdict
	if err := json.Unmarshal(b, &back); err != nil || back.Status != v.Status || back.Rule != v.Rule || back.ValueSource != v.ValueSource {
		t.Errorf("JSON read back as %+v (%v), want %+v", back, err, v)
	}
	var s lapse.Status
	if err := s.UnmarshalText([]byte("gone")); err == nil || !strings.Contains(err.Error(), `"gone"`) {
		t.Errorf("unknown status: error %v, want one naming it", err)
	}
	if got := lapse.Status(200).String(); got != "unknown-200" {
		t.Errorf("out-of-range status: %q", got)
	}
}

// TestPopulationByService: the population rule judges a customer against the gaps after
// their last visit's service when enough came back after it.
func TestPopulationByService(t *testing.T) {
	summer := func(n int) []customer {
		var cs []customer
		for i := range n {
			cs = append(cs, customer{fmt.Sprintf("S%02d", i), []ev{{0, visit.Attended, "Double", 0}, {365, visit.Attended, "Double", 0}}})
		}
		return cs
	}
	once := customer{"X", []ev{{365, visit.Attended, "Double", 0}}}
	for _, c := range []struct {
		name    string
		summers int
		minGaps int
		want    lapse.Status
		within  float64
	}{
		{"a first-time summer guest half a year on is active against the summer guests", 50, 50, lapse.Active, 365},
		{"against everyone (the weekly regulars) the same guest is lost", 50, 0, lapse.Lost, 7},
		{"with too few summer guests to go by, everyone's gaps decide", 49, 50, lapse.Lost, 7},
	} {
		t.Run(c.name, func(t *testing.T) {
			cs := append(summer(c.summers), once)
			for i := range 20 { // weekly regulars: 800 gaps, nine in ten a week
				cs = append(cs, customer{fmt.Sprintf("P%02d", i), every(0, 7, 81, "KG", 0)})
			}
			set := buildSet(false, cs...)
			cfg := lapse.DefaultConfig()
			cfg.PopulationStratumMinGaps = c.minGaps
			vs := assessAll(set, day0+365+200, cfg, nil)
			v := vs[len(vs)-1]
			if v.Key != "X" || v.Rule != lapse.RulePopulation || v.Status != c.want || v.Basis.Within != c.within {
				t.Errorf("%s: %s by %s within %v days, want %s by population within %v", v.Key, v.Status, v.Rule, v.Basis.Within, c.want, c.within)
			}
		})
	}
}

// historyOf returns a history made by hand: key and events, sorted by day, then status.
func historyOf(key string, evs ...history.Event) history.History {
	h := history.History{Key: key}
	h.SetEvents(evs...)
	return h
}
