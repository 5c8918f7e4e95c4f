package cli

import (
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/report"
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
	def := "table"
	if slices.Contains(formats, "summary") {
		def = "summary on a terminal, md otherwise"
	}
	f.StringVar(&o.format, "format", "", "output format: "+strings.Join(formats, ", ")+" (default "+def+", or from the -o file's extension)")
	if skip != "output" {
		f.StringVarP(&o.output, "output", "o", "", "write to this file (atomically) instead of standard output")
	}
	f.BoolVar(&o.excel, "excel", false, "CSV for a German Excel: ';', decimal commas, UTF-8 BOM (default with --lang de)")
	c.RegisterFlagCompletionFunc("lang", fixedChoices("de", "en"))
	c.RegisterFlagCompletionFunc("format", fixedChoices(formats...))
}

// prepare resolves --lang and --format (for a command of the formats given) and refuses
// -o and the other outputs named where [checkOutputs] does, before any export is read.
func (o *outputOptions) prepare(io *IOStreams, formats, inputs []string, others ...string) (lang, format string, err error) {
	if lang, err = o.language(io); err != nil {
		return "", "", err
	}
	if format, err = o.formatName(formats); err != nil {
		return "", "", err
	}
	return lang, format, checkOutputs(io, inputs, append([]string{o.output}, others...)...)
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
	if slices.Contains(known, f) {
		return f, nil
	}
	return "", usagef("use --format "+strings.Join(known, ", "), "unknown format %q", f)
}

// emit writes out in the chosen format to standard output or, atomically, to -o.
func (o *outputOptions) emit(io_ *IOStreams, format, lang string, out *report.View) error {
	var files atomicfile.Set
	defer files.Abort()
	if err := o.add(&files, io_, format, lang, out); err != nil {
		return err
	}
	if err := files.Commit(); err != nil {
		return err
	}
	written(io_, o.output, format)
	return nil
}

// add writes out in the chosen format to standard output, or to -o as one of files, to
// be replaced with the others.
func (o *outputOptions) add(files *atomicfile.Set, io_ *IOStreams, format, lang string, out *report.View) error {
	opt := report.Options{Excel: o.excel || (lang == "de" && format == "csv"), Lang: lang, Noun: o.noun}
	if o.output == "" || o.output == "-" {
		opt.Width = io_.Width
	}
	w, err := report.NewWriter(format, opt)
	if err != nil {
		return usagef("use one of: "+strings.Join(report.ViewFormats, ", "), "%v", err)
	}
	return writeOut(files, io_, o.output, o.private, func(f io.Writer) error { return w.WriteView(f, out) })
}
