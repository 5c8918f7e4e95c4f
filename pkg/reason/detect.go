package reason

import (
	"cmp"
	"slices"
	"strings"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
)

// A Detector finds the findings of a set's customers, one at a time through its [Worker]s.
type Detector struct{ d *detector }

// A Worker detects findings for a [Detector] on one goroutine, reusing buffers of its own
// between customers.
type Worker struct {
	d *detector
	s scratch
}

// Worker returns a new [Worker]; each goroutine needs its own.
func (d *Detector) Worker() *Worker { return &Worker{d: d.d} }

// NewDetector prepares the detection in set's customers with cfg.
func NewDetector(set *history.Set, cfg Config) *Detector {
	return &Detector{newDetector(set, &cfg)}
}

// Detect returns the findings of h, one of the set's customers, as of asOf, heaviest first
// (ties by code). events are all of h's events, oldest first (see
// [history.History.AppendEvents]), and v is h's verdict (the zero Verdict for none). Only
// events on or before asOf count, and a booked appointment after it.
//
// Most signals read the history alone, so that [Lift] can compare lapsed and active
// customers; [LoyalLost] and [CourseFinished] use the verdict too. The findings share
// memory with others detected by the same w, not their elements.
func (w *Worker) Detect(h *history.History, events []history.Event, v *lapse.Verdict, asOf visit.Day) []Finding {
	return w.d.detect(h, events, v, asOf, &w.s)
}

// detector holds what every customer's detection shares.
type detector struct {
	cfg     *Config
	set     *history.Set
	cols    history.Columns
	off     [numCodes]bool // disabled, or its column is missing
	weight  [numCodes]float64
	channel []ChannelKind // by channel symbol
	// oneChannel holds, by channel symbol, the channel's name as a list of one, shared
	// (read only) by the facts naming one channel.
	oneChannel [][]string
	staff      []string // short staff names by symbol, with ShowStaff
	services   *history.Symbols
}

// newDetector prepares the channel kinds and staff names of every symbol.
func newDetector(set *history.Set, cfg *Config) *detector {
	d := &detector{cfg: cfg, set: set, cols: set.Columns, services: set.Services}
	for i := range catalogue {
		d.weight[i] = cfg.weight(code(i))
		d.off[i] = catalogue[i].needsCol != nil && !catalogue[i].needsCol(set.Columns)
	}
	for _, c := range cfg.Disabled {
		if i, ok := codeOf(c); ok {
			d.off[i] = true
		}
	}
	d.channel = make([]ChannelKind, set.Channels.Len())
	d.oneChannel = make([][]string, set.Channels.Len())
	for ch := range d.oneChannel {
		d.oneChannel[ch] = []string{set.Channels.Name(history.Sym(ch))}
	}
	if cfg.ShowStaff {
		d.staff = make([]string, set.Staff.Len())
	}
	for ch := 1; ch < len(d.channel); ch++ {
		d.channel[ch] = Classify(set.Channels.Name(history.Sym(ch)), cfg.PlatformChannels, cfg.DirectChannels)
	}
	for st := 1; st < len(d.staff); st++ {
		d.staff[st] = shortName(set.Staff.Name(history.Sym(st)))
	}
	return d
}

// detectors are the signals' detectors, by code.
var detectors = [numCodes]func(*detector, *customer, *scratch, *Facts) bool{
	cLastCancelled:       (*detector).lastCancelled,
	cLastNoShow:          (*detector).lastNoShow,
	cStaffSwitch:         (*detector).staffSwitch,
	cSlowing:             (*detector).slowing,
	cOneVisit:            (*detector).oneVisit,
	cPlatformOnly:        (*detector).platformOnly,
	cPriceUp:             (*detector).priceUp,
	cLongWait:            (*detector).longWait,
	cReferral:            (*detector).referral,
	cLoyalLost:           (*detector).loyalLost,
	cManyContacts:        (*detector).manyContacts,
	cNoContactPreference: (*detector).noContactPreference,
	cCourseFinished:      (*detector).courseFinished,
}

// scratch is one goroutine's reusable buffers.
type scratch struct {
	customer customer  // the one being detected
	facts    Facts     // a detector's, when it finds its signal
	slab     []Finding // see room
	visits   []history.Event
	vals     []int64
	tmp      []int64
	keys     []uint64
	first    []bool // by event: the first of its booking day
}

// median returns the median of vs (the mean of the middle two for an even count), using
// tmp as scratch.
func (s *scratch) median(vs []int64) float64 {
	t := append(s.tmp[:0], vs...)
	s.tmp = t
	slices.Sort(t)
	k := len(t) / 2
	if len(t)%2 == 1 {
		return float64(t[k])
	}
	// Added as floats, two large amounts cannot wrap around.
	return (float64(t[k-1]) + float64(t[k])) / 2
}

// surelyBelow reports whether x < factor × the median of vs follows from a count, without
// finding the median: the median is at least the ⌊(n−1)/2⌋-th smallest value of vs, so it
// holds when x < factor·v for n − ⌊(n−1)/2⌋ values v. False says nothing.
func surelyBelow(x, factor float64, vs []int64) bool {
	if !(factor > 0) {
		return false
	}
	n := 0
	for _, v := range vs {
		if x < factor*float64(v) {
			n++
		}
	}
	return n >= len(vs)-(len(vs)-1)/2
}

// noFacts returns empty facts with no dates.
func noFacts() Facts { return Facts{Day: visit.NoDay, From: visit.NoDay} }

// customer is what the detectors read of one customer.
type customer struct {
	h      *history.History
	v      *lapse.Verdict
	asOf   visit.Day
	all    []history.Event // every event, oldest first
	past   []history.Event // the first of all: those on or before asOf
	visits []history.Event // one per visit day, oldest first
	booked bool            // an appointment is booked after asOf
}

// detect returns the findings of h, whose events are all.
func (d *detector) detect(h *history.History, all []history.Event, v *lapse.Verdict, asOf visit.Day, s *scratch) []Finding {
	np := len(all)
	for np > 0 && all[np-1].Day > asOf {
		np--
	}
	if np == 0 {
		return nil
	}
	// In s: called through a table, a local customer would escape to the heap.
	c := &s.customer
	*c = customer{h: h, v: v, asOf: asOf, all: all, past: all[:np]}
	visits := s.visits[:0]
	for _, e := range c.past {
		if e.IsVisit(asOf) && (len(visits) == 0 || visits[len(visits)-1].Day != e.Day) {
			visits = append(visits, e)
		}
	}
	s.visits, c.visits = visits, visits
	for _, e := range all[np:] {
		if e.IsBooking(asOf) {
			c.booked = true
			break
		}
	}

	out := s.room()
	for i, det := range detectors {
		ci := code(i)
		if d.off[ci] {
			continue
		}
		if !det(d, c, s, &s.facts) {
			continue
		}
		out = append(out, Finding{Code: catalogue[ci].code, Weight: d.weight[ci], Facts: s.facts})
	}
	if len(out) == 0 {
		return nil
	}
	slices.SortStableFunc(out, func(a, b Finding) int {
		if a.Weight != b.Weight {
			return cmp.Compare(b.Weight, a.Weight)
		}
		return strings.Compare(a.Code, b.Code)
	})
	s.slab = s.slab[:len(s.slab)+len(out)]
	// The capacity is the length, so that appending to them cannot overwrite the next
	// customer's findings.
	return out[:len(out):len(out)]
}

// maxSlab is the most findings [scratch.room] allocates at a time.
const maxSlab = 1024

// room returns an empty slice with room for every signal's finding at the end of a slab
// shared with the worker's other customers, so that the findings are found in memory of
// their own; slabs double up to maxSlab findings.
func (s *scratch) room() []Finding {
	if cap(s.slab)-len(s.slab) < int(numCodes) {
		s.slab = make([]Finding, 0, max(int(numCodes), min(maxSlab, 2*cap(s.slab))))
	}
	return s.slab[len(s.slab):len(s.slab)]
}

func (d *detector) service(e history.Event) string {
	if !d.cols.Service {
		return ""
	}
	return d.services.Name(e.Service)
}

// lastAppointment returns the last event on or before asOf when it is a cancellation or a
// no-show with no visit on its day or after and nothing booked.
func (d *detector) lastAppointment(c *customer) (history.Event, bool) {
	last := c.past[len(c.past)-1]
	if c.booked || (last.Status != visit.Cancelled && last.Status != visit.NoShow) {
		return last, false
	}
	if n := len(c.visits); n > 0 && c.visits[n-1].Day >= last.Day {
		return last, false
	}
	return last, true
}

func (d *detector) lastCancelled(c *customer, _ *scratch, out *Facts) bool {
	last, ok := d.lastAppointment(c)
	if !ok || last.Status != visit.Cancelled {
		return false
	}
	f := noFacts()
	f.Day, f.Service = last.Day, d.service(last)
	*out = f
	return true
}

func (d *detector) lastNoShow(c *customer, _ *scratch, out *Facts) bool {
	last, ok := d.lastAppointment(c)
	if !ok || last.Status != visit.NoShow {
		return false
	}
	f := noFacts()
	f.Day, f.Service = last.Day, d.service(last)
	*out = f
	return true
}

// staffSwitch looks at the last StaffWindow visits with a known staff member.
func (d *detector) staffSwitch(c *customer, s *scratch, out *Facts) bool {
	cfg := d.cfg
	w := cfg.StaffWindow
	if w <= 0 {
		return false
	}
	// Staff of the visits that name one, oldest first.
	staff := s.vals[:0]
	for _, e := range c.visits {
		if e.Staff != 0 {
			staff = append(staff, int64(e.Staff))
		}
	}
	s.vals = staff
	if len(staff) < w {
		return false
	}
	window, earlier := staff[len(staff)-w:], staff[:len(staff)-w]
	// The usual person, a strict majority of enough earlier visits (Boyer and Moore's vote).
	usual, usualN := int64(0), 0
	if len(earlier) >= max(1, cfg.StaffMinEarlier) {
		cand, votes := int64(0), 0
		for _, x := range earlier {
			switch {
			case votes == 0:
				cand, votes = x, 1
			case x == cand:
				votes++
			default:
				votes--
			}
		}
		n := 0
		for _, x := range earlier {
			if x == cand {
				n++
			}
		}
		if 2*n > len(earlier) {
			usual, usualN = cand, n
		}
	}
	// Different people in the window, in order of their first visit there.
	var people []int64
	others := 0
	for _, x := range window {
		if x != usual {
			others++
		}
		if !slices.Contains(people, x) {
			people = append(people, x)
		}
	}
	f := noFacts()
	f.Day, f.Of, f.People = c.visits[len(c.visits)-1].Day, w, len(people)
	if usual != 0 {
		if others < cfg.StaffMinOthers {
			return false
		}
		f.Count, f.Before, f.BeforeOf = others, usualN, len(earlier)
	} else {
		if len(people) < cfg.StaffMinPeople {
			return false
		}
		f.Count = w
	}
	if d.staff != nil {
		for _, x := range people {
			if x != usual {
				f.Staff = append(f.Staff, d.staff[x])
			}
		}
		if usual != 0 {
			f.UsualStaff = d.staff[usual]
		}
	}
	*out = f
	return true
}

// slowing compares the last SlowingGaps gaps between visit days with the earlier ones.
func (d *detector) slowing(c *customer, s *scratch, out *Facts) bool {
	cfg := d.cfg
	r := cfg.SlowingGaps
	if r <= 0 || len(c.visits) < r+max(1, cfg.SlowingMinEarlier)+1 {
		return false
	}
	gaps := s.vals[:0]
	for i := 1; i < len(c.visits); i++ {
		gaps = append(gaps, int64(c.visits[i].Day-c.visits[i-1].Day))
	}
	s.vals = gaps
	recent := gaps[len(gaps)-r:]
	if surelyBelow(float64(slices.Min(recent)), cfg.SlowingFactor, gaps[:len(gaps)-r]) {
		return false // a recent gap is below SlowingFactor × the median
	}
	base := s.median(gaps[:len(gaps)-r])
	if base <= 0 {
		return false
	}
	for _, g := range recent {
		if float64(g) < cfg.SlowingFactor*base {
			return false
		}
	}
	last := float64(recent[r-1])
	if last < cfg.SlowingLastFactor*base || last < base+float64(cfg.SlowingMinDays) {
		return false
	}
	f := noFacts()
	f.Day, f.From = c.visits[len(c.visits)-1].Day, c.visits[len(c.visits)-1-r].Day
	f.Recent, f.Usual = slices.Clone(recent), base
	*out = f
	return true
}

// channelList returns channel ch's name as a list of one, shared: not to be modified.
func (d *detector) channelList(ch history.Sym) []string {
	if int(ch) < len(d.oneChannel) {
		return d.oneChannel[ch][:1:1]
	}
	return []string{d.set.Channels.Name(ch)}
}

func (d *detector) oneVisit(c *customer, _ *scratch, out *Facts) bool {
	if len(c.visits) != 1 || c.booked {
		return false
	}
	e := c.visits[0]
	f := noFacts()
	f.Day, f.Service = e.Day, d.service(e)
	if d.cols.Channel && e.Channel != 0 {
		f.Channels = d.channelList(e.Channel)
	}
	*out = f
	return true
}

// platformOnly reads every appointment on or before asOf and every one booked after it.
func (d *detector) platformOnly(c *customer, s *scratch, out *Facts) bool {
	if len(c.visits) == 0 || len(c.visits) < d.cfg.PlatformMinVisits {
		return false
	}
	syms := s.vals[:0]
	for _, e := range c.all {
		if e.Day > c.asOf && !e.IsBooking(c.asOf) || e.Channel == 0 {
			continue
		}
		if int(e.Channel) >= len(d.channel) || d.channel[e.Channel] != ChannelPlatform {
			s.vals = syms
			return false
		}
		syms = append(syms, int64(e.Channel))
	}
	s.vals = syms
	if len(syms) == 0 {
		return false
	}
	f := noFacts()
	f.Day, f.Count = c.visits[len(c.visits)-1].Day, len(syms)
	// Channel names, most used first, then by name.
	type used struct {
		name string
		n    int
	}
	if slices.IndexFunc(syms, func(x int64) bool { return x != syms[0] }) < 0 {
		f.Channels = d.channelList(history.Sym(syms[0])) // one channel: the common case
	} else {
		var us []used
		for _, x := range syms {
			name := d.set.Channels.Name(history.Sym(x))
			if i := slices.IndexFunc(us, func(u used) bool { return u.name == name }); i >= 0 {
				us[i].n++
			} else {
				us = append(us, used{name, 1})
			}
		}
		slices.SortFunc(us, func(a, b used) int {
			if a.n != b.n {
				return b.n - a.n
			}
			return strings.Compare(a.name, b.name)
		})
		for _, u := range us {
			f.Channels = append(f.Channels, u.name)
		}
	}
	*out = f
	return true
}

// priceUp compares the amounts of the last visits with the customer's usual amount.
func (d *detector) priceUp(c *customer, s *scratch, out *Facts) bool {
	cfg := d.cfg
	r, minEarlier := cfg.PriceRecent, max(1, cfg.PriceMinEarlier)
	vals := s.vals[:0]
	lastSvc := visit.NoDay
	var svc history.Event
	for _, e := range c.visits {
		if e.Amount > 0 {
			vals = append(vals, e.Amount)
			svc, lastSvc = e, e.Day
		}
	}
	s.vals = vals
	if r <= 0 || len(vals) < r+minEarlier {
		return false
	}
	if surelyBelow(float64(slices.Min(vals[len(vals)-r:])), cfg.PriceFactor, vals[:len(vals)-r]) {
		return false // a recent amount is below the threshold
	}
	base := s.median(vals[:len(vals)-r])
	thr := cfg.PriceFactor * base
	if base <= 0 {
		return false
	}
	n := 0
	for n < len(vals)-minEarlier && float64(vals[len(vals)-1-n]) >= thr {
		n++
	}
	if n < r {
		return false
	}
	f := noFacts()
	f.Day, f.Count, f.Service = lastSvc, n, d.service(svc)
	f.Recent, f.Usual = slices.Clone(vals[len(vals)-n:]), s.median(vals[:len(vals)-n])
	*out = f
	return true
}

// longWait compares the waits of the last bookings (the appointments booked on one day,
// waiting the lead time of the first) with the customer's usual wait.
func (d *detector) longWait(c *customer, s *scratch, out *Facts) bool {
	cfg := d.cfg
	r, minEarlier := cfg.WaitRecent, max(1, cfg.WaitMinEarlier)
	// Sort (booking day, index) to find the first appointment of each booking day.
	keys := s.keys[:0]
	for i, e := range c.past {
		if e.Lead != history.NoLead && e.Lead >= 0 {
			keys = append(keys, uint64(uint32(int32(e.Day)-int32(e.Lead)))<<32|uint64(i))
		}
	}
	s.keys = keys
	if r <= 0 || len(keys) < r+minEarlier {
		return false
	}
	slices.Sort(keys)
	// Mark the first of each booking day, then read the marked ones in order.
	first := append(s.first[:0], make([]bool, len(c.past))...)
	s.first = first
	prev := uint64(1) << 63
	last := 0 // the latest first's index
	for _, k := range keys {
		if k>>32 != prev {
			i := int(k & 0xffffffff)
			first[i], last = true, max(last, i)
		}
		prev = k >> 32
	}
	waits := s.vals[:0]
	for i, f := range first {
		if f {
			waits = append(waits, int64(c.past[i].Lead))
		}
	}
	s.vals = waits
	if len(waits) < r+minEarlier {
		return false
	}
	if surelyBelow(float64(slices.Min(waits[len(waits)-r:])), cfg.WaitFactor, waits[:len(waits)-r]) {
		return false // a recent wait is below the threshold, at least WaitFactor × the median
	}
	base := s.median(waits[:len(waits)-r])
	thr := max(cfg.WaitFactor*base, base+float64(cfg.WaitMinExtraDays))
	n := 0
	for n < len(waits)-minEarlier && float64(waits[len(waits)-1-n]) >= thr {
		n++
	}
	if n < r {
		return false
	}
	f := noFacts()
	f.Day, f.Count = c.past[last].Day, n
	f.Recent, f.Usual = slices.Clone(waits[len(waits)-n:]), s.median(waits[:len(waits)-n])
	*out = f
	return true
}

func (d *detector) referral(c *customer, _ *scratch, out *Facts) bool {
	ref := strings.TrimSpace(c.h.Referrer)
	if ref == "" {
		return false
	}
	f := noFacts()
	f.Referrer, f.Count = ref, len(c.visits)
	if len(c.visits) > 0 {
		f.Day = c.visits[len(c.visits)-1].Day
	}
	*out = f
	return true
}

func (d *detector) loyalLost(c *customer, s *scratch, out *Facts) bool {
	cfg := d.cfg
	n := len(c.visits)
	stopped := c.v.Status.Missing() || c.v.Status == lapse.FollowUp
	if !stopped || n < max(2, cfg.LoyalMinVisits) ||
		int(c.visits[n-1].Day-c.visits[0].Day) < cfg.LoyalMinSpanDays {
		return false
	}
	gaps := s.vals[:0]
	for i := 1; i < n; i++ {
		gaps = append(gaps, int64(c.visits[i].Day-c.visits[i-1].Day))
	}
	s.vals = gaps
	f := noFacts()
	f.Count, f.From, f.Day, f.Usual = n, c.visits[0].Day, c.visits[n-1].Day, s.median(gaps)
	*out = f
	return true
}

// manyContacts counts the cancellations and no-shows in the window before the last
// appointment on or before asOf.
func (d *detector) manyContacts(c *customer, _ *scratch, out *Facts) bool {
	cfg := d.cfg
	end := c.past[len(c.past)-1].Day
	from := end - visit.Day(cfg.ContactsWindowDays)
	f := noFacts()
	for i := len(c.past) - 1; i >= 0 && c.past[i].Day >= from; i-- {
		e := c.past[i]
		switch e.Status {
		case visit.Cancelled:
			f.Cancelled++
		case visit.NoShow:
			f.Missed++
		default:
			continue
		}
		if f.Day == visit.NoDay {
			f.Day = e.Day
		}
		f.From = e.Day
	}
	if f.Cancelled+f.Missed < max(1, cfg.ContactsMin) {
		return false
	}
	*out = f
	return true
}

func (d *detector) noContactPreference(c *customer, _ *scratch, out *Facts) bool {
	if c.h.Has(history.DetailContactPreference) {
		return false
	}
	f := noFacts()
	f.HasPhone = d.cols.Phone && c.h.Has(history.DetailPhone)
	f.HasEmail = d.cols.Email && c.h.Has(history.DetailEmail)
	f.ContactColumns = d.cols.Phone || d.cols.Email
	if len(c.visits) > 0 {
		f.Day = c.visits[len(c.visits)-1].Day
	}
	*out = f
	return true
}

// seriesStart returns where the customer's last series of visits starts: the verdict's
// course for a follow-up by the course rule, else the last visits without a gap over
// CourseMaxGapDays.
func (d *detector) seriesStart(c *customer, follow bool) int {
	n := len(c.visits)
	if k := c.v.Basis.CourseVisits; follow && k > 0 && k <= n {
		return n - k
	}
	i := n - 1
	for i > 0 && int(c.visits[i].Day-c.visits[i-1].Day) <= d.cfg.CourseMaxGapDays {
		i--
	}
	return i
}

// courseFinished fires on the verdict's follow-up status, or on a finished series of one
// service unless the verdict says active or booked.
func (d *detector) courseFinished(c *customer, s *scratch, out *Facts) bool {
	cfg := d.cfg
	n := len(c.visits)
	follow := c.v.Status == lapse.FollowUp
	if n == 0 || !follow && (c.v.Status == lapse.Active || c.v.Status == lapse.Booked || c.booked || !d.cols.Service) {
		return false
	}
	run := c.visits[d.seriesStart(c, follow):]
	if !follow && (len(run) < cfg.CourseMinVisits || len(run) > cfg.CourseMaxVisits) {
		return false
	}
	// Its main service: the one of most visits (sorted symbols; the latest visit's on a tie).
	syms := s.vals[:0]
	for _, e := range run {
		syms = append(syms, int64(e.Service))
	}
	slices.Sort(syms)
	main, mainN := history.Sym(run[len(run)-1].Service), 0
	for j := 0; j < len(syms); {
		k := j
		for k < len(syms) && syms[k] == syms[j] {
			k++
		}
		if k-j > mainN || k-j == mainN && history.Sym(syms[j]) == run[len(run)-1].Service {
			main, mainN = history.Sym(syms[j]), k-j
		}
		j = k
	}
	gaps := s.vals[:0]
	for j := 1; j < len(run); j++ {
		gaps = append(gaps, int64(run[j].Day-run[j-1].Day))
	}
	s.vals = gaps
	med := 0.0
	if len(gaps) > 0 {
		med = s.median(gaps)
	}
	last := run[len(run)-1]
	f := noFacts()
	f.Count, f.From, f.Day, f.Usual = len(run), run[0].Day, last.Day, med
	if d.cols.Service {
		f.Service = d.services.Name(main)
	}
	if follow {
		*out = f
		return true
	}
	ended := int(c.asOf - last.Day)
	own := med <= cfg.CourseMaxMedianGap &&
		float64(mainN) >= cfg.CourseMinShare*float64(len(run)) &&
		c.past[len(c.past)-1].Day == last.Day && // ended with a visit, not a cancellation
		ended >= cfg.CourseMinEndedDays && float64(ended) >= 2*med
	if own {
		*out = f
	}
	return own
}
