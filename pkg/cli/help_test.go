package cli

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestHelpTopicsNameTestsThatExist keeps the promises in `winback help privacy` honest:
// every test file and test function a topic names must exist in the repository.
func TestHelpTopicsNameTestsThatExist(t *testing.T) {
	root := filepath.Join("..", "..")
	var sources strings.Builder
	err := filepath.WalkDir(filepath.Join(root, "pkg"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, "_test.go") {
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			sources.Write(b)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	paths := regexp.MustCompile("`(pkg/[^`]+)`")
	funcs := regexp.MustCompile("`((?:Test|Fuzz)[A-Za-z0-9_]+)`")
	files, _ := fs.Glob(helpTopics, "help/*.md")
	named := 0
	for _, f := range files {
		b, _ := helpTopics.ReadFile(f)
		for _, m := range paths.FindAllStringSubmatch(string(b), -1) {
			named++
			if _, err := os.Stat(filepath.Join(root, m[1])); err != nil {
				t.Errorf("%s names %s, which does not exist", f, m[1])
			}
		}
		for _, m := range funcs.FindAllStringSubmatch(string(b), -1) {
			named++
			if !strings.Contains(sources.String(), "func "+m[1]+"(") {
				t.Errorf("%s names %s, which is no test in pkg/", f, m[1])
			}
		}
	}
	if named == 0 {
		t.Fatal("no help topic names a test")
	}
}

// TestTheReadmeIsShortAndLinksEveryTopic keeps the README for the people who use winback:
// short, with the reference in help topics it links to.
func TestTheReadmeIsShortAndLinksEveryTopic(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	if n := strings.Count(readme, "\n"); n >= 120 {
		t.Errorf("the README has %d lines; keep it under 120 and move reference into a help topic", n)
	}
	files, _ := fs.Glob(helpTopics, "help/*.md")
	for _, f := range files {
		name := strings.TrimSuffix(filepath.Base(f), ".md")
		if !strings.Contains(readme, "`winback help "+name+"`](pkg/cli/"+f+")") {
			t.Errorf("the README does not link the help topic %s", name)
		}
	}
	for _, m := range regexp.MustCompile(`\]\(([^)#]+)\)`).FindAllStringSubmatch(readme, -1) {
		if _, err := os.Stat(filepath.Join("..", "..", m[1])); err != nil {
			t.Errorf("the README links %s, which does not exist", m[1])
		}
	}
}
