// Package atomicfile writes output files so that a reader never sees half a file: the data
// goes to a temporary file in the same directory, which is synced, closed and renamed over
// the target. On any failure the temporary file is removed and the target is untouched.
package atomicfile

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Write creates or replaces path with what write writes, atomically, with permissions perm.
func Write(path string, perm os.FileMode, write func(w io.Writer) error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if err = write(&syncWriter{f: tmp}); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// syncWriter writes to a file and starts writing each 8 MiB of it back to disk as soon as
// it is written, so that the fsync before the rename does not wait for a large file's
// every byte (a 140 MB JSON report waited 0.1 s).
type syncWriter struct {
	f       *os.File
	n, sent int64 // bytes written; of which writing back has been started
}

const writebackEvery = 8 << 20

func (w *syncWriter) Write(b []byte) (int, error) {
	n, err := w.f.Write(b)
	w.n += int64(n)
	if w.n-w.sent >= writebackEvery {
		startWriteback(w.f, w.sent, w.n-w.sent)
		w.sent = w.n
	}
	return n, err
}
