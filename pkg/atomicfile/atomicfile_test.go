package atomicfile

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

func TestWriteReplacesTheFileWithThePermissionsAsked(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, 0o600, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	st, _ := os.Stat(path)
	if string(b) != "new" || st.Mode().Perm() != 0o600 {
		t.Errorf("content %q, mode %v", b, st.Mode().Perm())
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestAFailedWriteLeavesNothingAndKeepsTheOldFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.html")
	os.WriteFile(path, []byte("last month"), 0o644)
	boom := errors.New("boom")
	err := Write(path, 0o644, func(w io.Writer) error { io.WriteString(w, "half"); return boom })
	if !errors.Is(err, boom) {
		t.Fatalf("err = %v", err)
	}
	b, _ := os.ReadFile(path)
	if string(b) != "last month" {
		t.Errorf("target changed to %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary file left behind: %v", entries)
	}
	if err := Write(filepath.Join(dir, "missing", "x"), 0o644, func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}

// A large file is written whole, in whatever pieces it comes.
func TestALargeFileIsWrittenWhole(t *testing.T) {
	path := filepath.Join(t.TempDir(), "large.json")
	want := make([]byte, 3*(8<<20)+12345)
	for i := range want {
		want[i] = byte(i * 7)
	}
	err := Write(path, 0o644, func(w io.Writer) error {
		for rest := want; len(rest) > 0; {
			n := min(len(rest), 1+len(rest)%(3<<20))
			if _, err := w.Write(rest[:n]); err != nil {
				return err
			}
			rest = rest[n:]
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(got, want) {
		t.Errorf("read back %d bytes (%v), want %d", len(got), err, len(want))
	}
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestASymlinkStaysALinkToTheReplacedFile(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real.csv")
	link := filepath.Join(dir, "link.csv")
	os.WriteFile(real, []byte("old"), 0o644)
	if err := os.Symlink("real.csv", link); err != nil {
		t.Fatal(err)
	}
	if err := Write(link, 0o644, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
	if got := readFile(t, real); got != "new" {
		t.Errorf("the file behind the link holds %q", got)
	}
	t.Run("a dangling link creates the file it names", func(t *testing.T) {
		dangling := filepath.Join(dir, "dangling.csv")
		os.Symlink("created.csv", dangling)
		if err := Write(dangling, 0o644, writeString("x")); err != nil {
			t.Fatal(err)
		}
		if got := readFile(t, filepath.Join(dir, "created.csv")); got != "x" {
			t.Errorf("created.csv holds %q", got)
		}
	})
}

func TestADeviceIsWrittenThroughNotReplaced(t *testing.T) {
	for _, dev := range []string{"/dev/null", "/dev/full"} {
		if _, err := os.Stat(dev); err != nil {
			t.Skipf("no %s", dev)
		}
	}
	if err := Write("/dev/null", 0o644, writeString("gone")); err != nil {
		t.Errorf("writing to /dev/null: %v", err)
	}
	// A full device fails the write and stays a device, also reached through a symlink.
	link := filepath.Join(t.TempDir(), "full.txt")
	os.Symlink("/dev/full", link)
	for _, path := range []string{"/dev/full", link} {
		if err := Write(path, 0o644, writeString("no room")); err == nil {
			t.Errorf("writing to %s succeeded", path)
		}
	}
	if fi, err := os.Stat("/dev/full"); err != nil || fi.Mode()&fs.ModeCharDevice == 0 {
		t.Errorf("/dev/full is no longer a device: %v %v", fi.Mode(), err)
	}
	if entries, _ := os.ReadDir(filepath.Dir(link)); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestAPipeIsWrittenThrough(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	got := make(chan string)
	go func() {
		b, _ := os.ReadFile(fifo)
		got <- string(b)
	}()
	if err := Write(fifo, 0o644, writeString("through")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through" {
		t.Errorf("read %q from the pipe", s)
	}
}

func TestWhatIsNotAFileIsRefused(t *testing.T) {
	dir := t.TempDir()
	sock := filepath.Join(dir, "s.sock")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Skip(err)
	}
	defer l.Close()
	for _, path := range []string{dir, sock} {
		err := Write(path, 0o644, writeString("x"))
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("writing to %s: err = %v, want ErrNotRegular", path, err)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
}

func TestAStricterModeIsKept(t *testing.T) {
	tests := []struct {
		name     string
		old, ask os.FileMode
		want     os.FileMode
	}{
		{"a private file stays private", 0o600, 0o644, 0o600},
		{"a group-readable file loses nothing asked", 0o640, 0o644, 0o640},
		{"personal data narrows an open file", 0o644, 0o600, 0o600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.txt")
			os.WriteFile(path, nil, 0o600)
			os.Chmod(path, tt.old)
			if err := Write(path, tt.ask, writeString("x")); err != nil {
				t.Fatal(err)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != tt.want {
				t.Errorf("mode %v, want %v", fi.Mode().Perm(), tt.want)
			}
		})
	}
}

func TestASetIsReplacedOnlyWhenEveryFileIsWritten(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.html"), filepath.Join(dir, "b.json")
	os.WriteFile(a, []byte("old a"), 0o644)
	os.WriteFile(b, []byte("old b"), 0o644)

	var s Set
	if err := s.Add(a, 0o644, writeString("new a")); err != nil {
		t.Fatal(err)
	}
	if err := s.Add(b, 0o644, func(io.Writer) error { return errors.New("boom") }); err == nil {
		t.Fatal("a failed write was added")
	}
	if got := readFile(t, a); got != "old a" {
		t.Errorf("a was replaced before the commit: %q", got)
	}
	s.Abort()
	if entries, _ := os.ReadDir(dir); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}

	s = Set{}
	s.Add(a, 0o644, writeString("new a"))
	s.Add(b, 0o644, writeString("new b"))
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if readFile(t, a) != "new a" || readFile(t, b) != "new b" {
		t.Errorf("after the commit: %q, %q", readFile(t, a), readFile(t, b))
	}
}

func TestAFailedCommitSaysWhatWasReplaced(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "sub")
	os.Mkdir(sub, 0o755)
	a, b := filepath.Join(dir, "a.html"), filepath.Join(sub, "b.json")
	var s Set
	s.Add(a, 0o644, writeString("new a"))
	s.Add(b, 0o644, writeString("new b"))
	os.RemoveAll(sub) // the rename of b fails
	err := s.Commit()
	var ce *CommitError
	if !errors.As(err, &ce) || len(ce.Replaced) != 1 || ce.Replaced[0] != a || len(ce.NotReplaced) != 1 || ce.NotReplaced[0] != b {
		t.Fatalf("err = %#v", err)
	}
	if !strings.Contains(err.Error(), "already replaced: "+a) {
		t.Errorf("message %q does not name %s", err, a)
	}
}

func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.csv")
	old := time.Now().Add(-2 * StaleAfter)
	stale := filepath.Join(dir, ".out.csv.tmp-123")
	fresh := filepath.Join(dir, ".out.csv.tmp-456")
	other := filepath.Join(dir, ".other.csv.tmp-789")
	notOurs := filepath.Join(dir, ".out.csv.tmp-notes")
	for _, p := range []string{stale, fresh, other, notOurs} {
		os.WriteFile(p, []byte("half"), 0o600)
		if p != fresh {
			os.Chtimes(p, old, old)
		}
	}
	if err := Write(path, 0o644, writeString("x")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("the stale temporary file is still there")
	}
	for _, p := range []string{fresh, other, notOurs} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed", filepath.Base(p))
		}
	}
	t.Run("one a running writer holds stays", func(t *testing.T) {
		if runtime.GOOS != "linux" {
			t.Skip("files are locked on Linux only")
		}
		held := filepath.Join(dir, ".out.csv.tmp-999")
		os.WriteFile(held, nil, 0o600)
		os.Chtimes(held, old, old)
		unlock := lock(held)
		defer unlock()
		if err := Write(path, 0o644, writeString("y")); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(held); err != nil {
			t.Error("a locked temporary file was removed")
		}
	})
}
