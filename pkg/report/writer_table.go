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
	para := func(s string) string { return wrapParagraph(s, t.opt.Width) }
	ew.printf("%s\n%s\n", d.w.T("report.Title"), fmt.Sprintf(d.w.T("report.Subtitle"), humanDate(r.AsOf, r.Lang)))
	if r.Pseudonymized {
		ew.printf("%s\n", d.w.T("report.Pseudonymized"))
	}
	for _, s := range d.sections {
		ew.printf("\n%s\n%s\n", s.title, strings.Repeat("=", len([]rune(s.title))))
		ew.printf("%s\n", para(s.about))
		ew.termFacts(s.facts, d.lang, termCellWidth)
		for _, tb := range s.tables {
			ew.termTable(tb, d.lang, d.w.T("report.None"), termCellWidth, func(s string) string { return s }, para)
		}
		for _, n := range s.notes {
			ew.printf("%s\n", para(n))
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

// termFacts writes facts as a table of two columns, no cell wider than maxCell when that
// is above 0.
func (e *ErrWriter) termFacts(facts []fact, lang string, maxCell int) {
	if len(facts) == 0 {
		return
	}
	rows := make([][]string, len(facts))
	for i, f := range facts {
		rows[i] = []string{SafeText(f.label), termText(f.value, lang, "")}
	}
	e.table(nil, rows, nil, maxCell)
}

// termTable writes a table for a terminal: its title and about, its rows (or the line none
// when it has no rows and none is not "") and its notes, the title as title formats it and
// the paragraphs as para does.
func (e *ErrWriter) termTable(t *table, lang, none string, maxCell int, title, para func(string) string) {
	e.printf("\n")
	if t.title != "" {
		e.printf("%s\n", title(t.title))
	}
	if t.about != "" {
		e.printf("%s\n", para(t.about))
	}
	if t.n == 0 && none != "" {
		e.printf("(%s)\n", none)
	} else {
		header := make([]string, len(t.cols))
		right := make([]bool, len(t.cols))
		for i, c := range t.cols {
			header[i], right[i] = SafeText(c.title), c.numeric
		}
		rows := make([][]string, t.n)
		for i := range rows {
			vs := t.row(i)
			rows[i] = make([]string, len(vs))
			for j, v := range vs {
				rows[i][j] = termCell(v, lang)
			}
		}
		e.table(header, rows, right, maxCell)
	}
	for _, n := range t.notes {
		e.printf("%s\n", para(n))
	}
}

// table writes one table of cells made safe already ([termCell]).
func (e *ErrWriter) table(header []string, rows [][]string, right []bool, maxCell int) {
	if e.err == nil {
		e.err = writeTable(e.w, e.width, maxCell, header, rows, right)
	}
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
	ew := &ErrWriter{w: w, width: t.opt.Width}
	p := v.Page.section()
	para := func(s string) string { return wrapLines(SafeText(s), t.opt.Width) }
	if p.title != "" {
		ew.printf("%s\n\n", para(p.title))
	}
	ew.termFacts(p.facts, "", 0)
	for _, tb := range p.tables {
		ew.termTable(tb, "", "", 0, para, para)
	}
	if len(p.notes) > 0 {
		ew.printf("\n")
		for _, n := range p.notes {
			ew.printf("%s\n", para(n))
		}
	}
	return ew.err
}

// terminal writes one table for a terminal width columns wide (0: unknown), every cell
// made safe by [SafeText] first: the wrapped cells' line breaks are the table's own.
func terminal(w io.Writer, width int, header []string, rows [][]string, numeric []bool) error {
	safe := make([][]string, len(rows))
	for i, r := range rows {
		safe[i] = safeStrings(r)
	}
	return writeTable(w, width, 0, safeStrings(header), safe, numeric)
}

// terminal is [terminal] into e, in e's width, keeping the first error.
func (e *ErrWriter) terminal(header []string, rows [][]string) {
	if e.err == nil {
		e.err = terminal(e.w, e.width, header, rows, nil)
	}
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
		t.Header(header)
	}
	if err := t.Bulk(rows); err != nil {
		return err
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
