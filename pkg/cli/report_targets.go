package cli

import (
	"io"
	"slices"
	"strings"

	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/report"
)

// target is one output of winback report: a file (or standard output, "") and its format.
type target struct{ path, format string }

// targets are the outputs of -o, which may be given several times, each in the format of
// its extension; without one, standard output in --format (the summary on a terminal, md
// otherwise).
func (o *reportOptions) targets() ([]target, error) {
	outputs := slices.Clone(o.outputs)
	if o.out.output != "" {
		outputs = append([]string{o.out.output}, outputs...)
	}
	var targets []target
	for _, p := range outputs {
		f := o.out.format
		if len(outputs) > 1 || f == "" {
			f = report.FormatFor(p)
		}
		if f == "" {
			return nil, usagef("name the file with an extension: .html .md .json .csv .xlsx .txt, or give --format", "cannot tell the format of %s", p)
		}
		targets = append(targets, target{p, f})
	}
	if len(targets) == 0 {
		f := o.out.format
		if f == "" {
			f = "md"
			if o.a.io.OutTTY {
				f = "summary" // the first screen; --format table shows all the tables
			}
		}
		if f == "xlsx" {
			return nil, usagef("write xlsx to a file: -o report.xlsx", "xlsx is not written to the terminal")
		}
		targets = append(targets, target{"", f})
	}
	return targets, nil
}

// check refuses unknown formats, outputs that are inputs, and contacts with pseudonyms.
func (o *reportOptions) check(targets []target) error {
	paths := []string{o.input.rejects, o.contacts}
	for _, t := range targets {
		if !slices.Contains(report.Formats, t.format) {
			return usagef("use one of: "+strings.Join(report.Formats, ", "), "unknown format %q", t.format)
		}
		paths = append(paths, t.path)
	}
	if err := checkOutputs(o.a.io, o.files, paths...); err != nil {
		return err
	}
	if err := (callListOptions{path: o.contacts}).check(); err != nil {
		return err
	}
	if o.withContacts && o.an.pseudo {
		return usagef("choose one: --with-contacts for the owner, --pseudonymize for a workshop", "--with-contacts and --pseudonymize exclude each other")
	}
	return nil
}

// write adds every target but standard output to files, and writes standard output.
func (o *reportOptions) write(files *atomicfile.Set, targets []target, reps *reports, lang string) error {
	for _, t := range targets {
		rep := reps.get(o.an.pseudonymize(t.format, o.withContacts, reps.r.Set))
		opt := report.Options{Excel: o.out.excel || (lang == "de" && t.format == "csv"), MaxLapsed: o.top}
		if t.path == "" || t.path == "-" {
			opt.Width, opt.Repeat = o.a.io.Width, repeatArgs(o.cmd, o.files)
		}
		w, err := report.NewWriter(t.format, opt)
		if err != nil {
			return usagef("use one of: "+strings.Join(report.Formats, ", "), "%v", err)
		}
		if err := writeOut(files, o.a.io, t.path, o.withContacts, func(f io.Writer) error { return w.Write(f, rep) }); err != nil {
			return err
		}
	}
	return nil
}
