// Package realdata finds the real logs that lie beside the project (../shared/data/real,
// see its README) for tests that check winback on data it was not built on. A test that
// asks for a log skips when the folder is absent, as on a fresh clone. It is used by tests
// only and never copies the files: their licences differ from the project's.
package realdata

import (
	"os"
	"path/filepath"
	"testing"
)

// Path returns the absolute path of the real log name, looked for from a package's
// directory (pkg/NAME) in the folder beside the repository and, for a checkout that is
// one folder of several worktrees, one level further up. It skips t when there is none.
func Path(t testing.TB, name string) string {
	t.Helper()
	for _, up := range []string{filepath.Join("..", "..", ".."), filepath.Join("..", "..", "..", "..")} {
		p, err := filepath.Abs(filepath.Join(up, "shared", "data", "real", name))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skipf("real data absent: %s (../shared/data/real)", name)
	return ""
}

// Open opens the real log name ([Path]) and closes it when t ends.
func Open(t testing.TB, name string) *os.File {
	t.Helper()
	f, err := os.Open(Path(t, name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}
