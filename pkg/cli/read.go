package cli

import (
	"fmt"
	"io"
	"os"
	"sync/atomic"

	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/export"
)

// readExports opens the named files ("-" is standard input), reads them and writes the
// rejects file when asked; on a terminal a long read shows its progress unless --quiet.
// noContacts: the command shows no names, e-mails, phones or contact preferences, so the
// read keeps only whether they are given ([export.Options.WithholdContacts]).
func readExports(io_ *IOStreams, paths []string, o *inputOptions, noContacts bool) (*export.Result, error) {
	opt, err := o.exportOptions()
	if err != nil {
		return nil, err
	}
	opt.WithholdContacts = noContacts
	var inputs []export.Input
	var total int64
	stdin := false
	for _, p := range paths {
		if p == "-" {
			if stdin {
				return nil, usagef("name standard input once", "- given twice")
			}
			stdin = true
			inputs = append(inputs, export.Input{Name: "<stdin>", R: io_.In})
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, &export.InputError{Err: fmt.Errorf("%w: %v", export.ErrUnreadable, err), Hint: "check the path; use - to read standard input"}
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, &export.InputError{Err: fmt.Errorf("%w: %s is a directory", export.ErrUnreadable, p), Hint: "name the export files inside it, e.g. " + p + "/*.csv"}
		} else if err == nil {
			total += st.Size()
		}
		inputs = append(inputs, export.Input{Name: p, R: f})
	}
	if io_.ErrTTY && !io_.Quiet {
		var read atomic.Int64
		for i := range inputs {
			inputs[i].R = countingReader{r: inputs[i].R, n: &read}
		}
		defer startProgress(io_, reading(&read, total))()
	}
	if o.rejects == "" {
		return export.Read(inputs, opt)
	}
	// The rejected rows go to the file as they are found, not kept; the file is only put
	// in place when the read succeeds.
	var res *export.Result
	var readErr error
	err = atomicfile.Write(o.rejects, 0o600, func(w io.Writer) error {
		rw := newRejectsWriter(w)
		opt.Rejects = rw
		if res, readErr = export.Read(inputs, opt); readErr != nil {
			return readErr
		}
		return rw.close()
	})
	if readErr != nil {
		return nil, readErr
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}
