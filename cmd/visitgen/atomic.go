package main

import (
	"bufio"
	"bytes"
	"io"

	"github.com/winback/winback/pkg/atomicfile"
)

// writeFiles runs gen with one writer per path and replaces the files together (see
// package atomicfile) only when it succeeded. "-" writes to stdout; an empty path after
// the first gets a nil writer (not written). The first file streams to disk; the others
// (a truth, the parameters, a second month's export) are small and held in memory until
// gen is done.
func writeFiles(stdout io.Writer, gen func(ws []io.Writer) error, paths ...string) error {
	if paths[0] == "" {
		return usagef("-out is empty: name the export file, or - for stdout")
	}
	ws := make([]io.Writer, len(paths))
	bufs := make([]*bytes.Buffer, len(paths))
	for i, p := range paths[1:] {
		if p != "" {
			bufs[i+1] = new(bytes.Buffer)
			ws[i+1] = bufs[i+1]
		}
	}
	var genErr error
	first := func(w io.Writer) error {
		bw := bufio.NewWriterSize(w, 1<<18)
		ws[0] = bw
		if genErr = gen(ws); genErr != nil {
			return genErr
		}
		return bw.Flush()
	}
	var set atomicfile.Set
	defer set.Abort()
	add := func(path string, write func(io.Writer) error) error {
		if path == "-" {
			return write(stdout)
		}
		return set.Add(path, 0o644, write)
	}
	if err := add(paths[0], first); err != nil {
		if genErr != nil {
			return genErr // the generator's own error, not one about the file
		}
		return err
	}
	for i, b := range bufs {
		if b == nil {
			continue
		}
		if err := add(paths[i], func(w io.Writer) error { _, err := b.WriteTo(w); return err }); err != nil {
			return err
		}
	}
	return set.Commit()
}
