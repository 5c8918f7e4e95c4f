package export

import (
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// span locates a string in a [rowBatch]: len bytes from off of its block or, when off has
// its top bit set, of its text (see [rowBatch.bytes]). The zero span is the empty string.
type span struct{ off, len uint32 }

// parsedRow is one accepted row as the workers hand it to the shards. Its strings are
// spans into the batch that holds it, so a parsedRow holds no pointers: millions of them
// are in flight without write barriers or work for the garbage collector.
type parsedRow struct {
	key span
	// day is the row's date. While the export's date order is still undecided, day is the
	// day-first reading of an ambiguous value and altDay the month-first one; otherwise
	// altDay equals day. booked and altBooked are the booking date, read alike.
	day, altDay, booked, altBooked visit.Day
	// amount is the row's amount in minor units. While the column's decimal style is
	// undecided, byStyle holds the readings under an unknown style, decimal point and
	// decimal comma (see package field) and pending is set.
	amount                                    int64
	byStyle                                   [3]int64
	pending                                   bool
	status                                    visit.Status
	order                                     uint32 // see history.Row.Order
	hash                                      uint64
	service, staff, channel, location         span
	name, email, phone, contactPref, referrer span
}

// ambiguous reports whether the row has a value whose reading is still undecided.
func (p *parsedRow) ambiguous() bool {
	return p.altDay != p.day || p.altBooked != p.booked || p.pending
}

// rowBatch is a run of one block's rows for one shard, and the text their spans point
// into: mostly the block, shared between the shards' batches without copying, and for
// values that are not in it as written (unquoted, recoded, normalised keys), text.
type rowBatch struct {
	block []byte
	text  []byte
	rows  []parsedRow
	// source, keep and orderTotal are those of the rows' input (see history.Row).
	source           uint16
	keep, orderTotal bool
}

// inText marks a span whose text is in rowBatch.text rather than its block.
const inText = 1 << 31

// add copies v into the batch's text and returns its span.
func (b *rowBatch) add(v []byte) span {
	if len(v) == 0 {
		return span{}
	}
	s := span{off: uint32(len(b.text)) | inText, len: uint32(len(v))}
	b.text = append(b.text, v...)
	return s
}

// bytes returns the text of s; it is only valid until the batch is reset.
func (b *rowBatch) bytes(s span) []byte {
	if s.off&inText != 0 {
		o := s.off &^ inText
		return b.text[o : o+s.len : o+s.len]
	}
	return b.block[s.off : s.off+s.len : s.off+s.len]
}

// reset empties the batch, keeping its memory but not its block.
func (b *rowBatch) reset() {
	*b = rowBatch{text: b.text[:0], rows: b.rows[:0]}
}

// resolution says how to read the values that were ambiguous while rows arrived: the date
// and booking-date orders, and the amount column's decimal style (0 unknown, 1 point, 2
// comma, as field.Style).
type resolution struct {
	monthFirst, bookedMonthFirst bool
	amountStyle                  int
}

// historyRow fills hr with p's values, read as res says; its strings point into b.
func (b *rowBatch) historyRow(hr *history.Row, p *parsedRow, res resolution) {
	*hr = history.Row{Key: b.bytes(p.key), Day: p.day, Booked: p.booked, Status: p.status, Amount: p.amount,
		Service: b.bytes(p.service), Staff: b.bytes(p.staff), Channel: b.bytes(p.channel), Location: b.bytes(p.location),
		Name: b.bytes(p.name), Email: b.bytes(p.email), Phone: b.bytes(p.phone), ContactPreference: b.bytes(p.contactPref),
		Referrer: b.bytes(p.referrer), Order: p.order, OrderTotal: b.orderTotal, Hash: p.hash, Source: b.source, KeepIdentical: b.keep}
	if res.monthFirst {
		hr.Day = p.altDay
	}
	if res.bookedMonthFirst {
		hr.Booked = p.altBooked
	}
	if p.pending {
		hr.Amount = p.byStyle[res.amountStyle]
	}
}

// aside keeps the rows of a shard whose values are ambiguous until every row has been
// read and the ambiguity resolved, with copies of their text.
type aside struct{ batches []*rowBatch }

// keep copies p, a row of b, aside.
func (a *aside) keep(b *rowBatch, p *parsedRow) {
	n := len(a.batches)
	if n == 0 || a.batches[n-1].source != b.source || a.batches[n-1].keep != b.keep || a.batches[n-1].orderTotal != b.orderTotal || len(a.batches[n-1].text) > 1<<20 {
		a.batches = append(a.batches, &rowBatch{source: b.source, keep: b.keep, orderTotal: b.orderTotal})
		n++
	}
	t := a.batches[n-1]
	q := *p
	for _, s := range []*span{&q.key, &q.service, &q.staff, &q.channel, &q.location, &q.name, &q.email, &q.phone, &q.contactPref, &q.referrer} {
		*s = t.add(b.bytes(*s))
	}
	t.rows = append(t.rows, q)
}
