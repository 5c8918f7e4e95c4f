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

// progress shows on a terminal what long work is doing, on one line of standard error,
// five times a second from progressDelay on, and clears the line when stopped.
type progress struct {
	w    io.Writer
	text func() string
	stop chan struct{}
	done sync.WaitGroup
}

// startProgress shows text() on io_'s standard error while work runs, on a terminal only
// and not with --quiet (a cron job mails whatever is on standard error). Stop it with the
// function it returns.
func startProgress(io_ *IOStreams, text func() string) (stop func()) {
	if !io_.ErrTTY || io_.Quiet {
		return func() {}
	}
	p := &progress{w: io_.ErrOut, text: text, stop: make(chan struct{})}
	p.done.Add(1)
	go p.run()
	return func() {
		close(p.stop)
		p.done.Wait()
	}
}

func (p *progress) run() {
	defer p.done.Done()
	select {
	case <-p.stop:
		return
	case <-time.After(progressDelay):
	}
	t := time.NewTicker(200 * time.Millisecond)
	defer t.Stop()
	for {
		fmt.Fprintf(p.w, "\r\033[Kwinback: %s", p.text())
		select {
		case <-p.stop:
			fmt.Fprint(p.w, "\r\033[K")
			return
		case <-t.C:
		}
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
