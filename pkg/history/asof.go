package history

import (
	"slices"
	"strings"

	"github.com/winback/winback/pkg/visit"
)

// Evidence says what a [TakenOn] day was read from.
type Evidence uint8

const (
	NoEvidence Evidence = iota // neither a booking date nor a recorded outcome
	ByBooking                  // the latest booking (creation) date
	ByOutcome                  // the latest recorded outcome, written once its day had passed
)

// FarBeyond is how many days a date must lie beyond the rest of the data to be set aside
// as an outlier by [Set.TakenOn] rather than taken as the day of the export.
const FarBeyond = 366

// TakenOn is the day an export was evidently taken, and how it was found.
type TakenOn struct {
	// Day is the latest day the data proves the export was taken on or after, outliers
	// set aside; NoDay when nothing says ([NoEvidence]).
	Day visit.Day
	By  Evidence
	// Outliers are the events whose dates lie more than [FarBeyond] days beyond the
	// rest (mistyped years, as a rule).
	Outliers []Outlier
	// FutureAttended counts the events, outliers aside, dated after Day whose status says
	// attended: bookings still to come (see [Event.IsBooking]).
	FutureAttended int
}

// Outlier is an event whose date [Set.TakenOn] set aside.
type Outlier struct {
	Key string
	// Day is the event's day; Booked its booking date when that is the date set aside
	// (NoDay otherwise).
	Day, Booked visit.Day
	Status      visit.Status
}

// dayRange bounds the days the date parsers accept (years 1900 to 2199), for counting.
var dayRange = [2]visit.Day{visit.DayOf(1900, 1, 1), visit.DayOf(2200, 1, 1)}

// TakenOn finds the day the export was evidently taken: the latest booking date or, for
// rows without one, the latest day with a recorded outcome, whichever is later. A booked
// appointment proves nothing; a recorded attendance or no-show proves its day; a
// cancelled row with a booking date, or an "attended" row of an export without a status
// column, proves only its booking date.
//
// A lone date far beyond the rest (at most one in a thousand, more than [FarBeyond] days
// after the next) is set aside and named in [TakenOn.Outliers], never taken: one mistyped
// year would move the as-of date of a whole report. Booked events' days are checked too.
func (s *Set) TakenOn() TakenOn {
	t := TakenOn{Day: visit.NoDay}
	lo, hi := dayRange[0], dayRange[1]
	evidence := make([]int32, hi-lo+1) // booking dates and outcomes that prove a day
	booking := make([]int32, hi-lo+1)  // the booking dates among them
	days := make([]int32, hi-lo+1)     // every event's day
	attended := make([]int32, hi-lo+1) // the attended events' days
	slot := func(d visit.Day) int { return int(min(max(d, lo), hi) - lo) }
	for ci := range s.Customers {
		h := &s.Customers[ci]
		for i := range h.events {
			p := &h.events[i]
			days[slot(p.day())]++
			if p.status() == visit.Attended {
				attended[slot(p.day())]++
			}
			if b, ok := p.booked(); ok {
				evidence[slot(b)]++
				booking[slot(b)]++
			}
			if p.provesDay(s.Columns.Status) {
				evidence[slot(p.day())]++
			}
		}
	}
	evidenceCut, dayCut := farBeyond(evidence), farBeyond(days)
	for k := evidenceCut - 1; k >= 0; k-- {
		if evidence[k] > 0 {
			t.Day = lo + visit.Day(k)
			t.By = ByOutcome
			if booking[k] > 0 {
				t.By = ByBooking
			}
			break
		}
	}
	last := len(days) - 1 // the slot of hi and beyond
	if evidenceCut == len(evidence) && dayCut == len(days) && evidence[last] == 0 && days[last] == 0 {
		// Nothing is set aside: the attended events after Day are counted by day.
		if t.Day != visit.NoDay {
			for _, n := range attended[slot(t.Day)+1:] {
				t.FutureAttended += int(n)
			}
		}
		return t
	}
	// Dates from these days on are set aside.
	evidenceFrom, dayFrom := lo+visit.Day(evidenceCut), lo+visit.Day(dayCut)
	for ci := range s.Customers {
		h := &s.Customers[ci]
		for i := range h.events {
			p := &h.events[i]
			day, st := p.day(), p.status()
			b, hasBooked := p.booked()
			switch {
			case hasBooked && b >= evidenceFrom:
				t.Outliers = append(t.Outliers, Outlier{Key: h.Key, Day: day, Booked: b, Status: st})
			case p.provesDay(s.Columns.Status) && day >= evidenceFrom, day >= dayFrom:
				t.Outliers = append(t.Outliers, Outlier{Key: h.Key, Day: day, Booked: visit.NoDay, Status: st})
			case t.Day != visit.NoDay && day > t.Day && st == visit.Attended:
				t.FutureAttended++
			}
		}
	}
	slices.SortFunc(t.Outliers, func(a, b Outlier) int {
		if c := int(max(b.Day, b.Booked)) - int(max(a.Day, a.Booked)); c != 0 {
			return c
		}
		return strings.Compare(a.Key, b.Key)
	})
	return t
}

// farBeyond returns the first slot of counts set aside as lone outliers: above a gap of
// more than [FarBeyond] empty slots, with at most one in a thousand of the counts (at
// least one) above it. Without such a gap it returns len(counts).
func farBeyond(counts []int32) int {
	n := 0
	for _, c := range counts {
		n += int(c)
	}
	limit := 1 + n/1000
	above, last, cut := 0, -1, len(counts)
	for k := len(counts) - 1; k >= 0 && above <= limit; k-- {
		if counts[k] == 0 {
			continue
		}
		if last >= 0 && last-k > FarBeyond {
			cut = last
		}
		above += int(counts[k])
		last = k
	}
	return cut
}

// provesDay reports whether p's status shows that its day had passed when the export was
// taken: a no-show, or an attended or cancelled event without a booking date.
func (p *packed) provesDay(statusColumn bool) bool {
	switch p.status() {
	case visit.NoShow:
		return true
	case visit.Attended:
		// Without a status column every row is "attended", future appointments too.
		return statusColumn || p.lead == NoLead
	case visit.Cancelled:
		// A stay cancelled in advance has its own day still to come.
		return p.lead == NoLead
	}
	return false
}

// booked returns the booking date of p, when known.
func (p *packed) booked() (visit.Day, bool) {
	if p.lead == NoLead {
		return visit.NoDay, false
	}
	return p.day() - visit.Day(p.lead), true
}

// Cut says what [Set.AsOf] left out.
type Cut struct {
	// Events counts the events after the as-of date that were left out.
	Events int
	// Customers counts the customers left with no event.
	Customers int
}

// AsOf returns the set as it stood on day d: every event on or before d, and of the
// events after d only those booked by d (a booking date on or before d or, without one,
// the status booked); a customer left with no event is left out. A historical log cut so
// gives the same histories as the log truncated at d by hand.
//
// s is not changed; the histories share its events, and without a cut AsOf returns s.
func (s *Set) AsOf(d visit.Day) (*Set, Cut) {
	keep := func(p *packed) bool {
		if p.day() <= d {
			return true
		}
		if b, ok := p.booked(); ok {
			return b <= d
		}
		return p.status() == visit.Booked
	}
	var cut Cut
	var out *Set // a copy of s, from the first history cut on
	days := noDays
	for ci := range s.Customers {
		evs := s.Customers[ci].events
		kept := keptEvents(evs, d, keep)
		if len(kept) < len(evs) {
			cut.Events += len(evs) - len(kept)
			if out == nil {
				copied := *s
				copied.Customers = slices.Clone(s.Customers)
				out = &copied
			}
			out.Customers[ci].events = kept
		}
		if len(kept) == 0 {
			cut.Customers++
			continue
		}
		days.add(kept)
	}
	if out == nil {
		return s, Cut{}
	}
	if cut.Customers > 0 {
		out.Customers = slices.DeleteFunc(out.Customers, func(h History) bool { return len(h.events) == 0 })
	}
	out.FirstDay, out.LastDay, out.LatestRecorded = days.first, days.last, days.latest
	return out, cut
}

// keptEvents returns the events of evs that keep keeps (those on or before d are): evs
// itself when that is all of them, else a copy.
func keptEvents(evs []packed, d visit.Day, keep func(*packed) bool) []packed {
	i := len(evs)
	for i > 0 && evs[i-1].day() > d {
		i--
	}
	for i < len(evs) && keep(&evs[i]) {
		i++
	}
	if i == len(evs) {
		return evs
	}
	kept := slices.Clip(evs[:i])
	for i++; i < len(evs); i++ {
		if keep(&evs[i]) {
			kept = append(kept, evs[i])
		}
	}
	return kept
}
