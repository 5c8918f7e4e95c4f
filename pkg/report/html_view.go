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
	Tables              []htmlBlock
	Notes               []string
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
		s := v.Page.section()
		p.Title = clip(s.title)
		for _, f := range s.facts {
			p.Facts = append(p.Facts, htmlFact{Label: clip(f.label), Value: clip(f.value.s)})
		}
		for _, t := range s.tables {
			p.Tables = append(p.Tables, htmlBlock{Title: clip(t.title), Table: newHTMLTable(t, lang)})
		}
		for _, n := range s.notes {
			p.Notes = append(p.Notes, clip(n))
		}
	}
	return htmlTemplate.ExecuteTemplate(w, "view", p)
}

// looksLikeDate reports a date as the views write them (2025-03-12 or 12.03.2025), which
// must not break.
func looksLikeDate(s string) bool {
	return len(s) == 10 && strings.Count(s, "-")+strings.Count(s, ".") == 2
}
