package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
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
		for i := range list {
			c, err := json.MarshalIndent(&list[i], "    ", "  ")
			if err != nil {
				return err
			}
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n    ")
			bw.Write(c)
		}
		bw.WriteString("\n  ]")
	}
	bw.Write(b[at+len(null):])
	bw.WriteByte('\n')
	return bw.Flush()
}

// JSONStreamer is a JSON value that writes itself; the json format calls it instead of
// encoding the value whole.
type JSONStreamer interface {
	WriteJSON(w io.Writer) error
}
