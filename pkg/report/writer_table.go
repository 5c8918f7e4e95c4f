package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// tableWriter writes the report for a terminal: plain text and tablewriter tables, no
// colour, the lapsed list capped.
type tableWriter struct{ opt Options }

// termCellWidth wraps long cells (questions, rules) so that a table fits a wide terminal.
const termCellWidth = 40

func (t tableWriter) Write(w io.Writer, r *Report) error {
	r.CompleteLapsed(shown(r, t.opt))
	d := newDoc(r, docOptions{people: true, lapsed: shown(r, t.opt), compact: true})
	ew := &ErrWriter{w: w, width: t.opt.Width}
	ew.printf("%s\n%s\n", d.w.T("report.Title"), fmt.Sprintf(d.w.T("report.Subtitle"), humanDate(r.AsOf, r.Lang)))
	if r.Pseudonymized {
		ew.printf("%s\n", d.w.T("report.Pseudonymized"))
	}
	for _, s := range d.sections {
		ew.printf("\n%s\n%s\n", s.title, strings.Repeat("=", len([]rune(s.title))))
		ew.printf("%s\n", wrapParagraph(s.about, t.opt.Width))
		if len(s.facts) > 0 {
			rows := make([][]string, len(s.facts))
			for i, f := range s.facts {
				rows[i] = []string{f.label, termText(f.value, d.lang, "")}
			}
			ew.table(nil, rows, nil)
		}
		for _, tb := range s.tables {
			ew.printf("\n")
			if tb.title != "" {
				ew.printf("%s\n", tb.title)
			}
			if tb.about != "" {
				ew.printf("%s\n", wrapParagraph(tb.about, t.opt.Width))
			}
			if tb.n == 0 {
				ew.printf("(%s)\n", d.w.T("report.None"))
			} else {
				header := make([]string, len(tb.cols))
				right := make([]bool, len(tb.cols))
				for i, c := range tb.cols {
					header[i], right[i] = c.title, c.numeric
				}
				rows := make([][]string, tb.n)
				for i := range rows {
					vs := tb.row(i)
					rows[i] = make([]string, len(vs))
					for j, v := range vs {
						rows[i][j] = termCell(v, d.lang)
					}
				}
				ew.table(header, rows, right)
			}
			for _, n := range tb.notes {
				ew.printf("%s\n", wrapParagraph(n, t.opt.Width))
			}
		}
		for _, n := range s.notes {
			ew.printf("%s\n", wrapParagraph(n, t.opt.Width))
		}
	}
	return ew.err
}

// termCell formats a value for a terminal table: the parts of a multi-line value on lines
// of their own, questions each behind a bullet so that a wrapped one still reads as one.
func termCell(v value, lang string) string {
	if v.sub != nil && len(v.lines) > 1 {
		return termText(v, lang, "• ")
	}
	return termText(v, lang, "")
}

// termText is v's text made safe by [SafeText], each part of a multi-line value on a
// line of its own behind bullet: a line break in the data must not start a line of the
// table.
func termText(v value, lang, bullet string) string {
	if v.lines == nil {
		return SafeText(v.text(lang, ""))
	}
	parts := make([]string, len(v.lines))
	for i, l := range v.lines {
		parts[i] = bullet + SafeText(l)
	}
	return strings.Join(parts, "\n")
}

// table writes one table of the report's cells, made safe already ([termCell]).
func (e *ErrWriter) table(header []string, rows [][]string, right []bool) {
	if e.err == nil {
		e.err = writeTable(e.w, e.width, termCellWidth, header, rows, right)
	}
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = x
	}
	return out
}

// wrap breaks text into lines of at most width runes at spaces, after [SafeText].
func wrap(s string, width int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(SafeText(s)) {
		l := len([]rune(word))
		if i > 0 {
			if n+1+l > width {
				b.WriteByte('\n')
				n = 0
			} else {
				b.WriteByte(' ')
				n++
			}
		}
		b.WriteString(word)
		n += l
	}
	return b.String()
}

// WriteView writes a command's view for the terminal, in [Options.Width] when it is
// known.
func (t tableWriter) WriteView(w io.Writer, v *View) error {
	ew := &ErrWriter{w: w}
	w = ew
	d := safePage(v.Page)
	width := t.opt.Width
	if d.Title != "" {
		fmt.Fprintf(w, "%s\n\n", wrapLines(d.Title, width))
	}
	if len(d.Facts) > 0 {
		rows := make([][]string, len(d.Facts))
		for i, f := range d.Facts {
			rows[i] = []string{f.Label, f.Value}
		}
		if err := terminal(w, width, nil, rows, nil); err != nil {
			return err
		}
	}
	for _, t := range d.Tables {
		fmt.Fprintln(w)
		if t.Title != "" {
			fmt.Fprintln(w, wrapLines(t.Title, width))
		}
		if err := terminal(w, width, t.Columns, t.Rows, t.Numeric); err != nil {
			return err
		}
		for _, n := range t.Notes {
			fmt.Fprintln(w, wrapLines(n, width))
		}
	}
	if len(d.Notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range d.Notes {
			fmt.Fprintln(w, wrapLines(n, width))
		}
	}
	return ew.err
}

// terminal writes one table of a view for a terminal width columns wide (0: unknown),
// every cell made safe by [SafeText] first: the wrapped cells' line breaks are the table's own.
func terminal(w io.Writer, width int, header []string, rows [][]string, numeric []bool) error {
	return writeTable(w, width, 0, safeStrings(header), safeRows(rows), numeric)
}

// writeTable writes one table with tablewriter, headers as given (not upper-cased) and
// numeric columns right-aligned. With a width the cells are wrapped to fit it ([fitCells]),
// none wider than maxCell when that is above 0; without, tablewriter wraps at maxCell.
func writeTable(w io.Writer, width, maxCell int, header []string, rows [][]string, numeric []bool) error {
	opts := []tablewriter.Option{tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithTrimSpace(tw.Off)}
	if width > 0 {
		header, rows = fitCells(header, rows, width, maxCell)
	} else if maxCell > 0 {
		opts = append(opts, tablewriter.WithRowMaxWidth(maxCell), tablewriter.WithRowAutoWrap(tw.WrapNormal))
	}
	if len(numeric) > 0 {
		align := make([]tw.Align, len(numeric))
		for i, n := range numeric {
			align[i] = tw.AlignLeft
			if n {
				align[i] = tw.AlignRight
			}
		}
		opts = append(opts, tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: align}))
	}
	t := tablewriter.NewTable(w, opts...)
	if header != nil {
		t.Header(toAny(header)...)
	}
	for _, r := range rows {
		if err := t.Append(toAny(r)...); err != nil {
			return err
		}
	}
	return t.Render()
}

func safeStrings(s []string) []string {
	if s == nil {
		return nil
	}
	out := make([]string, len(s))
	for i, x := range s {
		out[i] = SafeText(x)
	}
	return out
}

func safeRows(rows [][]string) [][]string {
	out := make([][]string, len(rows))
	for i, r := range rows {
		out[i] = safeStrings(r)
	}
	return out
}
