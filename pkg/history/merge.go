package history

import (
	"encoding/binary"
	"slices"
	"strings"

	"github.com/winback/winback/pkg/par"
	"github.com/winback/winback/pkg/visit"
)

// Merge makes the histories of builders whose customers are disjoint (a reader's shards,
// or one builder) into one [Set] with shared, alphabetically ordered symbol tables. The
// builders must not be used afterwards.
func Merge(builders ...*Builder) *Set {
	set := &Set{Services: NewSymbols(), Staff: NewSymbols(), Channels: NewSymbols()}
	var svcs, stfs, chns []*Symbols
	n := 0
	for _, b := range builders {
		svcs, stfs, chns = append(svcs, b.services), append(stfs, b.staff), append(chns, b.channels)
		n += b.n
		set.ContactsWithheld = set.ContactsWithheld || b.withhold // the builders of one read all withhold, or none
	}
	svcMap, stfMap, chnMap := mergeSymbols(set.Services, svcs), mergeSymbols(set.Staff, stfs), mergeSymbols(set.Channels, chns)
	// Each builder renumbers its symbols and sorts its customers on its own goroutine.
	runs := make([]mergeRun, len(builders))
	par.Ranges(len(builders), 1, func(_ *struct{}, bi, _ int) {
		runs[bi] = builders[bi].finish(svcMap[bi], stfMap[bi], chnMap[bi])
	})
	rankCustomers(runs, n)
	// Each chunk of customers is let go once its histories are in place.
	set.Customers = make([]History, n)
	for _, b := range builders {
		for k, chunk := range b.customers {
			for i := range chunk {
				set.Customers[chunk[i].rank] = b.history(&chunk[i])
			}
			b.customers[k] = nil
		}
	}
	days := noDays
	for bi, b := range builders {
		set.Duplicates += b.duplicates
		days.widen(runs[bi].days)
		b.customers = nil
	}
	set.FirstDay, set.LastDay, set.LatestRecorded = days.first, days.last, days.latest
	return set
}

// mergeSymbols fills dst with the names of srcs, sorted, and returns for each source the
// map from its symbols to dst's.
func mergeSymbols(dst *Symbols, srcs []*Symbols) [][]Sym {
	var names []string
	for _, s := range srcs {
		names = append(names, s.names[1:]...)
	}
	slices.Sort(names)
	names = slices.Compact(names)
	for _, n := range names {
		if n != OtherName {
			dst.Intern(n)
		}
	}
	maps := make([][]Sym, len(srcs))
	for i, s := range srcs {
		maps[i] = make([]Sym, len(s.names))
		for j, n := range s.names {
			maps[i][j] = dst.Intern(n)
		}
	}
	return maps
}

// rankCustomers gives each customer of the runs its place in key order: the sorted runs
// merged.
func rankCustomers(runs []mergeRun, n int) {
	for rank := range n {
		best := -1
		for i := range runs {
			if len(runs[i].keys) > 0 && (best < 0 || runs[i].keys[0].cmp(runs[best].keys[0]) < 0) {
				best = i
			}
		}
		r := &runs[best]
		r.keys[0].c.rank = uint32(rank)
		r.keys = r.keys[1:]
	}
	for i := range runs {
		runs[i].keys = nil // even empty, the slice kept its array
	}
}

// mergeRun is a builder's customers in key order, and the span of their days.
type mergeRun struct {
	keys []sortKey
	days daySpan
}

// daySpan bounds a set's days: its first and last event's, and its latest not booked
// ([Set.FirstDay], [Set.LastDay], [Set.LatestRecorded]).
type daySpan struct{ first, last, latest visit.Day }

var noDays = daySpan{visit.NoDay, visit.NoDay, visit.NoDay}

// add widens s to the events evs, sorted by day: their ends bound their days.
func (s *daySpan) add(evs []packed) {
	if len(evs) == 0 {
		return
	}
	latest := visit.NoDay
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].status() != visit.Booked {
			latest = evs[i].day()
			break
		}
	}
	s.widen(daySpan{evs[0].day(), evs[len(evs)-1].day(), latest})
}

// widen widens s to the days of o.
func (s *daySpan) widen(o daySpan) {
	if o.first != visit.NoDay && (s.first == visit.NoDay || o.first < s.first) {
		s.first = o.first
	}
	s.last, s.latest = max(s.last, o.last), max(s.latest, o.latest)
}

// sortKey orders customers by key, first by the key's first eight bytes, big-endian,
// which spares most comparisons a visit to the customers' text.
type sortKey struct {
	prefix uint64
	c      *customer
}

func (a sortKey) cmp(b sortKey) int {
	if a.prefix != b.prefix {
		if a.prefix < b.prefix {
			return -1
		}
		return 1
	}
	return strings.Compare(a.c.field(tKey), b.c.field(tKey))
}

// finish places b's customers' events, their symbols renumbered with the maps to the
// merged tables, and returns the customers sorted by key.
func (b *Builder) finish(svcMap, stfMap, chnMap []Sym) mergeRun {
	b.place(svcMap, stfMap, chnMap)
	r := mergeRun{keys: make([]sortKey, 0, b.n), days: noDays}
	for ci := range b.n {
		c := b.at(ci)
		if c.more != nil { // only the large amounts are still needed
			c.more.hashes, c.more.extra = nil, nil
			if c.more.big == nil {
				c.more = nil
			}
		}
		r.days.add(c.events)
		var p [8]byte
		copy(p[:], c.field(tKey))
		r.keys = append(r.keys, sortKey{prefix: binary.BigEndian.Uint64(p[:]), c: c})
	}
	b.slots = nil
	slices.SortFunc(r.keys, sortKey.cmp)
	return r
}

// Join makes each customer at index from (of s.Customers) part of the customer at
// into[from], its events merged and the contact details the other lacks taken, and then
// removes it.
func (s *Set) Join(into map[int]int) {
	if len(into) == 0 {
		return
	}
	// In order, for the same result whatever the map's order.
	froms := make([]int, 0, len(into))
	for from := range into {
		froms = append(froms, from)
	}
	slices.Sort(froms)
	for _, from := range froms {
		to := into[from]
		a, b := &s.Customers[to], &s.Customers[from]
		joinEvents(a, b)
		ca, cb := a.Details(), b.Details()
		for _, f := range []struct{ to, from *string }{{&ca.Name, &cb.Name}, {&ca.Email, &cb.Email}, {&ca.Phone, &cb.Phone}, {&ca.Preference, &cb.Preference}, {&a.Referrer, &b.Referrer}, {&a.Location, &b.Location}} {
			if strings.TrimSpace(*f.to) == "" {
				*f.to = *f.from
			}
		}
		a.setDetails(ca)
		a.given |= b.given
	}
	kept := s.Customers[:0]
	for i := range s.Customers {
		if _, gone := into[i]; !gone {
			kept = append(kept, s.Customers[i])
		}
	}
	clear(s.Customers[len(kept):])
	s.Customers = kept
}

// joinEvents merges b's events into a's, as the rows of one event merge.
func joinEvents(a, b *History) {
	var c customer
	for _, h := range [...]*History{a, b} {
		for i := range h.events {
			c.add(h.events[i], h.events[i].amountOf(h.big), rowID{})
		}
	}
	a.events, a.big = slices.Clip(c.events), nil
	if c.more != nil {
		a.big = c.more.big
	}
}
