package history

import (
	"bytes"
	"hash/maphash"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/cespare/xxhash/v2"

	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/visit"
)

// Row is one accepted export row: plain values, every ambiguity already resolved by the
// reader. The byte slices need only be valid during [Builder.Add].
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
	// Order is a hash of the row's order (or invoice) number, 0 when it has none. A
	// customer's consecutive rows of one order are one purchase with the day and status of
	// its first row; with OrderTotal their Amount is the order's total, counted once.
	Order      uint32
	OrderTotal bool
	// Hash identifies the row's full content, for dropping exact duplicates. 0: the row
	// is never a duplicate and no row is matched against it, as in a single input whose
	// identical rows are kept; such rows cost no memory for their identity.
	Hash uint64
	// Source numbers the input the row is from.
	Source uint16
	// KeepIdentical keeps a row identical to an earlier row of the same input (two
	// identical purchases). Rows of different inputs are matched one to one, so
	// overlapping exports count each row once.
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

// customer is a history being built. What a row needs is at the start of the struct, as
// nearly every row's customer is out of the cache: the short key and fingerprints of the
// contact details. The text is read only on a change.
type customer struct {
	keyLen     uint8 // len(key) when the key is inline, else keyLong
	key        [keyInline]byte
	fp         [numFP]uint32 // fingerprints of name, email, phone and preference; when withheld, 1 for a given one
	contactDay [numContact]visit.Day
	location   uint32 // index into Builder.locations
	events     []packed

	text   string          // the key and contact details; History's strings share it
	ends   [numText]uint32 // field i of text ends at ends[i]
	more   *customerMore   // rarely needed, so kept out of the way
	refDay visit.Day
	rank   uint32 // place in key order, set by Merge
}

// customerMore is what few customers need.
type customerMore struct {
	hashes      []uint32        // the first row's hash per event, parallel to events; nil while no row had one
	extra       []uint64        // day<<32 | hash of further distinct rows of an event
	big         map[int32]int64 // see History.big
	order       uint32          // the order being read (see [Row.Order]), its day and status
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

// customerChunk is the number of customers per chunk of Builder.customers: chunks are
// never copied as they grow.
const customerChunk = 4096

// Builder makes histories from rows, which must arrive in input order (a day's service,
// staff and channel are its first row's). A reader with several shards uses one Builder
// per shard and [Merge]s them.
type Builder struct {
	// slots is an open-addressing hash table, at most 3/4 full: a slot is the key hash's
	// high 32 bits, compared before the key, and the customer's number plus one (0: empty).
	slots                     []uint64
	customers                 [][]customer
	n                         int
	services, staff, channels *Symbols
	locations                 []string // [0] is empty
	locIndex                  map[string]uint32
	locRecent                 [recentSize]recentName
	logs                      []rowLog // per chunk of customers
	duplicates                int
	sink                      uint64 // keeps Add's loads from being optimised away
	withhold                  bool   // see WithholdContacts
	orders, cancelledOrders   int
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
		b.logs = append(b.logs, rowLog{})
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

// Add takes rows, in the order they came; exact duplicates of earlier rows are dropped
// ([Set.Duplicates] counts them).
//
// It takes rows in groups, touching every row's table slot before looking the customers
// up: loads that do not depend on each other overlap their cache misses. The rows' events
// wait in their customers' chunk's log until [Merge] places them (see [rowLog]).
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
		b.sink += sink
		for i := range rs {
			cs[i] = b.lookup(rs[i].Key, hashes[i])
		}
		for i := range rs {
			b.add1(cs[i], &rs[i])
		}
	}
}

// add1 takes row r of customer ci: its contact details now, its event into the log.
func (b *Builder) add1(ci int, r *Row) {
	c := b.at(ci)
	day, st, amount, first := r.Day, r.Status, r.Amount, false
	if r.Order != 0 {
		day, st, amount, first = b.orderLine(c, r)
	}
	b.contact(c, r, day)
	p := packed{dayStatus: dayStatus(day, st), service: b.services.internBytes(r.Service),
		staff: b.staff.internBytes(r.Staff), channel: b.channels.internBytes(r.Channel), lead: lead(r.Booked, day)}
	var id rowID
	switch {
	case r.Hash != 0:
		id = rowID{h32: uint32(r.Hash) ^ uint32(r.Hash>>32), src: r.Source, keep: r.KeepIdentical, ident: true, first: first}
	case first:
		b.countOrder(st) // a row without identity is never a duplicate
	}
	b.logs[ci/customerChunk].add(uint16(ci%customerChunk), p, amount, id)
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

// orderLine returns the day, status and amount of r, a row of an order (those of the
// customer's current order when r continues it), and whether r starts an order.
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

// rowID identifies a row for finding exact duplicates (see [Row.Hash]); the zero rowID
// is a row without identity.
type rowID struct {
	h32         uint32
	src         uint16
	keep, ident bool
	first       bool // the row starts an order, to be counted unless a duplicate
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
func (c *customer) add(p packed, amount int64, id rowID) (duplicate bool) {
	n := len(c.events)
	ds := p.dayStatus
	p.amount = 0
	// Mostly the row comes after every event so far.
	if n == 0 || c.events[n-1].dayStatus < ds {
		c.events = append(c.events, p)
		c.setAmount(&c.events[n], amount)
		c.addHash(n, id)
		return false
	}
	i := n - 1 // another row of the last event (order lines, double bookings)
	if c.events[i].dayStatus != ds {
		i = sort.Search(n, func(j int) bool { return c.events[j].dayStatus >= ds })
	}
	if c.events[i].dayStatus == ds {
		return c.addToEvent(i, p, amount, id)
	}
	c.events = slices.Insert(c.events, i, p)
	c.setAmount(&c.events[i], amount)
	c.addHash(i, id)
	return false
}

// addHash records the identity of the first row of event i, just added.
func (c *customer) addHash(i int, id rowID) {
	if !id.ident && (c.more == nil || c.more.hashes == nil) {
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
	if !id.ident {
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
	// The row is the k-th of its input identical to it; it is a duplicate when an input
	// before it, or its own (unless identical rows are kept), already has a k-th.
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

// WithholdContacts makes the builder keep only whether each contact detail is given, not
// its text ([Set.ContactsWithheld]). It must be called before the first row.
func (b *Builder) WithholdContacts() { b.withhold = true }

// contact keeps the latest non-empty contact details (by day, the row's or its order's;
// later rows win ties) and the first referrer.
func (b *Builder) contact(c *customer, r *Row, day visit.Day) {
	set := func(k, t int, s []byte) {
		if len(s) == 0 || day < c.contactDay[k] {
			return
		}
		if b.withhold {
			c.fp[t-tName] = 0
			if !blank(s) {
				c.fp[t-tName] = 1
			}
			c.contactDay[k] = day
			return
		}
		// The fingerprint stands for the text, a cache miss away; a change goes unseen
		// once in four billion.
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
	h := History{Key: c.field(tKey), Referrer: c.field(tReferrer), Location: b.locations[c.location], events: c.events}
	h.setDetails(Contact{c.field(tName), c.field(tEmail), c.field(tPhone), c.field(tPref)})
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

// blank reports whether s is empty or only spaces, as [bytes.TrimSpace] sees them.
func blank(s []byte) bool {
	if len(s) > 0 && s[0] > ' ' && s[0] < utf8.RuneSelf {
		return false // the common case, without a call
	}
	return len(bytes.TrimSpace(s)) == 0
}

// rowLog holds the events of one chunk of customers' rows, in the order they came, until
// [Builder.place] counts each customer's rows and moves them into a span of their own:
// no history's events are grown and copied while rows come, and the spans are cut from
// the blocks of logs already placed.
type rowLog struct {
	events [][]packed // blocks of logBlock
	owners [][]uint16 // the customer (its index in the chunk) of each event
	ids    [][]rowID  // the rows' identities; nil while every row had none
	big    map[int]int64
	n      int
}

const logBlock = 1024

// add appends the event p of a row of the chunk's customer owner, with its amount.
func (l *rowLog) add(owner uint16, p packed, amount int64, id rowID) {
	k := l.n % logBlock
	if k == 0 {
		l.events = append(l.events, make([]packed, logBlock))
		l.owners = append(l.owners, make([]uint16, logBlock))
	}
	last := len(l.events) - 1
	p.amount = int32(amount)
	if !fitsPacked(amount) {
		p.amount = bigAmount
		if l.big == nil {
			l.big = map[int]int64{}
		}
		l.big[l.n] = amount
	}
	l.events[last][k], l.owners[last][k] = p, owner
	if id.ident || l.ids != nil {
		for len(l.ids) < len(l.events) {
			l.ids = append(l.ids, make([]rowID, logBlock))
		}
		l.ids[last][k] = id
	}
	l.n++
}

// place moves every chunk's logged events into exact spans, one per customer, their
// symbols renumbered with the maps, and merges each customer's rows into events in the
// order they came.
func (b *Builder) place(svcMap, stfMap, chnMap []Sym) {
	var free [][]packed // blocks of logs already placed
	var dest []packed   // the block spans are being cut from
	span := func(n int) []packed {
		if n > logBlock {
			return make([]packed, 0, n)
		}
		if n > len(dest) {
			if k := len(free); k > 0 {
				dest, free = free[k-1], free[:k-1]
			} else {
				dest = make([]packed, logBlock)
			}
		}
		s := dest[:0:n]
		dest = dest[n:]
		return s
	}
	counts, starts := make([]int32, customerChunk), make([]int32, customerChunk)
	var ids []rowID
	var scratch []packed
	big := map[int]int64{} // by position in the chunk's spans, end to end
	for g := range b.logs {
		l, chunk := &b.logs[g], b.customers[g]
		clear(counts)
		for i, owners := range l.owners {
			for _, o := range owners[:min(logBlock, l.n-i*logBlock)] {
				counts[o]++
			}
		}
		at := int32(0)
		for j := range chunk {
			chunk[j].events = span(int(counts[j]))
			starts[j], at = at, at+counts[j]
		}
		if l.ids != nil {
			ids = slices.Grow(ids[:0], l.n)[:l.n]
		}
		for i, evs := range l.events {
			for k, o := range l.owners[i][:min(logBlock, l.n-i*logBlock)] {
				c := &chunk[o]
				at := int(starts[o]) + len(c.events)
				if evs[k].amount == bigAmount {
					big[at] = l.big[i*logBlock+k]
				}
				if l.ids != nil {
					ids[at] = l.ids[i][k]
				}
				e := evs[k]
				e.service, e.staff, e.channel = svcMap[e.service], stfMap[e.staff], chnMap[e.channel]
				c.events = append(c.events, e)
			}
		}
		free = append(free, l.events...)
		withIDs := l.ids != nil
		*l = rowLog{}
		for j := range chunk {
			var cids []rowID
			if withIDs {
				cids = ids[starts[j] : int(starts[j])+len(chunk[j].events)]
			}
			scratch = b.merge(&chunk[j], scratch, cids, big, int(starts[j]))
		}
		clear(big)
	}
	b.logs = nil
}

// merge makes the rows placed in c.events c's events: rows of one day and status one
// event, exact duplicates dropped. ids are the rows' identities (nil: none), big holds
// their large amounts by start plus their index; scratch is returned for reuse.
func (b *Builder) merge(c *customer, scratch []packed, ids []rowID, big map[int]int64, start int) []packed {
	rows := c.events
	if ascending(rows) { // every row is an event of its own, none a duplicate
		for k := range rows {
			if rows[k].amount == bigAmount {
				c.setAmount(&rows[k], big[start+k])
			}
			if ids != nil && ids[k].first {
				b.countOrder(rows[k].status())
			}
		}
		return scratch
	}
	scratch = append(scratch[:0], rows...)
	c.events = rows[:0]
	for k, p := range scratch {
		amount := int64(p.amount)
		if p.amount == bigAmount {
			amount = big[start+k]
		}
		var id rowID
		if ids != nil {
			id = ids[k]
		}
		if c.add(p, amount, id) {
			b.duplicates++
		} else if id.first {
			b.countOrder(p.status())
		}
	}
	c.events = slices.Clip(c.events)
	return scratch
}

// ascending reports whether the events' days and statuses strictly ascend.
func ascending(evs []packed) bool {
	for k := 1; k < len(evs); k++ {
		if evs[k].dayStatus <= evs[k-1].dayStatus {
			return false
		}
	}
	return true
}
