package cli

import (
	"io"
	"strconv"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/report"
)

// rejectsWriter writes the --rejects file: one CSV line per rejected row, formula cells
// neutralised like every CSV winback writes.
type rejectsWriter struct {
	w   *report.SafeCSV
	row []string
	err error
}

func newRejectsWriter(w io.Writer) *rejectsWriter {
	rw := &rejectsWriter{w: report.NewSafeCSV(w, false)}
	rw.err = rw.w.Write([]string{"file", "line", "column", "header", "code", "reason", "value", "row"})
	return rw
}

// WriteReject implements [export.RejectWriter].
func (rw *rejectsWriter) WriteReject(e export.RowError) error {
	if rw.err != nil {
		return rw.err
	}
	rw.row = append(rw.row[:0], e.File, strconv.Itoa(e.Line), strconv.Itoa(e.Column), e.Header, e.Code, e.Reason, e.Value, e.Raw)
	rw.err = rw.w.Write(rw.row)
	return rw.err
}

func (rw *rejectsWriter) close() error {
	if rw.err != nil {
		return rw.err
	}
	rw.w.Flush()
	return rw.w.Error()
}
