package cli

import (
	"bytes"
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// IOStreams are the streams a command reads and writes. Commands never touch os.Stdout or
// os.Stderr directly, so tests can run them in-process.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY and ErrTTY say whether Out and ErrOut are terminals (for progress and colour).
	OutTTY, ErrTTY bool
	// Getenv reads the environment (NO_COLOR, WINBACK_KEY, LANG).
	Getenv func(string) string
	// Quiet is set by --quiet: nothing but the output and errors.
	Quiet bool
}

// System returns the process's standard streams.
func System() *IOStreams {
	return &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutTTY: isatty.IsTerminal(os.Stdout.Fd()),
		ErrTTY: isatty.IsTerminal(os.Stderr.Fd()),
		Getenv: os.Getenv,
	}
}

// Test returns streams backed by buffers, not terminals, with an empty environment.
func Test() (s *IOStreams, in, out, errOut *bytes.Buffer) {
	in, out, errOut = &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut, Getenv: func(string) string { return "" }}, in, out, errOut
}

// inIsFile says whether standard input is the regular file at path (a shell's "< path").
func (s *IOStreams) inIsFile(path string) bool {
	f, ok := s.In.(interface{ Stat() (os.FileInfo, error) })
	if !ok {
		return false
	}
	in, err := f.Stat()
	if err != nil || !in.Mode().IsRegular() {
		return false // a terminal or pipe may also be standard output: not an input file
	}
	out, err := os.Stat(path)
	return err == nil && os.SameFile(in, out)
}

// errWriter keeps the first write error and writes nothing after it, so that a command
// can print line by line and still fail when standard output is full.
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(b []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(b)
	e.err = err
	return n, err
}
