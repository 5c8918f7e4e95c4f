package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"
	"sync/atomic"
)

// JSONWithList writes doc as json.Encoder with a two-space indent would, where doc's
// top-level field key holds list; doc must be passed with that field nil (it encodes as
// null). The list's elements are encoded one at a time, so a document with hundreds of
// thousands of customers is never held in memory twice and is written several times
// faster than by encoding it whole.
func JSONWithList[T any](w io.Writer, doc any, key string, list []T) error {
	b, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		return err
	}
	null := []byte(fmt.Sprintf("\n  %q: null", key))
	at := bytes.Index(b, null)
	if at < 0 {
		return fmt.Errorf("json: no top-level %q: null in the document", key)
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(b[:at])
	switch {
	case list == nil:
		bw.Write(null)
	case len(list) == 0:
		fmt.Fprintf(bw, "\n  %q: []", key)
	default:
		fmt.Fprintf(bw, "\n  %q: [", key)
		err := writeChunks(bw, len(list), func(lo, hi int, b *bytes.Buffer) error {
			var buf []byte
			for i := lo; i < hi; i++ {
				if i > 0 {
					buf = append(buf, ',')
				}
				buf = append(buf, "\n    "...)
				var err error
				if a, ok := any(&list[i]).(JSONAppender); ok {
					buf, err = a.AppendJSONIndent(buf, "    ", "  ")
				} else {
					var c []byte
					c, err = json.MarshalIndent(&list[i], "    ", "  ")
					buf = append(buf, c...)
				}
				if err != nil {
					return err
				}
			}
			b.Write(buf)
			return nil
		})
		if err != nil {
			return err
		}
		bw.WriteString("\n  ]")
	}
	bw.Write(b[at+len(null):])
	bw.WriteByte('\n')
	return bw.Flush()
}

// listChunk is how many elements of a list one goroutine encodes at a time.
const listChunk = 256

// writeChunks writes the encodings of the elements [0, n) of a list to w, in order, encoded
// a chunk at a time on up to GOMAXPROCS goroutines, with a few chunks encoded ahead of the
// one being written: the output is that of encoding them one after the other.
func writeChunks(w io.Writer, n int, encode func(lo, hi int, b *bytes.Buffer) error) error {
	chunks := (n + listChunk - 1) / listChunk
	workers := min(runtime.GOMAXPROCS(0), chunks)
	if workers <= 1 {
		var b bytes.Buffer
		if err := encode(0, n, &b); err != nil {
			return err
		}
		_, err := w.Write(b.Bytes())
		return err
	}
	type result struct {
		b   *bytes.Buffer
		err error
	}
	done := make([]chan result, chunks)
	for k := range done {
		done[k] = make(chan result, 1)
	}
	ahead := make(chan struct{}, 2*workers) // a token for each chunk encoded but not written
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
				b := new(bytes.Buffer)
				err := encode(k*listChunk, min((k+1)*listChunk, n), b)
				done[k] <- result{b, err}
			}
		})
	}
	var err error
	for k := range done {
		r := <-done[k]
		if err = r.err; err == nil {
			_, err = w.Write(r.b.Bytes())
		}
		if err != nil {
			break
		}
		<-ahead
	}
	close(stop)
	wg.Wait()
	return err
}

// JSONAppender is a list element that encodes itself as json.MarshalIndent would, only
// faster; [JSONWithList] uses it when a pointer to an element implements it.
type JSONAppender interface {
	AppendJSONIndent(b []byte, prefix, indent string) ([]byte, error)
}

// JSONStreamer is a JSON value that writes itself; the json format calls it instead of
// encoding the value whole.
type JSONStreamer interface {
	WriteJSON(w io.Writer) error
}
