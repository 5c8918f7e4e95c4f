// Package par runs the iterations of a loop over many independent items in parallel
// chunks. It does not split work that depends on other items' results, and it keeps no
// goroutines or memory between calls.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Ranges calls f for each of the consecutive ranges [lo, hi) of size items that cover
// [0, n), the last one possibly shorter, on up to GOMAXPROCS goroutines: each range once,
// in no fixed order. A range's number is lo/size; the ranges depend on n and size alone,
// so anything gathered per range is the same on every machine.
//
// s is a state per goroutine, zero at first and passed to each of its calls of f
// (buffers, caches that outlast a range); what f computes must not depend on it, since
// which ranges share a goroutine varies. Callers without one use *struct{}.
func Ranges[S any](n, size int, f func(s *S, lo, hi int)) {
	if size < 1 {
		panic("par.Ranges: size < 1")
	}
	ranges := (n + size - 1) / size
	workers := min(runtime.GOMAXPROCS(0), ranges)
	if workers <= 1 {
		var s S
		for lo := 0; lo < n; lo += size {
			f(&s, lo, min(lo+size, n))
		}
		return
	}
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
