package history

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math/bits"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/par"
	"github.com/winback/winback/pkg/visit"
)

// Span locates a string in a [Batch]: Len bytes from Off of its Block or, when Off has its
// top bit set, of its Text (see [Batch.Bytes]). The zero Span is the empty string.
type Span struct{ Off, Len uint32 }

// Row is one accepted export row, as a [Builder] takes it. Its strings are [Span]s into the
// [Batch] that holds it, so a Row holds no pointers: a reader keeps millions of them in
// flight without write barriers or work for the garbage collector.
type Row struct {
	Key Span
	// KeyHash is a hash of the key's bytes: equal keys must have equal hashes.
	KeyHash uint64
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
	// Order is a hash of the row's order (or invoice) number, 0 when it has none. The rows
	// of one order that follow each other in a customer's rows are one purchase: they take
	// the day and status of the order's first row (where exports such as Shopify's put the
	// order's fields), and when the batch says so ([Batch.OrderTotal]) their Amount is the
	// order's total, given again on every row (or only on the first), so it counts once.
	// (Here it fills what would be padding before Hash.)
	Order uint32
	// Hash identifies the row's full content, for dropping exact duplicates.
	Hash uint64
}

// Batch is a run of rows and the text their spans point into: mostly the input block the
// rows were read from, which a reader can then share between batches without copying,
// and for values that are not in it as written (unquoted, recoded, normalised keys), Text.
// A Batch can be [Batch.Reset] and filled again, so a reader recycles its memory instead of
// allocating per block.
type Batch struct {
	Block []byte
	Text  []byte
	Rows  []Row
	// Source numbers the input the rows are from (a batch holds rows of one input).
	Source uint16
	// KeepIdentical keeps a row identical to an earlier row of the same input: without an
	// order or appointment number two identical rows are two purchases (CDNOW's master file
	// has hundreds). Rows of different inputs are matched one to one, the n-th of one input
	// with the n-th of another, so overlapping exports count each row once.
	KeepIdentical bool
	// OrderTotal says the rows' amounts are order totals (see [Row.Order]).
	OrderTotal bool
}

// inText marks a [Span] whose text is in [Batch.Text] rather than [Batch.Block].
const inText = 1 << 31

// MaxBlock is the largest [Batch.Block] (and Text) that spans can address.
const MaxBlock = inText - 1

// Add copies v into the batch's text and returns its span.
func (b *Batch) Add(v []byte) Span {
	if len(v) == 0 {
		return Span{}
	}
	s := Span{Off: uint32(len(b.Text)) | inText, Len: uint32(len(v))}
	b.Text = append(b.Text, v...)
	return s
}

// BlockSpan returns the span of the n bytes at offset off of a batch's Block; off+n must
// not exceed [MaxBlock].
func BlockSpan(off, n int) Span { return Span{Off: uint32(off), Len: uint32(n)} }

// Bytes returns the text of s; it is only valid until the batch is reset.
func (b *Batch) Bytes(s Span) []byte {
	if s.Off&inText != 0 {
		o := s.Off &^ inText
		return b.Text[o : o+s.Len : o+s.Len]
	}
	return b.Block[s.Off : s.Off+s.Len : s.Off+s.Len]
}

// Reset empties the batch, keeping its memory but not its block.
func (b *Batch) Reset() {
	b.Source, b.KeepIdentical, b.OrderTotal = 0, false, false
	b.Block = nil
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
	src                            uint16
	keep, firstOfOrder             bool
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
// the struct: the key's hash and, when short, the key itself; fingerprints of the contact
// details, compared instead of the text; the last event's day and status, so that the common
// case, a row after all earlier ones, appends without reading the events. The text (key and
// contact details end to end) is only read when a detail changes.
type customer struct {
	keyHash    uint64
	keyLen     uint8 // len(key) when the key is inline, else keyLong
	key        [keyInline]byte
	fp         [numFP]uint32 // fingerprints of name, email, phone and preference; when withheld, 1 for a given one
	contactDay [numContact]visit.Day
	lastDS     int32  // the last event's dayStatus, when there is one
	location   uint32 // index into Builder.locations
	events     []packed
	hashes     []uint32 // first row's hash per event, parallel to events

	text   string          // the key and contact details; History's strings share it
	ends   [numText]uint32 // field i of text ends at ends[i]
	more   *customerMore   // rarely needed, so kept out of the way
	refDay visit.Day
	rank   uint32 // place in key order, set by Merge
}

// customerMore is what few customers need: several distinct rows for one event (order
// lines), rows with ambiguous values, and amounts too large for a packed event.
type customerMore struct {
	extra   []uint64 // day<<32 | hash of further distinct rows of an event
	pending []pending
	big     map[int32]int64 // see History.big
	// The customer's order being read (see [Row.Order]): its number's hash, days and status.
	order              uint32
	orderDay, orderAlt visit.Day
	orderStatus        visit.Status
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

// is reports whether c's key is key, whose hash is h.
func (c *customer) is(key []byte, h uint64) bool {
	if c.keyHash != h {
		return false
	}
	if c.keyLen != keyLong {
		return string(c.key[:c.keyLen]) == string(key)
	}
	return c.field(tKey) == string(key)
}

// customerChunk is the number of customers per chunk of Builder.customers: chunks keep
// customers in place (a growing slice would copy them all) and let the index hold numbers.
const customerChunk = 4096

// Builder aggregates rows into histories. One Builder is used by one goroutine; a reader
// that shards customers over goroutines uses one Builder per shard and merges them ([MergeWith]).
// Rows must arrive in input order for the choice of a day's service, staff and channel
// (those of its first row) to be the same on every run.
type Builder struct {
	// slots is an open-addressing hash table of customers by [Row.KeyHash]: each slot is the
	// hash's high 32 bits and the customer's number plus one (0: empty). It is at most
	// three quarters full. Unlike a map it needs no second hashing, and the tag spares reading
	// customers whose hash differs.
	slots                     []uint64
	customers                 [][]customer
	n                         int
	services, staff, channels *Symbols
	// locations are the names of locations, [0] empty; locIndex finds them.
	locations  []string
	locIndex   map[string]uint32
	locRecent  [recentSize]recentName
	duplicates int
	sink       uint64 // keeps AddBatch's loads from being optimised away
	spares     spares
	withhold   bool // see WithholdContacts
	// orders and cancelledOrders count the orders read (see [Builder.Orders]).
	orders, cancelledOrders int
}

// spares holds the event and hash arrays customers have outgrown, by their size class,
// for customers growing into that class. Growing by append left each outgrown array to the
// garbage collector and cleared every new one: that was an eighth of the ingest's time,
// much of it first touches of fresh memory. The classes grow by half (1, 2, 3, 4, 6, 8,
// 12, 16, 24, ...) rather than double: the events are most of a large data set's memory,
// and arrays a quarter rather than half empty on average save a tenth of it.
type spares struct {
	events [64][][]packed
	hashes [64][][]uint32
}

// capOf returns the capacity of size class k.
func capOf(k int) int {
	switch {
	case k == 0:
		return 1
	case k%2 == 1:
		return 1 << ((k + 1) / 2)
	default:
		return 3 << (k/2 - 1)
	}
}

// classFor returns the smallest size class with room for n >= 1 events.
func classFor(n int) int {
	if n <= 1 {
		return 0
	}
	b := bits.Len(uint(n - 1)) // 1<<(b-1) < n <= 1<<b
	if b >= 2 && n <= 3<<(b-2) {
		return 2 * (b - 1)
	}
	return 2*b - 1
}

// roomFor makes room for one more event in c, moving c's events and hashes to arrays of
// the next size class when full.
func (sp *spares) roomFor(c *customer) {
	n := len(c.events)
	if n < cap(c.events) && n < cap(c.hashes) {
		return
	}
	k := classFor(n + 1)
	var ev []packed
	var hs []uint32
	if l := len(sp.events[k]); l > 0 {
		ev, sp.events[k] = sp.events[k][l-1], sp.events[k][:l-1]
	} else {
		ev = make([]packed, 0, capOf(k))
	}
	if l := len(sp.hashes[k]); l > 0 {
		hs, sp.hashes[k] = sp.hashes[k][l-1], sp.hashes[k][:l-1]
	} else {
		hs = make([]uint32, 0, capOf(k))
	}
	ev = append(ev[:0], c.events...)
	hs = append(hs[:0], c.hashes...)
	if n > 0 {
		// The outgrown arrays are full, so n is their class's capacity.
		j := classFor(n)
		sp.events[j] = append(sp.events[j], c.events[:0])
		sp.hashes[j] = append(sp.hashes[j], c.hashes[:0])
	}
	c.events, c.hashes = ev, hs
}

// NewBuilder returns an empty [Builder].
func NewBuilder() *Builder {
	return &Builder{
		slots:    make([]uint64, 1024),
		services: NewSymbols(), staff: NewSymbols(), channels: NewSymbols(),
		locations: []string{""}, locIndex: map[string]uint32{"": 0},
	}
}

// Duplicates returns the number of exact duplicate rows dropped so far.
func (b *Builder) Duplicates() int { return b.duplicates }

// Customers returns the number of customers so far.
func (b *Builder) Customers() int { return b.n }

func (b *Builder) at(i int) *customer {
	return &b.customers[i/customerChunk][i%customerChunk]
}

// lookup returns the customer with key, whose hash is h, adding it when new.
func (b *Builder) lookup(key []byte, h uint64) *customer {
	mask := uint64(len(b.slots) - 1)
	tag := h >> 32
	for i := h & mask; ; i = (i + 1) & mask {
		s := b.slots[i]
		if s == 0 {
			c := b.add(key, h)
			b.slots[i] = tag<<32 | uint64(b.n)
			if 4*b.n > 3*len(b.slots) {
				b.grow()
			}
			return c
		}
		if s>>32 == tag {
			if c := b.at(int(uint32(s)) - 1); c.is(key, h) {
				return c
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
		h := b.at(int(uint32(s)) - 1).keyHash
		i := h & mask
		for slots[i] != 0 {
			i = (i + 1) & mask
		}
		slots[i] = s
	}
	b.slots = slots
}

// add appends a new customer.
func (b *Builder) add(key []byte, h uint64) *customer {
	if b.n%customerChunk == 0 {
		b.customers = append(b.customers, make([]customer, 0, customerChunk))
	}
	b.n++
	chunk := &b.customers[len(b.customers)-1]
	*chunk = append(*chunk, customer{keyHash: h, text: string(key), refDay: visit.NoDay})
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
	return c
}

// AddBatch aggregates the rows of bt in order; see [Builder.Add].
//
// Nearly every row's customer and events are out of the cache, and one row's loads depend
// on each other (table slot, customer, events), so row after row the processor would wait
// for memory. AddBatch therefore takes rows in groups: it first finds every row's customer,
// then touches each one's last event, and only then adds the rows. The loads of the first
// two passes do not depend on each other from row to row, so the processor overlaps their
// cache misses; the third pass finds the lines in the cache. Rows are still added in order.
func (b *Builder) AddBatch(bt *Batch) {
	const group = 128
	var cs [group]*customer
	for start := 0; start < len(bt.Rows); start += group {
		rows := bt.Rows[start:min(start+group, len(bt.Rows))]
		var sink uint64
		mask := uint64(len(b.slots) - 1)
		for i := range rows {
			sink += b.slots[rows[i].KeyHash&mask]
		}
		for i := range rows {
			cs[i] = b.lookup(bt.Bytes(rows[i].Key), rows[i].KeyHash)
		}
		for i := range rows {
			c := cs[i]
			if n := len(c.events); n > 0 {
				sink += uint64(c.events[n-1].dayStatus) + uint64(c.hashes[n-1])
			}
		}
		b.sink += sink
		for i := range rows {
			b.addTo(cs[i], bt, &rows[i])
		}
	}
}

// Add aggregates r, whose strings are in bt, and reports whether it was dropped as an exact
// duplicate of an earlier row. Rows with values still ambiguous are kept aside until
// [Builder.Finish].
func (b *Builder) Add(bt *Batch, r *Row) (duplicate bool) {
	return b.addTo(b.lookup(bt.Bytes(r.Key), r.KeyHash), bt, r)
}

func (b *Builder) addTo(c *customer, bt *Batch, r *Row) (duplicate bool) {
	first := r.Order != 0 && b.orderLine(c, r, bt.OrderTotal)
	b.contact(c, bt, r)
	h32 := uint32(r.Hash) ^ uint32(r.Hash>>32)
	svc, stf, chn := b.services.internBytes(bt.Bytes(r.Service)), b.staff.internBytes(bt.Bytes(r.Staff)), b.channels.internBytes(bt.Bytes(r.Channel))
	if r.AltDay != r.Day || r.AltBooked != r.Booked || r.AmountPending {
		m := c.moreOf()
		m.pending = append(m.pending, pending{
			day: r.Day, altDay: r.AltDay, booked: r.Booked, altBooked: r.AltBooked,
			amounts: r.AmountByStyle, amountPending: r.AmountPending, amount: r.Amount, hash: h32,
			service: svc, staff: stf, channel: chn, status: r.Status, src: bt.Source, keep: bt.KeepIdentical,
			firstOfOrder: first,
		})
		return false
	}
	dup := c.add(&b.spares, r.Day, r.Status, r.Amount, lead(r.Booked, r.Day), rowID{h32, bt.Source, bt.KeepIdentical}, svc, stf, chn)
	if dup {
		b.duplicates++
	} else if first {
		b.countOrder(r.Status)
	}
	return dup
}

// countOrder counts an order whose first row was added.
func (b *Builder) countOrder(st visit.Status) {
	b.orders++
	if st == visit.Cancelled {
		b.cancelledOrders++
	}
}

// Orders returns the number of orders (see [Row.Order]) read so far, and how many of them
// are cancelled; an order found again in another input counts once.
func (b *Builder) Orders() (all, cancelled int) { return b.orders, b.cancelledOrders }

// orderLine makes r, a row of an order, part of the order the customer's previous row
// belongs to when it has the same number: its day and status become the order's, and an
// order total given again counts once. It reports whether r starts an order instead.
func (b *Builder) orderLine(c *customer, r *Row, total bool) (first bool) {
	m := c.moreOf()
	if m.order != r.Order {
		m.order, m.orderDay, m.orderAlt, m.orderStatus = r.Order, r.Day, r.AltDay, r.Status
		return true
	}
	r.Day, r.AltDay, r.Status = m.orderDay, m.orderAlt, m.orderStatus
	if total {
		r.Amount, r.AmountByStyle, r.AmountPending = 0, [3]int64{}, false
	}
	return false
}

// rowID identifies a row for finding exact duplicates: the hash of its content, the input
// it is from and whether identical rows of that input are kept (see [Batch.KeepIdentical]).
type rowID struct {
	h32  uint32
	src  uint16
	keep bool
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

// add merges one row into the customer's events; it reports an exact duplicate.
func (c *customer) add(sp *spares, day visit.Day, st visit.Status, amount int64, ld int16, id rowID, svc, stf, chn Sym) bool {
	ev := c.events
	n := len(ev)
	ds := dayStatus(day, st)
	// Exports are mostly in date order: the row usually comes after every event so far.
	if n == 0 || c.lastDS < ds {
		sp.roomFor(c)
		c.events = append(c.events, packed{dayStatus: ds, service: svc, staff: stf, channel: chn, lead: ld})
		c.setAmount(&c.events[n], amount)
		c.hashes = append(c.hashes, id.tag(id.src, 0))
		c.lastDS = ds
		return false
	}
	i := n - 1 // another row of the last event (order lines, double bookings)
	if c.lastDS != ds {
		i = sort.Search(n, func(j int) bool { return ev[j].dayStatus >= ds })
	}
	if ev[i].dayStatus == ds {
		has := func(h uint32) bool {
			if c.hashes[i] == h {
				return true
			}
			if c.more == nil {
				return false
			}
			_, found := slices.BinarySearch(c.more.extra, uint64(uint32(day))<<32|uint64(h))
			return found
		}
		// The row is the k-th of its input identical to it (always the first when its
		// input's identical rows are duplicates); it is a duplicate when an input before
		// it, or its own, already has a k-th.
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
		e := &ev[i]
		c.setAmount(e, money.Add(c.amount(e), amount))
		if e.service == 0 {
			e.service = svc
		}
		if e.staff == 0 {
			e.staff = stf
		}
		if e.channel == 0 {
			e.channel = chn
		}
		if ld != NoLead && (e.lead == NoLead || ld < e.lead) {
			e.lead = ld
		}
		return false
	}
	sp.roomFor(c)
	c.events = slices.Insert(c.events, i, packed{dayStatus: ds, service: svc, staff: stf, channel: chn, lead: ld})
	c.setAmount(&c.events[i], amount)
	c.hashes = slices.Insert(c.hashes, i, id.tag(id.src, 0))
	return false
}

// WithholdContacts makes the builder keep only whether each customer's name, e-mail,
// phone and contact preference are given, not the texts: for an output that shows none
// of them, they are never held. The set says so
// ([Set.ContactsWithheld]). It must be called before the first row.
func (b *Builder) WithholdContacts() { b.withhold = true }

// contact keeps the latest non-empty contact details (by row date; later rows win ties)
// and the first referrer.
func (b *Builder) contact(c *customer, bt *Batch, r *Row) {
	set := func(k, t int, v Span) {
		if v.Len == 0 || r.Day < c.contactDay[k] {
			return
		}
		if b.withhold {
			// Only whether the latest value is blank is kept, as [History.Has] would
			// find it in the text.
			c.fp[t-tName] = 0
			if !blank(bt.Bytes(v)) {
				c.fp[t-tName] = 1
			}
			c.contactDay[k] = r.Day
			return
		}
		// The fingerprint stands for the text, which would cost a cache miss to compare.
		s := bt.Bytes(v)
		// 32 bits: a changed detail is missed once in four billion changes.
		if fp := uint32(maphash.Bytes(fpSeed, s)); fp != c.fp[t-tName] {
			c.fp[t-tName] = fp
			c.setField(t, s)
		}
		c.contactDay[k] = r.Day
	}
	set(cName, tName, r.Name)
	set(cEmail, tEmail, r.Email)
	set(cPhone, tPhone, r.Phone)
	set(cPref, tPref, r.ContactPreference)
	if r.Location.Len > 0 && r.Day >= c.contactDay[cLocation] {
		c.location = b.location(bt.Bytes(r.Location))
		c.contactDay[cLocation] = r.Day
	}
	if r.Referrer.Len > 0 && (c.refDay == visit.NoDay || r.Day < c.refDay) {
		c.setField(tReferrer, bt.Bytes(r.Referrer))
		c.refDay = r.Day
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

// Finish resolves the rows kept aside with res and returns the histories, sorted by key.
// The builder must not be used afterwards.
func (b *Builder) Finish(res Resolution) *Set {
	return MergeWith(res, b)
}

// MergeWith finishes several builders whose customers are disjoint (a reader's shards) into
// one [Set] with shared, alphabetically ordered symbol tables.
func MergeWith(res Resolution, builders ...*Builder) *Set {
	set := &Set{Services: NewSymbols(), Staff: NewSymbols(), Channels: NewSymbols(),
		LatestRecorded: visit.NoDay, FirstDay: visit.NoDay, LastDay: visit.NoDay}
	for _, b := range builders {
		if b.withhold {
			set.ContactsWithheld = true // the builders of one read all withhold, or none
		}
	}
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
		n += b.n
	}
	svcMap, stfMap, chnMap := mergeSymbols(set.Services, svcs), mergeSymbols(set.Staff, stfs), mergeSymbols(set.Channels, chns)
	// Each builder is finished on its own goroutine: its pending rows resolved, its
	// symbols renumbered, its customers sorted by key. The sorted runs are then merged.
	runs := make([]mergeRun, len(builders))
	par.Ranges(len(builders), 1, func(_ *struct{}, bi, _ int) {
		runs[bi] = builders[bi].finish(res, svcMap[bi], stfMap[bi], chnMap[bi])
	})
	// Each customer's place in key order: the sorted runs merged.
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
	// Memory peaks now: the builders' customers and the histories are alive together.
	// To keep that short, the histories are made in the order the customers are stored,
	// each batch of customers is let go (and its memory handed back to the system) as soon
	// as it has been copied, and the histories are then put in key order in place.
	set.Customers = make([]History, 0, n)
	ranks := make([]uint32, 0, n)
	for _, b := range builders {
		for k, chunk := range b.customers {
			for i := range chunk {
				set.Customers = append(set.Customers, b.history(&chunk[i]))
				ranks = append(ranks, chunk[i].rank)
			}
			b.customers[k] = nil
		}
	}
	// Cycle by cycle, each history is swapped into its place.
	for i := range ranks {
		for int(ranks[i]) != i {
			j := ranks[i]
			set.Customers[i], set.Customers[j] = set.Customers[j], set.Customers[i]
			ranks[i], ranks[j] = ranks[j], ranks[i]
		}
	}
	for bi, b := range builders {
		r := &runs[bi]
		set.Duplicates += b.duplicates
		if r.first != visit.NoDay && (set.FirstDay == visit.NoDay || r.first < set.FirstDay) {
			set.FirstDay = r.first
		}
		set.LastDay = max(set.LastDay, r.last)
		set.LatestRecorded = max(set.LatestRecorded, r.latest)
		b.customers = nil
	}
	return set
}

// mergeRun is a builder's customers in key order, and the span of their days.
type mergeRun struct {
	keys                []sortKey
	first, last, latest visit.Day
}

// sortKey orders customers by key: by the key's first eight bytes, big-endian (so that
// comparing them compares the bytes) and, when those are equal, by the whole key. Sorting
// these spares most comparisons a visit to the customers' text.
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

// finish resolves b's pending rows with res, renumbers its events' symbols with the maps
// to the merged tables, and returns its customers sorted by key.
func (b *Builder) finish(res Resolution, svcMap, stfMap, chnMap []Sym) mergeRun {
	r := mergeRun{keys: make([]sortKey, 0, b.n), first: visit.NoDay, last: visit.NoDay, latest: visit.NoDay}
	for ci := range b.n {
		c := b.at(ci)
		var pend []pending
		if c.more != nil {
			pend = c.more.pending
		}
		for _, p := range pend {
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
			if c.add(&b.spares, day, p.status, amount, lead(booked, day), rowID{p.hash, p.src, p.keep}, p.service, p.staff, p.channel) {
				b.duplicates++
			} else if p.firstOfOrder {
				b.countOrder(p.status)
			}
		}
		// Clipped, so that no one reslicing them sees events of another customer
		// left in a recycled array.
		c.events = slices.Clip(c.events)
		c.hashes = nil
		if c.more != nil { // only the large amounts are still needed
			if c.more.big == nil {
				c.more = nil
			} else {
				c.more.extra, c.more.pending = nil, nil
			}
		}
		for i := range c.events {
			e := &c.events[i]
			e.service, e.staff, e.channel = svcMap[e.service], stfMap[e.staff], chnMap[e.channel]
			day := e.day()
			if r.first == visit.NoDay || day < r.first {
				r.first = day
			}
			r.last = max(r.last, day)
			if e.status() != visit.Booked {
				r.latest = max(r.latest, day)
			}
		}
		var p [8]byte
		copy(p[:], c.field(tKey))
		r.keys = append(r.keys, sortKey{prefix: binary.BigEndian.Uint64(p[:]), c: c})
	}
	b.slots, b.spares = nil, spares{}
	slices.SortFunc(r.keys, sortKey.cmp)
	return r
}

// String describes the set in one line, for logs and tests.
func (s *Set) String() string {
	return fmt.Sprintf("%d customers, %s to %s", len(s.Customers), s.FirstDay, s.LastDay)
}

// Join makes each customer at index from (of s.Customers) part of the customer at
// into[from]: its events are merged into the other's (two events of one day and status
// become one, their amounts added) and the contact details the other lacks are taken from
// it; the customer at from is then removed. A reader joins a customer it had to identify
// by e-mail or phone, for rows without the key, to the customer whose key rows carry them.
func (s *Set) Join(into map[int]int) {
	if len(into) == 0 {
		return
	}
	// In order, so that which name a day keeps when both have one does not depend on the
	// map's order.
	froms := make([]int, 0, len(into))
	for from := range into {
		froms = append(froms, from)
	}
	slices.Sort(froms)
	for _, from := range froms {
		to := into[from]
		a, b := &s.Customers[to], &s.Customers[from]
		merged := make([]packed, 0, len(a.events)+len(b.events))
		var big map[int32]int64
		add := func(h *History, p *packed) {
			e := h.unpack(p)
			n := len(merged)
			if n > 0 && merged[n-1].dayStatus == p.dayStatus {
				m := &merged[n-1]
				m.setAmount(money.Add(m.amountOf(big), e.Amount), &big)
				if m.service == 0 {
					m.service = e.Service
				}
				if m.staff == 0 {
					m.staff = e.Staff
				}
				if m.channel == 0 {
					m.channel = e.Channel
				}
				if e.Lead != NoLead && (m.lead == NoLead || e.Lead < m.lead) {
					m.lead = e.Lead
				}
				return
			}
			q := *p
			q.amount = 0
			q.setAmount(e.Amount, &big)
			merged = append(merged, q)
		}
		i, j := 0, 0
		for i < len(a.events) || j < len(b.events) {
			if j == len(b.events) || i < len(a.events) && a.events[i].dayStatus <= b.events[j].dayStatus {
				add(a, &a.events[i])
				i++
			} else {
				add(b, &b.events[j])
				j++
			}
		}
		a.events, a.big = merged, big
		for _, f := range []struct{ to, from *string }{{&a.Name, &b.Name}, {&a.Email, &b.Email}, {&a.Phone, &b.Phone}, {&a.ContactPreference, &b.ContactPreference}, {&a.Referrer, &b.Referrer}, {&a.Location, &b.Location}} {
			if strings.TrimSpace(*f.to) == "" {
				*f.to = *f.from
			}
		}
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
