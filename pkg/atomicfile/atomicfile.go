// Package atomicfile writes output files so that a reader never sees half a file: the data
// goes to a temporary file in the same directory, which is synced, closed and renamed over
// the target; on failure the target is untouched. A [Set] replaces several files together.
// Symlinks are followed, a replaced file never gets a wider mode, a device or pipe is
// written straight through, and other non-regular files are refused ([ErrNotRegular]).
// Temporary files a killed run left are removed by the next write of the same target. Two
// runs writing one file at once both succeed; the last rename wins.
package atomicfile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// ErrNotRegular is returned for a target that exists and is neither a regular file nor a
// device or pipe to write through to.
var ErrNotRegular = errors.New("not a regular file")

// StaleAfter is how old a temporary file of the same target must be, besides not being
// held by a running writer, before a write removes it as left behind by a killed run.
var StaleAfter = 10 * time.Minute

// Write creates or replaces path with what write writes, atomically, with permissions perm
// (or the existing file's, where they are stricter). It is a [Set] of one file.
func Write(path string, perm os.FileMode, write func(w io.Writer) error) error {
	var s Set
	if err := s.Add(path, perm, write); err != nil {
		return err
	}
	return s.Commit()
}

// Set is a set of files replaced together. [Set.Add] writes each to its temporary file;
// [Set.Commit] renames them all over their targets. Call [Set.Abort] (a no-op after
// Commit) to remove the temporary files when giving up. The zero Set is ready to use.
type Set struct {
	staged []staged
}

// staged is a file written and waiting for its rename.
type staged struct {
	name   string // as the caller named it, for messages
	target string // the regular file replaced: name with symlinks followed
	tmp    string
	unlock func()
}

// Add writes one file of the set. A target that is a device or a pipe is written
// straight through, at once. On failure nothing of this file is left behind; the files
// added before stay staged.
func (s *Set) Add(path string, perm os.FileMode, write func(w io.Writer) error) (err error) {
	t, err := resolve(path)
	if err != nil {
		return err
	}
	if t.through {
		return writeThrough(path, write)
	}
	if t.exists {
		perm &= t.perm // never widen an existing file's mode
	}
	removeStale(t.target)
	dir, base := filepath.Split(t.target)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	unlock := lock(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			unlock()
		}
	}()
	if err = tmp.Chmod(perm); err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	if err = write(tmp); err == nil {
		err = tmp.Sync()
	}
	if err == nil {
		err = tmp.Close()
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, withoutPath(err, tmp.Name()))
	}
	s.staged = append(s.staged, staged{name: path, target: t.target, tmp: tmp.Name(), unlock: unlock})
	return nil
}

// withoutPath leaves the temporary file's name out of an error about it: the user named
// the target ("write out.csv: no space left on device").
func withoutPath(err error, tmp string) error {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == tmp {
		return pe.Err
	}
	return err
}

// Commit renames every staged file over its target. When a rename fails, the files not
// yet renamed are removed and the error is a [*CommitError] that says which targets were
// already replaced.
func (s *Set) Commit() error {
	var done []string
	for i, f := range s.staged {
		if err := os.Rename(f.tmp, f.target); err != nil {
			var left []string
			for _, g := range s.staged[i:] {
				left = append(left, g.name)
			}
			s.staged = s.staged[i:]
			s.Abort()
			return &CommitError{Replaced: done, NotReplaced: left, Err: fmt.Errorf("replace %s: %w", f.name, err)}
		}
		f.unlock()
		done = append(done, f.name)
	}
	s.staged = nil
	return nil
}

// Abort removes the temporary files of a set not committed.
func (s *Set) Abort() {
	for _, f := range s.staged {
		os.Remove(f.tmp)
		f.unlock()
	}
	s.staged = nil
}

// CommitError is a failed [Set.Commit]: some targets may already hold the new content.
type CommitError struct {
	Replaced    []string // new content
	NotReplaced []string // as they were before
	Err         error
}

func (e *CommitError) Error() string {
	msg := e.Err.Error()
	if len(e.Replaced) > 0 {
		msg += "; already replaced: " + strings.Join(e.Replaced, ", ")
	}
	return msg + "; left as they were: " + strings.Join(e.NotReplaced, ", ")
}

func (e *CommitError) Unwrap() error { return e.Err }

// target is where a path's content goes.
type target struct {
	target  string      // the regular file to replace
	through bool        // write straight through to the path (a device or pipe)
	exists  bool        // the regular file exists, with permissions perm
	perm    os.FileMode //
}

func resolve(path string) (target, error) {
	if p := filepath.Clean(path); p == "/dev/stdout" || p == "/dev/stderr" || strings.HasPrefix(p, "/dev/fd/") || strings.HasPrefix(p, "/proc/self/fd/") {
		// A descriptor such as /dev/stdout names whatever standard output is: write to it,
		// never replace the file behind it (which the shell may have opened to append).
		return target{through: true}, nil
	}
	fi, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		t, err := followLinks(path)
		return target{target: t}, err
	}
	if err != nil {
		return target{}, fmt.Errorf("create %s: %w", path, err)
	}
	m := fi.Mode()
	switch {
	case m.IsRegular():
		t, err := filepath.EvalSymlinks(path)
		if err != nil {
			return target{}, fmt.Errorf("create %s: %w", path, err)
		}
		return target{target: t, exists: true, perm: m.Perm()}, nil
	case m&fs.ModeCharDevice != 0, m&fs.ModeNamedPipe != 0:
		return target{through: true}, nil
	}
	return target{}, fmt.Errorf("create %s: it is a %s, %w", path, Unwritable(m), ErrNotRegular)
}

// followLinks returns the file a missing path's symlinks end at (path itself when it is
// not a symlink), so that writing through a dangling link creates the file it names.
func followLinks(path string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		l, err := os.Readlink(path)
		if err != nil {
			return "", fmt.Errorf("create %s: %w", path, err)
		}
		if !filepath.IsAbs(l) {
			l = filepath.Join(filepath.Dir(path), l)
		}
		path = l
	}
	return "", fmt.Errorf("create %s: too many levels of symbolic links", path)
}

// writeThrough writes to a device or pipe as it is, without a temporary file.
func writeThrough(path string, write func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	err = write(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, withoutPath(err, path))
	}
	return nil
}

// removeStale removes the temporary files of target that a killed run left: older than
// [StaleAfter] and not held by a writer.
func removeStale(target string) {
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	prefix := "." + base + ".tmp-"
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok || rest == "" || strings.Trim(rest, "0123456789") != "" || !e.Type().IsRegular() {
			continue
		}
		fi, err := e.Info()
		if err != nil || time.Since(fi.ModTime()) < StaleAfter {
			continue
		}
		p := filepath.Join(dir, e.Name())
		if unlock, ok := tryLock(p); ok {
			os.Remove(p)
			unlock()
		}
	}
}

// Unwritable names what a file of mode m is when [Write] cannot write it ("directory",
// "socket", "block device", "special file"), and returns "" when it can: a regular file,
// a character device or a named pipe.
func Unwritable(m fs.FileMode) string {
	switch {
	case m.IsRegular(), m&(fs.ModeCharDevice|fs.ModeNamedPipe) != 0:
		return ""
	case m.IsDir():
		return "directory"
	case m&fs.ModeSocket != 0:
		return "socket"
	case m&fs.ModeDevice != 0:
		return "block device"
	}
	return "special file"
}
