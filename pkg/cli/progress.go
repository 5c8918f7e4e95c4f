package cli

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progressDelay is how long work runs before its progress shows: quick work prints
// nothing.
const progressDelay = 500 * time.Millisecond

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// startProgress shows text() on io_'s standard error while work runs, on one line, five
// times a second from progressDelay on, and clears the line when stopped; on a terminal
// only and not with --quiet (a cron job mails whatever is on standard error). Stop it with
// the function it returns.
func startProgress(io_ *IOStreams, text func() string) (stop func()) {
	if !io_.ErrTTY || io_.Quiet {
		return func() {}
	}
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		select {
		case <-done:
			return
		case <-time.After(progressDelay):
		}
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			fmt.Fprintf(io_.ErrOut, "\r\033[Kwinback: %s", text())
			select {
			case <-done:
				fmt.Fprint(io_.ErrOut, "\r\033[K")
				return
			case <-t.C:
			}
		}
	})
	return func() {
		close(done)
		wg.Wait()
	}
}

// reading is the progress text of a read of total bytes (0: unknown) of which read are
// done.
func reading(read *atomic.Int64, total int64) func() string {
	return func() string {
		n := read.Load()
		if total <= 0 {
			return fmt.Sprintf("reading (%s)", size(n))
		}
		return fmt.Sprintf("reading %3d%% (%s of %s)", 100*n/total, size(n), size(total))
	}
}
