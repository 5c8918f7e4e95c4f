// Package lapse decides, for each customer as of a date, whether they are still coming:
// active, due soon, lapsed, lost, booked (a future appointment) or after a finished course of
// treatment (a follow-up, not a win-back). It says which rule decided, in plain words, when
// the customer would normally have been back, and what is at stake.
//
// The rules, in order: a booked appointment; a finished course of treatment; the customer's
// own rhythm when they have enough visits; a recall interval for their service when
// configured; otherwise the population: the repeat-buying model's P(alive) when a model fits
// the data, else the gap against a high quantile of everyone's gaps. [Assess] applies them
// with the thresholds of a [Config]; [FitModels] fits the models it uses; [RankLapsed] orders
// the lapsed for a call list.
//
// The package is pure: the as-of date comes in as an argument, nothing reads files, the
// clock or the environment, and the same set, date and configuration give the same verdicts.
// It does not say why anyone left (see package reason).
package lapse

import "github.com/winback/winback/pkg/visit"

// Status is where a customer stands as of the as-of date.
type Status string

// The statuses, from most to least engaged.
const (
	Booked   Status = "booked"    // a future appointment is booked
	Active   Status = "active"    // within their usual rhythm
	Due      Status = "due"       // about when they would normally be back
	FollowUp Status = "follow-up" // the last visits were a finished course of treatment
	Lapsed   Status = "lapsed"    // past the point where they would normally have come back
	Lost     Status = "lost"      // lapsed long ago; unlikely to return
	// NotSeen: no visit on or before the as-of date and none booked, only cancelled or
	// missed appointments (see [Assess]).
	NotSeen Status = "not-seen"
)

// Rule names what decided a [Verdict].
type Rule string

// The rules, in the order they are tried.
const (
	RuleBooked     Rule = "booked"     // a future appointment
	RuleCourse     Rule = "course"     // a finished course of treatment
	RuleOwnRhythm  Rule = "own-rhythm" // the customer's own gaps between visits
	RuleRecall     Rule = "recall"     // the recall interval of their service
	RuleModel      Rule = "model"      // the repeat-buying model's P(alive)
	RulePopulation Rule = "population" // everyone's gaps
	RuleNoVisit    Rule = "no-visit"   // no visit on or before the as-of date
)

// Verdict is the lapse decision for one customer.
type Verdict struct {
	Key    string `json:"id"`
	Status Status `json:"status"`
	Rule   Rule   `json:"rule"`
	// Explanation says in plain words what decided, e.g. "usually every 6 weeks; now 14
	// weeks"; ExplanationDE in German.
	Explanation   string `json:"explanation"`
	ExplanationDE string `json:"explanation_de"`
	// LastVisit and Visits are as of the as-of date.
	LastVisit visit.Day `json:"-"`
	Visits    int       `json:"visits"`
	// UsualGap is the customer's typical days between visits (0 when unknown) and
	// CurrentGap the days since the last visit.
	UsualGap   float64 `json:"usual_gap_days"`
	CurrentGap int     `json:"current_gap_days"`
	// ExpectedBack is when they would normally have been back (NoDay when unknown);
	// Overdue the days since then (0 when not yet).
	ExpectedBack visit.Day `json:"-"`
	Overdue      int       `json:"days_overdue"`
	// NextBooked is the next booked appointment, NoDay when none.
	NextBooked visit.Day `json:"-"`
	// PAlive is the model's probability that the customer is still active; -1 without a
	// usable model.
	PAlive float64 `json:"p_alive"`
	// ValueAtRisk is what the customer would bring in the next 12 months if they came back,
	// in minor units: the models' expected value given that the customer is still active,
	// when a model fits, else their spend in the year up to their last visit. ValueSource
	// says which ("model", "past-spend" or "none" without amounts).
	ValueAtRisk int64  `json:"value_at_risk"`
	ValueSource string `json:"value_source"`
}

// Missing returns true for the statuses a win-back call is for: lapsed and lost.
func (s Status) Missing() bool { return s == Lapsed || s == Lost }
