package visitgen

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"

	"github.com/winback/winback/pkg/visit"
)

// PraxisConfig describes the physiotherapy practice [WritePraxis] invents.
type PraxisConfig struct {
	Seed     uint64
	Patients int
	// Start is the first day of the export; AsOf the day it was taken. Appointments after
	// AsOf are booked ones (status geplant), up to BookAhead days ahead.
	Start, AsOf visit.Day
	BookAhead   int
	// PriceRise is the day every price rises by PriceRisePercent.
	PriceRise        visit.Day
	PriceRisePercent float64
}

// DefaultPraxisConfig returns the scenario shipped in testdata/praxis: 400 patients,
// 2023-01-01 to 2025-06-30, appointments booked six weeks ahead, prices up 6 % on 2024-07-01.
func DefaultPraxisConfig() PraxisConfig {
	return PraxisConfig{
		Seed:             1,
		Patients:         400,
		Start:            visit.DayOf(2023, 1, 1),
		AsOf:             visit.DayOf(2025, 6, 30),
		BookAhead:        42,
		PriceRise:        visit.DayOf(2024, 7, 1),
		PriceRisePercent: 6,
	}
}

// ErrConfig is wrapped by every error about an invalid generator configuration.
var ErrConfig = errors.New("invalid configuration")

func (c PraxisConfig) validate() error {
	switch {
	case c.Patients < 40 || c.Patients > 200_000:
		return fmt.Errorf("%w: patients %d not in [40, 200000]", ErrConfig, c.Patients)
	case c.AsOf-c.Start < 540:
		return fmt.Errorf("%w: start %s to as-of %s is shorter than 540 days; the planted stories need about 18 months",
			ErrConfig, c.Start, c.AsOf)
	case c.BookAhead < 28 || c.BookAhead > 365:
		return fmt.Errorf("%w: book-ahead %d days not in [28, 365]", ErrConfig, c.BookAhead)
	case c.PriceRisePercent < 0 || c.PriceRisePercent > 100:
		return fmt.Errorf("%w: price rise %g %% not in [0, 100]", ErrConfig, c.PriceRisePercent)
	}
	return nil
}

// The truth's patient states.
const (
	StateActive         = "active"
	StateBooked         = "booked"
	StateDropped        = "dropped"
	StateCourseFinished = "course-finished"
)

// The signal codes of the reasons catalogue that the practice plants.
const (
	codeLastCancelled  = "last-cancelled"
	codeLastNoShow     = "last-no-show"
	codeStaffSwitch    = "staff-switch"
	codeSlowing        = "slowing"
	codeOneVisit       = "one-visit"
	codePlatformOnly   = "platform-only"
	codePriceUp        = "price-up"
	codeLongWait       = "long-wait"
	codeReferral       = "referral"
	codeLoyalLost      = "loyal-lost"
	codeManyContacts   = "many-contacts"
	codeNoContact      = "no-contact-preference"
	codeCourseFinished = "course-finished"
)

// storyCodes are the stories planted on dropped patients, in the truth's code order.
var storyCodes = []string{
	codeLastCancelled, codeLastNoShow, codeStaffSwitch, codeSlowing, codeOneVisit,
	codePlatformOnly, codePriceUp, codeLongWait, codeReferral, codeLoyalLost,
	codeManyContacts, codeNoContact,
}

// codeOrder is the order of one patient's codes in the truth file.
var codeOrder = append(slices.Clone(storyCodes), codeCourseFinished)

// service is a billable treatment (Leistung).
type service uint8

const (
	svcKG service = iota
	svcMT
	svcMLD
	svcKGGeraet
	svcFango
	svcMassage
	svcHausbesuch
	svcNone
)

var serviceNames = [...]string{"KG", "MT", "MLD", "KG-Gerät", "Fango", "Massage", "Hausbesuch"}

// serviceCents are the statutory (Kasse) prices before the price rise; private patients pay
// a patient-specific multiple.
var serviceCents = [...]int64{2540, 3180, 4090, 4710, 1280, 2050, 1890}

// Booking channels (Buchungsweg).
const (
	chTelefon = iota
	chEmpfang
	chPortal
	chDoctolib
	chEmail
)

var channelNames = []string{"Telefon", "Empfang", "Online-Portal", "Doctolib", "E-Mail"}

func isPlatform(ch int8) bool { return ch == chPortal || ch == chDoctolib }

// kind is the life a patient is given: a state at the as-of date and, for dropped
// patients, the story that leads there.
type kind uint8

const (
	kActiveMaint kind = iota
	kActiveYearly
	kBookedMaint
	kBookedCourse
	kBookedNew
	kBookedReturn
	kCourseFinished
	kDroppedAbandon
	kDroppedMaint
	kStory   // + index into storyCodes
	kWonBack = kStory + 32
)

func (k kind) story() string {
	if k >= kStory && int(k-kStory) < len(storyCodes) {
		return storyCodes[k-kStory]
	}
	return ""
}

// stateWith is the patient's state, where a won-back patient's is active or, with a
// booked appointment (future), booked.
func (k kind) stateWith(future bool) string {
	switch {
	case k == kWonBack && future:
		return StateBooked
	case k == kWonBack:
		return StateActive
	}
	return k.state()
}

func (k kind) state() string {
	switch {
	case k == kActiveMaint || k == kActiveYearly:
		return StateActive
	case k >= kBookedMaint && k <= kBookedReturn:
		return StateBooked
	case k == kCourseFinished:
		return StateCourseFinished
	}
	return StateDropped
}

// quotas returns the kinds of n patients, in a fixed order the caller shuffles.
func quotas(n int) []kind {
	var out []kind
	add := func(k kind, c int) {
		for range c {
			out = append(out, k)
		}
	}
	share := func(s float64) int { return int(math.Round(s * float64(n))) }
	for i := range storyCodes {
		add(kStory+kind(i), max(1, share(0.015)))
	}
	add(kCourseFinished, share(0.15))
	add(kDroppedAbandon, share(0.05))
	add(kDroppedMaint, share(0.05))
	add(kBookedMaint, share(0.1125))
	add(kBookedCourse, share(0.075))
	add(kBookedNew, share(0.0375))
	add(kBookedReturn, share(0.025))
	add(kActiveYearly, share(0.03))
	add(kActiveMaint, n-len(out))
	return out
}

// appt is one booked appointment of a patient: a row of the export, two when the patient
// has an add-on service.
type appt struct {
	day, booked visit.Day
	minute      int16
	status      visit.Status
	staff       int8
	channel     int8
	fee         bool    // a no-show charged (private patients)
	mul         float32 // price multiple for this appointment; 0 means 1
	note        string
}

// patient is one invented patient and their appointments.
type patient struct {
	kind                     kind
	id                       int
	lastName, firstName      string
	birth                    visit.Day
	phone, email, contact    string
	private                  bool
	factor                   float64 // price multiple of the statutory price
	therapist                int8
	channel                  int8 // preferred booking channel
	platformOnly             bool
	referrer                 string
	location                 int8
	slot                     int // preferred half-hour slot, 0 = 07:30
	lead                     int // usual days from booking to appointment
	svc, addOn               service
	appts                    []appt
	wonBackLast, wonBackBack visit.Day // the monthly scenario's planted gap
	truthState, truthDropout string
	truthCodes               []string
	truthUsual, truthLast    string
	truthVisits              int
	truthFirstChannel        string
}

// plan is an appointment before noise is added: realize turns plans into appts.
type plan struct {
	day     visit.Day
	status  visit.Status // Attended, Cancelled or NoShow
	staff   int8         // -1: the usual therapist, with occasional cover
	channel int8         // -1: the patient's habit
	lead    int          // -1: the patient's usual lead time
	mul     float32
	note    string
	clean   bool // no cancellation, no cover therapist
}

// builder makes one patient's appointments.
type builder struct {
	r         *rand.Rand
	p         *patient
	start     visit.Day
	asOf      visit.Day
	bookAhead int
	// wonBackFirst is the first as-of date of the monthly scenario: kWonBack patients are
	// lapsed then and come back before asOf.
	wonBackFirst visit.Day
}

func newPlan(d visit.Day) plan { return plan{day: d, staff: -1, channel: -1, lead: -1} }

// rhythm returns n working days from first on, every cadence days give or take a little.
func (b *builder) rhythm(first visit.Day, n, cadence int) []visit.Day {
	j := max(1, cadence/6)
	days := []visit.Day{nextOpen(first)}
	for len(days) < n {
		prev := days[len(days)-1]
		days = append(days, nextOpen(prev+visit.Day(cadence+between(b.r, -j, j))))
	}
	return days
}

// rhythmUntil returns the working days from first on, every cadence days, while they are
// on or before last.
func (b *builder) rhythmUntil(first, last visit.Day, cadence int) []visit.Day {
	j := max(1, cadence/6)
	var days []visit.Day
	for d := nextOpen(first); d <= last; d = nextOpen(d + visit.Day(cadence+between(b.r, -j, j))) {
		days = append(days, d)
	}
	return days
}

// course returns the n days of a course of treatment, perWeek times a week.
func (b *builder) course(first visit.Day, n, perWeek int) []visit.Day {
	days := []visit.Day{nextOpen(first)}
	for len(days) < n {
		prev := days[len(days)-1]
		g := 7
		if perWeek == 2 {
			g = 3 + len(days)%2
		}
		if chance(b.r, 0.15) {
			g += between(b.r, -1, 1)
		}
		days = append(days, nextOpen(prev+visit.Day(g)))
	}
	return days
}

// courseSpan is roughly how many days a course of n treatments takes.
func courseSpan(n, perWeek int) int { return (n - 1) * 7 / perWeek }

func plans(days []visit.Day) []plan {
	out := make([]plan, len(days))
	for i, d := range days {
		out[i] = newPlan(d)
	}
	return out
}

// cleanTail keeps the last k plans free of noise.
func cleanTail(ps []plan, k int) []plan {
	for i := max(0, len(ps)-k); i < len(ps); i++ {
		ps[i].clean = true
	}
	return ps
}

// realize turns plans into appointments, adding the everyday noise: cancellations and
// no-shows that are made up a few days later, cover therapists, other booking channels.
func (b *builder) realize(ps []plan) {
	p := b.p
	few := len(ps) < 8
	for i, pl := range ps {
		next := visit.Day(math.MaxInt32)
		if i+1 < len(ps) {
			next = ps[i+1].day
		}
		d := pl.day
		if !pl.clean && pl.status == visit.Attended && d <= b.asOf && len(p.appts) > 0 {
			repl := nextOpen(d + visit.Day(between(b.r, 1, 3)))
			if repl < next && repl <= b.asOf {
				switch x := b.r.Float64(); {
				case x < 0.10:
					b.add(pl, d, visit.Cancelled)
					b.addReplacement(pl, d, repl)
					continue
				case x < 0.145:
					b.add(pl, d, visit.NoShow)
					b.addReplacement(pl, d, repl)
					continue
				}
			}
		}
		if pl.staff < 0 && (pl.clean || few) {
			pl.staff = p.therapist
		}
		b.add(pl, d, pl.status)
	}
}

// addReplacement adds the appointment that makes up for one cancelled or missed on day
// cancelled: booked that day by phone.
func (b *builder) addReplacement(pl plan, cancelled, d visit.Day) {
	pl.lead = int(d - cancelled)
	pl.note = ""
	if !b.p.platformOnly {
		pl.channel = chTelefon
	}
	b.add(pl, d, visit.Attended)
}

// add appends one appointment with the given status, filling in the patient's habits.
func (b *builder) add(pl plan, d visit.Day, status visit.Status) {
	p, r := b.p, b.r
	a := appt{day: d, status: status, mul: pl.mul, note: pl.note}
	if d > b.asOf {
		a.status = visit.Booked
	}
	slot := min(22, max(0, p.slot+between(r, -1, 1)))
	a.minute = int16(7*60 + 30 + 30*slot)
	a.staff = pl.staff
	if a.staff < 0 {
		a.staff = p.therapist
		if chance(r, 0.14) {
			a.staff = int8((int(p.therapist) + between(r, 1, len(therapists)-1)) % len(therapists))
		}
	}
	a.channel = pl.channel
	if a.channel < 0 {
		switch {
		case p.platformOnly:
			a.channel = p.channel
			if chance(r, 0.2) {
				a.channel = chPortal + chDoctolib - p.channel
			}
		case chance(r, 0.7):
			a.channel = p.channel
		case chance(r, 0.6):
			a.channel = chEmpfang
		default:
			a.channel = chTelefon
		}
	}
	lead := pl.lead
	if lead < 0 {
		lead = max(0, p.lead+between(r, -1, 1))
		if len(p.appts) == 0 {
			lead += between(r, 2, 10)
		}
	}
	a.booked = d - visit.Day(lead)
	if !isPlatform(a.channel) && a.channel != chEmail {
		a.booked = prevOpen(a.booked) // the phone and the front desk work on working days
	}
	if a.status == visit.Booked && a.booked > b.asOf {
		a.booked = b.asOf - visit.Day(r.IntN(3))
	}
	if a.note == "" {
		switch a.status {
		case visit.Attended:
			if chance(r, 0.07) {
				a.note = notesAttended[r.IntN(len(notesAttended))]
			}
		case visit.Cancelled:
			if chance(r, 0.5) {
				a.note = notesCancelled[r.IntN(len(notesCancelled))]
			}
		case visit.NoShow:
			if chance(r, 0.5) {
				a.note = notesNoShow[r.IntN(len(notesNoShow))]
			}
			if p.private && chance(r, 0.6) {
				a.fee = true
				a.note = "Ausfallhonorar berechnet"
			}
		}
	}
	p.appts = append(p.appts, a)
}

// newPatient invents the person behind a patient record and their habits.
func (b *builder) newPatient(k kind) {
	r := b.r
	p := &patient{kind: k, factor: 1, addOn: svcNone}
	b.p = p
	firstNames := germanMale
	if chance(r, 0.56) {
		firstNames = germanFemale
	}
	p.firstName = firstNames[r.IntN(len(firstNames))]
	p.lastName = germanSurnames[r.IntN(len(germanSurnames))]
	y, _, _ := b.asOf.Date()
	age := 18 + int(72*beta(r, 2.4, 2.0))
	p.birth = visit.DayOf(y-age, 1, 1) - visit.Day(r.IntN(365))
	if chance(r, 0.18) {
		p.private = true
		p.factor = 1.45 + 0.05*float64(r.IntN(11))
	}
	p.therapist = int8(pick(r, therapistWeight))
	p.location = 0
	if chance(r, 0.3) {
		p.location = 1
	}
	p.channel = int8(pick(r, []float64{35, 20, 15, 18, 12}))
	p.contact = []string{"Telefon", "E-Mail", "SMS", "Brief", "", "kein Kontakt"}[pick(r, []float64{38, 24, 16, 8, 12, 2})]
	if chance(r, 0.92) || p.contact == "Telefon" || p.contact == "SMS" {
		p.phone = fmt.Sprintf("%s %03d", fictionalPhonePrefixes[r.IntN(len(fictionalPhonePrefixes))], r.IntN(1000))
	}
	if chance(r, 0.65) || p.contact == "E-Mail" {
		local := ascii(p.firstName) + "." + ascii(p.lastName)
		if chance(r, 0.4) {
			local += fmt.Sprint(between(r, 1, 99))
		}
		p.email = local + "@" + mailDomains[r.IntN(len(mailDomains))]
	}
	if chance(r, 0.3) {
		p.referrer = referrers[pick(r, referrerWeight)]
	}
	p.slot = r.IntN(23)
	p.lead = between(r, 1, 7)
	p.svc = []service{svcKG, svcMT, svcMLD, svcKGGeraet}[pick(r, []float64{50, 30, 10, 10})]
	if (p.svc == svcKG || p.svc == svcMT) && chance(r, 0.2) {
		p.addOn = svcFango
	}
	if age >= 75 && chance(r, 0.35) {
		p.svc, p.addOn = svcKG, svcHausbesuch
	}
}

// maintenanceService gives a patient who comes for a long time a fitting treatment.
func (b *builder) maintenanceService() {
	if b.p.addOn == svcHausbesuch {
		return
	}
	b.p.svc = []service{svcMLD, svcKGGeraet, svcKG, svcMassage}[pick(b.r, []float64{35, 25, 25, 15})]
	if b.p.svc != svcKG {
		b.p.addOn = svcNone
	}
}

// cadence draws the days between a maintenance patient's visits.
func (b *builder) cadence() int {
	if chance(b.r, 0.2) {
		return 7
	}
	return between(b.r, 14, 28)
}

// dayIn returns a uniform day in [lo, hi] (lo when hi < lo).
func (b *builder) dayIn(lo, hi visit.Day) visit.Day {
	return visit.Day(between(b.r, int(lo), int(hi)))
}

// margin is how long a dropped patient must have been away at the as-of date: clearly
// beyond their rhythm and at least eight weeks.
func margin(usualGap int) visit.Day { return visit.Day(max(56, 3*usualGap) + 7) }

// build gives the patient of kind k their appointments up to the as-of date (and booked
// ones after it).
func (b *builder) build(k kind) {
	switch k {
	case kActiveMaint, kBookedMaint:
		b.buildActiveMaint(k)
	case kActiveYearly:
		b.buildActiveYearly()
	case kBookedCourse:
		b.buildBookedCourse()
	case kBookedNew:
		b.buildBookedNew()
	case kBookedReturn:
		b.buildBookedReturn()
	case kCourseFinished:
		b.buildCourseFinished()
	case kDroppedAbandon:
		b.realize(cleanTail(b.abandon(), 2))
	case kDroppedMaint:
		b.realize(cleanTail(b.shortMaintenance(between(b.r, 6, 14), 0), 4))
	case kWonBack:
		b.buildWonBack()
	default:
		b.story(k.story())
	}
}

func (b *builder) buildActiveMaint(k kind) {
	r := b.r
	start, asOf := b.start, b.asOf
	b.maintenanceService()
	c := b.cadence()
	first := start + visit.Day(r.IntN(20))
	if chance(r, 0.6) {
		first = b.dayIn(start, asOf-visit.Day(8*c))
	}
	days := b.rhythmUntil(first, asOf+visit.Day(2*c), c)
	var ps []plan
	for _, d := range days {
		if d <= asOf {
			ps = append(ps, newPlan(d))
		}
	}
	ps = cleanTail(ps, 3)
	if k == kBookedMaint {
		last := ps[len(ps)-1].day
		for _, d := range days {
			if d > asOf && d <= asOf+visit.Day(b.bookAhead) {
				f := newPlan(d)
				f.lead, f.channel = int(d-last), chEmpfang
				ps = append(ps, f)
				if chance(r, 0.6) {
					break
				}
			}
		}
	}
	b.realize(ps)
}

func (b *builder) buildActiveYearly() {
	r := b.r
	start, asOf := b.start, b.asOf
	b.p.svc = []service{svcMassage, svcKG, svcMT}[r.IntN(3)]
	first := b.dayIn(start, min(start+364, asOf-400))
	var ps []plan
	for d := first; d <= asOf; d = nextOpen(d + visit.Day(365+between(r, -14, 14))) {
		d = nextOpen(d)
		if d <= asOf {
			ps = append(ps, newPlan(d))
		}
	}
	b.realize(cleanTail(ps, len(ps)))
}

func (b *builder) buildBookedCourse() {
	r, p := b.r, b.p
	start, asOf := b.start, b.asOf
	var ps []plan
	if chance(r, 0.25) {
		n, pw := between(r, 6, 10), between(r, 1, 2)
		s := b.dayIn(start, asOf-visit.Day(courseSpan(n, pw)+150))
		ps = cleanTail(plans(b.course(s, n, pw)), 2)
	}
	n, pw := between(r, 6, 10), between(r, 1, 2)
	s := asOf - visit.Day(r.IntN(courseSpan(n-1, pw)+1))
	bookedOn := s - visit.Day(p.lead+between(r, 1, 5))
	for _, d := range b.course(s, n, pw) {
		if d > asOf+visit.Day(b.bookAhead) {
			break
		}
		f := newPlan(d)
		f.lead = int(d - bookedOn)
		ps = append(ps, f)
	}
	b.realize(ps)
}

func (b *builder) buildBookedNew() {
	r, p := b.r, b.p
	asOf := b.asOf
	pw := between(r, 1, 2)
	s := asOf + visit.Day(between(r, 1, 21))
	bookedOn := asOf - visit.Day(r.IntN(14))
	p.channel = int8(pick(r, []float64{30, 0, 25, 35, 10}))
	var ps []plan
	for _, d := range b.course(s, between(r, 1, 10), pw) {
		if d > asOf+visit.Day(b.bookAhead) {
			break
		}
		f := newPlan(d)
		f.lead, f.channel = int(d-bookedOn), p.channel
		ps = append(ps, f)
	}
	b.realize(ps)
}

func (b *builder) buildBookedReturn() {
	r := b.r
	start, asOf := b.start, b.asOf
	n, pw := between(r, 6, 10), between(r, 1, 2)
	s := b.dayIn(start, asOf-visit.Day(courseSpan(n, pw)+200))
	ps := cleanTail(plans(b.course(s, n, pw)), 2)
	d := nextOpen(asOf + visit.Day(between(r, 3, 35)))
	f := newPlan(d)
	f.lead = int(d - asOf + visit.Day(r.IntN(10)))
	f.channel = int8([]int{chTelefon, chDoctolib, chPortal}[r.IntN(3)])
	if chance(r, 0.5) {
		f.note = "Wiederaufnahme, neues Rezept"
	}
	b.realize(append(ps, f))
}

func (b *builder) buildCourseFinished() {
	r := b.r
	start, asOf := b.start, b.asOf
	n, pw := between(r, 6, 10), between(r, 1, 2)
	span := visit.Day(courseSpan(n, pw))
	s := b.dayIn(start+120, asOf-21-span-5)
	var ps []plan
	if chance(r, 0.3) && s-start > 200 {
		n0, pw0 := between(r, 6, 10), between(r, 1, 2)
		s0 := b.dayIn(start, s-visit.Day(courseSpan(n0, pw0)+60))
		ps = cleanTail(plans(b.course(s0, n0, pw0)), 2)
	}
	ps = append(ps, cleanTail(plans(b.course(s, n, pw)), 2)...)
	b.realize(ps)
}

func (b *builder) buildWonBack() {
	r, p := b.r, b.p
	b.maintenanceService()
	c := between(r, 10, 21)
	if chance(r, 0.25) {
		c = 7
	}
	n := between(r, 5, 12)
	// The scenario's first as-of is b.wonBackFirst; the return visit is in the month after.
	gapMin := visit.Day(max(56, 3*c) + 7 + r.IntN(40))
	last := b.wonBackFirst - gapMin
	first := max(last-visit.Day(n*c), b.start)
	days := b.rhythmUntil(first, last, c)
	ps := cleanTail(plans(days), 3)
	back := nextOpen(b.wonBackFirst + visit.Day(between(r, 2, 25)))
	for back > b.asOf {
		back = prevOpen(back - 1)
	}
	f := newPlan(back)
	f.clean = true
	f.lead = int(back-b.wonBackFirst) - between(r, 1, int(back-b.wonBackFirst))
	if chance(r, 0.4) {
		f.note = "Wiederaufnahme nach Pause"
	}
	ps = append(ps, f)
	for d := nextOpen(back + visit.Day(c)); d <= b.asOf+visit.Day(b.bookAhead); d = nextOpen(d + visit.Day(c)) {
		g := newPlan(d)
		g.clean = true
		g.lead = int(d - back)
		g.channel = chEmpfang
		ps = append(ps, g)
		if d > b.asOf {
			break
		}
	}
	p.wonBackLast, p.wonBackBack = days[len(days)-1], back
	b.realize(ps)
}

// abandon plans the first few treatments of a course the patient never finished.
func (b *builder) abandon() []plan {
	r := b.r
	n, pw := between(r, 3, 5), between(r, 1, 2)
	usual := 7 / pw
	span := visit.Day(courseSpan(n, pw))
	s := b.dayIn(b.start, b.asOf-margin(usual)-span-3)
	var ps []plan
	if chance(r, 0.2) && s-b.start > 200 {
		n0 := between(r, 6, 10)
		s0 := b.dayIn(b.start, s-visit.Day(courseSpan(n0, pw)+80))
		ps = cleanTail(plans(b.course(s0, n0, pw)), 2)
	}
	return append(ps, plans(b.course(s, n, pw))...)
}

// shortMaintenance plans n visits of a maintenance patient who then stops; extra is the
// number of days the story adds after the last of them.
func (b *builder) shortMaintenance(n, extra int) []plan {
	b.maintenanceService()
	c := b.cadence()
	span := visit.Day(n * c * 7 / 6)
	last := b.dayIn(b.start+span, b.asOf-margin(c)-visit.Day(extra)-5)
	return plans(b.rhythm(last-span, n, c))
}

// story plans a dropped patient whose end carries the signal code.
func (b *builder) story(code string) {
	r, p := b.r, b.p
	switch code {
	case codeLastCancelled, codeLastNoShow:
		var ps []plan
		if chance(r, 0.5) {
			ps = cleanTail(b.abandon(), 2)
		} else {
			ps = cleanTail(b.shortMaintenance(between(r, 6, 14), 28), 3)
		}
		last := ps[len(ps)-1].day
		gap := ps[len(ps)-1].day - ps[len(ps)-2].day
		f := newPlan(nextOpen(last + gap))
		f.clean = true
		notes := notesCancelled
		f.status = visit.Cancelled
		if code == codeLastNoShow {
			f.status, notes = visit.NoShow, notesNoShow
		}
		if chance(r, 0.6) {
			f.note = notes[r.IntN(len(notes))]
		}
		b.realize(append(ps, f))

	case codeStaffSwitch:
		ps := cleanTail(b.shortMaintenance(between(r, 10, 14), 0), 4)
		var others []int8
		for _, t := range r.Perm(len(therapists)) {
			if int8(t) != p.therapist {
				others = append(others, int8(t))
			}
		}
		pattern := []int8{others[0], others[1], others[2], others[r.IntN(2)]}
		for i := range ps {
			ps[i].staff = p.therapist
			if j := i - (len(ps) - 4); j >= 0 {
				ps[i].staff = pattern[j]
			}
		}
		b.realize(ps)

	case codeSlowing:
		b.maintenanceService()
		c := between(r, 10, 21)
		n := between(r, 7, 10)
		grow := []float64{1.7, 2.4, 3.2, 4.2}
		tail := 0
		for _, g := range grow {
			tail += int(g * float64(c))
		}
		m := max(margin(c), visit.Day(1.5*grow[3]*float64(c)))
		span := visit.Day(n*c*7/6 + tail)
		last := b.dayIn(b.start+span, b.asOf-m-5)
		days := b.rhythm(last-span, n, c)
		for _, g := range grow {
			days = append(days, nextOpen(days[len(days)-1]+visit.Day(g*float64(c))))
		}
		b.realize(cleanTail(plans(days), 5))

	case codeOneVisit:
		p.svc = []service{svcKG, svcMT, svcMassage}[pick(r, []float64{40, 30, 30})]
		p.addOn = svcNone
		f := newPlan(b.dayIn(b.start, b.asOf-margin(0)-3))
		f.clean = true
		f.channel = int8(pick(r, []float64{25, 20, 25, 30, 0}))
		p.channel = f.channel
		b.realize([]plan{f})

	case codePlatformOnly:
		p.platformOnly = true
		p.channel = int8([]int{chPortal, chDoctolib}[r.IntN(2)])
		if chance(r, 0.4) {
			b.realize(cleanTail(b.abandon(), 2))
		} else {
			b.realize(cleanTail(b.shortMaintenance(between(r, 4, 12), 0), 4))
		}

	case codePriceUp:
		p.private, p.factor = false, 1
		ps := cleanTail(b.shortMaintenance(between(r, 8, 14), 0), 4)
		mul := float32(1.4 + 0.2*r.Float64())
		for i := len(ps) - 3; i < len(ps); i++ {
			ps[i].mul = mul
		}
		ps[len(ps)-3].note = "Selbstzahler (Rezept abgelaufen)"
		b.realize(ps)

	case codeLongWait:
		p.lead = between(r, 1, 4)
		ps := cleanTail(b.shortMaintenance(between(r, 8, 14), 0), 4)
		for i := len(ps) - 3; i < len(ps); i++ {
			ps[i].lead = between(r, 28, 45)
		}
		ps[len(ps)-1].note = "kein früherer Termin frei"
		b.realize(ps)

	case codeReferral:
		p.referrer = referrers[pick(r, referrerWeight)]
		n, pw := between(r, 2, 4), between(r, 1, 2)
		span := visit.Day(courseSpan(n, pw))
		s := b.dayIn(b.start, b.asOf-margin(7/pw)-span-3)
		b.realize(cleanTail(plans(b.course(s, n, pw)), n))

	case codeLoyalLost:
		b.maintenanceService()
		c := between(r, 7, 21)
		first := b.dayIn(b.start, b.start+90)
		lo := max(first+460, first+visit.Day(26*c*7/6))
		last := b.dayIn(lo, b.asOf-margin(c)-5)
		b.realize(cleanTail(plans(b.rhythmUntil(first, last, c)), 4))

	case codeManyContacts:
		ps := cleanTail(b.shortMaintenance(between(r, 6, 12), 60), 3)
		d := ps[len(ps)-1].day
		gap := d - ps[len(ps)-2].day
		tail := []visit.Status{visit.Cancelled, visit.Cancelled, visit.NoShow, visit.Attended}
		if chance(r, 0.5) {
			tail = []visit.Status{visit.Cancelled, visit.NoShow, visit.Cancelled, visit.Cancelled, visit.Attended}
		}
		d = nextOpen(d + gap)
		for i, st := range tail {
			f := newPlan(d)
			f.clean = true
			f.status = st
			f.note = notesManyContacts[r.IntN(len(notesManyContacts))]
			if i > 0 {
				f.lead = int(d - ps[len(ps)-1].day)
				f.channel = chTelefon
			}
			ps = append(ps, f)
			d = nextOpen(d + visit.Day(between(r, 3, 7)))
		}
		b.realize(ps)

	case codeNoContact:
		p.contact = ""
		if chance(r, 0.5) {
			b.realize(cleanTail(b.abandon(), 2))
		} else {
			b.realize(cleanTail(b.shortMaintenance(between(r, 6, 14), 0), 4))
		}
	}
}

// asciiReplacer spells the letters of German and a few other names in ASCII; ascii drops
// spaces, apostrophes and any other letter.
var asciiReplacer = strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss",
	"é", "e", "è", "e", "ë", "e", "ê", "e", "í", "i", "ì", "i", "ï", "i", "á", "a", "à", "a", "â", "a",
	"ó", "o", "ò", "o", "ô", "o", "ç", "c", "ñ", "n", " ", "", "'", "")

// ascii transliterates a German name for an e-mail address.
func ascii(s string) string {
	return strings.Map(func(c rune) rune {
		if c < 128 {
			return c
		}
		return -1
	}, asciiReplacer.Replace(strings.ToLower(s)))
}

// usualGap returns the median of the gaps between the distinct attended days, and false
// when there are fewer than two.
func usualGap(days []visit.Day) (float64, bool) {
	if len(days) < 2 {
		return 0, false
	}
	gaps := make([]int, len(days)-1)
	for i := 1; i < len(days); i++ {
		gaps[i-1] = int(days[i] - days[i-1])
	}
	sort.Ints(gaps)
	n := len(gaps)
	if n%2 == 1 {
		return float64(gaps[n/2]), true
	}
	return float64(gaps[n/2-1]+gaps[n/2]) / 2, true
}

// attendedDays returns the distinct days with an attended appointment on or before asOf.
func (p *patient) attendedDays(asOf visit.Day) []visit.Day {
	var out []visit.Day
	for _, a := range p.appts {
		if a.status == visit.Attended && a.day <= asOf && (len(out) == 0 || out[len(out)-1] != a.day) {
			out = append(out, a.day)
		}
	}
	return out
}
