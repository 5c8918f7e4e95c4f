package render

import (
	"fmt"
	"io"
	"strings"
)

// markdownWriter writes a document as GitHub-flavoured Markdown.
type markdownWriter struct{}

func (markdownWriter) Write(w io.Writer, out *Output) error {
	ew := &errWriter{w: w}
	w = ew
	d := safeDoc(out.Doc)
	if d.Title != "" {
		fmt.Fprintf(w, "# %s\n\n", mdEscape(d.Title))
	}
	for _, f := range d.Facts {
		fmt.Fprintf(w, "- **%s:** %s\n", mdEscape(f.Label), mdEscape(f.Value))
	}
	for _, t := range d.Tables {
		fmt.Fprintln(w)
		if t.Title != "" {
			fmt.Fprintf(w, "## %s\n\n", mdEscape(t.Title))
		}
		cells := func(r []string) string {
			e := make([]string, len(r))
			for i, c := range r {
				e[i] = mdEscape(c)
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
			fmt.Fprintf(w, "\n%s\n", mdEscape(n))
		}
	}
	if len(d.Notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range d.Notes {
			fmt.Fprintf(w, "%s\n\n", mdEscape(n))
		}
	}
	return ew.err
}

// mdEscape keeps data from being read as Markdown or HTML.
var mdEscape = strings.NewReplacer(`\`, `\\`, "|", `\|`, "*", `\*`, "_", `\_`, "`", "\\`",
	"<", "&lt;", ">", "&gt;", "[", `\[`, "]", `\]`, "#", `\#`, "\n", " ", "\r", " ").Replace
