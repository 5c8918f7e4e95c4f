package analysis

import (
	"fmt"
	"slices"
	"strings"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
)

// Filter selects the lapsed customers of one part of a business: a branch, a therapist, a
// service, a status or a due date. The zero Filter selects everyone; names ignore case.
type Filter struct {
	// Staff and Service are those of the customer's last visit on or before the as-of
	// date (the day's first row that names one, as in [history.Event]).
	Staff, Service string
	// Location is the customer's latest location as the export records it (a history
	// keeps only that one, see [history.History.Location]).
	Location string
	// Status is lapsed or lost, the statuses of the list.
	Status string
	// DueBefore keeps the customers due back ([lapse.Verdict.ExpectedBack]) before this
	// day; 0 or less: no such filter.
	DueBefore visit.Day
}

// Any reports whether f selects everyone.
func (f Filter) Any() bool {
	return f.Staff == "" && f.Service == "" && f.Location == "" && f.Status == "" && f.DueBefore <= 0
}

// Narrow makes every list made from r afterwards ([Result.Lapsed], [Result.Selected]) the
// one of the customers f selects; the counts remain the whole business's. A name that no
// customer has is a [FilterError], so that a typo does not give an empty list. Like
// [Result.Withhold] it must be called before the list is first asked for.
func (r *Result) Narrow(f Filter) error {
	if err := f.check(r.Set); err != nil {
		return err
	}
	if !f.Any() {
		r.narrow = func(i int) bool { return f.match(r.Set, &r.Set.Customers[i], &r.Verdicts[i], r.AsOf) }
	}
	return nil
}

// Selected reports whether customer i is in the part of the business [Result.Narrow]
// chose (every customer when it was not called).
func (r *Result) Selected(i int) bool { return r.narrow == nil || r.narrow(i) }

func (f Filter) match(set *history.Set, h *history.History, v *lapse.Verdict, asOf visit.Day) bool {
	if f.Status != "" && !strings.EqualFold(v.Status.String(), f.Status) {
		return false
	}
	if f.DueBefore > 0 && (v.ExpectedBack == visit.NoDay || v.ExpectedBack >= f.DueBefore) {
		return false
	}
	if f.Location != "" && !strings.EqualFold(h.Location, f.Location) {
		return false
	}
	if f.Staff == "" && f.Service == "" {
		return true
	}
	last, ok := lastVisit(h, asOf)
	return ok && (f.Staff == "" || strings.EqualFold(set.Staff.Name(last.Staff), f.Staff)) &&
		(f.Service == "" || strings.EqualFold(set.Services.Name(last.Service), f.Service))
}

// lastVisit returns h's last visit on or before asOf.
func lastVisit(h *history.History, asOf visit.Day) (history.Event, bool) {
	for i := h.Len() - 1; i >= 0; i-- {
		if e := h.At(i); e.IsVisit(asOf) {
			return e, true
		}
	}
	return history.Event{}, false
}

// check refuses a name no customer has, naming the ones there are.
func (f Filter) check(set *history.Set) error {
	if f.Status != "" && !strings.EqualFold(f.Status, lapse.Lapsed.String()) && !strings.EqualFold(f.Status, lapse.Lost.String()) {
		return &FilterError{Flag: "status", Value: f.Status, Known: []string{lapse.Lapsed.String(), lapse.Lost.String()}}
	}
	symbols := func(s *history.Symbols) []string {
		var names []string
		for x := 1; x < s.Len(); x++ {
			names = append(names, s.Name(history.Sym(x)))
		}
		return names
	}
	for _, c := range []struct {
		flag, value string
		known       func() []string
	}{
		{"staff", f.Staff, func() []string { return symbols(set.Staff) }},
		{"service", f.Service, func() []string { return symbols(set.Services) }},
		{"location", f.Location, func() []string {
			var names []string
			for i := range set.Customers {
				if l := set.Customers[i].Location; l != "" && !slices.Contains(names, l) {
					names = append(names, l)
				}
			}
			return names
		}},
	} {
		if c.value == "" {
			continue
		}
		known := c.known()
		if !slices.ContainsFunc(known, func(k string) bool { return strings.EqualFold(k, c.value) }) {
			slices.Sort(known)
			return &FilterError{Flag: c.flag, Value: c.value, Known: known}
		}
	}
	return nil
}

// FilterError is a [Filter] naming a value that no customer has.
type FilterError struct {
	Flag, Value string
	// Known are the values there are, sorted; none when the export has no such column.
	Known []string
}

func (e *FilterError) Error() string {
	if e.Flag == "status" {
		return fmt.Sprintf("--status %q: the list holds lapsed and lost customers only", e.Value)
	}
	if len(e.Known) == 0 {
		return fmt.Sprintf("--%s %q: the export has no %s column", e.Flag, e.Value, e.Flag)
	}
	return fmt.Sprintf("--%s %q: no such %s in the data", e.Flag, e.Value, e.Flag)
}
