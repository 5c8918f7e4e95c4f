package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// golden compares got with testdata/golden/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/cli -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./pkg/cli -update rewrites it after review)\n--- got\n%s\n--- want\n%s", name, got, want)
	}
}

// run runs winback in-process in the repository's testdata directory.
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	io, _, out, errOut := testStreams()
	wd, _ := os.Getwd()
	if err := os.Chdir(filepath.Join("..", "..", "testdata")); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	code = Main(args, io)
	return out.String(), errOut.String(), code
}

// TestInspectGolden runs inspect without flags on every export fixture (a table golden
// each; JSON for a few) and checks the stderr of the ones that must fail.
func TestInspectGolden(t *testing.T) {
	// mustFail are the fixtures inspect cannot read without flags, and why.
	mustFail := map[string]string{
		"ambiguous_only.csv": "every date could be day/month or month/day",
	}
	withJSON := map[string]bool{"de_praxis_cp1252.csv": true, "bad_rows.csv": true, "excel_utf16.txt": true,
		"us_ambiguous.csv": true, "shopify_orders.csv": true, "cdnow_head.txt": true}
	// inGerman are the fixtures inspect --lang de is kept for, and in which formats
	// (inspect_*.de.txt, .de.json): rejects and an unknown status, a headerless file, a
	// key fallback, a physiotherapy export; orders and month-first dates in JSON only: the
	// headers and status values of those English exports are English words, which the
	// words test (pkg/words), scanning the German tables, would rightly report.
	inGerman := map[string][]string{"bad_rows.csv": {"table", "json"}, "no_header.csv": {"table"},
		"doctolib_termine.csv": {"table"}, "theorg_termine.csv": {"table"}, "shopify_orders.csv": {"json"},
		"us_ambiguous.csv": {"json"}}
	files, err := filepath.Glob(filepath.Join("..", "..", "testdata", "exports", "*"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, path := range files {
		name := filepath.Base(path)
		if ext := filepath.Ext(name); ext == ".md" || ext == ".py" {
			continue
		}
		n++
		file := "exports/" + name
		base := strings.ReplaceAll(name, ".", "_")
		if why, ok := mustFail[name]; ok {
			t.Run("inspect refuses "+name+" because "+why, func(t *testing.T) {
				_, errOut, code := run(t, "inspect", file)
				if code == 0 {
					t.Fatalf("exit 0, want a failure")
				}
				golden(t, "inspect_"+base+".stderr", []byte(errOut))
			})
			continue
		}
		t.Run("inspect shows "+name+" as a table", func(t *testing.T) {
			out, errOut, code := run(t, "inspect", file)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden(t, "inspect_"+base+".txt", []byte(out))
		})
		if withJSON[name] {
			t.Run("inspect shows "+name+" as json", func(t *testing.T) {
				out, errOut, code := run(t, "inspect", "--format", "json", file)
				if code != 0 {
					t.Fatalf("exit %d: %s", code, errOut)
				}
				golden(t, "inspect_"+base+".json", []byte(out))
			})
		}
		if formats, ok := inGerman[name]; ok {
			t.Run("inspect --lang de shows "+name+" in German", func(t *testing.T) {
				for _, format := range formats {
					out, errOut, code := run(t, "inspect", "--lang", "de", "--format", format, file)
					if code != 0 {
						t.Fatalf("exit %d: %s", code, errOut)
					}
					ext := map[string]string{"table": "txt", "json": "json"}[format]
					golden(t, "inspect_"+base+".de."+ext, []byte(out))
				}
			})
		}
	}
	if n < 37 {
		t.Errorf("found %d export fixtures, want every one of testdata/exports", n)
	}
}

func TestReportGolden(t *testing.T) {
	for _, tt := range []struct{ name, format, lang string }{
		{"report_de.md", "md", "de"}, {"report_en.json", "json", "en"}, {"lapsed_en.json", "json", "en"},
	} {
		t.Run("the sample practice's "+tt.name+" is as reviewed", func(t *testing.T) {
			cmd := "report"
			if strings.HasPrefix(tt.name, "lapsed") {
				cmd = "lapsed"
			}
			out, errOut, code := run(t, cmd, "--format", tt.format, "--lang", tt.lang, "praxis/praxis.csv")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden(t, tt.name, []byte(out))
		})
	}
}

// TestGermanGolden keeps a German output of every analysis command, so that the words test
// (pkg/words) can look for English in them.
func TestGermanGolden(t *testing.T) {
	for _, tt := range []struct {
		name string
		args []string
	}{
		{"lapsed_de.csv", []string{"lapsed", "--format", "csv"}},
		{"lapsed_de.md", []string{"lapsed", "--format", "md", "--summary", "--pseudonymize=false"}},
		{"lapsed_filtered_de.md", []string{"lapsed", "--format", "md", "--top", "5", "--staff", "Anja Berger", "--due-before", "2025-03-31"}},
		{"segments_de.md", []string{"segments", "--format", "md"}},
		{"segments_de.csv", []string{"segments", "--format", "csv"}},
		{"model_de.md", []string{"model", "--format", "md"}},
		{"explain_de.md", []string{"explain", "--format", "md", "--pseudonymize=false", "--customer", "1356"}},
	} {
		t.Run("the sample practice's "+tt.name+" is as reviewed", func(t *testing.T) {
			args := append(append([]string{}, tt.args...), "--lang", "de", "praxis/praxis.csv")
			out, errOut, code := run(t, args...)
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errOut)
			}
			golden(t, tt.name, []byte(out))
		})
	}
}

// TestNounGolden keeps the German report's summary for each customer noun, and checks that
// the sample practice's export (customer column "Patienten-Nr.") calls them patients
// without --noun.
func TestNounGolden(t *testing.T) {
	summary := func(t *testing.T, args ...string) string {
		t.Helper()
		out, errOut, code := run(t, append([]string{"report", "--format", "md", "--lang", "de"}, append(args, "praxis/praxis.csv")...)...)
		if code != 0 {
			t.Fatalf("exit %d: %s", code, errOut)
		}
		head, _, ok := strings.Cut(out, "\n## Segmente")
		if !ok {
			t.Fatalf("no segments section in\n%s", out)
		}
		return head + "\n"
	}
	for _, noun := range []string{"customers", "patients", "guests", "clients"} {
		t.Run("the German summary calls them "+noun, func(t *testing.T) {
			golden(t, "report_de_summary_"+noun+".md", []byte(summary(t, "--noun", noun)))
		})
	}
	t.Run("an export with a Patienten-Nr. column calls them patients", func(t *testing.T) {
		if got, want := summary(t), summary(t, "--noun", "patients"); got != want {
			t.Errorf("without --noun:\n%s\nwant the patients' summary:\n%s", got, want)
		}
	})
}
