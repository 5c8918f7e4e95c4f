package export

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzRead feeds arbitrary bytes to the reader: it must not panic or hang, every row must be
// accounted for, and the result must not depend on block size or the number of workers.
func FuzzRead(f *testing.F) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "exports", "*.*"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil && len(b) < 8192 {
			f.Add(b)
		}
	}
	f.Add([]byte("Kundennr;Datum\nK1;01.02.2024\n\"K2;02.02.2024\n"))
	f.Add([]byte("a,b\n\"x\"\"y\",2024-01-01\r\n"))
	f.Add([]byte("Kundennr;Datum\rK1;01.02.2024\r\"K2;02.02.2024\r"))
	f.Add([]byte("Kundennr;Datum;Betrag\nK1;01.02.2024;10000000000,01\n;02.02.2024;1\n"))
	f.Add([]byte("Kundennr;Name;Datum\nK1;\"Anna;01.02.2024\nK2;B;02.02.2024\nK3;C;03.02.2024\nK4;D;04.02.2024\nK5;E\";05.02.2024\nK6;F;06.02.2024"))
	f.Add([]byte("Kundennr;Name;Datum\nK1;An\x00na;01.02.2024\nKundennr;Name;Datum\nK2;B;02.02.2024\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		one, err1 := readWithin(t, data, Options{Workers: 1})
		var all rejectList
		many, err2 := readWithin(t, data, Options{Workers: 2, BlockSize: 7, Rejects: &all})
		if errors.Is(err1, ErrAccounting) || errors.Is(err2, ErrAccounting) {
			t.Fatalf("accounting: %v; %v", err1, err2)
		}
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("errors differ: %v vs %v", err1, err2)
		}
		if err1 != nil {
			if err1.Error() != err2.Error() {
				t.Fatalf("errors differ: %v vs %v", err1, err2)
			}
			return
		}
		r := one.Summary
		if r.Rows != r.Accepted+r.Rejected+r.Blank+r.Duplicates || r.Accepted < 0 {
			t.Fatalf("accounting: %+v", r)
		}
		// Lines, counted here from the bytes, where the reader reads them as they are.
		if utf8.Valid(data) && !bytes.ContainsAny(data, "\r\x00") && !bytes.HasPrefix(data, []byte{0xef, 0xbb, 0xbf}) {
			lines := bytes.Count(data, []byte("\n"))
			if len(data) > 0 && data[len(data)-1] != '\n' {
				lines++
			}
			if r.Lines != lines || r.Rows > lines {
				t.Fatalf("%d lines, %d rows reported; the input has %d lines", r.Lines, r.Rows, lines)
			}
		}
		for _, e := range all.rows {
			if e.Line < 1 || e.Line > r.Lines || e.Code == "" {
				t.Fatalf("reject at line %d of %d, code %q", e.Line, r.Lines, e.Code)
			}
		}
		if len(all.rows) != r.Rejected || len(one.Rejects) != min(r.Rejected, KeptRejects) || !reflect.DeepEqual(one.Rejects, all.rows[:len(one.Rejects)]) {
			t.Fatalf("%d rejects written, %d kept, %d counted", len(all.rows), len(one.Rejects), r.Rejected)
		}
		if !reflect.DeepEqual(one.Set, many.Set) || !reflect.DeepEqual(one.Summary, many.Summary) || !reflect.DeepEqual(one.Rejects, many.Rejects) {
			t.Fatalf("result depends on blocks or workers:\n%+v\n%+v", one.Summary, many.Summary)
		}
	})
}

// readWithin reads data and fails the test if that takes more than a few seconds: a hang
// is a bug the fuzzer must report, not wait out.
func readWithin(t *testing.T, data []byte, opt Options) (*Result, error) {
	type out struct {
		res *Result
		err error
	}
	ch := make(chan out, 1)
	go func() {
		res, err := Read([]Input{{Name: "f", R: bytes.NewReader(data)}}, opt)
		ch <- out{res, err}
	}()
	select {
	case o := <-ch:
		return o.res, o.err
	case <-time.After(5 * time.Second):
		t.Fatalf("Read hangs on %q with %+v", data, opt)
		return nil, nil
	}
}
