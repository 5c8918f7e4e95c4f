package report

import (
	"fmt"
	"io"
	"strings"
)

// markdownWriter writes the report as GitHub-flavoured Markdown. Every value is escaped,
// so that a customer's name cannot become a link, an image or HTML.
type markdownWriter struct{ opt Options }

func (m markdownWriter) Write(w io.Writer, r *Report) error {
	r.CompleteLapsed(shown(r, m.opt))
	d := newDoc(r, docOptions{people: true, lapsed: shown(r, m.opt)})
	ew := &ErrWriter{w: w}
	ew.printf("# %s\n\n%s\n", mdEscape(d.w.T("report.Title")), mdEscape(fmt.Sprintf(d.w.T("report.Subtitle"), humanDate(r.AsOf, r.Lang))))
	if r.Pseudonymized {
		ew.printf("\n> **%s**\n", mdEscape(d.w.T("report.Pseudonymized")))
	}
	for _, s := range d.sections {
		ew.printf("\n## %s\n\n%s\n", mdEscape(s.title), mdEscape(s.about))
		if len(s.facts) > 0 {
			ew.printf("\n")
			for _, f := range s.facts {
				ew.printf("- **%s:** %s\n", mdEscape(f.label), mdCell(f.value, d.lang, mdEscape))
			}
		}
		for _, t := range s.tables {
			writeMDTable(ew, t, "###", d.w.T("report.None"), mdEscape, d.lang)
		}
		for _, n := range s.notes {
			ew.printf("\n%s\n", mdEscape(n))
		}
	}
	ew.printf("\n---\n\n%s\n", mdEscape(fmt.Sprintf(d.w.T("report.Footer"), Version)))
	return ew.err
}

// writeMDTable writes a table under a heading of the given level: its title and about, its
// header and rows, or the line none when it has no rows and none is not "", and its notes.
func writeMDTable(ew *ErrWriter, t *table, heading, none string, esc func(string) string, lang string) {
	ew.printf("\n")
	if t.title != "" {
		ew.printf("%s %s\n\n", heading, esc(t.title))
	}
	if t.about != "" {
		ew.printf("%s\n\n", esc(t.about))
	}
	if t.n == 0 && none != "" {
		ew.printf("(%s)\n", esc(none))
	} else {
		cells := make([]string, len(t.cols))
		sep := make([]string, len(t.cols))
		for i, c := range t.cols {
			cells[i], sep[i] = esc(c.title), "---"
			if c.numeric {
				sep[i] = "---:"
			}
		}
		ew.printf("| %s |\n| %s |\n", strings.Join(cells, " | "), strings.Join(sep, " | "))
		for i := range t.n {
			cells = cells[:0]
			for _, v := range t.row(i) {
				cells = append(cells, mdCell(v, lang, esc))
			}
			ew.printf("| %s |\n", strings.Join(cells, " | "))
		}
	}
	for _, n := range t.notes {
		ew.printf("\n%s\n", esc(n))
	}
}

// mdCell formats a value for a Markdown table cell: escaped by esc, the parts of a
// multi-line value separated by <br>.
func mdCell(v value, lang string, esc func(string) string) string {
	if v.lines == nil {
		return esc(v.text(lang, ""))
	}
	parts := make([]string, len(v.lines))
	for i, l := range v.lines {
		parts[i] = esc(l)
	}
	return strings.Join(parts, "<br>")
}

// mdEscape keeps text from being read as Markdown or HTML. It mirrors the view's
// escaping, plus '&' (an entity in the data stays the text it was), '~' (GitHub's
// strikethrough), "://" and "www." (GitHub's autolinks); what a terminal would act on is
// replaced first by [SafeText].
func mdEscape(s string) string { return mdReplacer.Replace(SafeText(s)) }

var mdReplacer = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"<", "&lt;", ">", "&gt;", "&", "&amp;", "[", `\[`, "]", `\]`, "#", `\#`, "~", `\~`,
	"://", `:\/\/`, "www.", `www\.`, "\n", " ", "\r", " ")

// WriteView writes a command's view as GitHub-flavoured Markdown.
func (markdownWriter) WriteView(w io.Writer, v *View) error {
	ew := &ErrWriter{w: w}
	p := v.Page.section()
	if p.title != "" {
		ew.printf("# %s\n\n", viewMDEscape(p.title))
	}
	for _, f := range p.facts {
		ew.printf("- **%s:** %s\n", viewMDEscape(f.label), viewMDEscape(f.value.s))
	}
	for _, t := range p.tables {
		writeMDTable(ew, t, "##", "", viewMDEscape, "")
	}
	if len(p.notes) > 0 {
		ew.printf("\n")
		for _, n := range p.notes {
			ew.printf("%s\n\n", viewMDEscape(n))
		}
	}
	return ew.err
}

// viewMDEscape keeps the data of a view from being read as Markdown or HTML, after
// [SafeText].
func viewMDEscape(s string) string { return viewMDReplacer.Replace(SafeText(s)) }

var viewMDReplacer = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "#", `\#`, "\n", " ", "\r", " ")
