package export

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

func fixture(t testing.TB, name string) Input {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "exports", name))
	if err != nil {
		t.Fatal(err)
	}
	return Input{Name: name, R: bytes.NewReader(b)}
}

func read(t testing.TB, opt Options, names ...string) *Result {
	t.Helper()
	var in []Input
	for _, n := range names {
		in = append(in, fixture(t, n))
	}
	res, err := Read(in, opt)
	if err != nil {
		t.Fatalf("Read(%v): %v", names, err)
	}
	return res
}

func TestFixturesAreUnderstoodWithoutFlags(t *testing.T) {
	tests := []struct {
		file                                           string
		encoding, delimiter, key, profile, dateOrder   string
		rows, accepted, rejected, blank, dup, customer int
		concepts                                       map[string]string
	}{
		{file: "de_praxis_cp1252.csv", encoding: "Windows-1252", delimiter: ";", key: "customer id",
			rows: 30, accepted: 30, customer: 8,
			concepts: map[string]string{"customer": "Patienten-Nr.", "date": "Termin", "amount": "Honorar (€)", "staff": "Behandler/in", "channel": "Buchungsweg", "referrer": "Überweiser", "contact_preference": "Kontaktweg"}},
		{file: "en_booking_iso.csv", encoding: "UTF-8 with BOM", delimiter: ",", key: "customer id",
			rows: 12, accepted: 12, customer: 5,
			concepts: map[string]string{"customer": "Customer ID", "date": "Start", "booked_at": "Created"}},
		{file: "excel_utf16.txt", encoding: "UTF-16 LE", delimiter: "tab", key: "customer id",
			rows: 12, accepted: 12, customer: 4,
			concepts: map[string]string{"customer": "Kundennr.", "amount": "Umsatz", "staff": "Mitarbeiter"}},
		{file: "us_ambiguous.csv", encoding: "ASCII", delimiter: ",", key: "customer id", dateOrder: "month first (mm/dd)",
			rows: 30, accepted: 30, customer: 10},
		{file: "pipe.psv", encoding: "ASCII", delimiter: "|", key: "customer id", rows: 10, accepted: 10, customer: 3},
		{file: "semicolon_quoted.csv", encoding: "UTF-8", delimiter: ";", key: "customer id", rows: 10, accepted: 10, customer: 4},
		{file: "no_header.csv", encoding: "ASCII", delimiter: ";", key: "customer id", rows: 12, accepted: 12, customer: 4,
			concepts: map[string]string{"customer": "column 1", "date": "column 2", "amount": "column 4"}},
		{file: "cdnow_head.txt", encoding: "ASCII", delimiter: "whitespace", key: "customer id", rows: 60, accepted: 60, customer: 17,
			concepts: map[string]string{"customer": "column 1", "date": "column 3", "amount": "column 5"}},
		{file: "email_key.csv", encoding: "ASCII", delimiter: ",", key: "email", rows: 12, accepted: 11, rejected: 1, customer: 4},
		{file: "square.csv", encoding: "ASCII", delimiter: ",", key: "customer id", profile: "Square transactions", rows: 14, accepted: 13, rejected: 1, customer: 5,
			concepts: map[string]string{"status": "Event Type", "amount": "Total Collected", "staff": "Staff Name"}},
		{file: "split_datetime.csv", encoding: "ASCII", delimiter: ",", key: "customer id", rows: 12, accepted: 12, customer: 4,
			concepts: map[string]string{"date": "Date", "time": "Time"}},
		{file: "shopify_orders.csv", encoding: "UTF-8", delimiter: ",", key: "email", profile: "Shopify orders", rows: 17, accepted: 17, customer: 5,
			concepts: map[string]string{"name": "Billing Name", "date": "Created at", "amount": "Total", "cancelled": "Cancelled at"}},
		{file: "booking_com.csv", encoding: "UTF-8 with BOM", delimiter: ",", key: "phone", profile: "Booking.com reservations", rows: 12, accepted: 12, customer: 5,
			concepts: map[string]string{"date": "Check-in", "booked_at": "Booked on", "amount": "Price", "name": "Booked by"}},
		{file: "stripe_payments.csv", encoding: "UTF-8", delimiter: ",", key: "customer id", profile: "Stripe payments", rows: 14, accepted: 14, customer: 5,
			concepts: map[string]string{"customer": "Customer ID", "date": "Created (UTC)"}},
		{file: "acuity.csv", encoding: "ASCII", delimiter: ",", key: "email", profile: "Acuity appointments", rows: 18, accepted: 18, customer: 6,
			concepts: map[string]string{"date": "Start Time", "staff": "Calendar", "amount": "Appointment Price", "booked_at": "Date Scheduled", "status": "Label"}},
		{file: "calendly.csv", encoding: "UTF-8", delimiter: ",", key: "email", rows: 12, accepted: 12, customer: 5,
			concepts: map[string]string{"date": "Start Date & Time", "service": "Event Type Name", "no_show": "Marked as No-Show", "cancelled": "Canceled"}},
		// Line 12 repeats line 11 byte for byte; the file has no order or appointment number,
		// so it is a second visit, not a duplicate (issue 16: identical rows are kept).
		{file: "bad_rows.csv", encoding: "ASCII", delimiter: ";", key: "customer id", rows: 16, accepted: 8, rejected: 7, blank: 1, customer: 5},
	}
	for _, tt := range tests {
		t.Run(tt.file+" is read as expected", func(t *testing.T) {
			res := read(t, Options{}, tt.file)
			r := res.Summary
			f := r.Files[0]
			if f.Encoding != tt.encoding || f.Delimiter != tt.delimiter || r.KeyKind != tt.key || f.Profile != tt.profile {
				t.Errorf("got encoding %q delimiter %q key %q profile %q, want %q %q %q %q", f.Encoding, f.Delimiter, r.KeyKind, f.Profile, tt.encoding, tt.delimiter, tt.key, tt.profile)
			}
			if r.Rows != tt.rows || r.Accepted != tt.accepted || r.Rejected != tt.rejected || r.Blank != tt.blank || r.Duplicates != tt.dup || r.Customers != tt.customer {
				t.Errorf("got rows %d = %d accepted + %d rejected + %d blank + %d dup, %d customers; want %d = %d + %d + %d + %d, %d",
					r.Rows, r.Accepted, r.Rejected, r.Blank, r.Duplicates, r.Customers, tt.rows, tt.accepted, tt.rejected, tt.blank, tt.dup, tt.customer)
			}
			if r.Rows != r.Accepted+r.Rejected+r.Blank+r.Duplicates {
				t.Errorf("accounting does not add up: %+v", r)
			}
			if tt.dateOrder != "" && r.DateOrder != tt.dateOrder {
				t.Errorf("date order %q, want %q", r.DateOrder, tt.dateOrder)
			}
			for c, h := range tt.concepts {
				if got := f.Concepts[c].Header; got != h {
					t.Errorf("concept %s is column %q, want %q", c, got, h)
				}
			}
		})
	}
}

func TestBadRowsAreRejectedWithWhereAndWhy(t *testing.T) {
	res := read(t, Options{}, "bad_rows.csv")
	type want struct {
		line   int
		column int
		code   string
	}
	var got []want
	for _, e := range res.Rejects {
		got = append(got, want{e.Line, e.Column, e.Code})
		if e.Reason == "" || e.Raw == "" || e.File != "bad_rows.csv" {
			t.Errorf("reject without reason, raw row or file: %+v", e)
		}
	}
	expect := []want{
		{4, 2, "bad-date"}, {5, 2, "bad-date"}, {6, 1, "missing-customer"}, {7, 0, "ragged"},
		{8, 0, "ragged"}, {9, 5, "bad-amount"}, {18, 4, "unterminated-quote"},
	}
	if !reflect.DeepEqual(got, expect) {
		t.Errorf("rejects\n got %v\nwant %v", got, expect)
	}
	if e := res.Rejects[1]; !strings.Contains(e.Reason, "April") || e.Header != "Datum" || e.Value != "31.04.2024" {
		t.Errorf("impossible date reject = %+v", e)
	}
	// the quoted field with a newline is one row, and the line after it is numbered right
	h := res.Set.Find("K-1002")
	if h == nil || h.Len() != 2 || h.At(1).Status != visit.Cancelled {
		t.Fatalf("K-1002 = %+v", h)
	}
	if res.Set.Services.Name(h.At(1).Service) != "MT\r\nPatient hat angerufen" && res.Set.Services.Name(h.At(1).Service) != "MT\nPatient hat angerufen" {
		t.Errorf("multi-line service = %q", res.Set.Services.Name(h.At(1).Service))
	}
	var unknown []StatusCount
	for _, s := range res.Summary.Statuses {
		if !s.Known {
			unknown = append(unknown, s)
		}
	}
	if len(unknown) != 1 || unknown[0].Value != "vielleicht" || unknown[0].Count != 1 || unknown[0].Status != "attended" {
		t.Errorf("unknown statuses = %+v", unknown)
	}
}

func TestStrictStopsAtTheFirstBadRow(t *testing.T) {
	_, err := Read([]Input{fixture(t, "bad_rows.csv")}, Options{Strict: true, BlockSize: 64, Workers: 4})
	var ie *InputError
	if !errors.As(err, &ie) || !errors.Is(err, ErrStrict) || !strings.Contains(err.Error(), "bad_rows.csv:4:2") {
		t.Fatalf("err = %v", err)
	}
}

func TestUnknownStatusIsAnErrorUnderStrictUnlessMapped(t *testing.T) {
	in := "Kundennr;Datum;Status\nK1;01.02.2024;vielleicht\nK1;01.03.2024;erschienen\n"
	_, err := Read([]Input{{Name: "s.csv", R: strings.NewReader(in)}}, Options{Strict: true})
	if !errors.Is(err, ErrStrict) || !strings.Contains(err.Error(), "vielleicht") {
		t.Fatalf("err = %v", err)
	}
	res, err := Read([]Input{{Name: "s.csv", R: strings.NewReader(in)}}, Options{Strict: true, StatusMap: map[string]string{"Vielleicht": "cancelled"}})
	if err != nil {
		t.Fatal(err)
	}
	if ev := res.Set.Find("K1").AppendEvents(nil); ev[0].Status != visit.Cancelled {
		t.Errorf("mapped status = %v", ev[0].Status)
	}
}

func TestAmbiguousDatesAskForADateFormat(t *testing.T) {
	_, err := Read([]Input{fixture(t, "ambiguous_only.csv")}, Options{})
	var ie *InputError
	if !errors.As(err, &ie) || !errors.Is(err, ErrAmbiguousDates) || !strings.Contains(ie.Hint, "--date-format") {
		t.Fatalf("err = %v", err)
	}
	for _, f := range []string{"dd/mm/yyyy", "mm/dd/yyyy"} {
		res := read(t, Options{DateFormat: f}, "ambiguous_only.csv")
		if res.Summary.Accepted == 0 || !strings.Contains(res.Summary.DateOrder, "--date-format") {
			t.Errorf("%s: %+v", f, res.Summary)
		}
	}
	dmy := read(t, Options{DateFormat: "dmy"}, "ambiguous_only.csv").Set
	mdy := read(t, Options{DateFormat: "mdy"}, "ambiguous_only.csv").Set
	if reflect.DeepEqual(dmy.Customers, mdy.Customers) {
		t.Error("day-first and month-first readings gave the same histories")
	}
}

func TestUSDatesAmbiguousInTheFirstRowsAreReadMonthFirst(t *testing.T) {
	res := read(t, Options{BlockSize: 128}, "us_ambiguous.csv")
	forced := read(t, Options{DateFormat: "mm/dd/yyyy"}, "us_ambiguous.csv")
	if !reflect.DeepEqual(res.Set.Customers, forced.Set.Customers) {
		t.Error("detected month-first reading differs from --date-format mm/dd/yyyy")
	}
}

func TestOverlappingExportsCountEachVisitOnce(t *testing.T) {
	both := read(t, Options{}, "order_lines_jan.csv", "order_lines_janfeb.csv")
	one := read(t, Options{}, "order_lines_janfeb.csv")
	if !reflect.DeepEqual(both.Set.Customers, one.Set.Customers) {
		t.Errorf("jan + jan..feb differs from jan..feb alone")
	}
	if both.Summary.Duplicates != 12 {
		t.Errorf("duplicates = %d, want the 12 January rows", both.Summary.Duplicates)
	}
	if both.Summary.Orders != 12 || one.Summary.Orders != 12 {
		t.Errorf("orders = %d read together, %d alone; want 12 either way", both.Summary.Orders, one.Summary.Orders)
	}
	// Order lines of one order are one visit with the summed amount.
	h := one.Set.Find("K-11")
	if h == nil || h.At(0).Amount != 2490+1450+1180 {
		t.Errorf("K-11 first visit = %+v", h)
	}
}

// TestIdenticalRowsAreDuplicatesOnlyWhereTheyAre checks when a row identical to another is
// dropped: within one file only when the file has an order or appointment number (or
// --dedupe says so); across files one for one, so overlapping exports count a row once
// and two identical purchases in both still count twice.
func TestIdenticalRowsAreDuplicatesOnlyWhereTheyAre(t *testing.T) {
	const plain = "customer;date;amount\nA;2024-01-05;10.00\nA;2024-01-05;10.00\nA;2024-02-01;5.00\n"
	const withOrder = "customer;order no;date;amount\nA;17;2024-01-05;10.00\nA;17;2024-01-05;10.00\nA;18;2024-02-01;5.00\n"
	tests := []struct {
		name   string
		files  []string
		dedupe bool
		dup    int
		amount int64 // of A's visit on 2024-01-05
	}{
		{"identical rows of one file without an order number are two purchases", []string{plain}, false, 0, 2000},
		{"--dedupe drops them", []string{plain}, true, 1, 1000},
		{"identical rows with one order number are one row", []string{withOrder}, false, 1, 1000},
		{"a file read twice counts once, its identical rows still twice", []string{plain, plain}, false, 3, 2000},
		{"a file whose identical pair appears once in another counts twice", []string{plain, "customer;date;amount\nA;2024-01-05;10.00\n"}, false, 1, 2000},
		{"a pair in the second file beyond the first file's one adds one", []string{"customer;date;amount\nA;2024-01-05;10.00\n", plain}, false, 1, 2000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var in []Input
			for i, f := range tt.files {
				in = append(in, Input{Name: fmt.Sprintf("f%d.csv", i), R: strings.NewReader(f)})
			}
			for _, opt := range []Options{{Dedupe: tt.dedupe, Workers: 1}, {Dedupe: tt.dedupe, Workers: 3, BlockSize: 7}} {
				res, err := Read(in, opt)
				if err != nil {
					t.Fatal(err)
				}
				for _, x := range in {
					x.R.(*strings.Reader).Seek(0, 0)
				}
				h := res.Set.Find("A")
				if res.Summary.Duplicates != tt.dup || h == nil || h.At(0).Amount != tt.amount {
					t.Errorf("block %d: %d duplicates, first visit %+v; want %d duplicates, amount %d", opt.BlockSize, res.Summary.Duplicates, h.At(0), tt.dup, tt.amount)
				}
			}
		})
	}
}

func TestResultsDoNotDependOnBlockSizeOrWorkers(t *testing.T) {
	for _, file := range []string{"de_praxis_cp1252.csv", "bad_rows.csv", "semicolon_quoted.csv", "shopify_orders.csv", "us_ambiguous.csv"} {
		t.Run(file, func(t *testing.T) {
			base := read(t, Options{Workers: 1}, file)
			for _, opt := range []Options{{Workers: 4, BlockSize: 37}, {Workers: 3, BlockSize: 1}, {Workers: 2, BlockSize: 4096}} {
				got := read(t, opt, file)
				if !reflect.DeepEqual(got.Set, base.Set) {
					t.Errorf("workers %d block %d: histories differ", opt.Workers, opt.BlockSize)
				}
				if !reflect.DeepEqual(got.Rejects, base.Rejects) || !reflect.DeepEqual(got.Summary, base.Summary) {
					t.Errorf("workers %d block %d: report differs:\n%+v\n%+v", opt.Workers, opt.BlockSize, got.Summary, base.Summary)
				}
			}
		})
	}
}

func TestGermanExportDecodesUmlautsAndDecimalCommas(t *testing.T) {
	res := read(t, Options{}, "de_praxis_cp1252.csv")
	var names []string
	var total int64
	for _, h := range res.Set.Customers {
		names = append(names, h.Details().Name)
		for _, e := range h.Events() {
			total += e.Amount
		}
	}
	joined := strings.Join(names, "|")
	if !strings.ContainsAny(joined, "äöüÄÖÜß") {
		t.Errorf("no umlaut survived decoding: %s", joined)
	}
	if total == 0 {
		t.Errorf("total = %d", total)
	}
	if res.Summary.DecimalStyle != "decimal comma (1.234,56)" {
		t.Errorf("decimal style = %q", res.Summary.DecimalStyle)
	}
}

func TestKeysFallBackToNormalisedEmailAndPhone(t *testing.T) {
	res := read(t, Options{}, "email_key.csv")
	for _, h := range res.Set.Customers {
		if h.Key != strings.ToLower(strings.TrimSpace(h.Key)) {
			t.Errorf("email key not normalised: %q", h.Key)
		}
	}
	in := "Name;Telefon;Datum\nA;+49 30 1234567;01.02.2024\nA;030/1234567;01.03.2024\nA;0049 (30) 123-45-67;01.04.2024\n"
	r, err := Read([]Input{{Name: "p.csv", R: strings.NewReader(in)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if r.Summary.KeyKind != "phone" || len(r.Set.Customers) != 1 || r.Set.Customers[0].Len() != 3 {
		t.Errorf("phone keys: %+v", r.Set.Customers)
	}
}

func TestHeadersMapInEnglishAndGerman(t *testing.T) {
	tests := []struct {
		header  string
		concept Concept
	}{
		{"Patienten-Nr.", Customer}, {"Kd.-Nr", Customer}, {"Client ID", Customer}, {"Kundennummer", Customer},
		{"Termin", Date}, {"Start Time", Date}, {"Check-in", Date}, {"Behandlungsdatum", Date},
		{"Betrag", Amount}, {"Honorar (€)", Amount}, {"Price", Amount}, {"Umsatz", Amount},
		{"Behandler/in", Staff}, {"Therapeut", Staff}, {"Buchungsweg", Channel}, {"Booked via", Channel},
		{"Gebucht am", BookedAt}, {"Überweiser", Referrer}, {"Standort", Location}, {"E-Mail", Email},
		{"Telefon", Phone}, {"Kontaktweg", ContactPreference}, {"Status", Status}, {"Leistung", Service},
	}
	for _, tt := range tests {
		t.Run(tt.header+" maps to "+tt.concept.String(), func(t *testing.T) {
			m, err := mapColumns([]string{"x", tt.header}, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if m.idx[tt.concept] != 1 {
				t.Errorf("%q not mapped to %s: %v", tt.header, tt.concept, m.idx)
			}
		})
	}
}

func TestDateColumnChoiceChecksTheValues(t *testing.T) {
	in := "Client ID,Start Time,Created\nC1,10:15,2024-03-01\nC1,11:00,2024-03-02\n"
	res, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(in)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Summary.Files[0].Concepts["date"].Header; got != "Created" {
		t.Errorf("date column = %q; a column of times must not be taken for dates", got)
	}
}

func TestMissingColumnsAndBadOptionsAreInputErrors(t *testing.T) {
	tests := []struct {
		name, in string
		opt      Options
		is       error
		hint     string
	}{
		{"no date column", "Kundennr;Leistung\nK1;KG\n", Options{}, ErrMissingColumn, "--column date="},
		{"no customer column", "Datum;Leistung\n01.02.2024;KG\n", Options{}, ErrMissingColumn, "--column customer="},
		{"empty file", "", Options{}, ErrUnreadable, ""},
		{"binary file", "PK\x03\x04\x00\x00\x00binary", Options{}, ErrUnreadable, "CSV"},
		{"unknown encoding", "a;b\n", Options{Encoding: "klingon"}, ErrUsage, ""},
		{"unknown column", "Kundennr;Datum\nK1;01.02.2024\n", Options{Columns: map[Concept]string{Amount: "Preis"}}, ErrUsage, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is refused", func(t *testing.T) {
			_, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(tt.in)}}, tt.opt)
			if !errors.Is(err, tt.is) {
				t.Fatalf("err = %v, want %v", err, tt.is)
			}
			var ie *InputError
			if tt.hint != "" && (!errors.As(err, &ie) || !strings.Contains(ie.Hint, tt.hint)) {
				t.Errorf("hint of %v does not mention %q", err, tt.hint)
			}
		})
	}
}

func TestColumnOverridesByNameAndPosition(t *testing.T) {
	in := "a;b;c\nK1;01.02.2024;12,50\nK1;03.02.2024;12,50\n"
	res, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(in)}}, Options{
		Columns: map[Concept]string{Customer: "a", Date: "2", Amount: "C"}})
	if err != nil {
		t.Fatal(err)
	}
	h := res.Set.Find("K1")
	if h == nil || h.Len() != 2 || h.At(0).Amount != 1250 || h.At(0).Day != visit.DayOf(2024, 2, 1) {
		t.Fatalf("history = %+v", h)
	}
}

func TestFutureAndCancelledRowsAreKeptAsEvents(t *testing.T) {
	in := "Kundennr;Datum;Status\nK1;01.02.2024;erschienen\nK1;01.02.2024;abgesagt\nK1;01.05.2024;geplant\n"
	res, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(in)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	h := res.Set.Find("K1")
	s := h.Summarize(visit.DayOf(2024, 3, 1))
	if s.Visits != 1 || s.ByStatus[visit.Cancelled] != 1 || s.NextBooked != visit.DayOf(2024, 5, 1) {
		t.Errorf("summary = %+v", s)
	}
	if res.Set.LatestRecorded != visit.DayOf(2024, 2, 1) {
		t.Errorf("latest recorded = %v, want the last row with an outcome", res.Set.LatestRecorded)
	}
}

var _ = history.Row{}

// countingReader counts the reads that reach it and fails a read after the end.
type countingReader struct {
	r     io.Reader
	reads int
	ended bool
}

func (c *countingReader) Read(p []byte) (int, error) {
	if c.ended {
		return 0, errors.New("read again after the end")
	}
	c.reads++
	n, err := c.r.Read(p)
	if err == io.EOF {
		c.ended = true
	}
	return n, err
}

func TestAfterPeekReadsTheWholeStreamOnce(t *testing.T) {
	for _, size := range []int{0, 10, 4096, 100_000} {
		data := bytes.Repeat([]byte("0123456789abcdef\n"), size/17+1)[:size]
		src := &countingReader{r: bytes.NewReader(data)}
		br := bufio.NewReaderSize(src, 4096)
		_, err := br.Peek(4096)
		got, rerr := io.ReadAll(afterPeek(br, src, err))
		if rerr != nil || !bytes.Equal(got, data) {
			t.Fatalf("size %d: read %d bytes (%v), want %d", size, len(got), rerr, len(data))
		}
	}
}

// strayQuote is 1,000 lines: a header and 999 rows, where the name on line 10 opens a quote
// that a stray quote on line 510 closes.
func strayQuote() string {
	var b strings.Builder
	b.WriteString("Kundennr;Name;Datum;Betrag\n")
	for line := 2; line <= 1000; line++ {
		name := fmt.Sprintf("Name %d", line)
		switch line {
		case 10:
			name = `"Anna ` + name
		case 510:
			name += `"`
		}
		fmt.Fprintf(&b, "K%d;%s;%02d.03.2024;10,00\n", line, name, 1+line%28)
	}
	return b.String()
}

// TestRowsThatAreNotRowsGetTheirOwnReason checks the rejects that stand for something
// other than a bad value: a record running over many lines, a NUL byte, the header again
// and a file keyed otherwise than the first; and that physical lines are counted.
func TestRowsThatAreNotRowsGetTheirOwnReason(t *testing.T) {
	tests := []struct {
		name     string
		files    []string
		lines    int
		accepted int
		code     string
		line     int
		reason   string
	}{
		{"a stray quote that takes 500 lines is one row rejected with its first and last line", []string{strayQuote()},
			1000, 498, "long-record", 10, "the row runs from line 10 to line 510"},
		{"a NUL byte in a name rejects its row", []string{strings.Repeat("Kundennr;Name;Datum\n", 1) + strings.Repeat("K1;Anna;01.02.2024\n", 600) + "K2;Be\x00rt;02.02.2024\n"},
			602, 600, "nul-byte", 602, "NUL byte"},
		{"the header again in the middle is not a bad date", []string{"Kundennr;Datum\nK1;01.02.2024\nKundennr;Datum\nK2;02.02.2024\n"},
			4, 2, "repeated-header", 3, "header row again"},
		{"a second file keyed by e-mail where the first is keyed by id is rejected", []string{"Kundennr;Datum\nK1;01.02.2024\n", "E-Mail;Datum\na@example.com;01.02.2024\n"},
			4, 1, "key-kind", 2, "identifies customers by email, f0.csv by customer id"},
		{"a notes column may hold many lines", []string{"Kundennr;Notiz;Datum\nK1;\"a\nb\nc\nd\ne\nf\";01.02.2024\nK2;x;02.02.2024\n"},
			8, 2, "", 0, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, opt := range []Options{{Workers: 1}, {Workers: 3, BlockSize: 64}} {
				var in []Input
				for i, f := range tt.files {
					in = append(in, Input{Name: fmt.Sprintf("f%d.csv", i), R: strings.NewReader(f)})
				}
				res, err := Read(in, opt)
				if err != nil {
					t.Fatal(err)
				}
				r := res.Summary
				if r.Lines != tt.lines || r.Accepted != tt.accepted {
					t.Errorf("%d lines, %d accepted; want %d, %d", r.Lines, r.Accepted, tt.lines, tt.accepted)
				}
				if tt.code == "" {
					if r.Rejected != 0 {
						t.Errorf("rejected %+v", res.Rejects)
					}
					continue
				}
				if r.Rejected != 1 || res.Rejects[0].Code != tt.code || res.Rejects[0].Line != tt.line || !strings.Contains(res.Rejects[0].Reason, tt.reason) {
					t.Errorf("rejects %+v; want one %s at line %d saying %q", res.Rejects, tt.code, tt.line, tt.reason)
				}
				for _, x := range in {
					x.R.(*strings.Reader).Seek(0, 0)
				}
				_, err = Read(in, Options{Strict: true, Workers: opt.Workers, BlockSize: opt.BlockSize})
				if !errors.Is(err, ErrStrict) || !strings.Contains(err.Error(), tt.reason) {
					t.Errorf("under --strict: %v", err)
				}
			}
		})
	}
}

// TestRowsWithoutTheKeyJoinTheCustomerTheirOtherIdentifiersName checks that an order
// without an e-mail, keyed by its billing phone for want of one, is joined to the customer
// whose other orders carry that phone, unless the name says it is someone else.
func TestRowsWithoutTheKeyJoinTheCustomerTheirOtherIdentifiersName(t *testing.T) {
	const orders = "Email,Billing Name,Billing Phone,Created at,Total\n" +
		"anna@example.com,Anna Schmidt,+49 30 1234567,2024-01-08,10.00\n" +
		",Anna Schmidt,030 1234567,2024-02-08,20.00\n" +
		"erik@example.com,Erik Lund,0170 5555555,2024-02-09,15.00\n" +
		",Dora Lund,0170/5555555,2024-03-08,30.00\n" +
		",Carl Neu,0170 9999999,2024-03-09,40.00\n"
	res, err := Read([]Input{{Name: "orders.csv", R: strings.NewReader(orders)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Summary
	if r.KeyFallback != 3 || r.Joined != 1 || r.Customers != 4 {
		t.Errorf("%d fallback rows, %d joined, %d customers; want 3, 1, 4", r.KeyFallback, r.Joined, r.Customers)
	}
	h := res.Set.Find("anna@example.com")
	if h == nil || h.Len() != 2 || h.At(1).Amount != 2000 {
		t.Errorf("Anna's history %+v; want her two orders", h)
	}
}

func TestRowsWithoutTheKeyJoinAlsoWhenContactsAreWithheld(t *testing.T) {
	const orders = "Email,Billing Name,Billing Phone,Created at,Total\n" +
		"anna@example.com,Anna Schmidt,+49 30 1234567,2024-01-08,10.00\n" +
		",Anna Schmidt,030 1234567,2024-02-08,20.00\n"
	res, err := Read([]Input{{Name: "orders.csv", R: strings.NewReader(orders)}}, Options{WithholdContacts: true})
	if err != nil {
		t.Fatal(err)
	}
	if r := res.Summary; r.Joined != 1 || r.Customers != 1 {
		t.Errorf("%d joined, %d customers; want 1, 1", r.Joined, r.Customers)
	}
}

func TestIDsWrittenAsFloatsAreTheSameCustomer(t *testing.T) {
	const rows = "CustomerID,InvoiceDate,UnitPrice\n17850,2010-12-01,2.55\n17850.0,2010-12-02,2.55\n17850.00,2010-12-03,1.00\n1.5,2010-12-03,1.00\n"
	res, err := Read([]Input{{Name: "retail.csv", R: strings.NewReader(rows)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if h := res.Set.Find("17850"); h == nil || h.Len() != 3 || res.Summary.Customers != 2 {
		t.Errorf("customer 17850: %+v; %d customers; want 3 visits of 2 customers", h, res.Summary.Customers)
	}
}
