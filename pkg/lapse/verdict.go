// Package lapse decides, for each customer as of a date, whether they are still coming:
// active, due soon, lapsed, lost, booked (a future appointment) or after a finished course of
// treatment (a follow-up, not a win-back), which rule decided, when the customer would
// normally have been back, and what is at stake. An [Assessor] applies the rules with the
// thresholds of a [Config]; [FitModels] fits the models it uses. The package is pure: the
// as-of date comes in as an argument, and the same inputs give the same verdicts.
package lapse

import (
	"fmt"
	"strconv"

	"github.com/winback/winback/pkg/visit"
)

// Status is where a customer stands as of the as-of date; it reads and writes as its name.
type Status uint8

// The statuses, from most to least engaged. The zero Status is no status: no verdict yet.
const (
	Booked   Status = iota + 1 // a future appointment is booked
	Active                     // within their usual rhythm
	Due                        // about when they would normally be back
	FollowUp                   // the last visits were a finished course of treatment
	Lapsed                     // past the point where they would normally have come back
	Lost                       // lapsed long ago; unlikely to return
	// NotSeen: only cancelled or missed appointments, none booked.
	NotSeen
)

var statusNames = [...]string{"", "booked", "active", "due", "follow-up", "lapsed", "lost", "not-seen"}

// String returns the status's name as reports write it, e.g. "lapsed"; "" for no status.
func (s Status) String() string { return nameOf(statusNames[:], s) }

// MarshalText writes the status's name.
func (s Status) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a status's name.
func (s *Status) UnmarshalText(b []byte) error { return parseName(statusNames[:], s, b, "status") }

// Rule names what decided a [Verdict]; it reads and writes as its name.
type Rule uint8

// The rules, in the order they are tried. The zero Rule is no rule.
const (
	RuleBooked     Rule = iota + 1 // a future appointment
	RuleCourse                     // a finished course of treatment
	RuleOwnRhythm                  // the customer's own gaps between visits
	RuleRecall                     // the recall interval of their service
	RuleModel                      // the repeat-buying model's P(alive)
	RulePopulation                 // everyone's gaps
	RuleNoVisit                    // no visit on or before the as-of date
)

var ruleNames = [...]string{"", "booked", "course", "own-rhythm", "recall", "model", "population", "no-visit"}

// String returns the rule's name, e.g. "own-rhythm"; "" for no rule.
func (r Rule) String() string { return nameOf(ruleNames[:], r) }

// MarshalText writes the rule's name.
func (r Rule) MarshalText() ([]byte, error) { return []byte(r.String()), nil }

// UnmarshalText reads a rule's name.
func (r *Rule) UnmarshalText(b []byte) error { return parseName(ruleNames[:], r, b, "rule") }

// ValueSource says where a verdict's value at risk comes from; it reads and writes as its
// name.
type ValueSource uint8

// The sources of a value at risk. The zero ValueSource is no source: no verdict yet.
const (
	ValueNone      ValueSource = iota + 1 // no amounts in the data
	ValueModel                            // the models' expected value if still active
	ValuePastSpend                        // the spend in the year up to the last visit
)

var valueSourceNames = [...]string{"", "none", "model", "past-spend"}

// String returns the source's name: "model", "past-spend" or "none"; "" for no source.
func (v ValueSource) String() string { return nameOf(valueSourceNames[:], v) }

// MarshalText writes the source's name.
func (v ValueSource) MarshalText() ([]byte, error) { return []byte(v.String()), nil }

// UnmarshalText reads a source's name.
func (v *ValueSource) UnmarshalText(b []byte) error {
	return parseName(valueSourceNames[:], v, b, "value source")
}

// nameOf returns the name of an enumerated value, or a placeholder naming its number.
func nameOf[T ~uint8](names []string, v T) string {
	if int(v) < len(names) {
		return names[v]
	}
	return "unknown-" + strconv.Itoa(int(v))
}

// parseName sets *v to the value named by b.
func parseName[T ~uint8](names []string, v *T, b []byte, what string) error {
	for i, n := range names {
		if n == string(b) {
			*v = T(i)
			return nil
		}
	}
	return fmt.Errorf("unknown %s %q", what, b)
}

// Verdict is the lapse decision for one customer.
type Verdict struct {
	Key    string `json:"id"`
	Status Status `json:"status"`
	Rule   Rule   `json:"rule"`
	// LastVisit and Visits are as of the as-of date.
	LastVisit visit.Day `json:"-"`
	// Basis is what the rule saw beyond the verdict's other fields.
	Basis  Basis `json:"basis"`
	Visits int   `json:"visits"`
	// UsualGap is the typical days between visits (0: unknown), CurrentGap those since the last.
	UsualGap   float64 `json:"usual_gap_days"`
	CurrentGap int     `json:"current_gap_days"`
	// ExpectedBack is when they would normally have been back (NoDay when unknown);
	// Overdue the days since then (0 when not yet).
	ExpectedBack visit.Day `json:"-"`
	// NextBooked is the next booked appointment, NoDay when none.
	NextBooked visit.Day `json:"-"`
	Overdue    int       `json:"days_overdue"`
	// PAlive is the model's probability that the customer is still active; -1 without one.
	PAlive float64 `json:"p_alive"`
	// ValueAtRisk is what the customer would bring in the next 12 months if they came back,
	// in minor units (see [NewAssessor]); ValueSource says where it comes from.
	ValueAtRisk int64       `json:"value_at_risk"`
	ValueSource ValueSource `json:"value_source"`
}

// Basis is what a rule saw beyond a [Verdict]'s other fields.
type Basis struct {
	// Service is the course's or the recall's service.
	Service string `json:"service,omitempty"`
	// Since is the days since the recall service.
	Since int `json:"since_days,omitempty"`
	// CourseVisits is the number of visit days of a finished course.
	CourseVisits int `json:"course_visits,omitempty"`
	// Within is the population's quantile gap in days; 0 when nobody came back.
	Within float64 `json:"within_days,omitempty"`
}

// Missing returns true for the statuses a win-back call is for: lapsed and lost.
func (s Status) Missing() bool { return s == Lapsed || s == Lost }
