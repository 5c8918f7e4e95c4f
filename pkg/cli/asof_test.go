package cli

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/realdata"
)

// TestAsOfCutsLikeTruncating checks on the real CDNOW log that --as-of gives the same
// statuses as the log truncated at that day by hand: a later purchase is not a booking.
func TestAsOfCutsLikeTruncating(t *testing.T) {
	full := realdata.Path(t, "CDNOW_master.txt")
	in, err := os.ReadFile(full)
	if err != nil {
		t.Fatal(err)
	}
	// The file cut at 1997-09-30 by hand: the header, and the rows up to that day.
	var cut bytes.Buffer
	sc := bufio.NewScanner(bytes.NewReader(in))
	kept, left := 0, 0
	for i := 0; sc.Scan(); i++ {
		f := strings.Fields(sc.Text())
		if i > 0 && len(f) > 1 && f[1] > "19970930" {
			left++
			continue
		}
		kept++
		cut.WriteString(sc.Text() + "\r\n")
	}
	if left == 0 || kept < 2 {
		t.Fatalf("the cut left out %d rows and kept %d", left, kept)
	}
	cutPath := filepath.Join(t.TempDir(), "CDNOW_cut.txt")
	if err := os.WriteFile(cutPath, cut.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	t.Run("the report as of 1997-09-30 on the whole log is that on the log cut there, but for the accounting of its rows", func(t *testing.T) {
		if testing.Short() {
			t.Skip("the report fits the models twice over 23,570 customers")
		}
		args := []string{"report", "--format", "json", "--as-of", "1997-09-30"}
		var reps [2]map[string]any
		for i, p := range []string{cutPath, full} {
			out, errOut, code := run(t, append(args, p)...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			if err := json.Unmarshal([]byte(out), &reps[i]); err != nil {
				t.Fatal(err)
			}
		}
		q := reps[1]["data_quality"].(map[string]any)
		if n, _ := q["after_as_of"].(float64); int(n) == 0 {
			t.Errorf("data_quality of the whole log: %v, want after_as_of", q)
		}
		for _, k := range []string{"data_quality", "files"} {
			delete(reps[0], k)
			delete(reps[1], k)
		}
		if !reflect.DeepEqual(reps[0], reps[1]) {
			for k := range reps[1] {
				if !reflect.DeepEqual(reps[0][k], reps[1][k]) {
					t.Errorf("%s differs", k)
				}
			}
		}
	})
	for _, cmd := range [][]string{{"lapsed", "--format", "json"}, {"segments", "--format", "json"}} {
		t.Run(cmd[0]+" as of 1997-09-30 on the whole log is the same as on the log cut there", func(t *testing.T) {
			args := append(cmd, "--as-of", "1997-09-30")
			want, errOut, code := run(t, append(args, cutPath)...)
			if code != 0 {
				t.Fatalf("cut: exit %d: %s", code, errOut)
			}
			got, errOut, code := run(t, append(args, full)...)
			if code != 0 {
				t.Fatalf("whole: exit %d: %s", code, errOut)
			}
			if got != want {
				t.Errorf("the whole log as of 1997-09-30 differs from the log cut there:\n%s", firstDiff(got, want))
			}
			if strings.Contains(got, `"booked"`) {
				t.Error("a later purchase counts as a booked appointment")
			}
		})
	}
}

// firstDiff shows the first line where got and want differ.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range min(len(g), len(w)) {
		if g[i] != w[i] {
			return fmt.Sprintf("line %d:\n got  %s\n want %s", i+1, g[i], w[i])
		}
	}
	return "lengths differ"
}
