package cli

import (
	"bytes"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/creack/pty"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
)

// runOnTerminal runs winback in-process as on a terminal width columns wide.
func runOnTerminal(t *testing.T, width int, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	io, _, out, errOut := testStreams()
	io.OutTTY, io.ErrTTY, io.Width = true, true, width
	wd, _ := os.Getwd()
	if err := os.Chdir(filepath.Join("..", "..", "testdata")); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	code = Main(args, io)
	return out.String(), errOut.String(), code
}

// TestFirstRunGolden keeps what report prints on a terminal 80 columns wide without -o:
// one screen that answers the question.
func TestFirstRunGolden(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		t.Run("the first screen in "+lang+" is as reviewed and fits 80 columns and 40 lines", func(t *testing.T) {
			out, errOut, code := runOnTerminal(t, 80, "report", "--lang", lang, "praxis/praxis.csv")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden(t, "report_first_"+lang+".txt", []byte(out))
			lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
			if len(lines) > 40 {
				t.Errorf("%d lines, want at most 40", len(lines))
			}
			checkWidth(t, out, 80)
		})
	}
	t.Run("--format table keeps the full tables, fitted to the terminal", func(t *testing.T) {
		out, errOut, code := runOnTerminal(t, 80, "report", "--format", "table", "praxis/praxis.csv")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		if n := strings.Count(out, "\n"); n < 200 {
			t.Errorf("%d lines, want the full tables", n)
		}
		checkWidth(t, out, 80)
	})
}

// checkWidth fails when a line of out is wider than width columns on a terminal.
func checkWidth(t *testing.T, out string, width int) {
	t.Helper()
	for i, l := range strings.Split(out, "\n") {
		if w := twwidth.Width(l); w > width {
			t.Errorf("line %d is %d columns wide, more than %d:\n%s", i+1, w, width, l)
		}
	}
}

// TestOutputFitsATerminal runs winback on a pseudo-terminal 100 columns wide (its size
// found as a user's terminal's is, COLUMNS unset) and checks that no line of what the
// commands print for people is wider (inspect's texts are English in both runs).
func TestOutputFitsATerminal(t *testing.T) {
	bin, err := exec.LookPath("winback") // the test binary, put on PATH by testscript.Main
	if err != nil {
		t.Skip("no winback on PATH:", err)
	}
	praxis, err := filepath.Abs(filepath.Join("..", "..", "testdata", "praxis", "praxis.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "de"} {
		for _, args := range [][]string{
			{"report"}, {"report", "--format", "table"}, {"lapsed"}, {"lapsed", "--summary"},
			{"explain", "--customer", "1211"}, {"segments"}, {"backtest"}, {"model"}, {"inspect"},
		} {
			t.Run(strings.Join(args, " ")+" in "+lang+" fits 100 columns", func(t *testing.T) {
				cmd := exec.Command(bin, append(args, "--lang", lang, praxis)...)
				cmd.Env = append(withoutColumns(os.Environ()), "TERM=xterm")
				f, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 40})
				if err != nil {
					t.Skip("no pseudo-terminal:", err)
				}
				var out bytes.Buffer
				_, err = io.Copy(&out, f) // ends with EIO when the command has exited
				var pe *os.PathError
				if err != nil && !errors.As(err, &pe) {
					t.Fatal(err)
				}
				f.Close()
				if err := cmd.Wait(); err != nil {
					t.Fatalf("%v\n%s", err, out.String())
				}
				text := onScreen(out.String())
				if strings.Count(text, "\n") < 10 {
					t.Fatalf("too little output:\n%s", text)
				}
				checkWidth(t, text, 100)
			})
		}
	}
}

// onScreen is what a terminal shows of out: of a line the progress overwrote ("\r\033[K"),
// the part after its last carriage return. Under load the progress shows before the output.
func onScreen(out string) string {
	lines := strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\n")
	for i, l := range lines {
		if k := strings.LastIndexByte(l, '\r'); k >= 0 {
			l = l[k+1:]
		}
		lines[i] = strings.ReplaceAll(l, "\033[K", "")
	}
	return strings.Join(lines, "\n")
}

func withoutColumns(env []string) []string {
	var out []string
	for _, e := range env {
		if !strings.HasPrefix(e, "COLUMNS=") && !strings.HasPrefix(e, "LINES=") {
			out = append(out, e)
		}
	}
	return out
}

func TestWrittenFilesAreConfirmedOnATerminalOnly(t *testing.T) {
	dir := t.TempDir()
	html := filepath.Join(dir, "r.html")
	_, errOut, code := runOnTerminal(t, 80, "report", "-o", html, "-o", filepath.Join(dir, "r.json"), "praxis/praxis.csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"winback: wrote " + html + " (html, ", " KB)\n", "r.json (json, "} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr %q does not say %q", errOut, want)
		}
	}
	_, errOut, _ = run(t, "segments", "-o", filepath.Join(dir, "s.csv"), "praxis/praxis.csv")
	if errOut != "" {
		t.Errorf("not on a terminal, stderr is %q, want nothing", errOut)
	}
	_, errOut, _ = runOnTerminal(t, 80, "segments", "-q", "-o", filepath.Join(dir, "s.csv"), "praxis/praxis.csv")
	if errOut != "" {
		t.Errorf("with --quiet, stderr is %q, want nothing", errOut)
	}
}

func TestTheFirstScreenRepeatsTheAnalysisFlags(t *testing.T) {
	out, errOut, code := runOnTerminal(t, 100, "report", "--tolerance", "2", "--staff", "Anja Berger", "--top", "3", "praxis/praxis.csv")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := "winback report -o report.html --staff='Anja Berger' --tolerance=2 praxis/praxis.csv"
	if !strings.Contains(out, want) {
		t.Errorf("the first screen does not say %q:\n%s", want, out)
	}
}
