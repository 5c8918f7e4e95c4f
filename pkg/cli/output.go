package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// outputOptions are the flags of every command that prints an analysis.
type outputOptions struct {
	asOf   string
	lang   string
	format string
	output string
	excel  bool
	// private marks an output that holds names, phones or e-mails: its file is 0600.
	private bool
	// cut is what the cut at the as-of date left out, set by asOfDay.
	cut history.Cut
	// noun is what a German CSV's headers call customers (see package words).
	noun words.Noun
}

func (o *outputOptions) bind(c *cobra.Command, formats []string) { o.bindWithout(c, formats, "") }

// bindWithout binds the flags but the one named skip, which the command binds itself.
func (o *outputOptions) bindWithout(c *cobra.Command, formats []string, skip string) {
	f := c.Flags()
	f.StringVar(&o.asOf, "as-of", "", "analyse as of this date (yyyy-mm-dd, or as the export writes dates); default: the day the export was evidently taken")
	f.StringVar(&o.lang, "lang", "", "language of the output: de or en (default from LANG)")
	f.StringVar(&o.format, "format", "", "output format: "+strings.Join(formats, ", ")+" (default table, or from the -o file's extension)")
	if skip != "output" {
		f.StringVarP(&o.output, "output", "o", "", "write to this file (atomically) instead of standard output")
	}
	f.BoolVar(&o.excel, "excel", false, "CSV for a German Excel: ';', decimal commas, UTF-8 BOM (default with --lang de)")
	c.RegisterFlagCompletionFunc("lang", fixedChoices("de", "en"))
	c.RegisterFlagCompletionFunc("format", fixedChoices(formats...))
}

// language resolves --lang, falling back to the locale.
func (o *outputOptions) language(io *IOStreams) (string, error) {
	switch strings.ToLower(o.lang) {
	case "de", "en":
		return strings.ToLower(o.lang), nil
	case "":
		for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
			if l := io.Getenv(v); l != "" {
				if strings.HasPrefix(strings.ToLower(l), "de") {
					return "de", nil
				}
				return "en", nil
			}
		}
		return "en", nil
	}
	return "", usagef("use --lang de or --lang en", "unknown language %q", o.lang)
}

// formatName resolves --format and -o's extension.
func (o *outputOptions) formatName(known []string) (string, error) {
	f := o.format
	if f == "" && o.output != "" {
		f = report.FormatFor(o.output)
		if !slices.Contains(known, f) {
			f = "" // a report's format (.html): the command's default, as before
		}
	}
	if f == "" {
		f = "table"
	}
	for _, k := range known {
		if f == k {
			return f, nil
		}
	}
	return "", usagef("use --format "+strings.Join(known, ", "), "unknown format %q", f)
}

// noVisits turns the error of an analysis that found no customer with a visit on or
// before asOf (wrapping [model.ErrNoCustomers]) into a usage error with a hint: the export
// has only cancellations, no-shows or future bookings by then, which is a problem of the
// input or of its status column, not a failure. Other errors are returned as they are.
func noVisits(err error, asOf visit.Day) error {
	if !errors.Is(err, model.ErrNoCustomers) {
		return err
	}
	return usagef("check that the status column marks attended visits (map its values with --status-map 'erledigt=attended'), or name a later date with --as-of",
		"no customer has an attended visit on or before %s: the export has only cancellations, no-shows or future appointments by then", asOf)
}

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
	m := fi.Mode()
	if m.IsRegular() || m&(fs.ModeCharDevice|fs.ModeNamedPipe) != 0 {
		return nil
	}
	kind := "special file"
	switch {
	case m.IsDir():
		kind = "directory"
	case m&fs.ModeSocket != 0:
		kind = "socket"
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

// emit writes out in the chosen format to standard output or, atomically, to -o.
func (o *outputOptions) emit(io_ *IOStreams, format, lang string, out *report.View) error {
	var files atomicfile.Set
	defer files.Abort()
	if err := o.add(&files, io_, format, lang, out); err != nil {
		return err
	}
	return files.Commit()
}

// add writes out in the chosen format to standard output, or to -o as one of files, to
// be replaced with the others.
func (o *outputOptions) add(files *atomicfile.Set, io_ *IOStreams, format, lang string, out *report.View) error {
	w, err := report.NewWriter(format, report.Options{Excel: o.excel || (lang == "de" && format == "csv"), Lang: lang, Noun: o.noun})
	if err != nil {
		return usagef("use one of: "+strings.Join(report.ViewFormats, ", "), "%v", err)
	}
	if o.output == "" || o.output == "-" {
		if err := w.WriteView(io_.Out, out); err != nil {
			return stdoutError(err)
		}
		return nil
	}
	perm := os.FileMode(0o644)
	if o.private {
		perm = 0o600
	}
	return files.Add(o.output, perm, func(f io.Writer) error { return w.WriteView(f, out) })
}

// stdoutError says that writing standard output failed (a full disk behind a redirect, a
// closed pipe): the output is incomplete and the run fails.
func stdoutError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err // "write /dev/stdout: no space left on device" says the stream twice
	}
	return fmt.Errorf("write standard output: %w", err)
}
