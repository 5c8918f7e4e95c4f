// Package outreach joins the calls to the data: it matches the outcomes of filled call
// lists (package outcome) and those kept in the state (package state) to the customers of
// an analysis, decides who is kept off this month's lists (asked for no more calls, moved
// away, died, called a few weeks ago with nothing changed since, or drawn for the control
// group), and works out what the answers say and whether calling brings customers back.
// It is pure: the as-of date is the analysis's, the key the caller's.
package outreach

import (
	"fmt"
	"strings"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/outcome"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/state"
	"github.com/winback/winback/pkg/visit"
)

// Options say how the plan is made.
type Options struct {
	// Pseudonyms is the stable key's pseudonymizer: the state's ids are its pseudonyms,
	// and a filled list's id column may hold them. nil: real ids only.
	Pseudonyms *pseudo.Pseudonymizer
	// Control is the share of the win-back list kept uncalled (0..0.5).
	Control float64
	// PauseWeeks: a customer called within this many weeks is not listed again unless
	// they visited since or their status changed.
	PauseWeeks int
}

// Why a customer is kept off the lists.
type Why uint8

const (
	Listable Why = iota
	// Never: asked for no more calls, moved away or deceased.
	Never
	// ControlGroup: drawn for the control group.
	ControlGroup
	// Recently: called within the pause, nothing changed since.
	Recently
)

// call is an outcome matched to a customer (-1: not in this export).
type call struct {
	outcome.Outcome
	i int
	// fresh: read from a file this run, not yet in the state.
	fresh bool
}

// Plan is what the calls mean for one run.
type Plan struct {
	r     *analysis.Result
	o     Options
	prev  *state.State
	ids   []string // each customer's id in the state (pseudonym or key)
	calls []call
	why   []Why
	// group and since of each customer on the win-back list (see state.Customer).
	group, since []string
	// Unmatched are the filed rows whose customer is not in the export.
	Unmatched []outcome.Reject
	// Held counts the customers kept off the lists by why.
	Held [4]int
}

// New makes the plan of r from the previous state (nil: none) and the outcomes read this
// run.
func New(r *analysis.Result, prev *state.State, filed []outcome.Outcome, o Options) *Plan {
	n := len(r.Set.Customers)
	p := &Plan{r: r, o: o, prev: prev, ids: make([]string, n), why: make([]Why, n), group: make([]string, n), since: make([]string, n)}
	byName := map[string]int{}
	for i := range r.Set.Customers {
		k := r.Set.Customers[i].Key
		p.ids[i] = k
		if o.Pseudonyms != nil {
			p.ids[i] = o.Pseudonyms.Name(k)
			byName[p.ids[i]] = i
		}
	}
	find := func(id string) int {
		if i := r.Index(id); i >= 0 {
			return i
		}
		if i, ok := byName[strings.ToUpper(strings.TrimSpace(id))]; ok {
			return i
		}
		return -1
	}
	seen := map[string]bool{}
	prevStatus := map[string]string{}
	if prev != nil {
		for _, c := range prev.Customers {
			prevStatus[c.ID] = c.Status
			if i := find(c.ID); i >= 0 && c.Since != "" {
				p.group[i], p.since[i] = c.Group, c.Since
			}
		}
		for _, oc := range prev.Outcomes {
			seen[sameCall(oc)] = true
			p.calls = append(p.calls, call{Outcome: oc, i: find(oc.ID)})
		}
	}
	for _, oc := range filed {
		i := find(oc.ID)
		if i < 0 {
			p.Unmatched = append(p.Unmatched, outcome.Reject{File: oc.File, Line: oc.Line, Code: "unknown-customer", Args: []any{oc.ID}})
			continue
		}
		oc.ID = p.ids[i]
		if k := sameCall(oc); !seen[k] {
			seen[k] = true
			p.calls = append(p.calls, call{Outcome: oc, i: i, fresh: true})
		}
	}
	p.decide(prevStatus)
	return p
}

// sameCall identifies a filed call, so that a list filed twice counts once.
func sameCall(o outcome.Outcome) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s|%t", o.ID, o.CalledOn, o.Reached, o.Answer, o.RebookedOn, o.DoNotContact)
}

// decide works out who is held and puts the newly lapsed on the list or in the control
// group.
func (p *Plan) decide(prevStatus map[string]string) {
	r := p.r
	pause := visit.Day(p.o.PauseWeeks * 7)
	last := make([]string, len(p.why)) // latest call per customer
	for _, c := range p.calls {
		if c.i < 0 {
			continue
		}
		if c.Never() {
			p.why[c.i] = Never
		}
		last[c.i] = max(last[c.i], c.CalledOn)
	}
	asOf := r.AsOf.String()
	for i := range p.why {
		v := &r.Verdicts[i]
		if p.why[i] == Never {
			p.Held[Never]++
			continue
		}
		if !v.Status.Missing() {
			continue
		}
		if p.since[i] == "" {
			p.since[i], p.group[i] = asOf, state.Listed
			if p.o.Control > 0 {
				p.group[i] = state.Called
				if p.o.Pseudonyms.Draw("control", r.Set.Customers[i].Key) < p.o.Control {
					p.group[i] = state.Control
				}
			}
		}
		if p.group[i] == state.Control {
			p.why[i] = ControlGroup
			p.Held[ControlGroup]++
			continue
		}
		if last[i] == "" {
			continue
		}
		called, err := visit.ParseDay(last[i])
		if err != nil || r.AsOf-called > pause {
			continue
		}
		// Changed: a visit since the call, or a status last time that was not lapsed or
		// lost (a booking cancelled since, say). Lapsed turning lost is no news.
		before, known := prevStatus[p.ids[i]]
		changed := v.LastVisit != visit.NoDay && v.LastVisit > called ||
			known && before != lapse.Lapsed.String() && before != lapse.Lost.String()
		if !changed {
			p.why[i] = Recently
			p.Held[Recently]++
		}
	}
}

// Hold reports whether customer i is kept off this month's lists.
func (p *Plan) Hold(i int) bool { return p.why[i] != Listable }

// State is the state this run leaves: every counted customer's id and status, the group
// of those ever on the win-back list, and every call filed (ids in the state's form).
func (p *Plan) State() *state.State {
	r := p.r
	s := &state.State{AsOf: r.AsOf.String(), Control: p.o.Control}
	if p.o.Pseudonyms != nil {
		s.Pseudonymized, s.KeyCheck = true, p.o.Pseudonyms.KeyCheck()
	}
	s.Customers = make([]state.Customer, 0, len(r.Verdicts))
	for i := range r.Verdicts {
		v := &r.Verdicts[i]
		if v.Rule == lapse.RuleNoVisit && v.Status != lapse.Booked {
			continue
		}
		s.Customers = append(s.Customers, state.Customer{ID: p.ids[i], Status: v.Status.String(), Since: p.since[i], Group: p.group[i]})
	}
	for _, c := range p.calls {
		o := c.Outcome
		o.File, o.Line = "", 0
		s.Outcomes = append(s.Outcomes, o)
	}
	return s
}
