package render

import (
	"encoding/json"
	"io"
)

// jsonWriter writes the output's JSON value, indented.
type jsonWriter struct{}

func (jsonWriter) Write(w io.Writer, out *Output) error {
	if s, ok := out.JSON.(JSONStreamer); ok {
		return s.WriteJSON(w)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out.JSON)
}
