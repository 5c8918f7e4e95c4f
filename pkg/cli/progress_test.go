package cli

import (
	"sync/atomic"
	"testing"
)

func TestProgressIsForATerminalOnly(t *testing.T) {
	for _, tt := range []struct {
		name       string
		tty, quiet bool
	}{{"in a pipe or cron job", false, false}, {"with --quiet on a terminal", true, true}} {
		t.Run("nothing is shown "+tt.name, func(t *testing.T) {
			io, _, _, errOut := testStreams()
			io.ErrTTY, io.Quiet = tt.tty, tt.quiet
			shown := false
			stop := startProgress(io, func() string { shown = true; return "reading" })
			stop()
			if shown || errOut.Len() > 0 {
				t.Errorf("progress shown: %q", errOut.String())
			}
		})
	}
	t.Run("quick work on a terminal shows nothing", func(t *testing.T) {
		io, _, _, errOut := testStreams()
		io.ErrTTY = true
		startProgress(io, func() string { return "reading" })() // stopped before its delay
		if errOut.Len() > 0 {
			t.Errorf("progress shown: %q", errOut.String())
		}
	})
	t.Run("a read says how far it is", func(t *testing.T) {
		var n atomic.Int64
		n.Store(3 << 20)
		for total, want := range map[int64]string{
			12 << 20: "reading  25% (3.0 MB of 12.0 MB)",
			0:        "reading (3.0 MB)",
		} {
			if got := reading(&n, total)(); got != want {
				t.Errorf("reading of %d = %q, want %q", total, got, want)
			}
		}
	})
}
