package cli

import (
	"os"
	"path/filepath"
	"testing"
)

func TestAnOutputThatIsStandardInputsFileIsRefused(t *testing.T) {
	dir := t.TempDir()
	export := filepath.Join(dir, "b.csv")
	os.WriteFile(export, []byte("id;date\n"), 0o644)
	link := filepath.Join(dir, "link.csv")
	os.Symlink("b.csv", link)
	f, err := os.Open(export)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	defer w.Close()

	tests := []struct {
		name   string
		stdin  *os.File
		output string
		refuse bool
	}{
		{"the file on standard input is refused", f, export, true},
		{"and so is a link to it", f, link, true},
		{"another file is fine", f, filepath.Join(dir, "r.csv"), false},
		{"a pipe on standard input is no file", r, export, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _, _, _ := testStreams()
			s.In = tt.stdin
			err := checkOutputs(s, []string{"-"}, tt.output)
			if (err != nil) != tt.refuse {
				t.Errorf("err = %v, want refused %v", err, tt.refuse)
			}
		})
	}
}
