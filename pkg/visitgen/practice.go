package visitgen

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/charmap"

	"github.com/winback/winback/pkg/visit"
)

// maxAttempts bounds how often one patient is redrawn until their history has the
// properties their kind promises.
const maxAttempts = 500

// practice is every patient of one invented practice, generated up to asOf.
type practice struct {
	cfg      PraxisConfig
	patients []*patient // sorted by id
}

// accepter may reject a generated patient (the monthly scenario rejects accidental returns).
type accepter func(p *patient) bool

// generate invents the patients of kinds; each patient is drawn from its own random
// sequence, so patients do not depend on each other.
func generate(cfg PraxisConfig, kinds []kind, wonBackFirst visit.Day, accept accepter) (*practice, error) {
	order := newRand(cfg.Seed, streamPraxis, math.MaxUint32)
	kinds = slices.Clone(kinds)
	order.Shuffle(len(kinds), func(i, j int) { kinds[i], kinds[j] = kinds[j], kinds[i] })
	pr := &practice{cfg: cfg, patients: make([]*patient, len(kinds))}
	for i, k := range kinds {
		for attempt := range maxAttempts {
			b := builder{
				r:            newRand(cfg.Seed, streamPraxis, uint64(i)<<16|uint64(attempt)),
				start:        cfg.Start,
				asOf:         cfg.AsOf,
				bookAhead:    cfg.BookAhead,
				wonBackFirst: wonBackFirst,
			}
			b.newPatient(k)
			b.build(k)
			if b.check(k) && (accept == nil || accept(b.p)) {
				pr.patients[i] = b.p
				break
			}
		}
		if pr.patients[i] == nil {
			return nil, fmt.Errorf("%w: no history for a %s patient fits between %s and %s after %d attempts",
				ErrConfig, kindName(k), cfg.Start, cfg.AsOf, maxAttempts)
		}
	}
	// Patient numbers grow with the first appointment, as a practice hands them out.
	sort.SliceStable(pr.patients, func(i, j int) bool {
		return pr.patients[i].appts[0].day < pr.patients[j].appts[0].day
	})
	ids := newRand(cfg.Seed, streamPraxisIDs, 0)
	id := 1000
	for _, p := range pr.patients {
		id += between(ids, 1, 3)
		p.id = id
	}
	for _, p := range pr.patients {
		p.judge(cfg.AsOf)
	}
	return pr, nil
}

func kindName(k kind) string {
	if s := k.story(); s != "" {
		return "dropped (" + s + ")"
	}
	if k == kWonBack {
		return "won-back"
	}
	return k.state()
}

// check reports whether the built patient shows what their kind promises, with a margin
// wide enough that reasonable lapse rules agree.
func (b *builder) check(k kind) bool {
	p, asOf := b.p, b.asOf
	future, ok := b.apptsInOrder()
	if !ok {
		return false
	}
	att := p.attendedDays(asOf)
	u, hasU := usualGap(att)
	gap := 0.0
	if len(att) > 0 {
		gap = float64(asOf - att[len(att)-1])
	}
	switch k.stateWith(future) {
	case StateActive:
		if future || !hasU {
			return false
		}
		if k == kActiveYearly {
			return gap <= u-10
		}
		return gap < 42 && gap <= 1.5*u
	case StateBooked:
		return future
	case StateCourseFinished:
		return !future && gap >= 21 && finishedCourse(p, asOf)
	}
	// Dropped.
	if future || len(att) == 0 || gap < 56 || hasU && gap < 3*u {
		return false
	}
	return droppedAsTold(p, k.story(), att, asOf)
}

// apptsInOrder reports whether the patient has appointments, in order, each booked
// before its day and within the data, those after as-of booked by then and not too far
// ahead, and no earlier one still booked; future says whether one is after as-of.
func (b *builder) apptsInOrder() (future, ok bool) {
	p, asOf := b.p, b.asOf
	if len(p.appts) == 0 {
		return false, false
	}
	for i, a := range p.appts {
		if i > 0 && a.day < p.appts[i-1].day || a.booked > a.day || a.day < b.start {
			return false, false
		}
		if a.day > asOf {
			if a.status != visit.Booked || a.booked > asOf || a.day > asOf+visit.Day(b.bookAhead) {
				return false, false
			}
			future = true
		} else if a.status == visit.Booked {
			return false, false
		}
	}
	return future, true
}

// droppedAsTold reports whether a dropped patient's last visits tell their story.
func droppedAsTold(p *patient, story string, att []visit.Day, asOf visit.Day) bool {
	past := p.pastAppts(asOf)
	lastStatus := past[len(past)-1].status
	switch {
	case story == codeLastCancelled && lastStatus != visit.Cancelled,
		story == codeLastNoShow && lastStatus != visit.NoShow,
		story != codeLastCancelled && story != codeLastNoShow && lastStatus != visit.Attended,
		story == codeOneVisit && len(att) != 1,
		story != codeOneVisit && len(att) < 2,
		story != codeLoyalLost && loyal(att),
		story == codeLoyalLost && !loyal(att),
		finishedCourse(p, asOf):
		return false
	}
	return true
}

// loyal reports whether attended days make a long, frequent history: at least 20 visit
// days over at least a year.
func loyal(att []visit.Day) bool {
	return len(att) >= 20 && att[len(att)-1]-att[0] >= 365
}

// finishedCourse reports whether the patient's last visits are a course: at least six
// attended days of their main service in a row, with a median gap of at most ten days.
func finishedCourse(p *patient, asOf visit.Day) bool {
	att := p.attendedDays(asOf)
	// A course is a run of visits without a gap over 21 days.
	i := len(att) - 1
	for i > 0 && att[i]-att[i-1] <= 21 {
		i--
	}
	run := att[i:]
	if len(run) < 6 {
		return false
	}
	u, _ := usualGap(run)
	return u <= 10
}

func (p *patient) pastAppts(asOf visit.Day) []appt {
	n := sort.Search(len(p.appts), func(i int) bool { return p.appts[i].day > asOf })
	return p.appts[:n]
}

// judge fills in the truth columns as of asOf.
func (p *patient) judge(asOf visit.Day) {
	att := p.attendedDays(asOf)
	past := p.pastAppts(asOf)
	future := len(past) < len(p.appts)
	state := p.kind.stateWith(future)
	p.truthState = state
	p.truthVisits = len(att)
	if u, ok := usualGap(att); ok {
		p.truthUsual = strconv.FormatFloat(u, 'f', -1, 64)
	}
	if len(att) > 0 {
		p.truthLast = att[len(att)-1].String()
	}
	p.truthFirstChannel = channelNames[p.appts[0].channel]
	switch state {
	case StateDropped:
		p.truthDropout = past[len(past)-1].day.String()
	case StateCourseFinished:
		p.truthDropout = att[len(att)-1].String()
	default:
		return
	}
	last := past[len(past)-1].status
	codes := map[string]bool{
		codeCourseFinished: state == StateCourseFinished,
		codePlatformOnly:   !slices.ContainsFunc(past, func(a appt) bool { return !isPlatform(a.channel) }),
		codeOneVisit:       len(att) == 1,
		codeLastCancelled:  last == visit.Cancelled,
		codeLastNoShow:     last == visit.NoShow,
		codeReferral:       p.referrer != "",
		codeNoContact:      p.contact == "",
		codeLoyalLost:      loyal(att),
	}
	codes[p.kind.story()] = true // "" for a patient without a story, listed nowhere
	for _, c := range codeOrder {
		if codes[c] {
			p.truthCodes = append(p.truthCodes, c)
		}
	}
}

// praxisHeader is the export's header row.
var praxisHeader = []string{
	"Patienten-Nr.", "Nachname", "Vorname", "Geburtsdatum", "Telefon", "E-Mail", "Kontaktweg",
	"Termin", "Uhrzeit", "Status", "Leistung", "Behandler/in", "Buchungsweg", "Gebucht am",
	"Überweiser", "Standort", "Honorar (€)", "Bemerkung",
}

var praxisStatus = [visit.NumStatus]string{"erschienen", "abgesagt", "nicht erschienen", "geplant"}

// row is one export row: an appointment, or its add-on service.
type row struct {
	p     *patient
	a     *appt
	addOn bool
}

func (r row) minute() int16 {
	if r.addOn && r.p.addOn == svcFango {
		return r.a.minute + 20
	}
	return r.a.minute
}

// writeExport writes the practice's export as taken on asOf (which may be before the
// practice's own as-of date): appointments up to asOf with their outcome, and those
// booked by asOf for the BookAhead days after it as geplant.
func (pr *practice) writeExport(w io.Writer, asOf visit.Day) (Stats, error) {
	var rows []row
	for _, p := range pr.patients {
		for i := range p.appts {
			a := &p.appts[i]
			if a.day > asOf && (a.booked > asOf || a.day > asOf+visit.Day(pr.cfg.BookAhead)) {
				continue
			}
			rows = append(rows, row{p: p, a: a})
			if p.addOn != svcNone {
				rows = append(rows, row{p: p, a: a, addOn: true})
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(cmp.Compare(a.a.day, b.a.day), cmp.Compare(a.minute(), b.minute()), cmp.Compare(a.p.id, b.p.id))
	})
	cw := &countingWriter{w: w}
	enc := charmap.Windows1252.NewEncoder().Writer(cw)
	out := csv.NewWriter(enc) // its errors stick: out.Error tells after Flush
	out.Comma = ';'
	out.UseCRLF = true
	var st Stats
	out.Write(praxisHeader)
	seen := map[*patient]bool{}
	for _, r := range rows {
		p, a := r.p, r.a
		status := a.status
		if a.day > asOf {
			status = visit.Booked
		}
		svc, note := p.svc, a.note
		if r.addOn {
			svc, note = p.addOn, ""
		}
		honorar := ""
		if status == visit.Attended || status == visit.NoShow && a.fee && !r.addOn {
			honorar = euros(pr.price(p, a, svc))
		}
		m := r.minute()
		out.Write([]string{
			strconv.Itoa(p.id), p.lastName, p.firstName, p.birth.German(), p.phone, p.email, p.contact,
			a.day.German(), fmt.Sprintf("%02d:%02d", m/60, m%60), praxisStatus[status], serviceNames[svc],
			therapists[a.staff], channelNames[a.channel], a.booked.German(), p.referrer,
			locations[p.location], honorar, note,
		})
		st.Rows++
		seen[p] = true
	}
	out.Flush()
	if err := out.Error(); err != nil {
		return st, fmt.Errorf("write praxis export: %w", err)
	}
	// The encoder keeps an incomplete character back until closed; closing it does not
	// close w.
	if err := enc.(io.Closer).Close(); err != nil {
		return st, fmt.Errorf("write praxis export: %w", err)
	}
	st.Customers = len(seen)
	st.Bytes = cw.n
	return st, nil
}

// price returns what the patient pays for svc at appointment a, in cents.
func (pr *practice) price(p *patient, a *appt, svc service) int64 {
	f := p.factor
	if a.mul != 0 {
		f *= float64(a.mul)
	}
	if a.day >= pr.cfg.PriceRise {
		f *= 1 + pr.cfg.PriceRisePercent/100
	}
	return int64(math.Round(float64(serviceCents[svc]) * f))
}

func euros(c int64) string { return fmt.Sprintf("%d,%02d", c/100, c%100) }

// praxisTruthHeader is the truth file's header row.
var praxisTruthHeader = []string{
	"patient_id", "state", "dropout_day", "codes", "usual_gap_days", "story", "last_visit",
	"visit_days", "first_channel",
}

// writeTruth writes one line per patient, by patient number.
func (pr *practice) writeTruth(w io.Writer) error {
	out := csv.NewWriter(w) // its errors stick: out.Error tells after Flush
	out.Write(praxisTruthHeader)
	for _, p := range pr.patients {
		story := p.kind.story()
		if p.kind == kCourseFinished {
			story = codeCourseFinished
		}
		out.Write([]string{
			strconv.Itoa(p.id), p.truthState, p.truthDropout, strings.Join(p.truthCodes, "|"),
			p.truthUsual, story, p.truthLast, strconv.Itoa(p.truthVisits), p.truthFirstChannel,
		})
	}
	out.Flush()
	if err := out.Error(); err != nil {
		return fmt.Errorf("write truth: %w", err)
	}
	return nil
}

// WritePraxis writes the export of the practice cfg describes to export (Windows-1252,
// `;`-separated, CRLF) and one truth line per patient to truth (UTF-8 CSV): state, dropout
// day, the signal codes that hold, usual gap. Either writer may be nil.
func WritePraxis(export, truth io.Writer, cfg PraxisConfig) (Stats, error) {
	var st Stats
	if err := cfg.validate(); err != nil {
		return st, err
	}
	pr, err := generate(cfg, quotas(cfg.Patients), visit.NoDay, nil)
	if err != nil {
		return st, err
	}
	if export != nil {
		if st, err = pr.writeExport(export, cfg.AsOf); err != nil {
			return st, err
		}
	}
	if truth != nil {
		err = pr.writeTruth(truth)
	}
	return st, err
}
