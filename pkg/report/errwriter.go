package report

import (
	"fmt"
	"io"
)

// ErrWriter keeps the first write error and writes nothing after it, so that output can
// be written as a sequence of prints and still fail on a full disk or a closed pipe: a
// truncated file must not look complete.
type ErrWriter struct {
	w   io.Writer
	err error
	// width is the terminal's width for the tables written by [ErrWriter.table]; 0 when
	// unknown.
	width int
}

// NewErrWriter returns an [ErrWriter] writing to w.
func NewErrWriter(w io.Writer) *ErrWriter { return &ErrWriter{w: w} }

func (e *ErrWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	e.err = err
	return n, err
}

// Err returns the first write error.
func (e *ErrWriter) Err() error { return e.err }

// printf writes as fmt.Fprintf unless a write has failed.
func (e *ErrWriter) printf(format string, args ...any) {
	if e.err == nil {
		_, e.err = fmt.Fprintf(e.w, format, args...)
	}
}
