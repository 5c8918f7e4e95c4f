package export

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"
	"testing"
)

func TestInputErrorsSayWhatWhereAndWhatToDo(t *testing.T) {
	tests := []struct {
		name, in   string
		is         error
		what, hint string
	}{
		{"a header without rows", "Kundennr;Datum;Betrag\n", ErrUnreadable,
			"x.csv: unreadable input: the file has a header row (line 1) but no rows of data", "check that this is the export you meant"},
		{"a header without rows or a line end", "Kundennr;Datum;Betrag", ErrUnreadable,
			"the file has a header row (line 1) but no rows of data", "export"},
		{"a quote at the start of row 2 that is never closed", "Kundennr;Datum;Betrag\n\"K1;01.02.2024;12\nK2;02.02.2024;13\n", ErrUnreadable,
			"x.csv: unreadable input: line 2, column 1: a quoted field is never closed: it runs to the end of the file", "close or remove the quote on line 2"},
		{"a quote at the start of the file that is never closed", "\"Kundennr;Datum;Betrag\nK1;01.02.2024;12\n", ErrUnreadable,
			"line 1, column 1: a quoted field is never closed", "quote on line 1"},
		{"a quote in the third field of row 2", "Kundennr;Datum;Betrag\nK1;01.02.2024;\"12\n", ErrUnreadable,
			"line 2, column 3: a quoted field is never closed", "quote on line 2"},
		{"a quote after a multi-line field", "Kundennr;Notiz;Datum\r\n\"K1\";\"a\nb\";\"01.02.2024\n", ErrUnreadable,
			"line 3, column 3: a quoted field is never closed", "quote on line 3"},
		{"a first line longer than the sample", strings.Repeat("Kundennr;", sampleBytes/9+1) + "Datum\nK1;01.02.2024\n", ErrUnreadable,
			"line 1 has no line end in its first 256 KiB", "one row per line"},
		{"a quote the sample does not close", "Kundennr;Datum\n\"K1" + strings.Repeat("x\n", sampleBytes/2) + "\";01.02.2024\n", ErrUnreadable,
			"line 2, column 1: a quoted field is never closed: it is still open 256 KiB into the file", "quote on line 2"},
		{"no date column", "Kundennr;Leistung\nK1;KG\n", ErrMissingColumn,
			"no date column among: Kundennr, Leistung", "--column date="},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is named", func(t *testing.T) {
			for _, bs := range []int{0, 5} {
				_, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(tt.in)}}, Options{BlockSize: bs, Workers: 2})
				var ie *InputError
				if !errors.Is(err, tt.is) || !errors.As(err, &ie) {
					t.Fatalf("err = %v, want an InputError of %v", err, tt.is)
				}
				if !strings.Contains(err.Error(), tt.what) {
					t.Errorf("err = %q, want it to say %q", err, tt.what)
				}
				if !strings.Contains(ie.Hint, tt.hint) {
					t.Errorf("hint = %q, want it to say %q", ie.Hint, tt.hint)
				}
			}
		})
	}
}

// TestRecordLimitIsTheSameWhateverTheBlockSize cuts records just under, at and over the
// limit into blocks of every size: the same records pass, and the error names the line the
// record starts on and the quote left open.
func TestRecordLimitIsTheSameWhateverTheBlockSize(t *testing.T) {
	const limit = 40
	tests := []struct {
		name      string
		record    string // on line 3, after two records
		tail      string // after it
		tooLong   bool
		quoteLine int
		quoteCol  int
	}{
		{"a record at the limit", strings.Repeat("x", limit), "\nc,d\n", false, 0, 0},
		{"a record at the limit at the end", strings.Repeat("x", limit), "", false, 0, 0},
		{"a record over the limit", strings.Repeat("x", limit+1), "\nc,d\n", true, 0, 0},
		{"a record over the limit at the end", strings.Repeat("x", limit+1), "", true, 0, 0},
		{"a quoted record at the limit", "a,\"" + strings.Repeat("y\n", (limit-4)/2) + "\"", "\nc,d\n", false, 0, 0},
		{"a quote never closed", "a,\"b\nc\",\"" + strings.Repeat("y\n", limit), "", true, 4, 3},
		{"a quote never closed with more to come", "a,\"" + strings.Repeat("y\n", limit), "\"\nc,d\n", true, 3, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name+" is cut the same in any blocks", func(t *testing.T) {
			data := "h,i\na,b\n" + tt.record + tt.tail
			for bs := 1; bs <= len(data)+1; bs++ {
				ch := &chunker{r: strings.NewReader(data), size: bs, maxSize: limit, line: 1, quotes: true, delim: ','}
				var got []byte
				var err error
				for {
					var block []byte
					block, _, _, err = ch.next()
					if err != nil {
						break
					}
					if len(block) > limit+1 && bytes.Count(block, nl) == 0 {
						t.Fatalf("block size %d: a block of %d bytes without a record end", bs, len(block))
					}
					got = append(got, block...)
				}
				var long *RecordTooLongError
				if !tt.tooLong {
					if err != io.EOF || string(got) != data {
						t.Fatalf("block size %d: err %v, read %q", bs, err, got)
					}
					continue
				}
				if !errors.As(err, &long) {
					t.Fatalf("block size %d: err %v, want a RecordTooLongError", bs, err)
				}
				want := RecordTooLongError{Line: 3, QuoteLine: tt.quoteLine, QuoteColumn: tt.quoteCol}
				if *long != want {
					t.Fatalf("block size %d: %+v, want %+v", bs, *long, want)
				}
			}
		})
	}
}

func TestRecordTooLongErrorsSayWhetherAQuoteIsOpen(t *testing.T) {
	open := (&RecordTooLongError{Line: 7, QuoteLine: 9, QuoteColumn: 2}).Error()
	if open != "line 7: the quoted field that starts at line 9, column 2 is never closed: the record runs on past 64 MiB" {
		t.Errorf("got %q", open)
	}
	plain := (&RecordTooLongError{Line: 7}).Error()
	if plain != "line 7: the record runs on for more than 64 MiB without a line end" {
		t.Errorf("got %q", plain)
	}
	for _, e := range []*RecordTooLongError{{Line: 7, QuoteLine: 9, QuoteColumn: 2}, {Line: 7}} {
		ie := chunkError("x.csv", e)
		if !errors.Is(ie, ErrUnreadable) || !errors.As(ie, new(*RecordTooLongError)) || ie.Hint == "" {
			t.Errorf("chunkError(%v) = %+v", e, ie)
		}
	}
}

func TestErrorsQuoteLittleOfTheInput(t *testing.T) {
	t.Run("a header list shows the first headers, cut short, and how many more", func(t *testing.T) {
		var h []string
		for i := range 50 {
			h = append(h, fmt.Sprintf("h%d", i+1))
		}
		h[2] = strings.Repeat("ä", 100)
		want := "h1, h2, " + strings.Repeat("ä", maxQuotedRunes) + "…, h4, h5, h6, h7, h8, h9, h10, h11, h12 … and 38 more"
		if got := headerList(h); got != want {
			t.Errorf("got %q\nwant %q", got, want)
		}
		if got := headerList(h[:3]); got != "h1, h2, "+strings.Repeat("ä", maxQuotedRunes)+"…" {
			t.Errorf("got %q", got)
		}
	})
	t.Run("a missing column in a file of one long line is named in a few lines", func(t *testing.T) {
		in := strings.Repeat("Anna Muster;anna@example.com;", 1300) + "\nx;y\n"
		_, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(in)}}, Options{})
		if !errors.Is(err, ErrMissingColumn) || len(err.Error()) > 500 || !strings.Contains(err.Error(), "… and 2589 more") {
			t.Errorf("err (%d bytes) = %.600v", len(err.Error()), err)
		}
	})
	t.Run("a bad value under --strict is quoted cut short", func(t *testing.T) {
		in := "Kundennr;Datum\nK1;01.02.2024\nK2;" + strings.Repeat("9", 5000) + "\n"
		_, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(in)}}, Options{Strict: true})
		if !errors.Is(err, ErrStrict) || len(err.Error()) > 200 || !strings.Contains(err.Error(), "x.csv:3:2 (Datum)") {
			t.Errorf("err = %.300v", err)
		}
	})
}

func TestLinesEndingInCarriageReturnsAreRead(t *testing.T) {
	lf := "Kundennr;Datum;Notiz;Betrag\nK1;01.02.2024;\"zwei\nZeilen\";12,50\nK2;02.02.2024;;13\n\nK1;03.03.2024;x;1\n"
	cr := strings.ReplaceAll(lf, "\n", "\r")
	for _, bs := range []int{0, 7} {
		want, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(lf)}}, Options{BlockSize: bs})
		if err != nil {
			t.Fatal(err)
		}
		got, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(cr)}}, Options{BlockSize: bs})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got.Set, want.Set) || !reflect.DeepEqual(got.Summary, want.Summary) {
			t.Errorf("block size %d: CR-only lines read as\n%+v\nnot as LF lines\n%+v", bs, got.Summary, want.Summary)
		}
		if got.Summary.Accepted != 3 || got.Summary.Blank != 1 {
			t.Errorf("block size %d: %+v", bs, got.Summary)
		}
	}
}

func TestAmountsBeyondAnyBillAreRejected(t *testing.T) {
	in := "Kundennr;Datum;Betrag\n" +
		"K1;01.02.2024;10000000000,00\n" + // the largest amount taken
		"K2;02.02.2024;10000000000,01\n" +
		"K3;03.02.2024;-10000000000,00\n" +
		"K4;04.02.2024;-10000000000,01\n" +
		"K5;05.02.2024;90000000000000000\n" +
		"K6;06.02.2024;12,50\n"
	res, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(in)}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range res.Rejects {
		got = append(got, fmt.Sprintf("%d:%d %s %s", e.Line, e.Column, e.Code, e.Value))
	}
	want := []string{"3:3 amount-too-large 10000000000,01", "5:3 amount-too-large -10000000000,01", "6:3 amount-too-large 90000000000000000"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rejects %v, want %v", got, want)
	}
	if r := res.Summary; r.Accepted != 3 || r.Rejected != 3 || r.RejectsByReason["amount-too-large"] != 3 {
		t.Errorf("report %+v", r)
	}
}

// rejectList is a [RejectWriter] that keeps what it is given, and fails after failAfter
// rows when that is set.
type rejectList struct {
	rows      []RowError
	failAfter int
}

var errDiskFull = errors.New("disk full")

func (l *rejectList) WriteReject(e RowError) error {
	if l.failAfter > 0 && len(l.rows) == l.failAfter {
		return errDiskFull
	}
	l.rows = append(l.rows, e)
	return nil
}

func TestRejectsBeyondTheFirstFewGoOnlyToTheRejectWriter(t *testing.T) {
	var b strings.Builder
	b.WriteString("Kundennr;Datum;Betrag\n")
	for i := range 3000 {
		if i%3 == 0 {
			fmt.Fprintf(&b, "K%d;01.02.2024;12\n", i)
		} else {
			fmt.Fprintf(&b, ";01.02.2024;x%d\n", i)
		}
	}
	for _, opt := range []Options{{}, {Workers: 3, BlockSize: 100}} {
		var l rejectList
		opt.Rejects = &l
		res, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(b.String())}}, opt)
		if err != nil {
			t.Fatal(err)
		}
		if len(l.rows) != 2000 || res.Summary.Rejected != 2000 || res.Summary.RejectsByReason["missing-customer"] != 2000 {
			t.Fatalf("%d rows written, report %+v", len(l.rows), res.Summary)
		}
		if len(res.Rejects) != KeptRejects || !reflect.DeepEqual(res.Rejects, l.rows[:KeptRejects]) {
			t.Fatalf("kept %d rejects, not the first %d written", len(res.Rejects), KeptRejects)
		}
		for i, e := range l.rows {
			if want := 2 + i + i/2 + 1; e.Line != want || e.Column != 1 || e.Raw != fmt.Sprintf(";01.02.2024;x%d", want-2) {
				t.Fatalf("reject %d: %+v, want line %d", i, e, want)
			}
		}
	}
}

func TestARejectWriterThatFailsStopsTheRead(t *testing.T) {
	in := "Kundennr;Datum\n" + strings.Repeat(";01.02.2024\n", 1000)
	_, err := Read([]Input{{Name: "x.csv", R: strings.NewReader(in)}}, Options{Rejects: &rejectList{failAfter: 10}, BlockSize: 64})
	if !errors.Is(err, errDiskFull) {
		t.Errorf("err = %v", err)
	}
}
