package visitgen

import "io"

// Stats counts what a generator wrote.
type Stats struct {
	Rows      int   // data rows, header excluded
	Customers int   // distinct customers (patients) with at least one row
	Bytes     int64 // bytes written, header included
}

// countingWriter counts the bytes that reach w.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
