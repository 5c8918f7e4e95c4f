package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"io"
)

// jsonWriter writes the whole [Report], indented: the documented schema ([Version]) that
// the cron job keeps and a later run reads back with --previous.
//
// The output is what json.Encoder with a two-space indent writes, but the lapsed customers
// are encoded one at a time: the encoder would hold the whole document twice in memory
// (about 1 KB a customer), which for 300,000 customers is most of a gigabyte.
type jsonWriter struct{}

// jsonLapsedNull is the line the lapsed customers take in a report encoded without them:
// at the top level (two spaces), where no nested value can stand.
var jsonLapsedNull = []byte("\n  \"lapsed\": null,\n")

func (jsonWriter) Write(w io.Writer, r *Report) error {
	rest := *r
	rest.Lapsed = nil
	doc, err := json.MarshalIndent(&rest, "", "  ")
	if err != nil {
		return err
	}
	at := bytes.Index(doc, jsonLapsedNull)
	if at < 0 {
		return errors.New("report json: no place for the lapsed customers")
	}
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(doc[:at])
	switch {
	case r.Lapsed == nil:
		bw.Write(jsonLapsedNull)
	case len(r.Lapsed) == 0:
		bw.WriteString("\n  \"lapsed\": [],\n")
	default:
		bw.WriteString("\n  \"lapsed\": [")
		for i := range r.Lapsed {
			c, err := json.MarshalIndent(&r.Lapsed[i], "    ", "  ")
			if err != nil {
				return err
			}
			if i > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString("\n    ")
			bw.Write(c)
		}
		bw.WriteString("\n  ],\n")
	}
	bw.Write(doc[at+len(jsonLapsedNull):])
	bw.WriteByte('\n')
	return bw.Flush()
}
