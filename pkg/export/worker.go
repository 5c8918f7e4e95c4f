package export

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/cespare/xxhash/v2"

	"github.com/winback/winback/pkg/field"
	"github.com/winback/winback/pkg/visit"
)

// worker parses blocks into rows and routes them to the aggregation shards by customer.
type worker struct {
	r          *reader
	sp         splitter
	batches    []*rowBatch // one per shard, for the block being parsed
	ascii      bool        // the record being parsed is all ASCII: no field needs recoding
	lastDate   [2]lastDate // the date and booking date parsed last
	lastStatus []byte      // the status value looked up last (nil: none yet)
	lastEntry  statusEntry // and what it means
	statuses   map[string]statusEntry
	statusFile int
	seq        int  // the block being parsed
	failed     bool // the block had a bad row under --strict

	// findings, merged by reader.run when all work is done
	rows, blank, badBooked, recoded, keyFallback int
	lines, accepted                              int        // physical lines of the records parsed; rows handed on
	rejects                                      []RowError // of the block being parsed
	unknown                                      map[string]int
	statusSeen                                   map[string]*statusTally
	layouts                                      map[int]*[256]int // by file, date layouts seen
	// evidence about the amount column, added to reader.ev at the end
	point, comma, amountAmbiguous int64
}

// lastDate is the date value parsed last: the date column often repeats it.
type lastDate struct {
	raw []byte
	d   field.Date
	err error
}

// parseDate parses v, a value of the date (col 0) or booking date (col 1) column.
func (w *worker) parseDate(col int, v []byte) (field.Date, error) {
	l := &w.lastDate[col]
	if l.raw != nil && string(l.raw) == string(v) {
		return l.d, l.err
	}
	d, err := field.ParseDate(v)
	l.raw = append(l.raw[:0], v...)
	l.d, l.err = d, err
	return d, err
}

type statusEntry struct {
	status visit.Status
	known  bool
	label  string
	tally  *statusTally // of label
}

type statusTally struct {
	status visit.Status
	known  bool
	count  int
}

func newWorker(r *reader) *worker {
	return &worker{
		r:          r,
		batches:    make([]*rowBatch, r.workers),
		statuses:   map[string]statusEntry{},
		statusFile: -1,
		unknown:    map[string]int{},
		statusSeen: map[string]*statusTally{},
		layouts:    map[int]*[256]int{},
	}
}

func (w *worker) loop() {
	defer w.r.wg.Done()
	for j := range w.r.jobs {
		for s := range w.batches {
			bt := w.r.getBatch()
			bt.block = j.block
			bt.source = uint16(min(j.fs.index, math.MaxUint16))
			bt.keep = j.fs.keep
			bt.orderTotal = j.fs.amount == orderTotal
			w.batches[s] = bt
		}
		if int64(j.seq) <= w.r.stopAt.Load() {
			w.parse(j)
		}
		j.rejects, w.rejects = w.rejects, nil
		for s, ch := range w.r.shards {
			ch <- &batch{job: j, rows: w.batches[s]}
			w.batches[s] = nil
		}
		w.r.parsed <- j
	}
}

// parse turns a block's records into rows.
func (w *worker) parse(j *job) {
	fs := j.fs
	w.seq, w.failed = j.seq, false
	// The arena only holds fields of this block's rows, which are copied into the batches.
	w.sp = splitter{delim: fs.dial.delim, whitespace: fs.dial.whitespace, quotes: !fs.dial.whitespace, fields: w.sp.fields, arena: w.sp.arena[:0]}
	layouts := w.layouts[fs.index]
	if layouts == nil {
		layouts = new([256]int)
		w.layouts[fs.index] = layouts
	}
	b := j.block
	line := j.line
	nul := bytes.IndexByte(b, 0) >= 0
	for pos := 0; pos < len(b); {
		fields, next, extra, err := w.sp.record(b, pos)
		raw := b[pos:next]
		thisLine := line
		line += 1 + extra
		pos = next
		if err != nil {
			// The split stops counting at the open quote: count the lines it took.
			line = thisLine + bytes.Count(raw, nl)
			if len(raw) > 0 && raw[len(raw)-1] != '\n' {
				line++
			}
		}
		w.lines += line - thisLine
		if len(fields) == 0 || (len(fields) == 1 && len(bytes.TrimSpace(fields[0])) == 0) {
			if len(bytes.TrimSpace(raw)) == 0 {
				w.rows++
				w.blank++
				continue
			}
		}
		w.rows++
		switch {
		case err != nil:
			// The quote opens the field after the ones read; it runs to the end of the file.
			w.reject(fs, thisLine, len(fields)+1, "unterminated-quote", "a quoted field is never closed (a \" is missing); the rest of the file was read as this one row", "", raw)
		case nul && bytes.IndexByte(raw, 0) >= 0:
			w.reject(fs, thisLine, fieldWith(fields, 0), "nul-byte", "the row holds a NUL byte (a damaged file, or binary data in a text export)", "", raw)
		case extra >= longRecord && w.longRecord(fs, fields, thisLine, extra, raw):
			// rejected
		default:
			w.row(fs, fields, thisLine, raw, layouts)
		}
		if w.failed {
			return
		}
	}
}

// longRecord is how many line ends a record may hold outside the notes columns before it
// is taken for a quote opened by mistake.
const longRecord = 4

// longRecord rejects such a record and reports whether it did.
func (w *worker) longRecord(fs *fileState, fields [][]byte, line, extra int, raw []byte) bool {
	n, col, most := 0, 0, 0
	for i, f := range fields {
		if i < len(fs.notes) && fs.notes[i] {
			continue
		}
		k := bytes.Count(f, nl)
		n += k
		if k > most {
			most, col = k, i+1
		}
	}
	if n < longRecord {
		return false
	}
	w.reject(fs, line, col, "long-record", fmt.Sprintf("the row runs from line %d to line %d: column %d holds %d line ends (a quote opened by mistake that took the rows after it?)", line, line+extra, col, most), "", raw)
	return true
}

// fieldWith returns the 1-based number of the first field holding byte c, 0 if none.
func fieldWith(fields [][]byte, c byte) int {
	for i, f := range fields {
		if bytes.IndexByte(f, c) >= 0 {
			return i + 1
		}
	}
	return 0
}

// isHeader reports whether fields repeat the file's header row.
func (w *worker) isHeader(fs *fileState, fields [][]byte) bool {
	if len(fields) < fs.nfields || !fs.report.Header {
		return false
	}
	for i, h := range fs.header {
		if string(trimSpace(fields[i])) != strings.TrimSpace(h) {
			return false
		}
	}
	return true
}

// fail stops the current block at a bad row under --strict.
func (w *worker) fail() {
	w.failed = true
	w.r.stopAtSeq(w.seq)
}

func (w *worker) reject(fs *fileState, line, col int, code, reason, value string, raw []byte) {
	e := RowError{File: fs.name, Line: line, Column: col, Code: code, Reason: reason, Value: value,
		Raw: string(bytes.TrimRight(raw, "\r\n"))}
	if col > 0 && col <= len(fs.header) {
		e.Header = fs.header[col-1]
	}
	w.rejects = append(w.rejects, e)
	if w.r.opt.Strict {
		w.fail()
	}
}

// chainHash folds field f into h, the hash of the fields before it: short fields with two
// loads and a multiply as in wyhash, longer ones through xxhash. It is unseeded, so the
// duplicates are the same on every run.
func chainHash(h uint64, f []byte) uint64 {
	const k1, k2 = 0xa0761d6478bd642f, 0xe7037ed1a0b428db
	n := len(f)
	var a, b uint64
	switch {
	case n > 16:
		a, b = xxhash.Sum64(f), uint64(n)
	case n >= 8:
		a, b = binary.LittleEndian.Uint64(f), binary.LittleEndian.Uint64(f[n-8:])
	case n >= 4:
		a, b = uint64(binary.LittleEndian.Uint32(f)), uint64(binary.LittleEndian.Uint32(f[n-4:]))
	case n > 0:
		a = uint64(f[0])<<16 | uint64(f[n>>1])<<8 | uint64(f[n-1])
	}
	hi, lo := bits.Mul64(a^k1^uint64(n)<<56, b^h^k2)
	return hi ^ lo
}

// onlineChannel is the channel a "booked online" yes/no column stands for.
var onlineChannel = map[bool][]byte{true: []byte("online"), false: []byte("direct")}

// span returns the span of v in bt: in the block when v is there as written, else a copy.
func (w *worker) span(bt *rowBatch, v []byte) span {
	if len(v) == 0 {
		return span{}
	}
	// Comparing addresses tells whether v lies inside the block; both are live slices.
	base := uintptr(unsafe.Pointer(unsafe.SliceData(bt.block)))
	p := uintptr(unsafe.Pointer(unsafe.SliceData(v)))
	if p >= base && p+uintptr(len(v)) <= base+uintptr(len(bt.block)) {
		return span{off: uint32(p - base), len: uint32(len(v))}
	}
	return bt.add(v)
}

// trimSpace is bytes.TrimSpace with a shortcut for the common field.
func trimSpace(f []byte) []byte {
	if len(f) == 0 || (f[0] > ' ' && f[0] < 0x80 && f[len(f)-1] > ' ' && f[len(f)-1] < 0x80) {
		return f
	}
	return bytes.TrimSpace(f)
}

// get returns the field for concept c, decoded to UTF-8 and trimmed; nil when absent.
func (w *worker) get(fs *fileState, fields [][]byte, c Concept) []byte {
	i := fs.cols.idx[c]
	if i < 0 || i >= len(fields) {
		return nil
	}
	f := trimSpace(fields[i])
	if fs.fallback && !w.ascii && !isASCII(f) {
		var fixed bool
		f, fixed = fixField(f, &w.sp.arena)
		if fixed {
			w.recoded++
		}
	}
	return f
}

// rowIn is the row being parsed: where it is and its fields.
type rowIn struct {
	fs     *fileState
	fields [][]byte
	line   int
	raw    []byte
}

// rejectRow rejects the row at column col (0: the whole row).
func (w *worker) rejectRow(in *rowIn, col int, code, reason, value string) {
	w.reject(in.fs, in.line, col, code, reason, value, in.raw)
}

// col returns the 1-based column of concept c.
func (in *rowIn) col(c Concept) int { return in.fs.cols.idx[c] + 1 }

func (w *worker) row(fs *fileState, fields [][]byte, line int, raw []byte, layouts *[256]int) {
	in := &rowIn{fs: fs, fields: fields, line: line, raw: raw}
	if !w.wellFormed(in) {
		return
	}
	var row parsedRow
	w.ascii = fs.fallback && isASCII(raw)
	key := w.customerKey(in)
	if len(key) == 0 {
		w.rejectRow(in, in.col(fs.keyBy), "missing-customer", "no customer: the "+describeKey(fs.keyBy)+" is empty", "")
		return
	}
	if !w.dates(in, &row, layouts) || !w.rowStatus(in, &row) || !w.amount(in, &row) {
		return
	}
	w.orderNumber(in, &row)
	bt := w.batches[int(chainHash(0, key)%uint64(len(w.batches)))] // the customer's shard
	row.key = w.span(bt, key)
	w.names(in, bt, &row)
	if fs.identify {
		row.hash = rowHash(fs, fields)
	}
	bt.rows = append(bt.rows, row)
	w.accepted++
}

// wellFormed counts a blank row, rejects a ragged or otherwise keyed one, and reports
// whether the row is to be read.
func (w *worker) wellFormed(in *rowIn) bool {
	fs, fields := in.fs, in.fields
	blank := true
	for _, f := range fields {
		if len(trimSpace(f)) > 0 {
			blank = false
			break
		}
	}
	if blank {
		w.blank++
		return false
	}
	// Ragged rows shift values into the wrong columns; only trailing empty fields are let go.
	if len(fields) != fs.nfields {
		ok := len(fields) > fs.nfields
		for _, f := range fields[min(len(fields), fs.nfields):] {
			if len(bytes.TrimSpace(f)) > 0 {
				ok = false
			}
		}
		if !ok {
			w.rejectRow(in, 0, "ragged", fmt.Sprintf("the row has %d fields but the header has %d (a delimiter inside an unquoted value?)", len(fields), fs.nfields), "")
			return false
		}
	}
	if fs.otherKey != "" {
		w.rejectRow(in, in.col(fs.keyBy), "key-kind", fs.otherKey, "")
		return false
	}
	return true
}

// customerKey returns the row's customer by the file's key column or, when that is empty,
// by e-mail or phone, marked ("email:"); never by name, which two people may share.
func (w *worker) customerKey(in *rowIn) []byte {
	fs := in.fs
	key := w.key(fs, fs.keyBy, in.fields)
	if len(key) > 0 || (fs.keyBy != Customer && fs.keyBy != Email) {
		return key
	}
	for _, c := range []Concept{Email, Phone} {
		if c == fs.keyBy || !fs.cols.has(c) {
			continue
		}
		if k := w.key(fs, c, in.fields); len(k) > 0 {
			from := len(w.sp.arena)
			w.sp.arena = append(w.sp.arena, c.String()...)
			w.sp.arena = append(w.sp.arena, ':')
			w.sp.arena = append(w.sp.arena, k...)
			w.keyFallback++
			return w.sp.arena[from:len(w.sp.arena):len(w.sp.arena)]
		}
	}
	return nil
}

// dates reads the row's date (rejecting the row without one) and its booking date (a bad
// one costs the lead time only).
func (w *worker) dates(in *rowIn, row *parsedRow, layouts *[256]int) bool {
	fs := in.fs
	dv := w.get(fs, in.fields, Date)
	if len(dv) == 0 {
		w.rejectRow(in, in.col(Date), "missing-date", "no date", "")
		return false
	}
	d, err := w.parseDate(0, dv)
	if err != nil {
		if w.isHeader(fs, in.fields) {
			w.rejectRow(in, 0, "repeated-header", "the header row again (two exports put one after the other?)", "")
			return false
		}
		w.rejectRow(in, in.col(Date), "bad-date", err.Error(), string(dv))
		return false
	}
	layouts[d.Layout]++
	row.day, row.altDay = w.order(0, d, fs, in.line, dv)
	row.booked, row.altBooked = visit.NoDay, visit.NoDay
	if bv := w.get(fs, in.fields, BookedAt); len(bv) > 0 {
		if bd, err := w.parseDate(1, bv); err == nil {
			row.booked, row.altBooked = w.order(1, bd, fs, in.line, bv)
		} else {
			w.badBooked++
		}
	}
	return true
}

// rowStatus reads the row's status from the status column and the flags.
func (w *worker) rowStatus(in *rowIn, row *parsedRow) bool {
	fs := in.fs
	row.status = visit.Attended
	if fs.cols.has(Status) {
		st, ok := w.status(fs, w.get(fs, in.fields, Status))
		if !ok && w.r.opt.Strict {
			w.fail()
			return false
		}
		row.status = st
	}
	if v := w.get(fs, in.fields, CancelledFlag); len(v) > 0 {
		if yes, ok := field.ParseFlag(v); !ok || yes {
			row.status = visit.Cancelled // a flag, or a cancellation timestamp
		}
	}
	if v := w.get(fs, in.fields, NoShowFlag); len(v) > 0 {
		if yes, ok := field.ParseFlag(v); ok && yes {
			row.status = visit.NoShow
		}
	}
	return true
}

// amount reads the row's amount (times its quantity, less what was refunded).
func (w *worker) amount(in *rowIn, row *parsedRow) bool {
	fs := in.fs
	if av := w.get(fs, in.fields, Amount); len(av) > 0 {
		a, err := field.ParseAmount(av)
		if err != nil && !errors.Is(err, field.ErrEmpty) {
			w.rejectRow(in, in.col(Amount), "bad-amount", err.Error(), string(av))
			return false
		}
		switch a.Evidence {
		case field.DecimalPoint:
			w.point++
		case field.DecimalComma:
			w.comma++
		}
		if tooLarge(a.Minor) || a.Ambiguous() && (tooLarge(a.In(field.DecimalPoint)) || tooLarge(a.In(field.DecimalComma))) {
			w.rejectRow(in, in.col(Amount), "amount-too-large", fmt.Sprintf("the amount is more than any one visit is billed (at most %s)", maxAmountText), string(av))
			return false
		}
		row.amount = a.Minor
		if a.Ambiguous() {
			w.amountAmbiguous++
			row.pending = true
			row.byStyle = [3]int64{a.In(field.StyleUnknown), a.In(field.DecimalPoint), a.In(field.DecimalComma)}
		}
	}
	if fs.cols.has(Quantity) && !w.quantity(in, row) {
		return false
	}
	if rv := w.get(fs, in.fields, Refunded); len(rv) > 0 {
		// Given back from a payment: what the customer spent is the rest.
		if a, err := field.ParseAmount(rv); err == nil && !tooLarge(a.Minor) {
			row.amount -= a.Minor
			for i := range row.byStyle {
				row.byStyle[i] -= a.Minor
			}
		}
	}
	return true
}

// quantity applies the row's quantity: a negative one is a returned line.
func (w *worker) quantity(in *rowIn, row *parsedRow) bool {
	qv := w.get(in.fs, in.fields, Quantity)
	if len(qv) == 0 {
		return true
	}
	q, err := parseQuantity(qv)
	if err != nil {
		w.rejectRow(in, in.col(Quantity), "bad-quantity", "the quantity is not a number", string(qv))
		return false
	}
	if q < 0 {
		row.status = visit.Cancelled // a returned line, as in a credit invoice
	}
	if in.fs.amount != unitPrice {
		return true
	}
	times := func(v int64) int64 { return int64(math.Round(float64(v) * q)) }
	row.amount = times(row.amount)
	for i := range row.byStyle {
		row.byStyle[i] = times(row.byStyle[i])
	}
	if tooLarge(row.amount) {
		w.rejectRow(in, in.col(Amount), "amount-too-large", fmt.Sprintf("quantity × price is more than any one visit is billed (at most %s)", maxAmountText), string(qv))
		return false
	}
	return true
}

// orderNumber reads the row's order number; a credit invoice's cancels the row.
func (w *worker) orderNumber(in *rowIn, row *parsedRow) {
	if !in.fs.cols.has(Order) {
		return
	}
	if ov := w.get(in.fs, in.fields, Order); len(ov) > 0 {
		row.order = uint32(xxhash.Sum64(ov)) | 1
		if len(ov) > 1 && (ov[0] == 'C' || ov[0] == 'c') && ov[1] >= '0' && ov[1] <= '9' {
			row.status = visit.Cancelled // a credit invoice (Online Retail's "C536379")
		}
	}
}

// names puts the row's names and contact details into bt.
func (w *worker) names(in *rowIn, bt *rowBatch, row *parsedRow) {
	fs, fields := in.fs, in.fields
	row.service = w.span(bt, w.get(fs, fields, Service))
	row.staff = w.span(bt, w.get(fs, fields, Staff))
	row.channel = w.span(bt, w.get(fs, fields, Channel))
	if !fs.cols.has(Channel) {
		if v := w.get(fs, fields, OnlineFlag); len(v) > 0 {
			if yes, ok := field.ParseFlag(v); ok {
				row.channel = w.span(bt, onlineChannel[yes])
			}
		}
	}
	row.location = w.span(bt, w.get(fs, fields, Location))
	row.referrer = w.span(bt, w.get(fs, fields, Referrer))
	row.email = w.span(bt, w.get(fs, fields, Email))
	row.phone = w.span(bt, w.get(fs, fields, Phone))
	row.contactPref = w.span(bt, w.get(fs, fields, ContactPreference))
	row.name = w.span(bt, w.name(fs, fields))
}

// rowHash is the row's identity for exact duplicates: every field, in the order of the
// sorted headers, so that column order does not matter.
func rowHash(fs *fileState, fields [][]byte) uint64 {
	h := uint64(len(fs.perm))
	for _, i := range fs.perm {
		var f []byte
		if i < len(fields) {
			f = fields[i]
		}
		h = chainHash(h, f)
	}
	return max(h, 1) // 0 is no identity (see history.Row.Hash)
}

// order applies a forced date order; otherwise an ambiguous value keeps both readings.
func (w *worker) order(col int, d field.Date, fs *fileState, line int, raw []byte) (visit.Day, visit.Day) {
	if w.r.dateOrder != field.OrderUnknown {
		day := d.In(w.r.dateOrder)
		return day, day
	}
	if d.Evidence != field.OrderUnknown || d.Ambiguous() {
		w.r.ev.note(col, d, fs, line, raw)
	}
	return d.Day, d.Alt
}

// MaxAmount is the largest amount, in cents, a row may have, either sign: ten billion,
// beyond what one visit is billed, and small enough that no sum overflows an int64.
const MaxAmount = 1_000_000_000_000

const maxAmountText = "10,000,000,000.00"

func tooLarge(minor int64) bool { return minor > MaxAmount || minor < -MaxAmount }

func describeKey(c Concept) string {
	switch c {
	case Email:
		return "e-mail"
	case Phone:
		return "phone number"
	case Name:
		return "name"
	}
	return "customer id"
}

// status maps a status value, remembering each distinct value.
func (w *worker) status(fs *fileState, v []byte) (visit.Status, bool) {
	if fs.index != w.statusFile {
		clear(w.statuses) // another file may be another export with its own vocabulary
		w.statusFile = fs.index
		w.lastStatus = nil
	}
	// Most rows repeat the previous row's value; compare before looking it up.
	if w.lastStatus != nil && string(w.lastStatus) == string(v) {
		e := w.lastEntry
		e.tally.count++
		if !e.known {
			w.unknown[e.label]++
		}
		return e.status, e.known
	}
	e, ok := w.statuses[string(v)]
	if !ok {
		label := string(v)
		if st, found := w.r.statusMap[normHeader(label)]; found {
			e = statusEntry{status: st, known: true, label: label}
		} else if st, found := fs.cols.statuses[normHeader(label)]; found {
			e = statusEntry{status: st, known: true, label: label}
		} else if len(v) == 0 {
			e = statusEntry{status: visit.Attended, known: true, label: "(empty)"}
		} else if st, found := field.ParseStatus(v); found {
			e = statusEntry{status: st, known: true, label: label}
		} else {
			e = statusEntry{status: visit.Attended, known: false, label: label}
		}
		e.tally = w.statusSeen[e.label]
		if e.tally == nil {
			e.tally = &statusTally{status: e.status, known: e.known}
			w.statusSeen[e.label] = e.tally
		}
		w.statuses[label] = e
	}
	w.lastStatus = append(w.lastStatus[:0], v...)
	w.lastEntry = e
	e.tally.count++
	if !e.known {
		w.unknown[e.label]++
	}
	return e.status, e.known
}

// key builds the customer key: an id as written (Excel's ="..." removed), or a normalised
// e-mail, phone (its last nine digits) or name.
func (w *worker) key(fs *fileState, by Concept, fields [][]byte) []byte {
	switch by {
	case Customer:
		k := w.get(fs, fields, Customer)
		if len(k) > 3 && k[0] == '=' && k[1] == '"' && k[len(k)-1] == '"' {
			k = bytes.TrimSpace(k[2 : len(k)-1])
		}
		return wholeNumber(k)
	case Email:
		return w.lower(w.get(fs, fields, Email))
	case Phone:
		p := w.get(fs, fields, Phone)
		from := len(w.sp.arena)
		for _, c := range p {
			if c >= '0' && c <= '9' {
				w.sp.arena = append(w.sp.arena, c)
			}
		}
		// The last nine digits, whatever the country prefix.
		if n := len(w.sp.arena) - from; n > 9 {
			from += n - 9
		}
		return w.sp.arena[from:len(w.sp.arena):len(w.sp.arena)]
	default:
		return w.lower(w.name(fs, fields))
	}
}

// parseQuantity reads a quantity of at most a million either way ("1.5" or "1,5").
func parseQuantity(v []byte) (float64, error) {
	t := string(v)
	if strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	q, err := strconv.ParseFloat(t, 64)
	if err != nil || math.IsInf(q, 0) || math.IsNaN(q) || math.Abs(q) > 1e6 {
		return 0, errors.New("not a quantity")
	}
	return q, nil
}

// wholeNumber returns an id like "17850.0" (a spreadsheet's float) as "17850".
func wholeNumber(k []byte) []byte {
	dot := bytes.IndexByte(k, '.')
	if dot <= 0 || dot == len(k)-1 {
		return k
	}
	for _, c := range k[:dot] {
		if c < '0' || c > '9' {
			return k
		}
	}
	for _, c := range k[dot+1:] {
		if c != '0' {
			return k
		}
	}
	return k[:dot]
}

// name is the customer's name, joined from first and last name columns when split.
func (w *worker) name(fs *fileState, fields [][]byte) []byte {
	if fs.cols.has(Name) {
		return w.get(fs, fields, Name)
	}
	first, last := w.get(fs, fields, FirstName), w.get(fs, fields, LastName)
	if len(first) == 0 || len(last) == 0 {
		if len(first) == 0 {
			return last
		}
		return first
	}
	from := len(w.sp.arena)
	w.sp.arena = append(w.sp.arena, first...)
	w.sp.arena = append(w.sp.arena, ' ')
	w.sp.arena = append(w.sp.arena, last...)
	return w.sp.arena[from:len(w.sp.arena):len(w.sp.arena)]
}

// lower case-folds b and collapses runs of spaces, into the arena.
func (w *worker) lower(b []byte) []byte {
	from := len(w.sp.arena)
	space := false
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		b = b[n:]
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space && len(w.sp.arena) > from {
			w.sp.arena = append(w.sp.arena, ' ')
		}
		space = false
		w.sp.arena = utf8.AppendRune(w.sp.arena, unicode.ToLower(r))
	}
	return w.sp.arena[from:len(w.sp.arena):len(w.sp.arena)]
}
