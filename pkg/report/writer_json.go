package report

import (
	"encoding/json"
	"io"
)

// jsonWriter writes the whole [Report], indented: the documented schema ([Version]) that
// the cron job keeps and a later run reads back with --previous.
type jsonWriter struct{}

func (jsonWriter) Write(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}
