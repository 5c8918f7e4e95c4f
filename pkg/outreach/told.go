package outreach

import (
	"slices"

	"github.com/winback/winback/pkg/outcome"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// confirms lists, for each answer category, the hints (reason codes) that point the same
// way: a customer who said "price" and was shown "paid more at the last visits" confirmed
// that hint. Answers with no matching hint (moved away, will book, other) confirm none.
var confirms = map[string][]string{
	"price":             {"price-up"},
	"waiting-time":      {"long-wait", "many-contacts"},
	"unhappy-treatment": {"staff-switch", "one-visit", "last-no-show"},
	"handed-around":     {"staff-switch"},
	"health":            {"course-finished", "slowing"},
	"forgot":            {"no-contact-preference", "slowing", "last-cancelled", "last-no-show"},
}

// hintsShown is how many hints the call list shows per customer (its questions).
const hintsShown = 2

// Answer is one answer category: how often it was given and the hints that were shown for
// the customers who gave it.
type Answer struct {
	Code string
	// Month counts the answers filed this run; Overall all of them.
	Month, Overall int
	// Hints counts the hints shown for these customers, by reason code; Confirmed the
	// answers whose customer was shown a hint the answer confirms (see confirms). The
	// hints are the customer's top ones as of this run, which are those the call list
	// showed unless their history changed since (a visit, a cancellation).
	Hints     map[string]int
	Confirmed int
}

// Told is what the calls brought.
type Told struct {
	// Calls and CallsMonth count the filed calls, overall and this run; Reached those
	// that reached the customer; Rebooked those that booked a new appointment.
	Calls, CallsMonth, Reached, Rebooked int
	// WonBack counts the called customers who visited after their call.
	WonBack int
	Answers []Answer
	// Held counts the customers kept off this month's lists, by [Why].
	Held [4]int
	// Unmatched are the filed rows whose customer is not in the export.
	Unmatched []outcome.Reject
}

// Told works out what the calls brought.
func (p *Plan) Told() *Told {
	t := &Told{Held: p.Held, Unmatched: p.Unmatched}
	by := map[string]*Answer{}
	back := map[int]bool{}
	for _, c := range p.calls {
		t.Calls++
		if c.fresh {
			t.CallsMonth++
		}
		if c.Reached == "yes" {
			t.Reached++
		}
		if c.RebookedOn != "" {
			t.Rebooked++
		}
		if c.i >= 0 && c.CalledOn != "" {
			if d, err := visit.ParseDay(c.CalledOn); err == nil {
				if last := p.r.Verdicts[c.i].LastVisit; last != visit.NoDay && last > d {
					back[c.i] = true
				}
			}
		}
		if c.Answer == "" {
			continue
		}
		a := by[c.Answer]
		if a == nil {
			a = &Answer{Code: c.Answer, Hints: map[string]int{}}
			by[c.Answer] = a
		}
		a.Overall++
		if c.fresh {
			a.Month++
		}
		if c.i < 0 {
			continue
		}
		fs := p.r.Findings[c.i]
		confirmed := false
		for k := range fs[:min(len(fs), hintsShown)] {
			a.Hints[fs[k].Code]++
			confirmed = confirmed || slices.Contains(confirms[c.Answer], fs[k].Code)
		}
		if confirmed {
			a.Confirmed++
		}
	}
	t.WonBack = len(back)
	for _, cat := range words.AnswerCategories() {
		if a := by[cat.Code]; a != nil {
			t.Answers = append(t.Answers, *a)
		}
	}
	return t
}

// Confirms reports whether an answer category confirms a hint (see confirms).
func Confirms(answer, hint string) bool { return slices.Contains(confirms[answer], hint) }
