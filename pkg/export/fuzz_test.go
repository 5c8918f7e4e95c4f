package export

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
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
	f.Fuzz(func(t *testing.T, data []byte) {
		one, err1 := readWithin(t, data, Options{Workers: 1})
		var all rejectList
		many, err2 := readWithin(t, data, Options{Workers: 2, BlockSize: 7, Rejects: &all})
		if (err1 == nil) != (err2 == nil) {
			t.Fatalf("errors differ: %v vs %v", err1, err2)
		}
		if err1 != nil {
			if err1.Error() != err2.Error() {
				t.Fatalf("errors differ: %v vs %v", err1, err2)
			}
			return
		}
		r := one.Report
		if r.Rows != r.Accepted+r.Rejected+r.Blank+r.Duplicates || r.Accepted < 0 {
			t.Fatalf("accounting: %+v", r)
		}
		if len(all.rows) != r.Rejected || len(one.Rejects) != min(r.Rejected, KeptRejects) || !reflect.DeepEqual(one.Rejects, all.rows[:len(one.Rejects)]) {
			t.Fatalf("%d rejects written, %d kept, %d counted", len(all.rows), len(one.Rejects), r.Rejected)
		}
		if !reflect.DeepEqual(one.Set, many.Set) || !reflect.DeepEqual(one.Report, many.Report) || !reflect.DeepEqual(one.Rejects, many.Rejects) {
			t.Fatalf("result depends on blocks or workers:\n%+v\n%+v", one.Report, many.Report)
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
