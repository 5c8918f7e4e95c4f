package report

import (
	"fmt"

	"github.com/winback/winback/pkg/visit"
	catalogue "github.com/winback/winback/pkg/words"
)

// A View is what a command other than report prints (segments, model, lapsed, explain):
// the human [Page], the JSON value and the CSV rows, ready for any of [ViewFormats]. The
// writers of [NewWriter] write it with [Writer.WriteView].
type View struct {
	Page *Page
	// JSON is the value written by the json format (a struct with json tags).
	JSON any
	// CSV is a slice of structs with csv tags, written by the csv format with gocsv.
	CSV any
	// chart is drawn by the html format above the tables (explain's timeline); nil for none.
	chart *svgChart
}

// ViewFormats lists the formats a [View] is written in.
var ViewFormats = []string{"table", "md", "csv", "json"}

// Page is the human-readable document of a [View]: a title, key facts, tables and notes.
type Page struct {
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

// section is the page as the report's writers take it, every cell a text shown as it is;
// a table's id is its place ("table-1").
func (p *Page) section() *section {
	s := &section{title: p.Title, notes: p.Notes}
	for _, f := range p.Facts {
		s.facts = append(s.facts, fact{f.Label, txt(f.Value)})
	}
	for i := range p.Tables {
		t := &p.Tables[i]
		st := &table{id: fmt.Sprintf("table-%d", i+1), title: t.Title, notes: t.Notes, n: len(t.Rows)}
		for j, c := range t.Columns {
			st.cols = append(st.cols, col{title: c, numeric: j < len(t.Numeric) && t.Numeric[j]})
		}
		var cells []value // one row's, taken by the writer before it asks for the next
		st.row = func(j int) []value {
			cells = cells[:0]
			for _, c := range t.Rows[j] {
				cells = append(cells, value{kind: kShown, s: c})
			}
			return cells
		}
		s.tables = append(s.tables, st)
	}
	return s
}

// PseudonymNote tells the reader of a list of pseudonyms how to see the ids.
func PseudonymNote(c *catalogue.Catalogue) string {
	return c.T("cli.customers-are-shown-as-pseudonyms-pseudonymize")
}

// dayText is a day as a view shows it: dd.mm.yyyy in German, ISO otherwise.
func dayText(d visit.Day, lang string) string {
	if lang == "de" {
		return d.German()
	}
	return d.String()
}

// days is a number of days, "–" for none.
func days(n int, lang string) string {
	if n <= 0 {
		return "–"
	}
	return catalogue.For(lang).F("cli.n-days", Int(n, lang))
}

// signedPercent is a relative change with its sign.
func signedPercent(x float64, lang string) string {
	s := Percent(x, lang)
	if x > 0 {
		s = "+" + s
	}
	return s
}
