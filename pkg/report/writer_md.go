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
				ew.printf("- **%s:** %s\n", mdEscape(f.label), mdCell(f.value, d.lang))
			}
		}
		for _, t := range s.tables {
			ew.printf("\n")
			if t.title != "" {
				ew.printf("### %s\n\n", mdEscape(t.title))
			}
			if t.about != "" {
				ew.printf("%s\n\n", mdEscape(t.about))
			}
			if t.n == 0 {
				ew.printf("(%s)\n", mdEscape(d.w.T("report.None")))
			} else {
				cells := make([]string, len(t.cols))
				sep := make([]string, len(t.cols))
				for i, c := range t.cols {
					cells[i], sep[i] = mdEscape(c.title), "---"
					if c.numeric {
						sep[i] = "---:"
					}
				}
				ew.printf("| %s |\n| %s |\n", strings.Join(cells, " | "), strings.Join(sep, " | "))
				for i := range t.n {
					vs := t.row(i)
					cells = cells[:0]
					for _, v := range vs {
						cells = append(cells, mdCell(v, d.lang))
					}
					ew.printf("| %s |\n", strings.Join(cells, " | "))
				}
			}
			for _, n := range t.notes {
				ew.printf("\n%s\n", mdEscape(n))
			}
		}
		for _, n := range s.notes {
			ew.printf("\n%s\n", mdEscape(n))
		}
	}
	ew.printf("\n---\n\n%s\n", mdEscape(fmt.Sprintf(d.w.T("report.Footer"), Version)))
	return ew.err
}

// mdCell formats a value for a Markdown table cell: escaped, the parts of a multi-line
// value separated by <br>.
func mdCell(v value, lang string) string {
	if v.lines == nil {
		return mdEscape(v.text(lang, ""))
	}
	parts := make([]string, len(v.lines))
	for i, l := range v.lines {
		parts[i] = mdEscape(l)
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
	w = ew
	d := safePage(v.Page)
	if d.Title != "" {
		fmt.Fprintf(w, "# %s\n\n", viewMDEscape(d.Title))
	}
	for _, f := range d.Facts {
		fmt.Fprintf(w, "- **%s:** %s\n", viewMDEscape(f.Label), viewMDEscape(f.Value))
	}
	for _, t := range d.Tables {
		fmt.Fprintln(w)
		if t.Title != "" {
			fmt.Fprintf(w, "## %s\n\n", viewMDEscape(t.Title))
		}
		cells := func(r []string) string {
			e := make([]string, len(r))
			for i, c := range r {
				e[i] = viewMDEscape(c)
			}
			return "| " + strings.Join(e, " | ") + " |"
		}
		fmt.Fprintln(w, cells(t.Columns))
		sep := make([]string, len(t.Columns))
		for i := range sep {
			sep[i] = "---"
			if i < len(t.Numeric) && t.Numeric[i] {
				sep[i] = "---:"
			}
		}
		fmt.Fprintln(w, "| "+strings.Join(sep, " | ")+" |")
		for _, r := range t.Rows {
			fmt.Fprintln(w, cells(r))
		}
		for _, n := range t.Notes {
			fmt.Fprintf(w, "\n%s\n", viewMDEscape(n))
		}
	}
	if len(d.Notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range d.Notes {
			fmt.Fprintf(w, "%s\n\n", viewMDEscape(n))
		}
	}
	return ew.err
}

// viewMDEscape keeps the data of a view from being read as Markdown or HTML; the page
// has been made safe ([SafeText]) before.
var viewMDEscape = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "#", `\#`, "\n", " ", "\r", " ").Replace
