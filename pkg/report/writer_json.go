package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"unicode/utf8"

	"github.com/winback/winback/pkg/par"
)

// jsonWriter writes the whole [Report] ([Version]) that a later run reads back with
// --previous: what json.Encoder with a two-space indent writes, but with one lapsed
// customer a line ([writeList]) and the statuses written from their list, not a map.
type jsonWriter struct{}

func (jsonWriter) Write(w io.Writer, r *Report) error {
	rest := *r
	rest.Lapsed, rest.Statuses = nil, nil
	return writeSpliced(w, &rest, func(bw *bufio.Writer, key string) error {
		if key == "statuses" {
			statuses, ok := r.statusList()
			writeStatusMap(bw, statuses, ok)
			return nil
		}
		if r.Lapsed == nil && r.src == nil {
			_, err := bw.WriteString("null")
			return err
		}
		return writeList(bw, r.NumLapsed(), func(i int, s *scratch) *Customer { return r.lapsedAt(i, &s.c, &s.t) })
	}, "lapsed", "statuses")
}

// writeSpliced writes v as json.MarshalIndent with a two-space indent does, but with the
// value of each of its top-level fields keys, which must be null in v and come in this
// order, written by fill.
func writeSpliced(w io.Writer, v any, fill func(bw *bufio.Writer, key string) error, keys ...string) error {
	doc, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	for _, key := range keys {
		head, tail, err := cutNull(doc, key)
		if err != nil {
			return err
		}
		bw.Write(head)
		if err := fill(bw, key); err != nil {
			return err
		}
		doc = tail
	}
	bw.Write(doc)
	bw.WriteByte('\n')
	return bw.Flush()
}

// cutNull cuts an indented document at its top-level field key, which must be null: the
// key stays in before, the null goes. A top-level key is the only one on a line indented
// by two spaces.
func cutNull(doc []byte, key string) (before, after []byte, err error) {
	null := fmt.Sprintf("\n  %q: ", key)
	i := bytes.Index(doc, []byte(null+"null"))
	if i < 0 {
		return nil, nil, fmt.Errorf("json: no top-level %q in the document", key)
	}
	i += len(null)
	return doc[:i], doc[i+len("null"):], nil
}

// scratch is a customer to fill in and the texts to fill it in from.
type scratch struct {
	c Customer
	t texts
}

// writeList writes a top-level list of n elements, each on a line of its own as
// json.Marshal writes it: a list of hundreds of thousands of customers is a quarter
// smaller than indented, and a customer is found with grep, whole. elem returns element
// i, which it may make with scratch (one a goroutine); it is called from several
// goroutines at once.
func writeList[T, S any](w io.Writer, n int, elem func(i int, scratch *S) *T) error {
	if n == 0 {
		_, err := io.WriteString(w, "[]")
		return err
	}
	io.WriteString(w, "[")
	err := inBlocks(w, n, func(scratch *S, b *bytes.Buffer, lo, hi int) error {
		enc := json.NewEncoder(b)
		for i := lo; i < hi; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString("\n    ")
			if err := enc.Encode(elem(i, scratch)); err != nil {
				return err
			}
			b.Truncate(b.Len() - 1) // Encode ends with a newline
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "\n  ]")
	return err
}

// inBlocks writes the encodings of the elements [0, n) of a list to w, in order: encode
// appends those of [lo, hi) to b, with a state s of its goroutine. They are encoded 256
// at a time on all cores ([par.Ranges]), a block of such ranges at a time, so that a long
// list is never whole in memory.
func inBlocks[S any](w io.Writer, n int, encode func(s *S, b *bytes.Buffer, lo, hi int) error) error {
	const size, ranges = 256, 16
	var bufs [ranges]bytes.Buffer
	var errs [ranges]error
	for start := 0; start < n; start += size * ranges {
		m := min(n-start, size*ranges)
		par.Ranges(m, size, func(s *S, lo, hi int) {
			k := lo / size
			bufs[k].Reset()
			errs[k] = encode(s, &bufs[k], start+lo, start+hi)
		})
		for k := range (m + size - 1) / size {
			if errs[k] != nil {
				return errs[k]
			}
			if _, err := w.Write(bufs[k].Bytes()); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeStatusMap writes the statuses, sorted by id, as json.MarshalIndent(m, "  ", "  ")
// does for the map m that holds them (null when !ok).
func writeStatusMap(w *bufio.Writer, statuses iter.Seq[Status], ok bool) {
	if !ok {
		w.WriteString("null")
		return
	}
	n := 0
	w.WriteByte('{')
	for s := range statuses {
		if n++; n > 1 {
			w.WriteByte(',')
		}
		w.WriteString("\n    ")
		writeJSONString(w, s.ID)
		w.WriteString(": ")
		writeJSONString(w, s.Status)
	}
	if n > 0 {
		w.WriteString("\n  ")
	}
	w.WriteByte('}')
}

// writeJSONString writes s as encoding/json does: between quotes as it is when no byte of
// it needs escaping, as with the ids and statuses of nearly any export.
func writeJSONString(w *bufio.Writer, s string) {
	for i := range len(s) {
		if c := s[i]; c < ' ' || c >= utf8.RuneSelf || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
			b, _ := json.Marshal(s) // a string always encodes
			w.Write(b)
			return
		}
	}
	w.WriteByte('"')
	w.WriteString(s)
	w.WriteByte('"')
}

// jsonStreamer is a view's JSON value that writes itself.
type jsonStreamer interface {
	WriteJSON(w io.Writer) error
}

// WriteView writes the view's JSON value, indented, or streams it when it is a
// [jsonStreamer].
func (jsonWriter) WriteView(w io.Writer, v *View) error {
	if s, ok := v.JSON.(jsonStreamer); ok {
		return s.WriteJSON(w)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v.JSON)
}
