package cli

import (
	"fmt"
	"os"
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
