package visitgen

import (
	"fmt"
	"io"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/winback/winback/pkg/visit"
)

// LargeConfig describes the booking export [WriteLarge] streams: a chain of salons with
// many customers over a few years.
type LargeConfig struct {
	Seed      uint64
	Rows      int // exactly this many data rows
	Customers int // exactly this many customers, each with at least one row
	// Start is the first day; AsOf the export date. Rows up to BookAhead days after AsOf
	// are booked appointments.
	Start, AsOf visit.Day
	BookAhead   int
}

// DefaultLargeConfig returns the benchmark export: 5,000,000 rows of 300,000 customers
// from 2022-01-01 to 2024-12-31 plus four weeks of bookings, 646.5 MB (about 130 bytes a
// row).
func DefaultLargeConfig() LargeConfig {
	return LargeConfig{
		Seed:      1,
		Rows:      5_000_000,
		Customers: 300_000,
		Start:     visit.DayOf(2022, 1, 1),
		AsOf:      visit.DayOf(2024, 12, 31),
		BookAhead: 28,
	}
}

func (c LargeConfig) validate() error {
	switch {
	case c.Customers < 1 || c.Customers > 20_000_000:
		return fmt.Errorf("%w: customers %d not in [1, 20000000]", ErrConfig, c.Customers)
	case c.Rows < c.Customers || c.Rows > 2_000_000_000:
		return fmt.Errorf("%w: rows %d not in [customers, 2000000000]: every customer has a row", ErrConfig, c.Rows)
	case c.AsOf <= c.Start || c.AsOf-c.Start > 366*30:
		return fmt.Errorf("%w: start %s must be before as-of %s, at most 30 years", ErrConfig, c.Start, c.AsOf)
	case c.BookAhead < 0 || c.BookAhead > 365:
		return fmt.Errorf("%w: book-ahead %d days not in [0, 365]", ErrConfig, c.BookAhead)
	}
	return nil
}

// LargeHeader is the header row of [WriteLarge]'s export.
const LargeHeader = "Customer ID,Name,Email,Phone,Appointment Date,Status,Service,Staff,Channel,Booked At,Location,Price,Notes"

var largeStatus = [visit.NumStatus]string{"Completed", "Cancelled", "No-show", "Booked"}

// largeServices and their base prices in cents; a few cost over a thousand.
var largeServices = []struct {
	name   string
	cents  int64
	weight float64
}{
	{"Haircut", 4500, 30},
	{"Wash, Cut & Style", 6500, 14},
	{"Color", 9500, 12},
	{"Highlights", 14000, 6},
	{"Balayage", 21000, 3},
	{"Manicure", 3500, 10},
	{"Pedicure", 4500, 6},
	{"Massage 60 min", 8500, 8},
	{"Facial", 7500, 6},
	{"Beard Trim", 2000, 5},
	{"Keratin Treatment", 32000, 1.5},
	{"Bridal Package", 114900, 0.3},
	{"Spa Day for Two", 148000, 0.2},
}

var largeChannels = []struct {
	name   string
	weight float64
}{{"Online", 34}, {"Phone", 26}, {"Walk-in", 12}, {"App", 16}, {"Marketplace", 12}}

const chWalkIn = 2

var largeLocations = []string{
	"Downtown", "Riverside", "Old Town", "Harbor", "Westfield", "North Hills", "Airport", "University",
}

// largeStaff are the first names of invented staff, as salon software shows them; the
// five of location l are staff 5l to 5l+4, named largeStaff[staff % len(largeStaff)].
var largeStaff = []string{"Ava", "Ben", "Cleo", "Dan", "Eve", "Finn", "Gia", "Hugo", "Iris", "Jack",
	"Kim", "Leo", "Maya", "Nate", "Opal", "Pia", "Quinn", "Ray", "Sara", "Tom"}

// slotsPerDay are the quarter hours from 08:00 to 19:45.
const slotsPerDay = 48

// largeCustomers holds every customer's fixed part of a row and habits, in arrays to keep
// the memory per customer small.
type largeCustomers struct {
	prefix    []byte   // "id,name,email,phone," of every customer, back to back
	prefixEnd []uint32 // end of customer i's prefix in prefix
	remaining []int32  // rows still to write
	last      []int32  // last day (offset from start) of the customer's rows
	service   []uint8
	staff     []uint8
	channel   []uint8
	location  []uint8
}

// WriteLarge streams a large UTF-8 booking export to w: exactly cfg.Rows rows of
// cfg.Customers customers sorted by appointment date, in memory proportional to the
// number of customers. Customers' visit counts are skewed (many come once, a few very
// often); Notes are mostly empty, sometimes quoted text with commas, quotes or a line
// break.
func WriteLarge(w io.Writer, cfg LargeConfig) (Stats, error) {
	var st Stats
	if err := cfg.validate(); err != nil {
		return st, err
	}
	r := newRand(cfg.Seed, streamLarge, 0)
	span := int(cfg.AsOf-cfg.Start) + cfg.BookAhead + 1
	counts := skewedCounts(r, cfg.Rows, cfg.Customers)
	buckets := make([][]int32, span)
	lw := newLargeWriter(w, cfg, cfg.Customers, r)
	cs := lw.cs
	for i := range cfg.Customers {
		n := counts[i]
		cs.remaining[i] = int32(n)
		cs.add(r, i)
		cs.service[i] = uint8(pick(r, lw.svcW))
		cs.channel[i] = uint8(pick(r, lw.chW))
		// The customer's rhythm: every few weeks, more often the more they come.
		length := 0
		if n > 1 {
			gap := 7 + gamma(r, 2, 2.0/25)
			length = min(span-1, int(float64(n-1)*gap))
		}
		first := r.IntN(span - length)
		cs.last[i] = int32(first + length)
		buckets[first] = append(buckets[first], int32(i))
	}
	type booking struct {
		c    int32
		slot uint8
	}
	var day []booking // the day's customers, in the order they came due
	for d := range span {
		due := buckets[d]
		buckets[d] = nil
		day = day[:0]
		for k := 0; k < len(due); k++ {
			c := due[k]
			day = append(day, booking{c, uint8(r.IntN(slotsPerDay))})
			cs.remaining[c]--
			if left := cs.remaining[c]; left > 0 {
				room := int(cs.last[c]) - d
				gap := min(room, int(float64(room)/float64(left)*(0.5+r.Float64())))
				if gap == 0 {
					due = append(due, c)
				} else {
					buckets[d+gap] = append(buckets[d+gap], c)
				}
			}
		}
		slices.SortStableFunc(day, func(a, b booking) int { return int(a.slot) - int(b.slot) })
		for _, b := range day {
			if err := lw.row(b.c, d, b.slot); err != nil {
				return lw.st, err
			}
		}
	}
	if err := lw.flush(); err != nil {
		return lw.st, err
	}
	lw.st.Customers = cfg.Customers
	return lw.st, nil
}

// skewedCounts returns how many rows each customer gets: about a third come once, the
// rest share the remaining rows by gamma-distributed weights. The counts sum to rows.
func skewedCounts(r *rand.Rand, rows, customers int) []int32 {
	counts := make([]int32, customers)
	weights := make([]float64, customers)
	var sum float64
	for i := range weights {
		if customers > 1 && chance(r, 0.32) {
			continue
		}
		weights[i] = gamma(r, 0.8, 1)
		sum += weights[i]
	}
	if sum == 0 {
		for i := range weights {
			weights[i] = 1
		}
		sum = float64(customers)
	}
	extra := rows - customers
	given := 0
	var many []int
	for i, w := range weights {
		k := int(math.Floor(w / sum * float64(extra)))
		counts[i] = int32(1 + k)
		given += k
		if w > 0 {
			many = append(many, i)
		}
	}
	// The rest, fewer than len(many), go one each to customers from a random offset on.
	off := r.IntN(len(many))
	for k := 0; given < extra; k++ {
		counts[many[(off+k)%len(many)]]++
		given++
	}
	return counts
}

// add draws customer i's location and usual staff member, and appends their id, name,
// e-mail and phone to the prefix arena.
func (cs *largeCustomers) add(r *rand.Rand, i int) {
	first := englishFirst[r.IntN(len(englishFirst))]
	last := englishLast[r.IntN(len(englishLast))]
	b := cs.prefix
	b = append(b, 'C')
	b = strconv.AppendInt(b, int64(i+1), 10)
	b = append(b, ",\""...)
	b = append(b, strings.ReplaceAll(last, `"`, `""`)...)
	b = append(b, ", "...)
	b = append(b, first...)
	b = append(b, "\","...)
	if chance(r, 0.4) {
		b = append(b, ascii(first)...)
		b = append(b, '.')
		b = append(b, ascii(last)...)
		b = strconv.AppendInt(b, int64(i+1), 10)
		b = append(b, '@')
		b = append(b, mailDomains[r.IntN(len(mailDomains))]...)
	}
	b = append(b, ',')
	if chance(r, 0.4) {
		// 555-0100 to 555-0199 are set aside for fiction in every North American area code.
		b = append(b, '(')
		b = strconv.AppendInt(b, int64(between(r, 201, 989)), 10)
		b = append(b, ") 555-01"...)
		b = append(b, byte('0'+r.IntN(10)), byte('0'+r.IntN(10)))
	}
	b = append(b, ',')
	cs.prefix = b
	cs.prefixEnd[i] = uint32(len(b))
	cs.location[i] = uint8(r.IntN(len(largeLocations)))
	cs.staff[i] = uint8(int(cs.location[i])*5 + r.IntN(5))
}

// largeWriter formats rows into a buffer without fmt or per-row allocations.
type largeWriter struct {
	w   io.Writer
	buf []byte
	cfg LargeConfig
	cs  *largeCustomers
	r   *rand.Rand
	st  Stats

	price     [][]byte // formatted price by service, then location, then year
	y0, years int      // the start's year; the years of prices
	svcText   [][]byte // service names, quoted where needed
	notes     [][]byte // notes without a line break, quoted where needed
	noteNL    []byte   // the note with a line break
	svcW      []float64
	chW       []float64
}

const largeLeadMax = 60

// newLargeWriter returns the writer of an export of n customers, its header in the buffer.
func newLargeWriter(w io.Writer, cfg LargeConfig, n int, r *rand.Rand) *largeWriter {
	cs := &largeCustomers{
		prefixEnd: make([]uint32, n),
		remaining: make([]int32, n),
		last:      make([]int32, n),
		service:   make([]uint8, n),
		staff:     make([]uint8, n),
		channel:   make([]uint8, n),
		location:  make([]uint8, n),
	}
	lw := &largeWriter{w: w, buf: make([]byte, 0, 1<<18), cfg: cfg, cs: cs, r: r}
	lw.y0, _, _ = cfg.Start.Date()
	y1, _, _ := (cfg.AsOf + visit.Day(cfg.BookAhead)).Date()
	lw.years = y1 - lw.y0 + 1
	locFactor := []float64{0.95, 1, 1.1, 1.05, 0.9, 1, 1.15, 0.95}
	for _, svc := range largeServices {
		for l := range largeLocations {
			for y := range lw.years {
				// Prices differ by location and rise 4 % a year, rounded to 50 cents.
				f := locFactor[l] * math.Pow(1.04, float64(y))
				lw.price = append(lw.price, money(int64(math.Round(float64(svc.cents)*f/50)*50)))
			}
		}
	}
	for _, n := range notesEnglish {
		if strings.Contains(n, "\n") {
			lw.noteNL = csvField(n)
		} else {
			lw.notes = append(lw.notes, csvField(n))
		}
	}
	for _, s := range largeServices {
		lw.svcW = append(lw.svcW, s.weight)
		lw.svcText = append(lw.svcText, csvField(s.name))
	}
	for _, c := range largeChannels {
		lw.chW = append(lw.chW, c.weight)
	}
	lw.buf = append(lw.buf, LargeHeader+"\n"...)
	return lw
}

// row appends customer c's appointment on day offset d (from cfg.Start).
func (lw *largeWriter) row(c int32, d int, slot uint8) error {
	r := lw.r
	day := lw.cfg.Start + visit.Day(d)
	status := visit.Attended
	if day > lw.cfg.AsOf {
		status = visit.Booked
	} else if x := r.Float64(); x < 0.08 {
		status = visit.Cancelled
	} else if x < 0.115 {
		status = visit.NoShow
	}
	svc := int(lw.cs.service[c])
	if chance(r, 0.25) {
		svc = pick(r, lw.svcW)
	}
	y, _, _ := day.Date()
	price := lw.price[(svc*len(largeLocations)+int(lw.cs.location[c]))*lw.years+y-lw.y0]
	return lw.emit(c, d, slot, status, lw.svcText[svc], price)
}

// emit appends one row of customer c on day offset d with the given status, service and
// price (both already quoted where needed), drawing staff, channel, booking time and
// notes from the customer's habits.
func (lw *largeWriter) emit(c int32, d int, slot uint8, status visit.Status, service, price []byte) error {
	cs, r, b := lw.cs, lw.r, lw.buf
	startOf := uint32(0)
	if c > 0 {
		startOf = cs.prefixEnd[c-1]
	}
	b = append(b, cs.prefix[startOf:cs.prefixEnd[c]]...)
	day := lw.cfg.Start + visit.Day(d)
	at := 8*60 + 15*int(slot) // minutes: the quarter hours from 08:00
	b = appendTime(day.AppendISO(b), at)
	b = append(b, ',')
	b = append(b, largeStatus[status]...)
	b = append(b, ',')
	b = append(b, service...)
	b = append(b, ',')
	staff := int(cs.staff[c])
	if chance(r, 0.2) {
		staff = int(cs.location[c])*5 + r.IntN(5)
	}
	b = append(b, largeStaff[staff%len(largeStaff)]...)
	b = append(b, ',')
	ch := int(cs.channel[c])
	if chance(r, 0.3) {
		ch = pick(r, lw.chW)
	}
	b = append(b, largeChannels[ch].name...)
	b = append(b, ',')
	if ch == chWalkIn {
		b = appendTime(day.AppendISO(b), at)
	} else {
		lead := min(largeLeadMax, int(gamma(r, 1.2, 0.12)))
		booked := min(day-visit.Day(lead), lw.cfg.AsOf)
		m := 7*60 + r.IntN(15*60)
		if booked == day {
			m = 7*60 + r.IntN(60+15*int(slot)) // before the appointment
		}
		b = appendTime(booked.AppendISO(b), m)
	}
	b = append(b, ',')
	b = append(b, largeLocations[cs.location[c]]...)
	b = append(b, ',')
	b = append(b, price...)
	b = append(b, ',')
	if x := r.Float64(); x < 0.01 {
		b = append(b, lw.noteNL...)
	} else if x < 0.07 {
		b = append(b, lw.notes[r.IntN(len(lw.notes))]...)
	}
	b = append(b, '\n')
	lw.buf = b
	lw.st.Rows++
	if len(b) >= 1<<18-1024 {
		return lw.flush()
	}
	return nil
}

func (lw *largeWriter) flush() error {
	n, err := lw.w.Write(lw.buf)
	lw.st.Bytes += int64(n)
	lw.buf = lw.buf[:0]
	if err != nil {
		return fmt.Errorf("write large export: %w", err)
	}
	return nil
}

// appendTime appends "T15:04" for m minutes after midnight.
func appendTime(b []byte, m int) []byte {
	return append(b, 'T', byte('0'+m/600), byte('0'+m/60%10), ':', byte('0'+m%60/10), byte('0'+m%10))
}

// money formats cents with a dot and thousands commas, quoted when it has a comma.
func money(c int64) []byte {
	units := strconv.FormatInt(c/100, 10)
	var sb strings.Builder
	for i, d := range units {
		if i > 0 && (len(units)-i)%3 == 0 {
			sb.WriteByte(',')
		}
		sb.WriteRune(d)
	}
	fmt.Fprintf(&sb, ".%02d", c%100)
	return csvField(sb.String())
}

// csvField quotes s as CSV requires when it holds a comma, a quote or a line break.
func csvField(s string) []byte {
	if !strings.ContainsAny(s, ",\"\r\n") {
		return []byte(s)
	}
	return []byte(`"` + strings.ReplaceAll(s, `"`, `""`) + `"`)
}
