package render

import (
	"fmt"
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
)

// tableWriter writes a document for the terminal with tablewriter.
type tableWriter struct{}

func (tableWriter) Write(w io.Writer, out *Output) error {
	ew := &errWriter{w: w}
	w = ew
	d := safeDoc(out.Doc)
	if d.Title != "" {
		fmt.Fprintf(w, "%s\n\n", d.Title)
	}
	if len(d.Facts) > 0 {
		rows := make([][]string, len(d.Facts))
		for i, f := range d.Facts {
			rows[i] = []string{f.Label, f.Value}
		}
		if err := Terminal(w, nil, rows, nil); err != nil {
			return err
		}
	}
	for _, t := range d.Tables {
		fmt.Fprintln(w)
		if t.Title != "" {
			fmt.Fprintln(w, t.Title)
		}
		if err := Terminal(w, t.Columns, t.Rows, t.Numeric); err != nil {
			return err
		}
		for _, n := range t.Notes {
			fmt.Fprintln(w, n)
		}
	}
	if len(d.Notes) > 0 {
		fmt.Fprintln(w)
		for _, n := range d.Notes {
			fmt.Fprintln(w, n)
		}
	}
	return ew.err
}

// Terminal writes one table with tablewriter; headers are kept as given (not upper-cased)
// and every cell goes through [SafeText].
func Terminal(w io.Writer, header []string, rows [][]string, numeric []bool) error {
	opts := []tablewriter.Option{tablewriter.WithHeaderAutoFormat(tw.Off), tablewriter.WithTrimSpace(tw.Off)}
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

// toAny hands the cells to tablewriter, made safe for a terminal by [SafeText].
func toAny(s []string) []any {
	out := make([]any, len(s))
	for i, x := range s {
		out[i] = SafeText(x)
	}
	return out
}
