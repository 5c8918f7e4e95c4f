package cli

import (
	"fmt"
	"io"
	"sync"
	"sync/atomic"
	"time"
)

// progressMinBytes is the input size from which a read shows progress on a terminal.
const progressMinBytes = 20 << 20

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

// progress shows on a terminal how much of the input has been read, five times a second,
// and clears its line when stopped. It prints nothing when not started.
type progress struct {
	w     io.Writer
	total int64
	read  atomic.Int64
	stop  chan struct{}
	done  sync.WaitGroup
}

func newProgress(w io.Writer, total int64) *progress {
	return &progress{w: w, total: total, stop: make(chan struct{})}
}

func (p *progress) wrap(r io.Reader) io.Reader { return countingReader{r: r, n: &p.read} }

func (p *progress) start() {
	p.done.Add(1)
	go func() {
		defer p.done.Done()
		t := time.NewTicker(200 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-p.stop:
				fmt.Fprint(p.w, "\r\033[K")
				return
			case <-t.C:
				n := p.read.Load()
				fmt.Fprintf(p.w, "\rwinback: reading %3d%% (%d of %d MB)", 100*n/max(p.total, 1), n>>20, p.total>>20)
			}
		}
	}()
}

func (p *progress) finish() {
	close(p.stop)
	p.done.Wait()
}
