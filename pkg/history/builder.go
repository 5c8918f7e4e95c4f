package history

import (
	"bytes"
	"hash/maphash"
	"math/bits"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"

	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/visit"
)

// Row is one accepted export row as a [Builder] takes it: plain values, every ambiguity of
// the export (day/month order, decimal style) already resolved by its reader. The byte
// slices need only be valid during [Builder.Add], which copies what it keeps.
type Row struct {
	// Key identifies the customer (see [History.Key]).
	Key []byte
	// Day is the appointment day; Booked the day it was booked, or visit.NoDay.
	Day, Booked visit.Day
	Status      visit.Status
	// Amount is the row's amount in minor units.
	Amount int64
	// Names of the service, staff member, channel and location; empty when unknown.
	Service, Staff, Channel, Location []byte
	// Contact details and the referrer; empty when unknown.
	Name, Email, Phone, ContactPreference, Referrer []byte
	// Order is a hash of the row's order (or invoice) number, 0 when it has none. The rows
	// of one order that follow each other in a customer's rows are one purchase: they take
	// the day and status of the order's first row (where exports such as Shopify's put the
	// order's fields), and when OrderTotal is set their Amount is the order's total, given
	// again on every row (or only on the first), so it counts once.
	Order      uint32
	OrderTotal bool
	// Hash identifies the row's full content, for dropping exact duplicates. 0: the row
	// is never a duplicate and no row is matched against it, as in a single input whose
	// identical rows are kept; such rows cost no memory for their identity.
	Hash uint64
	// Source numbers the input the row is from.
	Source uint16
	// KeepIdentical keeps a row identical to an earlier row of the same input: without an
	// order or appointment number two identical rows are two purchases (CDNOW's master file
	// has hundreds). Rows of different inputs are matched one to one, the n-th of one input
	// with the n-th of another, so overlapping exports count each row once.
	KeepIdentical bool
}

// Text fields of a customer, end to end in customer.text.
const (
	tKey = iota
	tName
	tEmail
	tPhone
	tPref
	tReferrer
	numText
)

// contact field indexes into customer.contactDay.
const (
	cName = iota
	cEmail
	cPhone
	cPref
	cLocation
	numContact
)

// customer is a history being built. With hundreds of thousands of customers nearly every
// row's customer is out of the cache, so what a row needs is kept together at the start of
// the struct: the key, when short; fingerprints of the contact details, compared instead of
// the text; the last event's day and status, so that the common case, a row after all
// earlier ones, appends without reading the events. The text (key and contact details end
// to end) is only read when a detail changes.
type customer struct {
	keyLen     uint8 // len(key) when the key is inline, else keyLong
	key        [keyInline]byte
	fp         [numFP]uint32 // fingerprints of name, email, phone and preference; when withheld, 1 for a given one
	contactDay [numContact]visit.Day
	location   uint32 // index into Builder.locations
	lastDS     int32  // the last event's dayStatus, when there is one
	events     []packed

	text   string          // the key and contact details; History's strings share it
	ends   [numText]uint32 // field i of text ends at ends[i]
	more   *customerMore   // rarely needed, so kept out of the way
	refDay visit.Day
	rank   uint32 // place in key order, set by Merge
}

// customerMore is what few customers need: the identities of rows that have one (see
// [Row.Hash]), the order being read, and amounts too large for a packed event.
type customerMore struct {
	hashes []uint32        // the first row's hash per event, parallel to events; nil while no row had one
	extra  []uint64        // day<<32 | hash of further distinct rows of an event
	big    map[int32]int64 // see History.big
	// The customer's order being read (see [Row.Order]): its number's hash, day and status.
	order       uint32
	orderDay    visit.Day
	orderStatus visit.Status
}

// amount returns the amount of e, one of c's events.
func (c *customer) amount(e *packed) int64 {
	if c.more == nil {
		return int64(e.amount) // no amount of c's is too large for a packed event
	}
	return e.amountOf(c.more.big)
}

// setAmount sets the amount of e, one of c's events.
func (c *customer) setAmount(e *packed, v int64) {
	if fitsPacked(v) && e.amount != bigAmount {
		e.amount = int32(v) // the common case, without c.more
		return
	}
	e.setAmount(v, &c.moreOf().big)
}

func (c *customer) moreOf() *customerMore {
	if c.more == nil {
		c.more = &customerMore{}
	}
	return c.more
}

const (
	keyInline = 22
	keyLong   = 255
	numFP     = 4 // the contact details tName..tPref
)

// fpSeed seeds the contact fingerprints; they are compared within one run only.
var fpSeed = maphash.MakeSeed()

func (c *customer) field(i int) string {
	start := uint32(0)
	if i > 0 {
		start = c.ends[i-1]
	}
	return c.text[start:c.ends[i]]
}

// setField replaces text field i with v.
func (c *customer) setField(i int, v []byte) {
	old := c.field(i)
	start := c.ends[i] - uint32(len(old))
	c.text = c.text[:start] + string(v) + c.text[c.ends[i]:]
	for j := i; j < numText; j++ {
		c.ends[j] = c.ends[j] - uint32(len(old)) + uint32(len(v))
	}
}

// is reports whether c's key is key.
func (c *customer) is(key []byte) bool {
	if c.keyLen != keyLong {
		return string(c.key[:c.keyLen]) == string(key)
	}
	return c.field(tKey) == string(key)
}

// keyHash returns the hash of c's key, as [Builder.Add] hashes keys.
func (c *customer) keyHash() uint64 {
	if c.keyLen != keyLong {
		return xxhash.Sum64(c.key[:c.keyLen])
	}
	return xxhash.Sum64String(c.field(tKey))
}

// customerChunk is the number of customers per chunk of Builder.customers: chunks keep
// customers in place (a growing slice would copy them all) and let the index hold numbers.
const customerChunk = 4096

// Builder makes histories from rows. Rows must arrive in input order for the choice of a
// day's service, staff and channel (those of its first row) to be the same on every run.
// One Builder is used by one goroutine; a reader that shards customers over goroutines uses
// one Builder per shard and merges them ([Merge]).
type Builder struct {
	// slots is an open-addressing hash table of customers by key hash: each slot is the
	// hash's high 32 bits, compared before the key, and the customer's number plus one (0:
	// empty). It is at most three quarters full.
	slots                     []uint64
	customers                 [][]customer
	n                         int
	services, staff, channels *Symbols
	// locations are the names of locations, [0] empty; locIndex finds them.
	locations  []string
	locIndex   map[string]uint32
	locRecent  [recentSize]recentName
	duplicates int
	sink       uint64 // keeps Add's loads from being optimised away
	spares     spares
	withhold   bool // see WithholdContacts
	// orders and cancelledOrders count the orders read (see [Builder.Orders]).
	orders, cancelledOrders int
}

// spares holds the event and hash arrays customers have outgrown, by their size class,
// for customers growing into that class: growing by append left each outgrown array to
// the garbage collector and cleared every new one. The classes grow by a quarter (1, 2, 3,
// 4, 5, 6, 7, 8, 10, 12, ...) rather than double, as the events are most of a large data
// set's memory.
type spares struct {
	events [128][][]packed
	hashes [128][][]uint32
}

// capOf returns the capacity of size class k.
func capOf(k int) int {
	if k < 4 {
		return k + 1
	}
	return (5 + (k-4)%4) << ((k - 4) / 4)
}

// classFor returns the smallest size class with room for n >= 1 events.
func classFor(n int) int {
	if n <= 4 {
		return max(n-1, 0)
	}
	e := bits.Len(uint(n-1)) - 3 // 4<<e < n <= 8<<e
	return 4*e + (n-1)>>e
}

// roomFor makes room for one more event in c, moving c's events and hashes (which have
// the same capacity) to arrays of the next size class when full.
func (sp *spares) roomFor(c *customer) {
	if len(c.events) < cap(c.events) {
		return
	}
	k := classFor(len(c.events) + 1)
	c.events = regrow(&sp.events, c.events, k)
	if c.more != nil && c.more.hashes != nil {
		c.more.hashes = regrow(&sp.hashes, c.more.hashes, k)
	}
}

// regrow returns s in an array of size class k, taken from free when one is there, and
// leaves s's array, which is full, in free.
func regrow[T any](free *[128][][]T, s []T, k int) []T {
	var t []T
	if l := len(free[k]); l > 0 {
		t, free[k] = free[k][l-1], free[k][:l-1]
	} else {
		t = make([]T, 0, capOf(k))
	}
	t = append(t, s...)
	if len(s) > 0 {
		j := classFor(len(s))
		free[j] = append(free[j], s[:0])
	}
	return t
}

// NewBuilder returns an empty [Builder].
func NewBuilder() *Builder {
	return &Builder{
		slots:    make([]uint64, 1024),
		services: NewSymbols(), staff: NewSymbols(), channels: NewSymbols(),
		locations: []string{""}, locIndex: map[string]uint32{"": 0},
	}
}

func (b *Builder) at(i int) *customer {
	return &b.customers[i/customerChunk][i%customerChunk]
}

// lookup returns the number of the customer with key, whose hash is h, adding it when new.
func (b *Builder) lookup(key []byte, h uint64) int {
	mask := uint64(len(b.slots) - 1)
	tag := h >> 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := b.slots[i]
		if s == 0 {
			b.add(key)
			b.slots[i] = tag<<32 | uint64(b.n)
			if 4*b.n > 3*len(b.slots) {
				b.grow()
			}
			return b.n - 1
		}
		if s>>32 == tag {
			if ci := int(uint32(s)) - 1; b.at(ci).is(key) {
				return ci
			}
		}
	}
}

// grow doubles the table of customers.
func (b *Builder) grow() {
	slots := make([]uint64, 2*len(b.slots))
	mask := uint64(len(slots) - 1)
	for _, s := range b.slots {
		if s == 0 {
			continue
		}
		h := b.at(int(uint32(s)) - 1).keyHash()
		i := h & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = s
	}
	b.slots = slots
}

// add appends a new customer.
func (b *Builder) add(key []byte) {
	if b.n%customerChunk == 0 {
		b.customers = append(b.customers, make([]customer, 0, customerChunk))
	}
	b.n++
	chunk := &b.customers[len(b.customers)-1]
	*chunk = append(*chunk, customer{text: string(key), refDay: visit.NoDay})
	c := &(*chunk)[len(*chunk)-1]
	c.keyLen = keyLong
	if len(key) <= keyInline {
		c.keyLen = uint8(copy(c.key[:], key))
	}
	for k := range c.ends {
		c.ends[k] = uint32(len(key))
	}
	for k := range c.contactDay {
		c.contactDay[k] = visit.NoDay
	}
}

// Add takes rows, in the order they came; it drops exact duplicates of earlier rows
// ([Set.Duplicates] counts them).
//
// Nearly every row's customer and events are out of the cache, and one row's loads depend
// on each other (table slot, customer, events), so row after row the processor would wait
// for memory. Add therefore takes rows in groups: it first touches every row's slot in the
// table, then finds each customer, then touches each one's last event, and only then adds
// the rows. The loads of one pass do not depend on each other from row to row, so the
// processor overlaps their cache misses.
func (b *Builder) Add(rows ...Row) {
	const group = 64
	var hashes [group]uint64
	var cs [group]int
	for start := 0; start < len(rows); start += group {
		rs := rows[start:min(start+group, len(rows))]
		mask := uint64(len(b.slots) - 1)
		var sink uint64
		for i := range rs {
			hashes[i] = xxhash.Sum64(rs[i].Key)
			sink += b.slots[hashes[i]&mask]
		}
		for i := range rs {
			cs[i] = b.lookup(rs[i].Key, hashes[i])
		}
		for i := range rs {
			if c := b.at(cs[i]); len(c.events) > 0 {
				sink += uint64(c.events[len(c.events)-1].dayStatus)
			}
		}
		b.sink += sink
		for i := range rs {
			if b.add1(cs[i], &rs[i]) {
				b.duplicates++
			}
		}
	}
}

// add1 takes row r of customer ci and reports whether it is an exact duplicate.
func (b *Builder) add1(ci int, r *Row) bool {
	c := b.at(ci)
	day, st, amount, first := r.Day, r.Status, r.Amount, false
	if r.Order != 0 {
		day, st, amount, first = b.orderLine(c, r)
	}
	b.contact(c, r, day)
	p := packed{dayStatus: dayStatus(day, st), service: b.services.internBytes(r.Service),
		staff: b.staff.internBytes(r.Staff), channel: b.channels.internBytes(r.Channel), lead: lead(r.Booked, day)}
	if c.add(&b.spares, p, amount, rowID{uint32(r.Hash) ^ uint32(r.Hash>>32), r.Source, r.KeepIdentical, r.Hash == 0}) {
		return true
	}
	if first {
		b.countOrder(st)
	}
	return false
}

// countOrder counts an order whose first row was added.
func (b *Builder) countOrder(st visit.Status) {
	b.orders++
	if st == visit.Cancelled {
		b.cancelledOrders++
	}
}

// Orders returns the number of orders (see [Row.Order]) read, and how many of them are
// cancelled; an order found again in another input counts once.
func (b *Builder) Orders() (all, cancelled int) { return b.orders, b.cancelledOrders }

// orderLine makes r, a row of an order, part of the order the customer's previous row
// belongs to when it has the same number: its day and status become the order's, and an
// order total given again counts once. It returns the row's day, status and amount, and
// whether r starts an order instead.
func (b *Builder) orderLine(c *customer, r *Row) (visit.Day, visit.Status, int64, bool) {
	m := c.moreOf()
	if m.order != r.Order {
		m.order, m.orderDay, m.orderStatus = r.Order, r.Day, r.Status
		return r.Day, r.Status, r.Amount, true
	}
	if r.OrderTotal {
		return m.orderDay, m.orderStatus, 0, false
	}
	return m.orderDay, m.orderStatus, r.Amount, false
}

// rowID identifies a row for finding exact duplicates: the hash of its content, the input
// it is from and whether identical rows of that input are kept (see [Row.KeepIdentical]).
type rowID struct {
	h32  uint32
	src  uint16
	keep bool
	none bool // the row has no identity (see [Row.Hash])
}

// tag is the hash stored for the n-th row (from 0) identical to id's in id's input.
func (id rowID) tag(src uint16, n int) uint32 {
	if src == 0 && n == 0 {
		return id.h32
	}
	x := uint64(id.h32) | uint64(src)<<32 | uint64(n)<<48
	x ^= x >> 33
	x *= 0xff51afd7ed558ccd
	x ^= x >> 33
	return uint32(x)
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

// add merges the event p of one row, with its amount, into the customer's events; it
// reports an exact duplicate.
func (c *customer) add(sp *spares, p packed, amount int64, id rowID) (duplicate bool) {
	n := len(c.events)
	ds := p.dayStatus
	p.amount = 0
	// Exports are mostly in date order: the row usually comes after every event so far.
	if n == 0 || c.lastDS < ds {
		sp.roomFor(c)
		c.events = append(c.events, p)
		c.setAmount(&c.events[n], amount)
		c.addHash(n, id)
		c.lastDS = ds
		return false
	}
	i := n - 1 // another row of the last event (order lines, double bookings)
	if c.lastDS != ds {
		i = sort.Search(n, func(j int) bool { return c.events[j].dayStatus >= ds })
	}
	if c.events[i].dayStatus == ds {
		return c.addToEvent(i, p, amount, id)
	}
	sp.roomFor(c)
	c.events = slices.Insert(c.events, i, p)
	c.setAmount(&c.events[i], amount)
	c.addHash(i, id)
	return false
}

// addHash records the identity of the first row of event i, just added; events before
// the first row with an identity have none (0).
func (c *customer) addHash(i int, id rowID) {
	if id.none && (c.more == nil || c.more.hashes == nil) {
		return
	}
	m := c.moreOf()
	if m.hashes == nil {
		m.hashes = make([]uint32, len(c.events)-1, cap(c.events))
	}
	m.hashes = slices.Insert(m.hashes, i, id.tag(id.src, 0))
}

// addToEvent adds a row to event i of the same day and status, unless it is a duplicate.
func (c *customer) addToEvent(i int, p packed, amount int64, id rowID) (duplicate bool) {
	if id.none {
		c.mergeInto(&c.events[i], p, amount)
		return false
	}
	day := p.day()
	has := func(h uint32) bool {
		if c.more == nil {
			return false
		}
		if c.more.hashes != nil && c.more.hashes[i] == h {
			return true
		}
		_, found := slices.BinarySearch(c.more.extra, uint64(uint32(day))<<32|uint64(h))
		return found
	}
	// The row is the k-th of its input identical to it (always the first when its input's
	// identical rows are duplicates); it is a duplicate when an input before it, or its
	// own, already has a k-th.
	k := 0
	if id.keep {
		for has(id.tag(id.src, k)) {
			k++
		}
	}
	dup := !id.keep && has(id.tag(id.src, 0))
	for src := uint16(0); src < id.src && !dup; src++ {
		dup = has(id.tag(src, k))
	}
	if dup && !id.keep {
		return true
	}
	m := c.moreOf()
	key := uint64(uint32(day))<<32 | uint64(id.tag(id.src, k))
	j, _ := slices.BinarySearch(m.extra, key)
	m.extra = slices.Insert(m.extra, j, key)
	if dup {
		return true // kept in extra, so that the next identical row of its input counts on
	}
	c.mergeInto(&c.events[i], p, amount)
	return false
}

// mergeInto adds the event p of another row of the same day and status, with its amount,
// to e.
func (c *customer) mergeInto(e *packed, p packed, amount int64) {
	c.setAmount(e, money.Add(c.amount(e), amount))
	if e.service == 0 {
		e.service = p.service
	}
	if e.staff == 0 {
		e.staff = p.staff
	}
	if e.channel == 0 {
		e.channel = p.channel
	}
	if p.lead != NoLead && (e.lead == NoLead || p.lead < e.lead) {
		e.lead = p.lead
	}
}

// WithholdContacts makes the builder keep only whether each customer's name, e-mail,
// phone and contact preference are given, not the texts: for an output that shows none
// of them, they are never held. The set says so
// ([Set.ContactsWithheld]). It must be called before the first row.
func (b *Builder) WithholdContacts() { b.withhold = true }

// contact keeps the latest non-empty contact details (by row date; later rows win ties)
// and the first referrer.
//
// day is the row's day, or its order's.
func (b *Builder) contact(c *customer, r *Row, day visit.Day) {
	set := func(k, t int, s []byte) {
		if len(s) == 0 || day < c.contactDay[k] {
			return
		}
		if b.withhold {
			// Only whether the latest value is blank is kept, as [History.Has] would
			// find it in the text.
			c.fp[t-tName] = 0
			if !blank(s) {
				c.fp[t-tName] = 1
			}
			c.contactDay[k] = day
			return
		}
		// The fingerprint stands for the text, which would cost a cache miss to compare.
		// 32 bits: a changed detail is missed once in four billion changes.
		if fp := uint32(maphash.Bytes(fpSeed, s)); fp != c.fp[t-tName] {
			c.fp[t-tName] = fp
			c.setField(t, s)
		}
		c.contactDay[k] = day
	}
	set(cName, tName, r.Name)
	set(cEmail, tEmail, r.Email)
	set(cPhone, tPhone, r.Phone)
	set(cPref, tPref, r.ContactPreference)
	if len(r.Location) > 0 && day >= c.contactDay[cLocation] {
		c.location = b.location(r.Location)
		c.contactDay[cLocation] = day
	}
	if len(r.Referrer) > 0 && (c.refDay == visit.NoDay || day < c.refDay) {
		c.setField(tReferrer, r.Referrer)
		c.refDay = day
	}
}

// location returns the number of the location named v, adding it when new.
func (b *Builder) location(v []byte) uint32 {
	r := &b.locRecent[recentSlot(v)]
	if r.name == string(v) {
		return r.sym
	}
	x, ok := b.locIndex[string(v)]
	if !ok {
		x = uint32(len(b.locations))
		b.locations = append(b.locations, string(v))
		b.locIndex[b.locations[x]] = x
	}
	r.name, r.sym = b.locations[x], x
	return x
}

// history returns c as a [History]; its strings share c's text.
func (b *Builder) history(c *customer) History {
	h := History{Key: c.field(tKey), Name: c.field(tName), Email: c.field(tEmail), Phone: c.field(tPhone),
		ContactPreference: c.field(tPref), Referrer: c.field(tReferrer), Location: b.locations[c.location],
		events: c.events}
	if b.withhold {
		for d := range numFP {
			if c.fp[d] != 0 {
				h.given |= 1 << d
			}
		}
	}
	if c.more != nil {
		h.big = c.more.big
	}
	return h
}

// blank reports whether s is empty or only spaces, as [bytes.TrimSpace] and
// [strings.TrimSpace] see them.
func blank(s []byte) bool {
	if len(s) > 0 && s[0] > ' ' && s[0] < utf8.RuneSelf {
		return false // the common case, without a call
	}
	return len(bytes.TrimSpace(s)) == 0
}
