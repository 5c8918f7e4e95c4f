package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"

	"github.com/mattn/go-isatty"
	"golang.org/x/term"
)

// IOStreams are the streams a command reads and writes. Commands never touch os.Stdout or
// os.Stderr directly, so tests can run them in-process.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// OutTTY and ErrTTY say whether Out and ErrOut are terminals (for progress and colour).
	OutTTY, ErrTTY bool
	// Width is the width of the terminal Out writes to, in columns; 0 when Out is not a
	// terminal. Tables and the report's summary are fitted to it.
	Width int
	// Getenv reads the environment (NO_COLOR, WINBACK_KEY, LANG).
	Getenv func(string) string
	// Quiet is set by --quiet: nothing but the output and errors.
	Quiet bool
}

// System returns the process's standard streams.
func System() *IOStreams {
	s := &IOStreams{
		In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr,
		OutTTY: isatty.IsTerminal(os.Stdout.Fd()),
		ErrTTY: isatty.IsTerminal(os.Stderr.Fd()),
		Getenv: os.Getenv,
	}
	if s.OutTTY {
		s.Width = terminalWidth(os.Getenv("COLUMNS"), func() (int, error) {
			w, _, err := term.GetSize(int(os.Stdout.Fd()))
			return w, err
		})
	}
	return s
}

// terminalWidth is the width of a terminal: $COLUMNS when it is set to a number (a user
// may ask for a narrower one), else the terminal's own size, else 80.
func terminalWidth(columns string, size func() (int, error)) int {
	if n, err := strconv.Atoi(columns); err == nil && n > 0 {
		return n
	}
	if w, err := size(); err == nil && w > 0 {
		return w
	}
	return 80
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

// stdoutError says that writing standard output failed (a full disk behind a redirect, a
// closed pipe): the output is incomplete and the run fails.
func stdoutError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // "write /dev/stdout: no space left on device" says the stream twice
	}
	return fmt.Errorf("write standard output: %w", err)
}
