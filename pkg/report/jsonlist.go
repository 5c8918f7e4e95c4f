package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// JSONWithList writes doc as [JSONWith] does, where doc's top-level field key holds list,
// one element a line; doc must be passed with that field nil (it encodes as null). The
// list's elements are encoded one at a time, on all cores, so that a document with hundreds
// of thousands of customers is never held in memory twice.
func JSONWithList[T any](w io.Writer, doc any, key string, list []T) error {
	n := len(list)
	if list == nil {
		n = -1
	}
	return JSONWith(w, doc, ListField(key, n, func(b []byte, i int) ([]byte, error) {
		return AppendJSONElement(b, &list[i])
	}))
}

// AppendJSONElement appends e as an element of a top-level list of a document written by
// [JSONWith]: as json.Marshal(e) writes it.
func AppendJSONElement(b []byte, e any) ([]byte, error) {
	// An Encoder writes from encoding/json's pooled buffer, where json.Marshal would
	// return a copy of each element for the garbage collector.
	w := appender{b}
	if err := json.NewEncoder(&w).Encode(e); err != nil {
		return b, err
	}
	return w.b[:len(w.b)-1], nil // Encode ends the element with a newline
}

// appender is an io.Writer that appends to a slice.
type appender struct{ b []byte }

func (a *appender) Write(p []byte) (int, error) {
	a.b = append(a.b, p...)
	return len(p), nil
}

// listPrefix is the indent of the elements of a top-level list.
const listPrefix = "    "

// A Field is a top-level field of a document that [JSONWith] writes itself rather than
// through encoding/json: a long list, encoded a chunk at a time on all cores, or a value
// that is faster to write directly (see [ListField] and [ValueField]).
type Field struct {
	key string
	// n is a list's length (-1: null); elem appends its element i.
	n    int
	elem func(b []byte, i int) ([]byte, error)
	// value appends a value's encoding (when elem is nil).
	value func(b []byte) ([]byte, error)
}

// ListField is the top-level list key of n elements (n < 0: null), whose element i elem
// appends as json.Marshal(element) would ([AppendJSONElement]): one element a line. elem
// is called from several goroutines at once, for different elements.
func ListField(key string, n int, elem func(b []byte, i int) ([]byte, error)) Field {
	return Field{key: key, n: n, elem: elem}
}

// ValueField is the top-level field key, whose value appends as json.MarshalIndent(value,
// "  ", "  ") would. value is called on a goroutine of its own, while lists are written.
func ValueField(key string, value func(b []byte) ([]byte, error)) Field {
	return Field{key: key, value: value}
}

// JSONWith writes doc as json.Encoder with a two-space indent would, but writes the values
// of the top-level fields given itself, in place of what doc holds for them: pass doc with
// large ones nil. A list field's elements are written one a line, each as json.Marshal
// writes it: a list of hundreds of thousands of customers is a quarter smaller than
// indented (142 → 110 MB for 205,000 customers, and as much less to write and sync to
// disk), and a customer is found with grep, whole.
func JSONWith(w io.Writer, doc any, fields ...Field) error {
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	// A top-level key is the only thing on a line indented by two spaces that starts with a
	// quote (deeper keys are indented more, and strings hold no newlines), and its value
	// runs to the comma before the next one, or to the document's closing brace.
	type place struct{ at, end, field int }
	places := make([]place, 0, len(fields))
	for i := range fields {
		f := &fields[i]
		key := []byte(fmt.Sprintf("\n  %q: ", f.key))
		at := bytes.Index(b, key)
		if at < 0 {
			return fmt.Errorf("json: no top-level %q in the document", f.key)
		}
		end := at + len(key)
		if n := bytes.Index(b[end:], []byte(",\n  \"")); n >= 0 {
			end += n
		} else {
			end = bytes.LastIndex(b, []byte("\n}"))
		}
		places = append(places, place{at, end, i})
	}
	slices.SortFunc(places, func(a, b place) int { return a.at - b.at })
	// The values are worked out meanwhile: a list's writing leaves a core idle at times.
	type value struct {
		b   []byte
		err error
	}
	values := make([]chan value, len(fields))
	for i := range fields {
		if f := &fields[i]; f.elem == nil {
			values[i] = make(chan value, 1)
			go func() {
				b, err := f.value(make([]byte, 0, 64<<10))
				values[i] <- value{b, err}
			}()
		}
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	done := 0
	for _, p := range places {
		bw.Write(b[done:p.at])
		done = p.end
		f := &fields[p.field]
		fmt.Fprintf(bw, "\n  %q: ", f.key)
		switch {
		case f.elem == nil:
			v := <-values[p.field]
			if v.err != nil {
				return v.err
			}
			bw.Write(v.b)
		case f.n < 0:
			bw.WriteString("null")
		case f.n == 0:
			bw.WriteString("[]")
		default:
			bw.WriteByte('[')
			err := WriteChunks(bw, f.n, func(lo, hi int, buf []byte) ([]byte, error) {
				for i := lo; i < hi; i++ {
					if i > 0 {
						buf = append(buf, ',')
					}
					buf = append(buf, '\n')
					buf = append(buf, listPrefix...)
					var err error
					if buf, err = f.elem(buf, i); err != nil {
						return buf, err
					}
				}
				return buf, nil
			})
			if err != nil {
				return err
			}
			bw.WriteString("\n  ]")
		}
	}
	bw.Write(b[done:])
	bw.WriteByte('\n')
	return bw.Flush()
}

// listChunk is how many elements of a list one goroutine encodes at a time.
const listChunk = 256

// WriteChunks writes the encodings of the elements [0, n) of a list to w, in order, encoded
// a chunk at a time on up to GOMAXPROCS goroutines, with a few chunks encoded ahead of the
// one being written: the output is that of encoding them one after the other. encode
// appends the encoding of the elements [lo, hi) to a buffer, which is reused once written:
// a long list is encoded in a few chunks' worth of memory. It is called from several
// goroutines at once, for different chunks.
func WriteChunks(w io.Writer, n int, encode func(lo, hi int, b []byte) ([]byte, error)) error {
	chunks := (n + listChunk - 1) / listChunk
	workers := min(runtime.GOMAXPROCS(0), chunks)
	if workers <= 1 {
		var b []byte
		for lo := 0; lo < n; lo += listChunk {
			var err error
			if b, err = encode(lo, min(lo+listChunk, n), b[:0]); err != nil {
				return err
			}
			if _, err := w.Write(b); err != nil {
				return err
			}
		}
		return nil
	}
	type result struct {
		b   []byte
		err error
	}
	done := make([]chan result, chunks)
	for k := range done {
		done[k] = make(chan result, 1)
	}
	ahead := make(chan struct{}, 2*workers) // a token for each chunk encoded but not written
	free := make(chan []byte, 3*workers)    // buffers written, to be reused
	stop := make(chan struct{})
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				select {
				case ahead <- struct{}{}:
				case <-stop:
					return
				}
				k := int(next.Add(1)) - 1
				if k >= chunks {
					return
				}
				var b []byte
				select {
				case b = <-free:
				default:
					b = make([]byte, 0, 256<<10) // a chunk of customers' worth
				}
				b, err := encode(k*listChunk, min((k+1)*listChunk, n), b)
				done[k] <- result{b, err}
			}
		})
	}
	var err error
	for k := range done {
		r := <-done[k]
		if err = r.err; err == nil {
			_, err = w.Write(r.b)
		}
		if err != nil {
			break
		}
		select {
		case free <- r.b[:0]:
		default:
		}
		<-ahead
	}
	close(stop)
	wg.Wait()
	return err
}

// JSONStreamer is a JSON value that writes itself; the json format calls it instead of
// encoding the value whole.
type JSONStreamer interface {
	WriteJSON(w io.Writer) error
}
