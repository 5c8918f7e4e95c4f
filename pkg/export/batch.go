package export

import (
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// span locates a string in a [rowBatch]'s block or, with off's top bit, its text.
type span struct{ off, len uint32 }

// parsedRow is one accepted row; its strings are spans, so it holds no pointers for the
// garbage collector.
type parsedRow struct {
	key span
	// day and booked are the day-first readings, altDay and altBooked the month-first ones
	// (the same unless ambiguous).
	day, altDay, booked, altBooked visit.Day
	// amount is in minor units; when pending, byStyle holds the readings by field.Style.
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

// rowBatch is one block's rows for one shard, with the block and the text of values not
// in it as written.
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

// resolution says how to read the ambiguous values (amountStyle as field.Style).
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

// aside keeps a shard's ambiguous rows, with copies of their text, until resolved.
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
