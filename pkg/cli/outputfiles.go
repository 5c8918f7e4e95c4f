package cli

import (
	"io"
	"os"
	"path/filepath"

	"github.com/winback/winback/pkg/atomicfile"
)

// checkOutputs refuses an output path that is one of the inputs, standard input's file
// among them (winback never overwrites its input), and one that is not a file to write.
func checkOutputs(io_ *IOStreams, inputs []string, outputs ...string) error {
	for _, out := range outputs {
		if out == "" || out == "-" {
			continue
		}
		if err := checkWritable(out); err != nil {
			return err
		}
		for _, in := range inputs {
			if in == "-" {
				if io_.inIsFile(out) {
					return usagef("write the output to another file", "output file %s is also the input (standard input)", out)
				}
				continue
			}
			if same(in, out) {
				return usagef("write the output to another file", "output file %s is also an input", out)
			}
		}
	}
	return nil
}

// checkWritable refuses, before any work is done, an output that exists and is neither a
// regular file nor a device or pipe to write through to (see [atomicfile.Write]).
func checkWritable(out string) error {
	fi, err := os.Stat(out)
	if err != nil {
		return nil // missing: created; unreadable: the write says why
	}
	kind := atomicfile.Unwritable(fi.Mode())
	if kind == "" {
		return nil
	}
	return usagef("name a file to write (or /dev/stdout)", "output %s is a %s, not a file", out, kind)
}

func same(a, b string) bool {
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	if errA == nil && errB == nil {
		return os.SameFile(fa, fb)
	}
	pa, _ := filepath.Abs(a)
	pb, _ := filepath.Abs(b)
	return pa == pb
}

// writeOut writes to standard output when path is "" or "-", else adds path to files, to
// be replaced with the others: with permissions 0600 when private (names, phones,
// e-mails, a key), else 0644.
func writeOut(files *atomicfile.Set, io_ *IOStreams, path string, private bool, write func(io.Writer) error) error {
	if path == "" || path == "-" {
		if err := write(io_.Out); err != nil {
			return stdoutError(err)
		}
		return nil
	}
	perm := os.FileMode(0o644)
	if private {
		perm = 0o600
	}
	return files.Add(path, perm, write)
}
