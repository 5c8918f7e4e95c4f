package report

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	catalogue "github.com/winback/winback/pkg/words"
)

// Writer writes a [Report], or a command's [View], in one format. Every writer is
// deterministic: the same Report gives byte-identical output. Each format is a file of its
// own (writer_table.go, writer_md.go, ...).
type Writer interface {
	Write(w io.Writer, r *Report) error
	// WriteView writes a view; the html and xlsx formats have none (see [ViewFormats]).
	WriteView(w io.Writer, v *View) error
}

// Options change how a format writes.
type Options struct {
	// Excel writes CSV for a German Excel: ';' between fields, decimal commas, UTF-8 BOM.
	Excel bool
	// MaxLapsed, when above 0, replaces [Report.LapsedShown] as the number of lapsed
	// customers the formats for people (table, md, html) show.
	MaxLapsed int
	// Lang is the language of a view's CSV header and status values: German for "de", the
	// columns' own names otherwise. Noun is what the German headers call customers. A
	// report's CSV follows [Report.Lang] instead.
	Lang string
	Noun catalogue.Noun
	// Width is the width of the terminal the table format writes to, in columns: its
	// tables and paragraphs are wrapped to fit. 0 when not a terminal: cells wrap at a
	// fixed width and tables are as wide as they need.
	Width int
	// Repeat is what the summary format's commands for the whole report repeat of the
	// command line that ran: the flags that change the analysis and the files, each
	// behind a space.
	Repeat string
}

// Formats lists the known format names, in the order help texts show them.
var Formats = []string{"table", "md", "json", "csv", "html", "xlsx", "summary"}

// NewWriter returns the writer for a format name, or an error naming the known ones.
func NewWriter(format string, opt Options) (Writer, error) {
	switch format {
	case "table":
		return tableWriter{opt: opt}, nil
	case "summary":
		return summaryWriter{opt: opt}, nil
	case "md":
		return markdownWriter{opt: opt}, nil
	case "json":
		return jsonWriter{}, nil
	case "csv":
		var c *catalogue.Catalogue
		if opt.Lang == "de" {
			c = catalogue.ForNoun(opt.Lang, opt.Noun)
		}
		return csvWriter{excel: opt.Excel, words: c}, nil
	case "html":
		return htmlWriter{opt: opt}, nil
	case "xlsx":
		return xlsxWriter{}, nil
	}
	return nil, fmt.Errorf("unknown report format %q (known: %s)", format, strings.Join(Formats, ", "))
}

// errNoViewForm is the error of a format a view is not written in.
func errNoViewForm(format string) error {
	return fmt.Errorf("this output has no %s form; use --format %s", format, strings.Join(ViewFormats, ", "))
}

// FormatFor returns the format implied by an output file's extension ("" when none is):
// .txt is table, .markdown and .md are md, .htm and .html are html.
func FormatFor(path string) string {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	switch ext {
	case "txt":
		return "table"
	case "markdown":
		return "md"
	case "htm":
		return "html"
	}
	if slices.Contains(Formats, ext) {
		return ext
	}
	return ""
}

// DefaultLapsedShown is how many lapsed customers the formats for people show when neither
// [Report.LapsedShown] nor [Options.MaxLapsed] says.
const DefaultLapsedShown = 50

// maxHTMLLapsed caps the HTML's list whatever the report asks for, so that the file stays
// small enough to open on any laptop (the full list is in csv, json and xlsx).
const maxHTMLLapsed = 1000

// shown is how many of r's lapsed customers a format for people lists.
func shown(r *Report, opt Options) int {
	n := r.LapsedShown
	if opt.MaxLapsed > 0 {
		n = opt.MaxLapsed
	}
	if n <= 0 {
		n = DefaultLapsedShown
	}
	return min(n, r.NumLapsed())
}
