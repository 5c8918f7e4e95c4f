package report

import (
	"iter"
	"slices"
	"strings"

	"github.com/winback/winback/pkg/par"
)

// source is what [Build] made a report from. The lapsed customers that [Report.Lapsed]
// does not hold yet are filled in from it as a writer lists them, and not kept: a web page
// shows a few dozen of possibly hundreds of thousands.
type source struct {
	n    int                                // lapsed customers
	fill func(k int, c *Customer, t *texts) // fills in lapsed customer k
	// statuses are every counted customer's id and status, in the order of the ids when
	// sorted (each once).
	statuses iter.Seq[Status]
	sorted   bool
	// contacts and pAlive say whether any lapsed customer has a contact detail, and a
	// P(alive): a list shows those columns only then.
	contacts, pAlive bool
}

// NumLapsed returns the number of lapsed customers, also those [Report.Lapsed] does not
// hold yet.
func (r *Report) NumLapsed() int {
	if r.src != nil {
		return r.src.n
	}
	return len(r.Lapsed)
}

// CompleteLapsed fills in the first n lapsed customers, so that [Report.Lapsed] holds at
// least them.
func (r *Report) CompleteLapsed(n int) {
	k := len(r.Lapsed)
	n = min(n, r.NumLapsed())
	if r.src == nil || k >= n {
		return
	}
	r.Lapsed = slices.Grow(r.Lapsed, n-k)[:n]
	par.Ranges(n-k, 256, func(t *texts, lo, hi int) {
		for i := k + lo; i < k+hi; i++ {
			r.src.fill(i, &r.Lapsed[i], t)
		}
	})
}

// lapsedAt returns lapsed customer i: from [Report.Lapsed] when it holds them, else c,
// filled in from t (nil: allocated). Several goroutines may call it at once, with
// different c and t.
func (r *Report) lapsedAt(i int, c *Customer, t *texts) *Customer {
	if i < len(r.Lapsed) {
		return &r.Lapsed[i]
	}
	r.src.fill(i, c, t)
	return c
}

// texts hand out the texts and reasons of customers from blocks, each shared by a few
// hundred customers: one allocation for them, not one a customer. The zero value is
// ready; nil allocates for each.
type texts struct {
	block strings.Builder
	list  []Reason
}

// string returns b as a string.
func (t *texts) string(b []byte) string {
	if t == nil {
		return string(b)
	}
	if t.block.Cap()-t.block.Len() < len(b) {
		t.block = strings.Builder{} // the strings of the full block stay as they are
		t.block.Grow(max(len(b), 16<<10))
	}
	start := t.block.Len()
	t.block.Write(b)
	return t.block.String()[start:]
}

// reasons returns a list of n reasons.
func (t *texts) reasons(n int) []Reason {
	if t == nil {
		return make([]Reason, n)
	}
	if len(t.list) < n {
		t.list = make([]Reason, max(n, 64))
	}
	l := t.list[:n:n]
	t.list = t.list[n:]
	return l
}

// A Status is one entry of [Report.Statuses]: a customer's id and lapse status.
type Status struct{ ID, Status string }

// statusList returns [Report.Statuses] sorted by id, and false when there are none (a
// report read back without them). A built report's come from its source in the order of
// the set's keys, which ascend, each once; pseudonyms need sorting.
func (r *Report) statusList() (iter.Seq[Status], bool) {
	var list []Status
	if s := r.src; s != nil && r.Statuses == nil {
		if s.sorted {
			return s.statuses, true
		}
		list = slices.Collect(s.statuses)
	} else if r.Statuses == nil {
		return nil, false
	} else {
		list = make([]Status, 0, len(r.Statuses))
		for id, s := range r.Statuses {
			list = append(list, Status{id, s})
		}
	}
	slices.SortFunc(list, func(a, b Status) int { return strings.Compare(a.ID, b.ID) })
	return slices.Values(list), true
}

func statusMap(statuses iter.Seq[Status], n int) map[string]string {
	m := make(map[string]string, n)
	for s := range statuses {
		m[s.ID] = s.Status
	}
	return m
}
