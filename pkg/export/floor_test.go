package export

import (
	"os"
	"runtime"
	"sync"
	"testing"

	"github.com/cespare/xxhash/v2"
)

// BenchmarkFloor is the least a reader into customers can do with this package's chunker
// and splitter on all cores, for comparison with BenchmarkReadLarge and BenchmarkBareCSV:
// cut the file into blocks, split every record into fields, and (count) count rows per
// customer in a map per worker. No dates, amounts, statuses, events, contacts or
// duplicates; blocks are recycled as Read does.
//
//	go test ./pkg/export -run '^$' -bench 'Floor|BareCSV$|ReadLarge' -benchtime 3x
func BenchmarkFloor(b *testing.B) {
	for _, count := range []bool{false, true} {
		name := "split"
		if count {
			name = "split+count"
		}
		b.Run(name, func(b *testing.B) { floor(b, count) })
	}
}

func floor(b *testing.B, count bool) {
	path, size := largeExport(b)
	b.SetBytes(size)
	const blockSize = 1 << 19
	workers := max(1, min(8, 2*runtime.GOMAXPROCS(0)))
	free := make(chan []byte, 2*workers+2)
	get := func(n int) []byte {
		select {
		case buf := <-free:
			if cap(buf) >= n {
				return buf[:0]
			}
		default:
		}
		return make([]byte, 0, n)
	}
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		type block struct{ b, buf []byte }
		jobs := make(chan block, workers)
		tables := make([]map[uint64]int32, workers)
		var wg sync.WaitGroup
		for w := range workers {
			wg.Go(func() {
				sp := splitter{delim: ',', quotes: true}
				t := map[uint64]int32{}
				for blk := range jobs {
					for pos := 0; pos < len(blk.b); {
						fields, next, _, _ := sp.record(blk.b, pos)
						pos = next
						if count && len(fields) > 0 {
							t[xxhash.Sum64(fields[0])]++
						}
					}
					sp.arena = sp.arena[:0]
					select {
					case free <- blk.buf:
					default:
					}
				}
				tables[w] = t
			})
		}
		ch := &chunker{r: f, get: get, size: blockSize, maxSize: 64 << 20, line: 1, quotes: true, delim: ','}
		for {
			blk, buf, _, err := ch.next()
			if err != nil {
				break
			}
			jobs <- block{blk, buf}
		}
		close(jobs)
		wg.Wait()
		f.Close()
		if count {
			all := map[uint64]bool{}
			for _, t := range tables {
				for k := range t {
					all[k] = true
				}
			}
			b.ReportMetric(float64(len(all)), "customers")
		}
	}
}
