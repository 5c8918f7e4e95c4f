package cli

import (
	"bufio"
	"errors"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var update = flag.Bool("update", false, "rewrite golden files")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"winback": func() { os.Exit(Main(os.Args[1:], System())) },
	})
}

var escaped = regexp.MustCompile(`\\x[0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}`)

// TestScripts runs the end-to-end CLI scripts in testdata/script. $TESTDATA is the
// repository's testdata directory.
func TestScripts(t *testing.T) {
	td, err := filepath.Abs(filepath.Join("..", "..", "testdata"))
	if err != nil {
		t.Fatal(err)
	}
	testscript.Run(t, testscript.Params{
		Dir: filepath.Join("testdata", "script"),
		Setup: func(env *testscript.Env) error {
			env.Setenv("TESTDATA", td)
			return nil
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			// unescape FILE... replaces \xHH by the byte and \uHHHH by the rune in each file,
			// so that a script can hold control characters readably.
			"unescape": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) == 0 || neg {
					ts.Fatalf("usage: unescape FILE...")
				}
				for _, f := range args {
					s := escaped.ReplaceAllStringFunc(ts.ReadFile(f), func(e string) string {
						n, _ := strconv.ParseUint(e[2:], 16, 32)
						if e[1] == 'x' {
							return string([]byte{byte(n)})
						}
						return string(rune(n))
					})
					ts.Check(os.WriteFile(ts.MkAbs(f), []byte(s), 0o644))
				}
			},
			// genfile FILE TEXT COUNT [TEXT COUNT]... writes each TEXT (with Go escapes such
			// as \n and \r) COUNT times, for inputs too large to write into a script.
			"genfile": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 3 || len(args)%2 != 1 || neg {
					ts.Fatalf("usage: genfile FILE TEXT COUNT [TEXT COUNT]...")
				}
				f, err := os.Create(ts.MkAbs(args[0]))
				ts.Check(err)
				w := bufio.NewWriterSize(f, 1<<20)
				for i := 1; i < len(args); i += 2 {
					text, err := strconv.Unquote(`"` + args[i] + `"`)
					ts.Check(err)
					n, err := strconv.Atoi(args[i+1])
					ts.Check(err)
					for range n {
						w.WriteString(text)
					}
				}
				ts.Check(w.Flush())
				ts.Check(f.Close())
			},
			// pseudonyms-kept MAY.json JUNE.json: see pseudonymsKept.
			"pseudonyms-kept": pseudonymsKept,
			// exits CODE CMD ARGS... runs CMD and checks its exit code.
			"exits": func(ts *testscript.TestScript, neg bool, args []string) {
				if len(args) < 2 || neg {
					ts.Fatalf("usage: exits CODE command args...")
				}
				want, err := strconv.Atoi(args[0])
				if err != nil {
					ts.Fatalf("exits: bad code %q", args[0])
				}
				err = ts.Exec(args[1], args[2:]...)
				got := 0
				var ee *exec.ExitError
				if errors.As(err, &ee) {
					got = ee.ExitCode()
				} else if err != nil {
					ts.Fatalf("exits: %v", err)
				}
				if got != want {
					ts.Fatalf("exit code %d, want %d", got, want)
				}
			},
		},
	})
}
