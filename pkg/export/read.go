// Package export reads visit, appointment and booking exports (CSV and its relatives, in
// any common encoding) into customer histories: it detects each file's encoding, dialect,
// header and columns, reads every row into plain values, resolves what the rows leave
// ambiguous (day/month order, decimal style) and hands the rows to package history. Every
// row is accounted for. The parallel parsing stays inside this package.
package export

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/winback/winback/pkg/field"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// Input is one export to read: a name for messages and its bytes.
type Input struct {
	Name string
	R    io.Reader
}

// Options change how exports are read. The zero value detects everything.
type Options struct {
	Encoding   string             // --encoding; "" detects
	Delimiter  string             // --delimiter; "" sniffs
	NoHeader   bool               // --no-header: the first row is data, columns by position
	Columns    map[Concept]string // --column concept=Header (or 1-based position)
	DateFormat string             // --date-format; "" detects the day/month order
	StatusMap  map[string]string  // --status-map value=status, status as in visit.Status names
	Strict     bool               // --strict: stop at the first bad row or unknown status
	// Dedupe drops a row identical to an earlier row of the same file (--dedupe); without
	// it such rows are kept unless the file has an order number. A row found again in
	// another input counts once either way.
	Dedupe bool
	// Workers is the number of parsing goroutines and of aggregation shards; 0 uses
	// GOMAXPROCS.
	Workers int
	// BlockSize is the size of the blocks the input is cut into; 0 uses 512 KiB.
	BlockSize int
	// WithholdContacts keeps only whether each contact detail is given, not its text (see
	// [history.Builder.WithholdContacts]).
	WithholdContacts bool
	// Rejects, when set, is given every rejected row, in file and line order.
	Rejects RejectWriter
}

// RejectWriter takes the rejected rows of a read (--rejects); an error stops the read.
type RejectWriter interface {
	WriteReject(e RowError) error
}

// KeptRejects is how many rejected rows [Result.Rejects] keeps, so that millions of bad
// rows cost no memory; the rest go to [Options.Rejects] only.
const KeptRejects = 200

// Result is what [Read] returns: the histories and the facts about reading them.
type Result struct {
	Set     *history.Set
	Summary Summary
	// Rejects are the first [KeptRejects] rejected rows, in file and line order.
	Rejects []RowError
}

// Read reads one or more exports into one set of customer histories. Every row is
// accounted for: accepted, rejected (with a [RowError]), blank or duplicate. The error is
// an [*InputError] for problems with the input as a whole and wraps [ErrUsage] for bad
// options.
func Read(inputs []Input, opt Options) (*Result, error) {
	r, err := newReader(opt)
	if err != nil {
		return nil, err
	}
	return r.run(inputs)
}

type reader struct {
	opt        Options
	workers    int
	dateOrder  field.Order // forced by --date-format; OrderUnknown detects
	statusMap  map[string]visit.Status
	forcedDial *dialect
	inputs     int

	jobs      chan *job
	blocks    chan []byte // free block buffers
	batchPool sync.Pool   // free *rowBatch
	shards    []chan *batch
	tokens    chan struct{}
	wg, agg   sync.WaitGroup
	// stopAt is the sequence number of the first block with a bad row under --strict
	// (MaxInt64 while none); later blocks are skipped, earlier ones finished.
	stopAt atomic.Int64

	builders []*history.Builder
	aside    []aside         // per shard, the rows whose values are ambiguous
	rows     [][]history.Row // per shard, a batch's rows for its builder
	ws       []*worker

	ev evidence

	firstKey, firstFile string // the key kind of the first file, and its name
	headerLines         int    // physical lines of the header rows

	parsed    chan *job // for collectRejects
	collected sync.WaitGroup
	kept      []RowError
	rejected  int
	byReason  map[string]int
	rejectErr error // of Options.Rejects
}

// evidence gathers what all rows say about ambiguous columns.
type evidence struct {
	dayFirst, monthFirst, ambiguous         [2]atomic.Int64 // [0] date, [1] booked_at
	firstDayFirst, firstMonthFirst, firstAm [2]atomic.Pointer[where]
	point, comma, amountAmbiguous           atomic.Int64
}

type where struct {
	fileIndex int
	file      string
	line      int
	value     string
}

// earliest keeps in p the example that comes first in the input, whichever worker saw it.
func earliest(p *atomic.Pointer[where], fs *fileState, line int, raw []byte) {
	var w *where
	for {
		cur := p.Load()
		if cur != nil && (cur.fileIndex < fs.index || cur.fileIndex == fs.index && cur.line <= line) {
			return
		}
		if w == nil {
			w = &where{fs.index, fs.name, line, string(raw)}
		}
		if p.CompareAndSwap(cur, w) {
			return
		}
	}
}

func (e *evidence) note(col int, d field.Date, fs *fileState, line int, raw []byte) {
	switch d.Evidence {
	case field.DayFirst:
		e.dayFirst[col].Add(1)
		earliest(&e.firstDayFirst[col], fs, line, raw)
	case field.MonthFirst:
		e.monthFirst[col].Add(1)
		earliest(&e.firstMonthFirst[col], fs, line, raw)
	}
	if d.Ambiguous() {
		e.ambiguous[col].Add(1)
		earliest(&e.firstAm[col], fs, line, raw)
	}
}

func newReader(opt Options) (*reader, error) {
	r := &reader{opt: opt, workers: opt.Workers}
	r.stopAt.Store(math.MaxInt64)
	if r.workers <= 0 {
		r.workers = runtime.GOMAXPROCS(0)
	}
	if opt.BlockSize <= 0 {
		r.opt.BlockSize = 1 << 19
	}
	// Spans address a block with 31-bit offsets.
	r.opt.BlockSize = min(r.opt.BlockSize, MaxRecordBytes)
	if opt.DateFormat != "" {
		o, err := field.ParseDateFormat(opt.DateFormat)
		if err != nil {
			return nil, fmt.Errorf("%w: --date-format: %v", ErrUsage, err)
		}
		r.dateOrder = o
	}
	if opt.Delimiter != "" {
		d, err := parseDelimiter(opt.Delimiter)
		if err != nil {
			return nil, err
		}
		r.forcedDial = &d
	}
	r.statusMap = map[string]visit.Status{}
	for k, v := range opt.StatusMap {
		st, err := visit.ParseStatus(strings.ToLower(strings.TrimSpace(v)))
		if err != nil {
			return nil, fmt.Errorf("%w: --status-map %s=%s: %v", ErrUsage, k, v, err)
		}
		r.statusMap[normHeader(k)] = st
	}
	return r, nil
}

// fileState is what workers need to know about the file a block comes from.
type fileState struct {
	index    int
	name     string
	dial     dialect
	cols     *columnMap
	keyBy    Concept
	nfields  int
	perm     []int // field order for row hashes: columns sorted by header
	fallback bool
	header   []string
	report   *FileReport
	amount   amountKind
	keep     bool // identical rows are kept (see Options.Dedupe)
	// identify: the rows are hashed for finding duplicates, which one input whose
	// identical rows are kept cannot have.
	identify bool
	notes    []bool // per column: it holds notes, where line ends are expected
	otherKey string // why the rows are rejected: the file is keyed otherwise than the first
	lines    int    // physical lines, as the chunker counted them
}

type job struct {
	seq     int
	fs      *fileState
	block   []byte
	buf     []byte // the buffer block is in, recycled once the block is parsed
	line    int
	left    atomic.Int32 // shards still to aggregate this job
	rejects []RowError   // in line order, until collectRejects has them
}

type batch struct {
	job  *job
	rows *rowBatch
}

// getBatch returns an empty batch, recycled when one is free: allocating batches and
// blocks per block cost more than parsing them.
func (r *reader) getBatch() *rowBatch {
	if b, ok := r.batchPool.Get().(*rowBatch); ok {
		return b
	}
	return &rowBatch{}
}

func (r *reader) putBatch(b *rowBatch) {
	b.reset()
	r.batchPool.Put(b)
}

// getBlock returns a buffer of at least n bytes' capacity for the chunker to read into.
func (r *reader) getBlock(n int) []byte {
	select {
	case b := <-r.blocks:
		if cap(b) >= n {
			return b[:0]
		}
	default:
	}
	return make([]byte, 0, n)
}

// putBlock hands a parsed block's buffer back to the chunker.
func (r *reader) putBlock(b []byte) {
	if b == nil {
		return
	}
	select {
	case r.blocks <- b:
	default:
	}
}

func (r *reader) run(inputs []Input) (*Result, error) {
	if len(inputs) == 0 {
		return nil, &InputError{Err: fmt.Errorf("%w: no input files", ErrUsage), Hint: "name one or more export files, or - for standard input"}
	}
	r.inputs = len(inputs)
	r.start()
	files, ferr := r.feedAll(inputs)
	r.stop()
	if ferr != nil {
		return nil, ferr
	}
	if r.rejectErr != nil {
		return nil, fmt.Errorf("write the rejected rows: %w", r.rejectErr)
	}
	res := &Result{Rejects: r.kept}
	rep := &res.Summary
	rep.Version = SummaryVersion
	unknown, statuses := r.gather(rep, files)
	if r.opt.Strict && len(res.Rejects) > 0 {
		e := res.Rejects[0]
		return nil, &InputError{Err: fmt.Errorf("%w: %v", ErrStrict, &e), File: "", Hint: "fix the row, or run without --strict to skip bad rows and list them with --rejects FILE"}
	}
	if r.opt.Strict && len(unknown) > 0 {
		vals := slices.Sorted(maps.Keys(unknown))
		return nil, &InputError{Err: fmt.Errorf("%w: unknown status value %q", ErrStrict, Shorten(vals[0])), Hint: fmt.Sprintf("say what it means with --status-map '%s=attended' (or cancelled, no-show, booked)", Shorten(vals[0]))}
	}
	how, err := r.resolve(rep)
	if err != nil {
		return nil, err
	}
	r.addAside(how)
	// Let the recycled buffers go before the histories are merged, when memory peaks.
	r.blocks, r.batchPool = nil, sync.Pool{}
	set := history.Merge(r.builders...)
	set.Columns = columnsOf(files)
	set.KeyKind = files[0].report.KeyKind
	res.Set = set
	if err := r.account(rep, set, files); err != nil {
		return nil, err
	}
	if !set.ContactsWithheld {
		rep.Joined = joinFallbacks(set)
	}
	r.finishSummary(rep, set, files, statuses)
	return res, nil
}

// start starts the shards, the collector of rejects and the workers.
func (r *reader) start() {
	r.jobs = make(chan *job, r.workers)
	r.tokens = make(chan struct{}, 2*r.workers+2)
	r.blocks = make(chan []byte, cap(r.tokens)+2)
	r.shards = make([]chan *batch, r.workers)
	r.builders = make([]*history.Builder, r.workers)
	r.aside = make([]aside, r.workers)
	r.rows = make([][]history.Row, r.workers)
	for s := range r.shards {
		r.shards[s] = make(chan *batch, 4*r.workers)
		r.builders[s] = history.NewBuilder()
		r.agg.Add(1)
		go r.aggregate(s)
	}
	r.parsed = make(chan *job, cap(r.tokens))
	r.byReason = map[string]int{}
	r.collected.Add(1)
	go r.collectRejects()
	r.ws = make([]*worker, r.workers)
	for i := range r.ws {
		r.ws[i] = newWorker(r)
		r.wg.Add(1)
		go r.ws[i].loop()
	}
}

// feedAll feeds the inputs in turn until one fails or a bad row stops the read.
func (r *reader) feedAll(inputs []Input) ([]*fileState, error) {
	var files []*fileState
	seq := 0
	for i, in := range inputs {
		fs, err := r.feed(i, in, &seq)
		if fs != nil {
			files = append(files, fs)
		}
		if err != nil || r.stopped() {
			return files, err
		}
	}
	return files, nil
}

// stop waits for the workers, the shards and the collector to finish.
func (r *reader) stop() {
	close(r.jobs)
	r.wg.Wait()
	for _, ch := range r.shards {
		close(ch)
	}
	close(r.parsed)
	r.agg.Wait()
	r.collected.Wait()
}

// gather adds up the workers' findings; it returns the unknown status values and every
// status value's count.
func (r *reader) gather(rep *Summary, files []*fileState) (unknown map[string]int, statuses map[string]*StatusCount) {
	unknown, statuses = map[string]int{}, map[string]*StatusCount{}
	for _, w := range r.ws {
		rep.Rows += w.rows
		rep.Blank += w.blank
		rep.BookedAtUnreadable += w.badBooked
		rep.Recoded += w.recoded
		rep.KeyFallback += w.keyFallback
		for k, v := range w.unknown {
			unknown[k] += v
		}
		for k, v := range w.statusSeen {
			sc := statuses[k]
			if sc == nil {
				sc = &StatusCount{Value: k, Status: v.status.String(), Known: v.known}
				statuses[k] = sc
			}
			sc.Count += v.count
		}
		for fi, ls := range w.layouts {
			for l, n := range ls {
				if n > 0 {
					files[fi].report.dateLayouts[field.Layout(l)] += n
				}
			}
		}
		r.ev.point.Add(w.point)
		r.ev.comma.Add(w.comma)
		r.ev.amountAmbiguous.Add(w.amountAmbiguous)
	}
	return unknown, statuses
}

// account checks that every row and line is accounted for, from counts taken apart: by
// the parsers, the collector of rejects, the histories and the chunker.
func (r *reader) account(rep *Summary, set *history.Set, files []*fileState) error {
	rep.Rejected = r.rejected
	rep.Duplicates = set.Duplicates
	accepted, parsedLines := 0, r.headerLines
	for _, w := range r.ws {
		accepted += w.accepted
		parsedLines += w.lines
	}
	rep.Accepted = accepted - rep.Duplicates
	for _, fs := range files {
		rep.Lines += fs.lines
	}
	if rep.Rows != rep.Accepted+rep.Rejected+rep.Blank+rep.Duplicates || rep.Lines != parsedLines {
		return fmt.Errorf("%w: %d lines (%d parsed), %d records = %d accepted + %d rejected + %d blank + %d duplicates",
			ErrAccounting, rep.Lines, parsedLines, rep.Rows, rep.Accepted, rep.Rejected, rep.Blank, rep.Duplicates)
	}
	return nil
}

// finishSummary fills the rest of rep from the set, the builders and the files.
func (r *reader) finishSummary(rep *Summary, set *history.Set, files []*fileState, statuses map[string]*StatusCount) {
	for _, b := range r.builders {
		all, cancelled := b.Orders()
		rep.Orders += all
		rep.CancelledOrders += cancelled
	}
	rep.Customers = len(set.Customers)
	rep.KeyKind = set.KeyKind
	rep.FirstDay, rep.LastDay, rep.LatestRecorded = set.FirstDay.String(), set.LastDay.String(), set.LatestRecorded.String()
	rep.RejectsByReason = r.byReason
	rep.Statuses = []StatusCount{}
	for _, sc := range statuses {
		rep.Statuses = append(rep.Statuses, *sc)
	}
	slices.SortFunc(rep.Statuses, func(a, b StatusCount) int {
		if a.Count != b.Count {
			return b.Count - a.Count
		}
		return strings.Compare(a.Value, b.Value)
	})
	for _, fs := range files {
		fs.report.finish()
		rep.Files = append(rep.Files, *fs.report)
	}
}

// resolve decides the ambiguous columns from the evidence of all rows.
func (r *reader) resolve(rep *Summary) (resolution, error) {
	var res resolution
	ev := &r.ev
	for col, name := range []string{"date", "booked_at"} {
		order := r.dateOrder
		if order == field.OrderUnknown {
			df, mf := ev.dayFirst[col].Load(), ev.monthFirst[col].Load()
			switch {
			case df > 0 && mf > 0:
				a, b := ev.firstDayFirst[col].Load(), ev.firstMonthFirst[col].Load()
				return res, &InputError{
					Err:  fmt.Errorf("%w: the %s column has day-first dates (%q, %s line %d) and month-first dates (%q, %s line %d)", ErrAmbiguousDates, name, Shorten(a.value), a.file, a.line, Shorten(b.value), b.file, b.line),
					Hint: "say which order is right with --date-format dd/mm/yyyy or --date-format mm/dd/yyyy; rows in the other order will be rejected as impossible dates",
				}
			case df > 0:
				order = field.DayFirst
			case mf > 0:
				order = field.MonthFirst
			case ev.ambiguous[col].Load() > 0:
				a := ev.firstAm[col].Load()
				return res, &InputError{
					Err:  fmt.Errorf("%w: every %s in the %s column could be day/month or month/day (e.g. %q, %s line %d)", ErrAmbiguousDates, "date", name, Shorten(a.value), a.file, a.line),
					Hint: "say which it is with --date-format dd/mm/yyyy (day first) or --date-format mm/dd/yyyy (month first)",
				}
			}
		}
		desc := "not needed (no ambiguous dates)"
		if ev.ambiguous[col].Load() > 0 || ev.dayFirst[col].Load() > 0 || ev.monthFirst[col].Load() > 0 || r.dateOrder != field.OrderUnknown {
			desc = order.String() + map[field.Order]string{field.DayFirst: " (dd/mm)", field.MonthFirst: " (mm/dd)"}[order]
			if r.dateOrder != field.OrderUnknown {
				desc += ", from --date-format"
			}
		}
		if col == 0 {
			rep.DateOrder = desc
			res.monthFirst = order == field.MonthFirst
		} else {
			rep.BookedAtOrder = desc
			res.bookedMonthFirst = order == field.MonthFirst
		}
	}
	p, c := ev.point.Load(), ev.comma.Load()
	switch {
	case c > p:
		res.amountStyle = int(field.DecimalComma)
		rep.DecimalStyle = field.DecimalComma.String() + " (1.234,56)"
	case p > 0:
		res.amountStyle = int(field.DecimalPoint)
		rep.DecimalStyle = field.DecimalPoint.String() + " (1,234.56)"
	default:
		rep.DecimalStyle = "not needed (whole amounts only)"
	}
	if p > 0 && c > 0 {
		rep.DecimalStyle += fmt.Sprintf("; %d values written the other way were read as written", min(p, c))
	}
	rep.AmountsAmbiguous = int(ev.amountAmbiguous.Load())
	return res, nil
}

func columnsOf(files []*fileState) history.Columns {
	var c history.Columns
	for _, fs := range files {
		m := fs.cols
		c.Status = c.Status || m.has(Status) || m.has(NoShowFlag) || m.has(CancelledFlag)
		c.Amount = c.Amount || m.has(Amount)
		c.Service = c.Service || m.has(Service)
		c.Staff = c.Staff || m.has(Staff)
		c.Channel = c.Channel || m.has(Channel) || m.has(OnlineFlag)
		c.BookedAt = c.BookedAt || m.has(BookedAt)
		c.Referrer = c.Referrer || m.has(Referrer)
		c.Location = c.Location || m.has(Location)
		c.Name = c.Name || m.has(Name) || m.has(LastName) || m.has(FirstName)
		c.Email = c.Email || m.has(Email)
		c.Phone = c.Phone || m.has(Phone)
		c.ContactPreference = c.ContactPreference || m.has(ContactPreference)
	}
	return c
}

// feed reads one input: its encoding, dialect and columns, then its blocks.
func (r *reader) feed(index int, in Input, seq *int) (*fileState, error) {
	src, err := r.open(in)
	if err != nil {
		return nil, err
	}
	sp := src.dial.splitter()
	sample, open := sampleRecords(sp, src.head, src.whole)
	if len(sample) == 0 {
		if open != nil {
			return nil, openQuoteError(in.Name, open, src.whole)
		}
		return nil, &InputError{Err: fmt.Errorf("%w: the file has no rows", ErrUnreadable), File: in.Name, Hint: "check that this is the export you meant"}
	}
	fs, data, err := r.newFileState(index, in, src, sample)
	if err != nil {
		return nil, err
	}
	if err := fs.checkColumns(data, open, src.whole); err != nil {
		return fs, err
	}
	return fs, r.feedBlocks(fs, src, sp, seq)
}

// source is an input opened for reading: its first bytes, for judging it, and the rest.
type source struct {
	dec   *decoded
	head  []byte    // whole records from the start, up to sampleBytes
	rest  io.Reader // the input after head's bytes as they were peeked
	whole bool      // head is the whole input
	dial  dialect
}

// open decodes in and peeks at its start for its dialect.
func (r *reader) open(in Input) (*source, error) {
	dec, err := decode(in.R, r.opt.Encoding)
	if err != nil {
		var ie *InputError
		if errors.As(err, &ie) {
			return nil, err
		}
		if errors.Is(err, ErrUsage) {
			return nil, &InputError{Err: err, Hint: "see winback help inspect for the encodings"}
		}
		return nil, &InputError{Err: fmt.Errorf("%w: %v", ErrUnreadable, err), File: in.Name, Hint: "check the path and that the file is readable"}
	}
	// The header, dialect and columns are judged on a sample at the start.
	br := bufio.NewReaderSize(dec.r, sampleBytes)
	head, err := br.Peek(sampleBytes)
	if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
		return nil, &InputError{Err: fmt.Errorf("%w: %v", ErrUnreadable, err), File: in.Name, Hint: "check the file; if it is not text, export it from your software as CSV"}
	}
	if len(bytes.TrimSpace(head)) == 0 {
		return nil, &InputError{Err: fmt.Errorf("%w: the file is empty", ErrUnreadable), File: in.Name, Hint: "check that this is the export you meant"}
	}
	if isBinary(head) {
		return nil, &InputError{Err: fmt.Errorf("%w: this is not a text file", ErrUnreadable), File: in.Name, Hint: "export the data as CSV (Excel: File > Save As > CSV UTF-8)"}
	}
	src := &source{dec: dec, head: head, whole: err == io.EOF, rest: afterPeek(br, dec.r, err)}
	if bytes.IndexByte(head, '\n') < 0 && bytes.IndexByte(head, '\r') >= 0 {
		// Lines end in a CR alone (Excel's "CSV (Macintosh)"): every CR is a line end.
		src.head = bytes.ReplaceAll(head, []byte{'\r'}, nl)
		src.rest = crAsLF{src.rest}
	}
	if r.forcedDial != nil {
		src.dial = *r.forcedDial
	} else {
		src.dial = sniffDialect(src.head[:min(len(src.head), sniffBytes)])
	}
	if !src.whole {
		if bytes.IndexByte(src.head, '\n') < 0 {
			return nil, &InputError{
				Err:  fmt.Errorf("%w: line 1 has no line end in its first %d KiB", ErrUnreadable, sampleBytes>>10),
				File: in.Name, Hint: "a header row is not that long: check that this is a CSV export with one row per line (lines ending in LF, CR LF or CR)",
			}
		}
		src.head = src.head[:bytes.LastIndexByte(src.head, '\n')+1]
	}
	return src, nil
}

// sampleRecords returns the first records of head that are not blank, and a quoted field
// they leave open, if any.
func sampleRecords(sp *splitter, head []byte, whole bool) (sample [][]string, open *RecordTooLongError) {
	line := 1
	for pos := 0; pos < len(head) && len(sample) < 200; {
		f, next, extra, err := sp.record(head, pos)
		if err != nil {
			// Newlines before the open quote are in the record's earlier quoted fields.
			return sample, &RecordTooLongError{Line: line, QuoteLine: line + extra, QuoteColumn: len(f) + 1}
		}
		line += 1 + extra
		if len(f) > 0 && !(len(f) == 1 && len(bytes.TrimSpace(f[0])) == 0) {
			rec := make([]string, len(f))
			for i, x := range f {
				y, _ := fixField(x, &sp.arena)
				rec[i] = string(y)
			}
			sample = append(sample, rec)
		}
		pos = next
	}
	return sample, nil
}

// newFileState judges the file by its sample (header, columns, key); it returns the
// sampled rows of data.
func (r *reader) newFileState(index int, in Input, src *source, sample [][]string) (*fileState, [][]string, error) {
	fs := &fileState{index: index, name: in.Name, dial: src.dial, fallback: src.dec.fallback}
	rep := &FileReport{Name: in.Name, Encoding: src.dec.encoding, Delimiter: src.dial.String(), dateLayouts: map[field.Layout]int{}}
	fs.report = rep
	hasHeader := !r.opt.NoHeader
	if hasHeader {
		var second []string
		if len(sample) > 1 {
			second = sample[1]
		}
		hasHeader = looksLikeHeader(sample[0], second, isDateText, isNumberText)
		rep.HeaderGuessed = !hasHeader
	}
	rep.Header = hasHeader
	data := sample
	if hasHeader {
		fs.header, data = sample[0], sample[1:]
	} else {
		n := 0
		for _, rec := range sample {
			n = max(n, len(rec))
		}
		for i := range n {
			fs.header = append(fs.header, fmt.Sprintf("column %d", i+1))
		}
	}
	fs.nfields = len(fs.header)
	dateOK := func(col int) bool { return columnShare(data, col, isDateText) >= 0.5 }
	cols, err := mapColumns(fs.header, r.opt.Columns, dateOK)
	if err != nil {
		return nil, nil, &InputError{Err: err, File: in.Name, Hint: "the columns are listed by winback inspect"}
	}
	if !hasHeader {
		guessColumns(cols, data)
	}
	fs.cols = cols
	fs.amount = cols.amountKind(fs.header)
	if cols.has(Order) || fs.amount != lineAmount {
		rep.Orders = [...]string{lineAmount: "lines", unitPrice: "unit_price", orderTotal: "order_total"}[fs.amount]
	}
	fs.keep = !cols.has(Order) && !r.opt.Dedupe
	fs.identify = !fs.keep || r.inputs > 1
	fs.notes = notesColumns(fs.header)
	rep.Profile = cols.profile
	fs.keyBy, rep.KeyKind = cols.keyKind()
	if index == 0 || r.firstKey == "" {
		r.firstKey, r.firstFile = rep.KeyKind, in.Name
	} else if rep.KeyKind != "" && rep.KeyKind != r.firstKey {
		fs.otherKey = fmt.Sprintf("this file identifies customers by %s, %s by %s: the same customer cannot be found in both", rep.KeyKind, r.firstFile, r.firstKey)
	}
	rep.fill(fs.header, cols)
	if index == 0 && r.opt.WithholdContacts && !fallsBack(cols, fs.keyBy, data) {
		// Without fallback keys no join needs the contact details.
		for _, b := range r.builders {
			b.WithholdContacts()
		}
	}
	return fs, data, nil
}

// checkColumns returns the error for a file without a customer or a date column.
func (fs *fileState) checkColumns(data [][]string, open *RecordTooLongError, whole bool) error {
	kind, hasHeader := fs.report.KeyKind, fs.report.Header
	if kind != "" && fs.cols.has(Date) {
		return nil
	}
	if len(data) == 0 {
		if open != nil {
			return openQuoteError(fs.name, open, whole)
		}
		within := ""
		if !whole {
			within = fmt.Sprintf(" in its first %d KiB", sampleBytes>>10)
		}
		return &InputError{
			Err:  fmt.Errorf("%w: the file has a header row (line 1) but no rows of data%s", ErrUnreadable, within),
			File: fs.name, Hint: "check that this is the export you meant; export the visits of a period that has some",
		}
	}
	missing := "customer"
	hint := "name the column that identifies a customer with --column customer=HEADER (an id, e-mail, phone or name column will do)"
	if kind != "" {
		missing = "date"
		hint = "name the column with the visit date with --column date=HEADER"
	}
	if !hasHeader {
		hint += "; the file seems to have no header row, so columns are numbered: --column " + missing + "=3"
	} else if len(fs.header) == 1 {
		hint = "only one column was found; name the delimiter with --delimiter ';' (or , tab | whitespace)"
	}
	return &InputError{
		Err:  fmt.Errorf("%w: no %s column among: %s", ErrMissingColumn, missing, headerList(fs.header)),
		File: fs.name, Hint: hint,
	}
}

// feedBlocks hands the input's blocks of whole records to the workers, the header skipped.
func (r *reader) feedBlocks(fs *fileState, src *source, sp *splitter, seq *int) error {
	fs.perm = make([]int, len(fs.header))
	for i := range fs.perm {
		fs.perm[i] = i
	}
	ch := &chunker{r: src.rest, get: r.getBlock, size: r.opt.BlockSize, maxSize: MaxRecordBytes, line: 1, quotes: !src.dial.whitespace, delim: src.dial.delim}
	defer func() { fs.lines = ch.lines() }()
	block, buf, line, err := ch.next()
	if err != nil {
		return chunkError(fs.name, err)
	}
	if fs.report.Header {
		sort.SliceStable(fs.perm, func(a, b int) bool { return normHeader(fs.header[fs.perm[a]]) < normHeader(fs.header[fs.perm[b]]) })
		// Skip the header record (and blank lines before it) in the first block.
		_, next, _, _ := sp.record(block, skipBlank(block))
		line += bytes.Count(block[:next], nl)
		r.headerLines += line - 1
		if next > 0 && block[next-1] != '\n' {
			r.headerLines++ // the header is the last line, without a line end
		}
		block = block[next:]
	}
	for {
		if len(block) > 0 {
			r.tokens <- struct{}{}
			j := &job{seq: *seq, fs: fs, block: block, buf: buf, line: line}
			j.left.Store(int32(r.workers))
			*seq++
			r.jobs <- j
		} else {
			r.putBlock(buf)
		}
		if r.stopped() {
			return nil
		}
		block, buf, line, err = ch.next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return chunkError(fs.name, err)
		}
	}
}

// fallsBack reports whether a sampled row lacks the key but has an e-mail or phone.
func fallsBack(cols *columnMap, keyBy Concept, rows [][]string) bool {
	if keyBy != Customer && keyBy != Email {
		return false
	}
	val := func(r []string, c Concept) string {
		if i := cols.idx[c]; i >= 0 && i < len(r) {
			return strings.TrimSpace(r[i])
		}
		return ""
	}
	for _, r := range rows {
		if val(r, keyBy) == "" && (keyBy != Email && val(r, Email) != "" || val(r, Phone) != "") {
			return true
		}
	}
	return false
}

// joinFallbacks joins each customer keyed by e-mail or phone for want of the key to the
// one keyed customer with that e-mail or phone (and the same name, when both have one);
// it returns how many it joined.
func joinFallbacks(set *history.Set) int {
	byEmail, byPhone := map[string]int{}, map[string]int{}
	note := func(m map[string]int, k string, i int) {
		if k == "" {
			return
		}
		if j, ok := m[k]; ok && j != i {
			m[k] = -1 // two customers: which one is meant cannot be told
			return
		}
		m[k] = i
	}
	var fallbacks []int
	for i := range set.Customers {
		if isFallback(set.Customers[i].Key) {
			fallbacks = append(fallbacks, i)
		}
	}
	if len(fallbacks) == 0 {
		return 0
	}
	for i := range set.Customers {
		if h := &set.Customers[i]; !isFallback(h.Key) {
			c := h.Details()
			note(byEmail, strings.ToLower(strings.TrimSpace(c.Email)), i)
			note(byPhone, phoneDigits(c.Phone), i)
		}
	}
	into := map[int]int{}
	for _, i := range fallbacks {
		c := set.Customers[i].Details()
		to := -1
		if j, ok := byEmail[strings.ToLower(strings.TrimSpace(c.Email))]; ok && j >= 0 {
			to = j
		} else if j, ok := byPhone[phoneDigits(c.Phone)]; ok && j >= 0 {
			to = j
		}
		if to < 0 {
			continue
		}
		a, b := strings.Join(strings.Fields(strings.ToLower(set.Customers[to].Details().Name)), " "), strings.Join(strings.Fields(strings.ToLower(c.Name)), " ")
		if a != "" && b != "" && a != b {
			continue // another person on the same phone or e-mail
		}
		into[i] = to
	}
	set.Join(into)
	return len(into)
}

// isFallback reports whether key is an e-mail or phone for want of the key.
func isFallback(key string) bool {
	return strings.HasPrefix(key, "email:") || strings.HasPrefix(key, "phone:")
}

// phoneDigits returns the last nine digits of a phone number, as the customer keys use.
func phoneDigits(p string) string {
	var d []byte
	for i := 0; i < len(p); i++ {
		if p[i] >= '0' && p[i] <= '9' {
			d = append(d, p[i])
		}
	}
	if len(d) > 9 {
		d = d[len(d)-9:]
	}
	return string(d)
}

// notesColumns marks the columns of notes, where values of several lines are expected.
func notesColumns(header []string) []bool {
	notes := make([]bool, len(header))
	for i, h := range header {
		f := normHeader(h)
		for _, w := range []string{"note", "notiz", "bemerk", "komment", "comment", "anmerk", "memo", "hinweis", "beschreibung", "description", "remark", "message", "nachricht", "address", "adress", "anschrift"} {
			if strings.Contains(f, w) {
				notes[i] = true
			}
		}
	}
	return notes
}

// openQuoteError is the error for a quoted field the sample does not close.
func openQuoteError(file string, o *RecordTooLongError, whole bool) *InputError {
	where := "it runs to the end of the file"
	if !whole {
		where = fmt.Sprintf("it is still open %d KiB into the file", sampleBytes>>10)
	}
	return &InputError{
		Err:  fmt.Errorf("%w: line %d, column %d: a quoted field is never closed: %s", ErrUnreadable, o.QuoteLine, o.QuoteColumn, where),
		File: file,
		Hint: fmt.Sprintf("a field that starts with \" must end with \": close or remove the quote on line %d", o.QuoteLine),
	}
}

// chunkError is the error for a failure to cut the input into records.
func chunkError(file string, err error) *InputError {
	var long *RecordTooLongError
	if !errors.As(err, &long) {
		return &InputError{Err: fmt.Errorf("%w: %v", ErrUnreadable, err), File: file, Hint: "check that the file is readable"}
	}
	hint := fmt.Sprintf("a field that starts with \" must end with \": close or remove the quote on line %d", long.QuoteLine)
	if long.QuoteLine == 0 {
		hint = fmt.Sprintf("winback reads one row per line, of at most %d MiB: check that this is a CSV export and how its lines end", MaxRecordBytes>>20)
	}
	return &InputError{Err: fmt.Errorf("%w: %w", ErrUnreadable, err), File: file, Hint: hint}
}

func (r *reader) stopped() bool { return r.stopAt.Load() != math.MaxInt64 }

// stopAtSeq records that block seq holds a bad row under --strict.
func (r *reader) stopAtSeq(seq int) {
	for {
		cur := r.stopAt.Load()
		if int64(seq) >= cur || r.stopAt.CompareAndSwap(cur, int64(seq)) {
			return
		}
	}
}

// skipBlank returns the offset of the first line that is not empty.
func skipBlank(b []byte) int {
	i := 0
	for i < len(b) && (b[i] == '\n' || b[i] == '\r') {
		i++
	}
	return i
}

func isBinary(b []byte) bool {
	return bytes.IndexByte(b[:min(len(b), 8192)], 0) >= 0
}

func isDateText(s string) bool {
	_, err := field.ParseDate([]byte(s))
	return err == nil
}

func isNumberText(s string) bool {
	_, err := field.ParseAmount([]byte(s))
	return err == nil
}

// columnShare is the share of non-empty values in column col that satisfy ok.
func columnShare(rows [][]string, col int, ok func(string) bool) float64 {
	n, good := 0, 0
	for _, r := range rows {
		if col >= len(r) {
			continue
		}
		v := strings.TrimSpace(r[col])
		if v == "" {
			continue
		}
		n++
		if ok(v) {
			good++
		}
	}
	if n == 0 {
		return 0
	}
	return float64(good) / float64(n)
}

// guessColumns maps a headerless file's columns by content: the first column of dates,
// the first other column (the customer) and the last of decimals (the amount).
func guessColumns(m *columnMap, rows [][]string) {
	n := 0
	for _, r := range rows {
		n = max(n, len(r))
	}
	used := map[int]bool{}
	for _, c := range m.idx {
		if c >= 0 {
			used[c] = true
		}
	}
	// take gives concept c the first free column, counted from the end when last, whose
	// values mostly satisfy ok.
	take := func(c Concept, last bool, ok func(string) bool) {
		for i := range n {
			col := i
			if last {
				col = n - 1 - i
			}
			if !m.has(c) && !used[col] && columnShare(rows, col, ok) >= 0.9 {
				m.idx[c], m.how[c] = col, "content"
				used[col] = true
			}
		}
	}
	take(Date, false, isDateText)
	take(Customer, false, func(s string) bool { return !isDateText(s) })
	take(Amount, true, func(s string) bool { return isNumberText(s) && strings.ContainsAny(s, ".,") })
}

// inOrder calls f with the values of ch in the order of their sequence numbers, whatever
// order they arrive in, so that results do not depend on scheduling.
func inOrder[T any](ch <-chan T, seq func(T) int, f func(T)) {
	waiting := map[int]T{}
	next := 0
	for v := range ch {
		waiting[seq(v)] = v
		for w, ok := waiting[next]; ok; w, ok = waiting[next] {
			delete(waiting, next)
			next++
			f(w)
		}
	}
}

// aggregate runs one shard, applying batches in input order.
func (r *reader) aggregate(s int) {
	defer r.agg.Done()
	inOrder(r.shards[s], func(b *batch) int { return b.job.seq }, func(w *batch) {
		r.add(s, w.rows)
		r.putBatch(w.rows)
		if w.job.left.Add(-1) == 0 {
			// Every shard is done with the block its rows point into.
			r.putBlock(w.job.buf)
			w.job.buf, w.job.block = nil, nil
			<-r.tokens
		}
	})
}

// add hands the rows of bt to shard s's builder, setting aside those still ambiguous.
func (r *reader) add(s int, bt *rowBatch) {
	rows := r.rows[s][:0]
	for i := range bt.rows {
		p := &bt.rows[i]
		if p.ambiguous() {
			r.aside[s].keep(bt, p)
			continue
		}
		rows = append(rows, history.Row{})
		bt.historyRow(&rows[len(rows)-1], p, resolution{})
	}
	r.builders[s].Add(rows...)
	clear(rows) // they point into the block, which is recycled
	r.rows[s] = rows
}

// addAside hands the rows set aside to their builders, read as res says.
func (r *reader) addAside(res resolution) {
	for s := range r.aside {
		for _, bt := range r.aside[s].batches {
			rows := make([]history.Row, len(bt.rows))
			for i := range bt.rows {
				bt.historyRow(&rows[i], &bt.rows[i], res)
			}
			r.builders[s].Add(rows...)
		}
		r.aside[s] = aside{}
	}
}

// collectRejects counts the rejected rows in input order, keeps the first [KeptRejects]
// and hands each to Options.Rejects.
func (r *reader) collectRejects() {
	defer r.collected.Done()
	inOrder(r.parsed, func(j *job) int { return j.seq }, func(j *job) {
		for _, e := range j.rejects {
			r.rejected++
			r.byReason[e.Code]++
			if len(r.kept) < KeptRejects {
				r.kept = append(r.kept, e)
			}
			if r.opt.Rejects != nil && r.rejectErr == nil {
				if r.rejectErr = r.opt.Rejects.WriteReject(e); r.rejectErr != nil {
					r.stopAtSeq(j.seq)
				}
			}
		}
		j.rejects = nil
	})
}

// crAsLF reads a stream whose lines end in CR alone as if they ended in LF.
type crAsLF struct{ r io.Reader }

func (c crAsLF) Read(b []byte) (int, error) {
	n, err := c.r.Read(b)
	for i, x := range b[:n] {
		if x == '\r' {
			b[i] = '\n'
		}
	}
	return n, err
}
