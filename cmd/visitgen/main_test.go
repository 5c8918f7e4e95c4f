package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeCommandsRegenerateTestdata runs the commands the testdata READMEs give and
// compares their files with the shipped ones.
func TestReadmeCommandsRegenerateTestdata(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args  []string
		files map[string]string // written file -> shipped file
	}{
		{
			[]string{"praxis", "-seed", "1", "-out", filepath.Join(dir, "praxis.csv"), "-truth", filepath.Join(dir, "praxis_truth.csv")},
			map[string]string{"praxis.csv": "praxis/praxis.csv", "praxis_truth.csv": "praxis/praxis_truth.csv"},
		},
		{
			[]string{"monthly", "-seed", "1", "-dir", dir},
			map[string]string{
				"praxis_2025-05.csv": "praxis/praxis_2025-05.csv", "praxis_2025-06.csv": "praxis/praxis_2025-06.csv",
				"praxis_wonback.csv": "praxis/praxis_wonback.csv",
			},
		},
		{
			[]string{"sim", "-seed", "1", "-customers", "200", "-out", filepath.Join(dir, "sim.csv"),
				"-truth", filepath.Join(dir, "sim_truth.csv"), "-params", filepath.Join(dir, "sim_params.csv")},
			map[string]string{"sim.csv": "sim/sim.csv", "sim_truth.csv": "sim/sim_truth.csv", "sim_params.csv": "sim/sim_params.csv"},
		},
	} {
		t.Run(tc.args[0]+" writes the shipped files", func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr.String())
			}
			for got, want := range tc.files {
				a, err := os.ReadFile(filepath.Join(dir, got))
				if err != nil {
					t.Fatal(err)
				}
				b, err := os.ReadFile(filepath.Join("..", "..", "testdata", want))
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(a, b) {
					t.Errorf("%s differs from testdata/%s", got, want)
				}
			}
		})
	}
}

func TestLargeWritesToStdout(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"large", "-rows", "500", "-customers", "40", "-out", "-"}, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if !strings.HasPrefix(stdout.String(), "Customer ID,Name,") || !strings.Contains(stderr.String(), "500 rows") {
		t.Errorf("stdout starts %q, stderr %q", stdout.String()[:40], stderr.String())
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		name string
		args []string
		code int
		hint string
	}{
		{"no kind is a usage error", nil, exitUsage, "no kind given"},
		{"an unknown kind is a usage error", []string{"praxi"}, exitUsage, `unknown kind "praxi"`},
		{"an unknown flag is a usage error", []string{"large", "-lines", "5"}, exitUsage, "-lines"},
		{"a bad date is a usage error", []string{"praxis", "-asof", "30.06.2025"}, exitUsage, "yyyy-mm-dd"},
		{"an invalid configuration is a usage error", []string{"praxis", "-patients", "3",
			"-out", filepath.Join(dir, "p.csv"), "-truth", filepath.Join(dir, "t.csv")}, exitUsage, "patients 3"},
		{"an unknown unit is a usage error", []string{"sim", "-unit", "month"}, exitUsage, "day or week"},
		{"help is not an error", []string{"sim", "-h"}, exitOK, "Example:"},
		{"a missing directory is a failure", []string{"large", "-rows", "10", "-customers", "2",
			"-out", filepath.Join(dir, "no", "such", "dir", "l.csv")}, exitFailure, "no such file"},
		{"an empty -out is a usage error", []string{"large", "-rows", "10", "-customers", "2", "-out", ""}, exitUsage, "-out is empty"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tc.args, &stdout, &stderr); code != tc.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, tc.code, stderr.String())
			}
			if !strings.Contains(stderr.String(), tc.hint) {
				t.Errorf("stderr %q does not mention %q", stderr.String(), tc.hint)
			}
		})
	}
	// The failed runs left nothing behind, not even temporary files.
	if entries, _ := os.ReadDir(dir); len(entries) > 0 {
		t.Errorf("left behind: %v", entries)
	}
}
