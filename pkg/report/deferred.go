package report

import (
	"slices"
	"strings"
	"sync"

	"github.com/winback/winback/pkg/par"
)

// Deferred builds the parts of a [Report] that cost the most and that not every format
// needs: the details of the lapsed customers, of whom the formats for people show the
// first few dozen while there may be hundreds of thousands, and the status of every
// customer, which only JSON holds. A report built with [Report.Defer] completes them when
// a writer needs them, or on [Report.Complete].
type Deferred struct {
	// Lapsed is the number of lapsed customers. [Report.Lapsed] holds those completed so
	// far, the first ones, until [Report.Complete]; [Report.NumLapsed] counts them all. (A
	// caller that sized Report.Lapsed itself may leave Lapsed 0: its zero customers are
	// completed in place.)
	Lapsed int
	// Customer fills in the i-th lapsed customer c, a zero Customer. It is called from
	// several goroutines at once, for different customers.
	Customer func(i int, c *Customer)
	// Statuses returns what [Report.Statuses] holds: every customer's id and status, in
	// any order; a later entry for an id replaces an earlier one, as in a map. In the
	// order of the ids it costs least.
	Statuses func() []Status
	// StatusesInOrder says that Statuses lists the ids in strictly ascending order (each
	// once), so that the JSON need not check: a check reads every id, each a cache miss
	// in a large report.
	StatusesInOrder bool
	// Parts, when not nil, fills in the parts of the report that come after the lapsed list
	// in its JSON: Lift, Trends, Cohorts, Mix and Recency. It is called once, when a writer
	// needs them: the JSON writes its lapsed list meanwhile.
	Parts func()
	// Contacts and PAlive say whether any lapsed customer has a contact detail, and a
	// P(alive) of 0 or more: a list of them shows those columns only then, which must be
	// known before the customers are filled in.
	Contacts, PAlive bool
}

// deferred is what of a [Report] is still to be completed.
type deferred struct {
	mu       sync.Mutex
	d        Deferred
	lapsed   int      // Lapsed[:lapsed] are complete
	counted  bool     // made by Defer: the report has a list of lapsed customers
	statuses bool     // Statuses is complete
	sorted   []Status // the statuses in the order of the ids, once worked out
	// parts and backtest complete Parts and Model.Backtest; they are not under mu, as they
	// may wait long.
	parts, backtest func()
}

// Defer leaves the parts d builds to be completed when they are needed. Writers complete
// what their format shows; code that reads [Report.Lapsed] or [Report.Statuses] itself
// calls [Report.Complete] first.
func (r *Report) Defer(d Deferred) {
	nd := &deferred{d: d, counted: true}
	if d.Parts != nil {
		nd.parts = sync.OnceFunc(d.Parts)
	}
	if r.deferred != nil {
		nd.backtest = r.deferred.backtest
	}
	r.deferred = nd
}

// Complete completes what [Report.Defer] and [Report.DeferBacktest] left out. It is safe
// to call more than once.
func (r *Report) Complete() {
	r.CompleteLapsed(r.NumLapsed())
	r.completeStatuses()
	r.completeParts()
	r.completeBacktest()
}

// completeParts completes what [Deferred.Parts] fills in, if it was deferred.
func (r *Report) completeParts() {
	if d := r.deferred; d != nil && d.parts != nil {
		d.parts()
	}
}

// DeferBacktest leaves [ModelPart.Backtest] to backtest, which is called (once) when a
// writer needs the model: the JSON writes the lapsed list, which comes before the model,
// meanwhile. backtest may wait for a fit running on another goroutine.
func (r *Report) DeferBacktest(backtest func() *Backtest) {
	if r.deferred == nil {
		r.deferred = &deferred{lapsed: len(r.Lapsed), statuses: true}
	}
	r.deferred.backtest = sync.OnceFunc(func() { r.Model.Backtest = backtest() })
}

// completeBacktest completes [ModelPart.Backtest] if it was deferred.
func (r *Report) completeBacktest() {
	if d := r.deferred; d != nil && d.backtest != nil {
		d.backtest()
	}
}

// NumLapsed returns the number of lapsed customers, also of a deferred report whose
// [Report.Lapsed] holds only the first ones so far.
func (r *Report) NumLapsed() int {
	if d := r.deferred; d != nil && d.d.Lapsed > 0 {
		return d.d.Lapsed // does not change, while CompleteLapsed may grow Report.Lapsed
	}
	return len(r.Lapsed)
}

// CompleteLapsed completes the first n lapsed customers, spread over GOMAXPROCS
// goroutines (each customer's details depend on nothing but the customer), so that
// [Report.Lapsed] holds at least them. Only what is completed is allocated: a web page
// shows 50 of perhaps 200,000.
func (r *Report) CompleteLapsed(n int) {
	d := r.deferred
	if d == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	n = min(n, r.NumLapsed())
	if d.lapsed >= n {
		return
	}
	if k := len(r.Lapsed); k < n {
		r.Lapsed = slices.Grow(r.Lapsed, n-k)[:n]
		clear(r.Lapsed[k:])
	}
	completeCustomers(d.d.Customer, r.Lapsed[d.lapsed:n], d.lapsed)
	d.lapsed = n
}

// lapsedNull reports whether the report has no list of lapsed customers at all (JSON's
// null), as opposed to an empty one.
func (r *Report) lapsedNull() bool {
	if d := r.deferred; d != nil && d.counted {
		return false
	}
	return r.Lapsed == nil
}

// completeLapsed returns the complete lapsed customers, the first ones, as [Report.Lapsed]
// holds them now: a later [Report.CompleteLapsed] may move them.
func (r *Report) completeLapsed() []Customer {
	d := r.deferred
	if d == nil {
		return r.Lapsed
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return r.Lapsed[:d.lapsed]
}

// lapsedAt returns a function that gives lapsed customer i: the customer in [Report.Lapsed]
// when complete, or else c, filled in (and not kept). It may be called from several
// goroutines at once, with different c.
func (r *Report) lapsedAt() func(i int, c *Customer) *Customer {
	d, complete := r.deferred, r.completeLapsed()
	return func(i int, c *Customer) *Customer {
		if i < len(complete) {
			return &complete[i]
		}
		*c = Customer{}
		d.d.Customer(i, c)
		return c
	}
}

// deferredColumns returns Deferred.Contacts and PAlive, and false when every lapsed
// customer is complete (or nothing was deferred): they can then be read off the customers.
func (r *Report) deferredColumns() (contacts, pAlive, ok bool) {
	d := r.deferred
	if d == nil {
		return false, false, false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.lapsed >= r.NumLapsed() {
		return false, false, false
	}
	return d.d.Contacts, d.d.PAlive, true
}

func (r *Report) completeStatuses() {
	d := r.deferred
	if d == nil {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.statuses {
		return
	}
	list := d.sorted
	if list == nil {
		list = d.d.Statuses()
	}
	m := make(map[string]string, len(list))
	for _, s := range list {
		m[s.ID] = s.Status
	}
	r.Statuses, d.statuses, d.sorted = m, true, nil
}

// A Status is one entry of [Report.Statuses]: a customer's id and lapse status.
type Status struct{ ID, Status string }

// statusList returns [Report.Statuses] in the order of the ids, and false when it is nil.
// Until the report is complete it is worked out from the deferred list, without the map.
func (r *Report) statusList() ([]Status, bool) {
	if d := r.deferred; d != nil {
		d.mu.Lock()
		defer d.mu.Unlock()
		if !d.statuses {
			if d.sorted == nil {
				d.sorted = d.d.Statuses()
				if !d.d.StatusesInOrder {
					d.sorted = sortStatuses(d.sorted)
				}
			}
			return d.sorted, true
		}
	}
	if r.Statuses == nil {
		return nil, false
	}
	list := make([]Status, 0, len(r.Statuses))
	for id, s := range r.Statuses {
		list = append(list, Status{id, s})
	}
	slices.SortFunc(list, func(a, b Status) int { return strings.Compare(a.ID, b.ID) })
	return list, true
}

// sortStatuses sorts list by id in place and keeps, for an id listed more than once, the
// last entry, as a map filled in the list's order would.
func sortStatuses(list []Status) []Status {
	if slices.IsSortedFunc(list, func(a, b Status) int {
		if a.ID <= b.ID {
			return -1 // sorted only if strictly increasing: no id twice
		}
		return 1
	}) {
		return list
	}
	slices.SortStableFunc(list, func(a, b Status) int { return strings.Compare(a.ID, b.ID) })
	out := list[:0]
	for i, s := range list {
		if i+1 < len(list) && list[i+1].ID == s.ID {
			continue
		}
		out = append(out, s)
	}
	return out
}

// completeCustomers calls fill for cs, which are the lapsed customers from index first
// on, on up to GOMAXPROCS goroutines ([par.Ranges]).
func completeCustomers(fill func(int, *Customer), cs []Customer, first int) {
	par.Ranges(len(cs), 256, func(_ *struct{}, lo, hi int) {
		for k := lo; k < hi; k++ {
			fill(first+k, &cs[k])
		}
	})
}
