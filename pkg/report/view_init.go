package report

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/pflag"

	"github.com/winback/winback/pkg/config"
	"github.com/winback/winback/pkg/export"
	catalogue "github.com/winback/winback/pkg/words"
)

// ConfigFile is what winback init writes a configuration from.
type ConfigFile struct {
	// Files are the exports, Export how they were read.
	Files  []string
	Export *export.Summary
	// Noun is what the texts call customers.
	Noun catalogue.Noun
	// Settings are the flags of winback report, written commented out with their
	// defaults (none when nil).
	Settings *pflag.FlagSet
	// Lang is the language of the comments; with LangGiven (--lang) it is also the
	// file's lang:, which is otherwise guessed from the export.
	Lang      string
	LangGiven bool
	// Key is the pseudonyms' key ("": no key: line).
	Key string
}

// WriteConfig writes winback init's configuration file for the exports read as r: how they
// were read, the noun and, commented out, every other setting of winback report with its
// default. Comments are in c.Lang; keys and values are flag names and codes. It holds no
// date and no path or key but those given.
func WriteConfig(w io.Writer, c *ConfigFile) error {
	r := c.Export
	ct := &configText{cat: catalogue.For(c.Lang)}
	cat, p, line := ct.cat, ct.p, ct.line
	names := make([]string, len(c.Files))
	for i, f := range c.Files {
		names[i] = filepath.Base(f)
	}
	line("init.title", strings.Join(names, ", "))
	line("init.keys")
	line("init.use")
	p("\n")
	p("files:\n")
	for _, f := range c.Files {
		// Absolute, because the file may be saved anywhere and paths in it are relative to it.
		if abs, err := filepath.Abs(f); err == nil && f != "-" {
			f = abs
		}
		p("  - %s\n", config.Quote(f))
	}
	p("\n")
	line("init.read")
	if len(r.Files) > 0 {
		ct.file(&r.Files[0])
	}
	switch {
	case strings.HasPrefix(r.DateOrder, "day first"):
		p("date-format: dd/mm/yyyy\n")
	case strings.HasPrefix(r.DateOrder, "month first"):
		p("date-format: mm/dd/yyyy\n")
	}
	if len(r.Statuses) > 0 {
		p("\n")
		line("init.statuses")
		p("status-map:\n")
		for _, s := range r.Statuses {
			if s.Value == "(empty)" {
				continue
			}
			note := ""
			if !s.Known {
				note = "   " + cat.T("init.unknown-status")
			}
			p("  %s: %s%s\n", config.Quote(s.Value), s.Status, note)
		}
	}
	lang := "en"
	if c.LangGiven {
		lang = cat.Lang()
	} else if len(r.Files) > 0 && (r.Files[0].Delimiter == ";" || strings.HasPrefix(r.DecimalStyle, "decimal comma")) {
		lang = "de"
	}
	p("\nlang: %s\n", lang)
	p("noun: %s %s\n", c.Noun, cat.T("init.noun"))
	if c.Settings != nil {
		p("\n")
		line("init.settings")
		ct.settings(c.Settings)
	}
	if c.Key != "" {
		p("\n")
		line("init.key")
		p("key: %s\n", c.Key)
	}
	_, err := io.WriteString(w, ct.b.String())
	return err
}

// configText is a configuration file being written, with the catalogue of its comments.
type configText struct {
	b   strings.Builder
	cat *catalogue.Catalogue
}

// p writes to the file as fmt.Fprintf does.
func (ct *configText) p(format string, args ...any) { fmt.Fprintf(&ct.b, format, args...) }

// line writes the catalogue's text with the given key, filled with args, and a line break.
func (ct *configText) line(key string, args ...any) { ct.b.WriteString(ct.cat.F(key, args...) + "\n") }

// file writes how the file f was read: encoding, delimiter, header and columns.
func (ct *configText) file(f *export.FileReport) {
	p := ct.p
	enc := map[string]string{"UTF-8 with BOM": "utf-8", "UTF-8": "utf-8", "ASCII": "utf-8", "UTF-16 LE": "utf-16le", "UTF-16 BE": "utf-16be", "Windows-1252": "windows-1252"}[f.Encoding]
	enc = cmp.Or(enc, strings.ToLower(f.Encoding))
	p("encoding: %s\n", enc)
	p("delimiter: %s\n", config.Quote(f.Delimiter))
	if !f.Header {
		p("no-header: true\n")
	}
	p("column:\n")
	for _, n := range slices.Sorted(maps.Keys(f.Concepts)) {
		if _, err := export.ParseConcept(n); err != nil || strings.Contains("first_name last_name time no_show cancelled", n) {
			continue // helper columns are found again by their names
		}
		ref := f.Concepts[n]
		v := ref.Header
		if !f.Header {
			v = fmt.Sprint(ref.Column)
		}
		p("  %s: %s\n", n, config.Quote(v))
	}
	if len(f.Unused) > 0 {
		ct.line("init.unused", SafeText(strings.Join(f.Unused, ", "))) // a comment ends at a line break
	}
}

// settings writes every other setting of winback report, commented out, with its default
// and, in English, its usage.
func (ct *configText) settings(settings *pflag.FlagSet) {
	skip := map[string]bool{"encoding": true, "delimiter": true, "no-header": true, "column": true, "date-format": true,
		"status-map": true, "lang": true, "noun": true, "help": true, "config": true}
	settings.VisitAll(func(f *pflag.Flag) {
		if skip[f.Name] || f.Hidden {
			return
		}
		def := f.DefValue
		if def == "[]" {
			def = ""
		}
		v := config.Quote(def)
		if _, err := strconv.ParseFloat(def, 64); err == nil || def == "true" || def == "false" {
			v = def
		}
		ct.p("# %s: %s", f.Name, v)
		if ct.cat.German() { // the flags' usages are English, like --help: the heading says where to read them
			ct.p("\n")
			return
		}
		ct.p("%s# %s\n", strings.Repeat(" ", max(1, 28-len(f.Name)-len(v))), f.Usage)
	})
}
