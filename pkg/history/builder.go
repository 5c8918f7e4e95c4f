package history

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/winback/winback/pkg/visit"
)

// Span locates a string in the text of a [Batch]: Len bytes from Off.
type Span struct{ Off, Len uint32 }

// Row is one accepted export row, as a [Builder] takes it. Its strings are [Span]s into the
// text of the [Batch] that holds it, so a Row holds no pointers: a reader keeps millions of
// them in flight without write barriers or work for the garbage collector.
type Row struct {
	Key Span
	// Day is the row's date. While the export's date order is still undecided, Day is the
	// day-first reading of an ambiguous value and AltDay the month-first one; otherwise AltDay
	// equals Day.
	Day, AltDay visit.Day
	// Booked and AltBooked are the booking date (NoDay when unknown), read like Day/AltDay.
	Booked, AltBooked visit.Day
	// Amount is the row's amount in minor units. While the column's decimal style is
	// undecided, AmountByStyle holds the readings under an unknown style, decimal point and
	// decimal comma (see package field) and AmountPending is set.
	Amount        int64
	AmountByStyle [3]int64
	AmountPending bool
	Status        visit.Status
	// Names of the service, staff member, channel and location; empty when unknown.
	Service, Staff, Channel, Location Span
	// Contact details and the referrer; empty when unknown.
	Name, Email, Phone, ContactPreference, Referrer Span
	// Hash identifies the row's full content, for dropping exact duplicates.
	Hash uint64
}

// Batch is a run of rows and the text their spans point into. A Batch can be [Batch.Reset]
// and filled again, so a reader recycles its memory instead of allocating per block.
type Batch struct {
	Text []byte
	Rows []Row
}

// Add copies v into the batch's text and returns its span.
func (b *Batch) Add(v []byte) Span {
	if len(v) == 0 {
		return Span{}
	}
	s := Span{Off: uint32(len(b.Text)), Len: uint32(len(v))}
	b.Text = append(b.Text, v...)
	return s
}

// Bytes returns the text of s; it is only valid until the batch is reset.
func (b *Batch) Bytes(s Span) []byte { return b.Text[s.Off : s.Off+s.Len : s.Off+s.Len] }

// Reset empties the batch, keeping its memory.
func (b *Batch) Reset() {
	b.Text = b.Text[:0]
	b.Rows = b.Rows[:0]
}

// Resolution says how to read the values that were ambiguous while rows arrived: the date
// and booking-date orders, and the amount column's decimal style (0 unknown, 1 point, 2 comma).
type Resolution struct {
	MonthFirst, BookedMonthFirst bool
	AmountStyle                  int
}

// pending is a row kept aside until its ambiguous values can be resolved.
type pending struct {
	day, altDay, booked, altBooked visit.Day
	amounts                        [3]int64
	amount                         int64
	amountPending                  bool
	hash                           uint32
	service, staff, channel        Sym
	status                         visit.Status
}

// contact field indexes into customer.contactDay.
const (
	cName = iota
	cEmail
	cPhone
	cPref
	cLocation
	numContact
)

type customer struct {
	h          History
	hashes     []uint32 // first row's hash per event, parallel to h.Events
	extra      []uint64 // day<<32 | hash of further distinct rows of an event
	pending    []pending
	contactDay [numContact]visit.Day
	refDay     visit.Day
}

// Builder aggregates rows into histories. One Builder is used by one goroutine; a reader
// that shards customers over goroutines uses one Builder per shard and [Merge]s them.
// Rows must arrive in input order for the choice of a day's service, staff and channel
// (those of its first row) to be the same on every run.
type Builder struct {
	byKey                     map[string]*customer
	services, staff, channels *Symbols
	duplicates                int
}

// NewBuilder returns an empty [Builder].
func NewBuilder() *Builder {
	return &Builder{
		byKey:    make(map[string]*customer),
		services: NewSymbols(), staff: NewSymbols(), channels: NewSymbols(),
	}
}

// Duplicates returns the number of exact duplicate rows dropped so far.
func (b *Builder) Duplicates() int { return b.duplicates }

// Customers returns the number of customers so far.
func (b *Builder) Customers() int { return len(b.byKey) }

// AddBatch aggregates the rows of bt in order; see [Builder.Add].
func (b *Builder) AddBatch(bt *Batch) {
	for i := range bt.Rows {
		b.Add(bt, &bt.Rows[i])
	}
}

// Add aggregates r, whose strings are in bt, and reports whether it was dropped as an exact
// duplicate of an earlier row. Rows with values still ambiguous are kept aside until
// [Builder.Finish].
func (b *Builder) Add(bt *Batch, r *Row) (duplicate bool) {
	key := bt.Bytes(r.Key)
	c := b.byKey[string(key)]
	if c == nil {
		c = &customer{h: History{Key: string(key)}, refDay: visit.NoDay}
		for i := range c.contactDay {
			c.contactDay[i] = visit.NoDay
		}
		b.byKey[c.h.Key] = c
	}
	b.contact(c, bt, r)
	h32 := uint32(r.Hash) ^ uint32(r.Hash>>32)
	svc, stf, chn := b.services.internBytes(bt.Bytes(r.Service)), b.staff.internBytes(bt.Bytes(r.Staff)), b.channels.internBytes(bt.Bytes(r.Channel))
	if r.AltDay != r.Day || r.AltBooked != r.Booked || r.AmountPending {
		c.pending = append(c.pending, pending{
			day: r.Day, altDay: r.AltDay, booked: r.Booked, altBooked: r.AltBooked,
			amounts: r.AmountByStyle, amountPending: r.AmountPending, amount: r.Amount, hash: h32,
			service: svc, staff: stf, channel: chn, status: r.Status,
		})
		return false
	}
	dup := c.add(r.Day, r.Status, r.Amount, lead(r.Booked, r.Day), h32, svc, stf, chn)
	if dup {
		b.duplicates++
	}
	return dup
}

func lead(booked, day visit.Day) int16 {
	if booked == visit.NoDay {
		return NoLead
	}
	d := int(day) - int(booked)
	if d < -32767 || d > 32767 {
		return NoLead
	}
	return int16(d)
}

// add merges one row into the customer's events; it reports an exact duplicate.
func (c *customer) add(day visit.Day, st visit.Status, amount int64, ld int16, h32 uint32, svc, stf, chn Sym) bool {
	ev := c.h.Events
	// Exports are mostly in date order, so look at the end first.
	i := len(ev)
	if i > 0 && (ev[i-1].Day > day || (ev[i-1].Day == day && ev[i-1].Status >= st)) {
		i = sort.Search(len(ev), func(j int) bool {
			return ev[j].Day > day || (ev[j].Day == day && ev[j].Status >= st)
		})
	}
	if i < len(ev) && ev[i].Day == day && ev[i].Status == st {
		if c.hashes[i] == h32 {
			return true
		}
		k := uint64(uint32(day))<<32 | uint64(h32)
		j, found := slices.BinarySearch(c.extra, k)
		if found {
			return true
		}
		c.extra = slices.Insert(c.extra, j, k)
		e := &ev[i]
		e.Amount += amount
		if e.Service == 0 {
			e.Service = svc
		}
		if e.Staff == 0 {
			e.Staff = stf
		}
		if e.Channel == 0 {
			e.Channel = chn
		}
		if ld != NoLead && (e.Lead == NoLead || ld < e.Lead) {
			e.Lead = ld
		}
		return false
	}
	e := Event{Amount: amount, Day: day, Service: svc, Staff: stf, Channel: chn, Lead: ld, Status: st}
	c.h.Events = slices.Insert(c.h.Events, i, e)
	c.hashes = slices.Insert(c.hashes, i, h32)
	return false
}

// contact keeps the latest non-empty contact details (by row date; later rows win ties)
// and the first referrer.
func (b *Builder) contact(c *customer, bt *Batch, r *Row) {
	set := func(k int, dst *string, v Span) {
		if v.Len == 0 || r.Day < c.contactDay[k] {
			return
		}
		if s := bt.Bytes(v); *dst != string(s) {
			*dst = string(s)
		}
		c.contactDay[k] = r.Day
	}
	set(cName, &c.h.Name, r.Name)
	set(cEmail, &c.h.Email, r.Email)
	set(cPhone, &c.h.Phone, r.Phone)
	set(cPref, &c.h.ContactPreference, r.ContactPreference)
	set(cLocation, &c.h.Location, r.Location)
	if r.Referrer.Len > 0 && (c.refDay == visit.NoDay || r.Day < c.refDay) {
		c.h.Referrer = string(bt.Bytes(r.Referrer))
		c.refDay = r.Day
	}
}

// Finish resolves the rows kept aside with res and returns the histories, sorted by key.
// The builder must not be used afterwards.
func (b *Builder) Finish(res Resolution) *Set {
	return Merge(res, b)
}

// Merge finishes several builders whose customers are disjoint (a reader's shards) into one
// [Set] with shared, alphabetically ordered symbol tables.
func Merge(res Resolution, builders ...*Builder) *Set {
	set := &Set{Services: NewSymbols(), Staff: NewSymbols(), Channels: NewSymbols(),
		LatestRecorded: visit.NoDay, FirstDay: visit.NoDay, LastDay: visit.NoDay}
	mergeSymbols := func(dst *Symbols, srcs []*Symbols) [][]Sym {
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
	var svcs, stfs, chns []*Symbols
	n := 0
	for _, b := range builders {
		svcs, stfs, chns = append(svcs, b.services), append(stfs, b.staff), append(chns, b.channels)
		n += len(b.byKey)
	}
	svcMap, stfMap, chnMap := mergeSymbols(set.Services, svcs), mergeSymbols(set.Staff, stfs), mergeSymbols(set.Channels, chns)
	set.Customers = make([]History, 0, n)
	for bi, b := range builders {
		for _, c := range b.byKey {
			for _, p := range c.pending {
				day, booked := p.day, p.booked
				if res.MonthFirst {
					day = p.altDay
				}
				if res.BookedMonthFirst {
					booked = p.altBooked
				}
				amount := p.amount
				if p.amountPending {
					amount = p.amounts[res.AmountStyle]
				}
				if c.add(day, p.status, amount, lead(booked, day), p.hash, p.service, p.staff, p.channel) {
					b.duplicates++
				}
			}
			for i := range c.h.Events {
				e := &c.h.Events[i]
				e.Service, e.Staff, e.Channel = svcMap[bi][e.Service], stfMap[bi][e.Staff], chnMap[bi][e.Channel]
			}
			set.Customers = append(set.Customers, c.h)
		}
		set.Duplicates += b.duplicates
		b.byKey = nil
	}
	slices.SortFunc(set.Customers, func(a, b History) int { return strings.Compare(a.Key, b.Key) })
	for i := range set.Customers {
		for _, e := range set.Customers[i].Events {
			if set.FirstDay == visit.NoDay || e.Day < set.FirstDay {
				set.FirstDay = e.Day
			}
			if e.Day > set.LastDay {
				set.LastDay = e.Day
			}
			if e.Status != visit.Booked && e.Day > set.LatestRecorded {
				set.LatestRecorded = e.Day
			}
		}
	}
	return set
}

// String describes the set in one line, for logs and tests.
func (s *Set) String() string {
	return fmt.Sprintf("%d customers, %s to %s", len(s.Customers), s.FirstDay, s.LastDay)
}
