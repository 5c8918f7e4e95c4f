package report

import (
	"fmt"
	"io"
	"strings"

	catalogue "github.com/winback/winback/pkg/words"
)

// htmlView is a command's [View] as one self-contained web page, in the report's style:
// the facts, the view's chart when it has one (explain's timeline), its tables and notes.
type htmlView struct {
	Lang, Title, Footer string
	Facts               []htmlFact
	Chart               *svgChart
	ChartTitle          string
	Tables              []htmlViewTable
	Notes               []string
}

type htmlViewTable struct {
	Title string
	Table *htmlTable
}

// WriteView writes a command's view as a web page (winback explain -o story.html).
func (h htmlWriter) WriteView(w io.Writer, v *View) error {
	lang := "en"
	if catalogue.German(h.opt.Lang) {
		lang = "de"
	}
	cat := catalogue.For(lang)
	p := &htmlView{Lang: lang, Footer: fmt.Sprintf(cat.T("report.Footer"), Version), Chart: v.chart}
	if v.chart != nil {
		p.ChartTitle = v.chart.Label
	}
	if v.Page != nil {
		p.Title = clip(v.Page.Title)
		for _, f := range v.Page.Facts {
			p.Facts = append(p.Facts, htmlFact{Label: clip(f.Label), Value: clip(f.Value)})
		}
		for i := range v.Page.Tables {
			t := &v.Page.Tables[i]
			p.Tables = append(p.Tables, htmlViewTable{Title: clip(t.Title), Table: viewTable(t, i)})
		}
		for _, n := range v.Page.Notes {
			p.Notes = append(p.Notes, clip(n))
		}
	}
	return htmlTemplate.ExecuteTemplate(w, "view", p)
}

// viewTable is a view's table of text cells as the page's tables are written.
func viewTable(t *Table, i int) *htmlTable {
	ht := &htmlTable{ID: fmt.Sprintf("table-%d", i+1), Notes: t.Notes}
	for j, c := range t.Columns {
		ht.Cols = append(ht.Cols, htmlCol{Title: clip(c), Num: j < len(t.Numeric) && t.Numeric[j]})
	}
	for _, r := range t.Rows {
		row := make([]htmlCell, len(r))
		for j, s := range r {
			c := htmlCell{Text: clip(s)}
			if j < len(t.Numeric) && t.Numeric[j] {
				c.Class = "n"
			} else if looksLikeDate(s) {
				c.Class = "d"
			}
			row[j] = c
		}
		ht.Rows = append(ht.Rows, row)
	}
	return ht
}

// looksLikeDate reports a date as the views write them (2025-03-12 or 12.03.2025), which
// must not break.
func looksLikeDate(s string) bool {
	return len(s) == 10 && strings.Count(s, "-")+strings.Count(s, ".") == 2
}
