package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// output is one file being written: to a temporary file next to its final path that is
// renamed into place only when everything went well, so a failed or interrupted run
// leaves no half-written file behind. The path "-" writes to stdout instead.
type output struct {
	path string
	tmp  *os.File
	buf  *bufio.Writer
}

// outputs are the files one generator run writes; they are committed together.
type outputs []*output

// create opens the outputs for paths; an empty path gives a nil writer (not written).
func create(stdout io.Writer, paths ...string) (outputs, []io.Writer, error) {
	var outs outputs
	ws := make([]io.Writer, len(paths))
	for i, p := range paths {
		switch p {
		case "":
			continue
		case "-":
			o := &output{path: p, buf: bufio.NewWriterSize(stdout, 1<<18)}
			outs = append(outs, o)
			ws[i] = o.buf
			continue
		}
		f, err := os.CreateTemp(filepath.Dir(p), "."+filepath.Base(p)+".tmp*")
		if err != nil {
			outs.abort()
			return nil, nil, fmt.Errorf("create %s: %w", p, err)
		}
		o := &output{path: p, tmp: f, buf: bufio.NewWriterSize(f, 1<<18)}
		outs = append(outs, o)
		ws[i] = o.buf
	}
	return outs, ws, nil
}

// commit flushes, syncs, closes and renames every output into place.
func (outs outputs) commit() error {
	for _, o := range outs {
		if err := o.buf.Flush(); err != nil {
			outs.abort()
			return fmt.Errorf("write %s: %w", o.path, err)
		}
		if o.tmp == nil {
			continue
		}
		if err := o.tmp.Sync(); err != nil {
			outs.abort()
			return fmt.Errorf("sync %s: %w", o.path, err)
		}
	}
	for _, o := range outs {
		if o.tmp == nil {
			continue
		}
		if err := o.tmp.Close(); err != nil {
			outs.abort()
			return fmt.Errorf("close %s: %w", o.path, err)
		}
		// Temp files are created 0600; the outputs are ordinary data files.
		if err := os.Chmod(o.tmp.Name(), 0o644); err != nil {
			outs.abort()
			return fmt.Errorf("chmod %s: %w", o.path, err)
		}
	}
	var errs []error
	for _, o := range outs {
		if o.tmp == nil {
			continue
		}
		if err := os.Rename(o.tmp.Name(), o.path); err != nil {
			errs = append(errs, fmt.Errorf("rename to %s: %w", o.path, err))
			_ = os.Remove(o.tmp.Name())
		}
	}
	return errors.Join(errs...)
}

// abort removes every temporary file.
func (outs outputs) abort() {
	for _, o := range outs {
		if o.tmp != nil {
			_ = o.tmp.Close()
			_ = os.Remove(o.tmp.Name())
		}
	}
}
