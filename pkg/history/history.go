// Package history holds one visit history per customer: every appointment day with its
// status, amount, service, staff, channel and lead time, plus the customer's contact details.
// A [Builder] makes them from plain, already resolved rows ([Row]), keeping each row's event
// until [Merge] makes a [Set], whose memory grows with customers and their visit days, not
// with rows. Everything that depends on the as-of date takes it as an argument.
package history

import (
	"encoding/binary"
	"fmt"
	"iter"
	"math"
	"sort"
	"strings"

	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/visit"
)

// Sym is an interned name of a service, staff member, channel or location; 0 is "none".
type Sym uint16

// MaxSym is the last distinct name a [Symbols] table keeps; further names share it.
const MaxSym Sym = math.MaxUint16

// OtherName is the name of [MaxSym] once a table has overflowed.
const OtherName = "(other)"

// Symbols interns the names of one column (services, staff, channels or locations).
type Symbols struct {
	names []string
	index map[string]Sym
	// recent caches lookups by a cheap hash of the name: cheaper than a map lookup per row.
	recent [recentSize]recentName
}

const recentSize = 128

type recentName struct {
	name string
	sym  uint32
}

// recentSlot picks a slot of a cache of recent names; a collision only costs a map lookup.
func recentSlot(name []byte) int {
	h := uint64(len(name))
	if len(name) >= 8 {
		h ^= binary.LittleEndian.Uint64(name) ^ binary.LittleEndian.Uint64(name[len(name)-8:])*0xff51afd7ed558ccd
	} else {
		for _, c := range name {
			h = h*131 + uint64(c)
		}
	}
	return int((h * 0x9E3779B97F4A7C15) >> 57) // the top 7 bits: recentSize slots
}

// NewSymbols returns an empty table whose [Sym] 0 is the empty name.
func NewSymbols() *Symbols {
	return &Symbols{names: []string{""}, index: map[string]Sym{"": 0}}
}

// Intern returns the [Sym] of name, adding it when new. Past [MaxSym] distinct names every
// new name maps to [MaxSym], named [OtherName].
func (s *Symbols) Intern(name string) Sym {
	if x, ok := s.index[name]; ok {
		return x
	}
	if len(s.names) >= int(MaxSym) {
		if len(s.names) == int(MaxSym) {
			s.names = append(s.names, OtherName)
		}
		return MaxSym
	}
	x := Sym(len(s.names))
	s.names = append(s.names, name)
	s.index[name] = x
	return x
}

// internBytes is Intern without allocating for names already known.
func (s *Symbols) internBytes(name []byte) Sym {
	r := &s.recent[recentSlot(name)]
	if r.name == string(name) {
		return Sym(r.sym)
	}
	x, ok := s.index[string(name)]
	if !ok {
		x = s.Intern(string(name))
	}
	r.name, r.sym = s.names[min(int(x), len(s.names)-1)], uint32(x)
	if x == MaxSym {
		r.name = string(name) // past MaxSym, names are not kept; this one maps to MaxSym too
	}
	return x
}

// Name returns the name of x ("" for 0).
func (s *Symbols) Name(x Sym) string {
	if s == nil || int(x) >= len(s.names) {
		return ""
	}
	return s.names[x]
}

// Len returns the number of names including the empty one.
func (s *Symbols) Len() int { return len(s.names) }

// NoLead marks an unknown lead time in [Event.Lead].
const NoLead int16 = math.MinInt16

// Event is what one customer did on one day with one status: the export's rows for that
// customer, day and status merged (order lines, double bookings).
type Event struct {
	// Amount is the sum of the rows' amounts in minor units (cents); 0 when unknown.
	Amount int64
	Day    visit.Day
	// Service, Staff and Channel are those of the day's first row that names one.
	Service Sym
	Staff   Sym
	Channel Sym
	// Lead is the number of days from booking to Day (the shortest of the rows), or NoLead.
	Lead   int16
	Status visit.Status
}

// History is one customer's record: contact details and every appointment day, in order.
type History struct {
	// Key identifies the customer: their id, or the normalised e-mail, phone or name when
	// the export has no id column (see [Set.KeyKind]).
	Key string
	// Contact is how to reach the customer; nil when no detail is given or the set
	// withholds them (see [Set.ContactsWithheld] and [History.Has]).
	Contact *Contact
	// Referrer is the first referrer named; Location the latest location.
	Referrer string
	Location string
	// events are sorted by day, then status; at most one per day and status.
	events []packed
	// big holds the amounts that do not fit a packed event, by the event's dayStatus.
	big map[int32]int64
	// given has bit 1<<d set for each given contact detail d, when their texts are withheld.
	given uint8
}

// Contact is a customer's contact details, each the latest non-empty value by date.
type Contact struct {
	Name, Email, Phone string
	// Preference is how the customer wants to be contacted, if at all ("no calls").
	Preference string
}

// Details returns the customer's contact details: all empty when none is given or they
// are withheld.
func (h *History) Details() Contact {
	if h.Contact == nil {
		return Contact{}
	}
	return *h.Contact
}

// setDetails sets h's contact details: nil when every one is empty.
func (h *History) setDetails(c Contact) {
	h.Contact = nil
	if c != (Contact{}) {
		h.Contact = &c
	}
}

// Detail is one of a customer's contact details.
type Detail uint8

// The contact details, in the order of the builder's text fields tName to tPref.
const (
	DetailName Detail = iota
	DetailEmail
	DetailPhone
	DetailContactPreference
)

// Has reports whether the customer's detail d is given (its latest value is not blank),
// whether or not the set withholds the texts.
func (h *History) Has(d Detail) bool {
	if h.given&(1<<d) != 0 {
		return true
	}
	c := h.Details()
	var text string
	switch d {
	case DetailName:
		text = c.Name
	case DetailEmail:
		text = c.Email
	case DetailPhone:
		text = c.Phone
	case DetailContactPreference:
		text = c.Preference
	}
	return strings.TrimSpace(text) != ""
}

// packed is an [Event] in 16 bytes instead of 24, the bulk of a large set's memory: day
// and status share an int32, and an amount that does not fit an int32 is in [History.big].
type packed struct {
	dayStatus               int32 // Day<<statusBits | Status
	amount                  int32 // bigAmount: the amount is in History.big
	service, staff, channel Sym
	lead                    int16
}

const (
	statusBits   = 3
	bigAmount    = math.MinInt32
	maxPackedDay = 1<<(31-statusBits) - 1
)

func dayStatus(day visit.Day, st visit.Status) int32 {
	if day > maxPackedDay || day < -maxPackedDay {
		panic(fmt.Sprintf("history: day %d out of range", day))
	}
	return int32(day)<<statusBits | int32(st)
}

func (p *packed) day() visit.Day       { return visit.Day(p.dayStatus >> statusBits) }
func (p *packed) status() visit.Status { return visit.Status(p.dayStatus & (1<<statusBits - 1)) }

// fitsPacked reports whether amount fits a packed event's int32.
func fitsPacked(amount int64) bool { return amount > bigAmount && amount <= math.MaxInt32 }

// amountOf returns p's amount; big holds the ones too large for p (see [History.big]).
func (p *packed) amountOf(big map[int32]int64) int64 {
	if p.amount == bigAmount {
		return big[p.dayStatus]
	}
	return int64(p.amount)
}

// setAmount sets p's amount to v, keeping it in *big when it does not fit p.
func (p *packed) setAmount(v int64, big *map[int32]int64) {
	if p.amount == bigAmount {
		delete(*big, p.dayStatus)
	}
	if fitsPacked(v) {
		p.amount = int32(v)
		return
	}
	if *big == nil {
		*big = map[int32]int64{}
	}
	p.amount = bigAmount
	(*big)[p.dayStatus] = v
}

func (h *History) unpack(p *packed) Event {
	return Event{Day: p.day(), Status: p.status(), Amount: p.amountOf(h.big), Service: p.service, Staff: p.staff, Channel: p.channel, Lead: p.lead}
}

func (h *History) pack(e Event) packed {
	p := packed{dayStatus: dayStatus(e.Day, e.Status), service: e.Service, staff: e.Staff, channel: e.Channel, lead: e.Lead}
	p.setAmount(e.Amount, &h.big)
	return p
}

// Len returns the number of events.
func (h *History) Len() int { return len(h.events) }

// At returns event i (0 <= i < Len()), oldest first.
func (h *History) At(i int) Event { return h.unpack(&h.events[i]) }

// Events yields the index and value of every event, oldest first.
func (h *History) Events() iter.Seq2[int, Event] {
	return func(yield func(int, Event) bool) {
		for i := range h.events {
			if !yield(i, h.unpack(&h.events[i])) {
				return
			}
		}
	}
}

// VisitDays yields the day and amount of every visit on or before asOf (see
// [Event.IsVisit]), oldest first; a day with two visits (an attended and an unrecorded
// booked appointment) twice.
func (h *History) VisitDays(asOf visit.Day) iter.Seq2[visit.Day, int64] {
	return func(yield func(visit.Day, int64) bool) {
		for i := range h.events {
			p := &h.events[i]
			d := p.day()
			if d > asOf {
				return
			}
			if visitLike(p.status()) && !yield(d, p.amountOf(h.big)) {
				return
			}
		}
	}
}

// AppendEvents appends every event to dst, oldest first.
func (h *History) AppendEvents(dst []Event) []Event {
	for i := range h.events {
		dst = append(dst, h.unpack(&h.events[i]))
	}
	return dst
}

// NumPast returns the number of events on or before asOf; they are the first ones.
func (h *History) NumPast(asOf visit.Day) int {
	switch {
	case asOf < -maxPackedDay:
		return 0
	case asOf >= maxPackedDay:
		return len(h.events)
	}
	limit := dayStatus(asOf, 0) + 1<<statusBits // the first dayStatus after asOf
	return sort.Search(len(h.events), func(i int) bool { return h.events[i].dayStatus >= limit })
}

// SetEvents replaces the events with evs, which must be sorted by day, then status, with
// at most one event per day and status.
func (h *History) SetEvents(evs ...Event) {
	h.events, h.big = make([]packed, len(evs)), nil
	for i, e := range evs {
		h.events[i] = h.pack(e)
	}
}

// IsVisit reports whether e counts as a visit on or before asOf. A past [visit.Booked]
// appointment whose outcome was never recorded counts as attended: it was not cancelled.
func (e Event) IsVisit(asOf visit.Day) bool {
	return e.Day <= asOf && visitLike(e.Status)
}

// IsBooking reports whether e is an appointment still to come after asOf.
func (e Event) IsBooking(asOf visit.Day) bool {
	return e.Day > asOf && visitLike(e.Status)
}

// visitLike reports whether an event with status st is a visit on or before the as-of
// date and a booking after it.
func visitLike(st visit.Status) bool { return st == visit.Attended || st == visit.Booked }

// Summary holds the counts most analyses start from.
type Summary struct {
	First, Last visit.Day // first and last visit on or before as-of; NoDay when none
	Visits      int       // visit days (frequency)
	Spend       int64     // sum of visit amounts, minor units
	ByStatus    [visit.NumStatus]int
	NextBooked  visit.Day // first appointment after as-of; NoDay when none
}

// Summarize returns h's [Summary] as of asOf.
func (h *History) Summarize(asOf visit.Day) Summary {
	s := Summary{First: visit.NoDay, Last: visit.NoDay, NextBooked: visit.NoDay}
	// The rules of Event.IsVisit and IsBooking, on the packed events.
	for i := range h.events {
		p := &h.events[i]
		day, st := p.day(), p.status()
		switch {
		case visitLike(st) && day <= asOf:
			if s.First == visit.NoDay {
				s.First = day
			}
			s.Last = day
			s.Visits++
			s.Spend = money.Add(s.Spend, p.amountOf(h.big))
			s.ByStatus[visit.Attended]++
		case visitLike(st):
			if s.NextBooked == visit.NoDay {
				s.NextBooked = day
			}
		case day <= asOf:
			s.ByStatus[st]++
		}
	}
	return s
}

// Columns says which optional concepts the export had, so an analysis can tell "no
// cancellations" from "no status column".
type Columns struct {
	Status, Amount, Service, Staff, Channel, BookedAt, Referrer, Location bool
	Name, Email, Phone, ContactPreference                                 bool
}

// Set is every customer's history from one data set (one or more export files).
type Set struct {
	// Customers are sorted by Key.
	Customers []History
	// Symbol tables for the events' names.
	Services, Staff, Channels *Symbols
	// Columns present in the export.
	Columns Columns
	// KeyKind says what identifies a customer: "customer id", "email", "phone" or "name".
	KeyKind string
	// LatestRecorded is the latest day with a recorded outcome (attended, cancelled or
	// no-show); NoDay when there is none. (The default as-of date is [Set.TakenOn]'s.)
	LatestRecorded visit.Day
	// FirstDay and LastDay span every event, booked ones included.
	FirstDay, LastDay visit.Day
	// Duplicates is the number of exact duplicate rows dropped.
	Duplicates int
	// ContactsWithheld says that only whether each contact detail was given was kept
	// ([History.Has], [Builder.WithholdContacts]).
	ContactsWithheld bool
}

// Find returns the history with the given key, or nil.
func (s *Set) Find(key string) *History {
	i := sort.Search(len(s.Customers), func(i int) bool { return s.Customers[i].Key >= key })
	if i < len(s.Customers) && s.Customers[i].Key == key {
		return &s.Customers[i]
	}
	return nil
}
