package atomicfile

import (
	"os"

	"golang.org/x/sys/unix"
)

// lock holds a lock on a temporary file while it is written and waits for its rename, so
// that another run's [removeStale] leaves it alone; the lock goes with the process.
func lock(path string) (unlock func()) {
	f, err := os.Open(path)
	if err != nil {
		return func() {}
	}
	if unix.Flock(int(f.Fd()), unix.LOCK_EX) != nil {
		f.Close()
		return func() {}
	}
	return func() { f.Close() }
}

// tryLock takes the lock of a temporary file if no running writer holds it.
func tryLock(path string) (unlock func(), ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	if unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB) != nil {
		f.Close()
		return nil, false
	}
	return func() { f.Close() }, true
}
