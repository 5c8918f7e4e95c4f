// Package render writes winback's outputs in the formats a user asks for: terminal tables,
// Markdown, CSV and JSON. A command builds one [Output] (the human document, the JSON value
// and the CSV rows) and hands it to the [Writer] that [New] returns for the format; one file
// per format. It knows nothing of customers or segments.
package render

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/winback/winback/pkg/words"
)

// Doc is the human-readable document: a title, key facts, tables and notes.
type Doc struct {
	Title  string
	Facts  []Fact
	Tables []Table
	Notes  []string
}

// Fact is one line of the document's summary.
type Fact struct{ Label, Value string }

// Table is a titled table of text cells. Align marks right-aligned (numeric) columns.
type Table struct {
	Title   string
	Columns []string
	Rows    [][]string
	Notes   []string
	Numeric []bool
}

// Output is everything one command prints, ready for any format.
type Output struct {
	Doc *Doc
	// JSON is the value written by the json format (a struct with json tags).
	JSON any
	// CSV is a slice of structs with csv tags, written by the csv format with gocsv.
	CSV any
}

// Options change how a format writes.
type Options struct {
	// Excel writes CSV for a German Excel: ';' between fields, decimal commas, UTF-8 BOM.
	Excel bool
	// Lang is the language of the CSV's header and status values: German for "de", the
	// columns' own names otherwise. Noun is what the German headers call customers.
	Lang string
	Noun words.Noun
}

// Writer writes an [Output] in one format.
type Writer interface {
	Write(w io.Writer, out *Output) error
}

// Formats lists the known format names.
var Formats = []string{"table", "md", "csv", "json"}

// New returns the writer for a format name, or an error naming the known ones.
func New(format string, opt Options) (Writer, error) {
	switch format {
	case "table":
		return tableWriter{}, nil
	case "md":
		return markdownWriter{}, nil
	case "csv":
		var c *words.Catalogue
		if opt.Lang == "de" {
			c = words.ForNoun(opt.Lang, opt.Noun)
		}
		return csvWriter{excel: opt.Excel, words: c}, nil
	case "json":
		return jsonWriter{}, nil
	}
	return nil, fmt.Errorf("unknown format %q (known: %s)", format, strings.Join(Formats, ", "))
}

// FormatFor returns the format implied by an output file's extension ("" when none is).
func FormatFor(path string) string {
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(path)), ".")
	switch ext {
	case "txt":
		return "table"
	case "markdown":
		return "md"
	}
	if slices.Contains(Formats, ext) {
		return ext
	}
	return ""
}
