package atomicfile

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestAKilledWriteLeavesTheOldFile kills (SIGKILL) a process in the middle of writing a
// file that already exists: the old content must still be there, whole.
func TestAKilledWriteLeavesTheOldFile(t *testing.T) {
	if path := os.Getenv("ATOMICFILE_KILL_TARGET"); path != "" {
		// The child: write half a file, say so, then wait to be killed.
		err := Write(path, 0o644, func(w io.Writer) error {
			if _, err := w.Write(bytes.Repeat([]byte("new "), 1<<16)); err != nil {
				return err
			}
			os.Stdout.WriteString("half written\n")
			select {}
		})
		t.Fatalf("the write returned: %v", err)
	}
	dir := t.TempDir()
	target := filepath.Join(dir, "report.html")
	old := []byte("the report of last month\n")
	if err := os.WriteFile(target, old, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestAKilledWriteLeavesTheOldFile$")
	cmd.Env = append(os.Environ(), "ATOMICFILE_KILL_TARGET="+target)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "half written\n" {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatalf("the child did not start writing: %q, %v", line, err)
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	got, err := os.ReadFile(target)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, old) {
		t.Fatalf("after the kill the target holds %d bytes, not the old %d", len(got), len(old))
	}
}
