// Package par runs the iterations of a loop over many independent items in parallel
// chunks. It does not split work that depends on other items' results, and it keeps no
// goroutines or memory between calls.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Ranges calls f once for each range [lo, hi) of size items covering [0, n), on up to
// GOMAXPROCS goroutines in no fixed order; the ranges depend on n and size alone. s is a
// zeroed state per goroutine (buffers) that what f computes must not depend on; callers
// without one use *struct{}.
func Ranges[S any](n, size int, f func(s *S, lo, hi int)) {
	if size < 1 {
		panic("par.Ranges: size < 1")
	}
	ranges := (n + size - 1) / size
	workers := min(runtime.GOMAXPROCS(0), ranges)
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			var s S
			for {
				k := int(next.Add(1)) - 1
				if k >= ranges {
					return
				}
				f(&s, k*size, min(k*size+size, n))
			}
		})
	}
	wg.Wait()
}
