package report

import (
	"fmt"
	"io"
)

// errWriter keeps the first write error and writes nothing after it, so that a writer can
// read as a sequence of prints and still return what went wrong (a full disk must not
// leave a truncated file that looks complete).
type errWriter struct {
	w   io.Writer
	err error
	// width is the terminal's width for the tables written by [errWriter.table]; 0 when
	// unknown.
	width int
}

func (e *errWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	e.err = err
	return n, err
}

// printf writes as fmt.Fprintf unless a write has failed.
func (e *errWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
