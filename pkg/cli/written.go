package cli

import (
	"fmt"
	"os"

	"github.com/winback/winback/pkg/report"
)

// written says on a terminal, on standard error, that an output file was written, in
// what format and how large: "winback: wrote r.html (html, 212 KB)". Nothing is said in a
// pipe or cron job, with --quiet, or for standard output or a device.
func written(io_ *IOStreams, path, format string) {
	if path == "" || path == "-" || !io_.ErrTTY || io_.Quiet {
		return
	}
	fi, err := os.Stat(path)
	if err != nil || !fi.Mode().IsRegular() {
		return
	}
	fmt.Fprintf(io_.ErrOut, "winback: wrote %s (%s, %s)\n", path, format, size(fi.Size()))
}

// written says on a terminal which files the report wrote, and how many customers its
// call list has.
func (o *reportOptions) written(targets []target, list *report.CallList) {
	for _, t := range targets {
		written(o.a.io, t.path, t.format)
	}
	if list != nil {
		reportCallList(o.a.io, o.contacts, list)
	}
}

// size is a file size for people: bytes, KB or MB.
func size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", (n+1<<9)>>10)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
