package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strings"

	catalogue "github.com/winback/winback/pkg/words"
)

// htmlWriter writes the report as one self-contained HTML file: inline CSS and SVG, no
// script and no request anywhere (its Content-Security-Policy says so too), printable on
// A4. Every value from the data is escaped by html/template.
type htmlWriter struct{ opt Options }

//go:embed report.html.tmpl
var htmlSource string

var htmlTemplate = template.Must(template.New("report").Parse(htmlSource))

// htmlClip is the most characters of one value the HTML shows: a list is capped by rows,
// and this caps the rows, so that no export makes the file big.
const htmlClip = 300

func (h htmlWriter) Write(w io.Writer, r *Report) error {
	n := min(shown(r, h.opt), maxHTMLLapsed)
	r.CompleteLapsed(n)
	d := newDoc(r, docOptions{people: true, lapsed: n})
	return htmlTemplate.Execute(w, newHTMLPage(r, d))
}

type htmlPage struct {
	Lang, Title, Subtitle       string
	Pseudonymized, PersonalData string
	Footer, ShowNumbers, None   string
	Sections                    []htmlSection
}

type htmlSection struct {
	ID, Title, About string
	Tiles            []htmlFact // numbers, shown large
	Facts            []htmlFact // text
	Blocks           []htmlBlock
	Notes            []string
}

type htmlFact struct{ Label, Value string }

// htmlBlock is a titled chart or table; a table behind a chart is folded away.
type htmlBlock struct {
	Title, About string
	Heat         *heatMap
	Chart        *svgChart
	Table        *htmlTable
	Folded       bool
}

type htmlTable struct {
	ID    string
	Cols  []htmlCol
	Rows  [][]htmlCell
	Notes []string
}

type htmlCol struct {
	Title string
	Num   bool
	Class string // print: shown on paper only
}

type htmlCell struct {
	Text  string
	Lines []htmlLine
	List  bool   // the lines are a list of questions with their evidence
	Class string // n: a number, d: a date, hN: a heat-map colour
}

// htmlLine is one line of a cell: Text, then Tail after a place to break (an e-mail
// address breaks only before its @), and Sub as a smaller second line.
type htmlLine struct {
	Text, Tail, Sub string
	Whole           bool // a phone number or an address: never broken inside
}

func newHTMLPage(r *Report, d *doc) *htmlPage {
	w := d.w
	p := &htmlPage{
		Lang:        d.lang,
		Title:       w.T("report.Title"),
		Subtitle:    fmt.Sprintf(w.T("report.Subtitle"), humanDate(r.AsOf, d.lang)),
		Footer:      fmt.Sprintf(w.T("report.Footer"), Version),
		ShowNumbers: w.T("report.ShowNumbers"),
		None:        w.T("report.None"),
	}
	if r.Pseudonymized {
		p.Pseudonymized = w.T("report.Pseudonymized")
	} else if lapsedColumnsOf(r).contact {
		p.PersonalData = w.T("report.PersonalData")
	}
	if p.Lang != "de" {
		p.Lang = "en"
	}
	for _, s := range d.sections {
		hs := htmlSection{ID: s.id, Title: s.title, About: s.about, Notes: s.notes}
		for _, f := range s.facts {
			hf := htmlFact{Label: f.label, Value: clip(f.value.text(d.lang, ", "))}
			if f.value.kind == kText {
				hs.Facts = append(hs.Facts, hf)
			} else {
				hs.Tiles = append(hs.Tiles, hf)
			}
		}
		for _, t := range s.tables {
			b := htmlBlock{Title: t.title, About: t.about}
			var after []htmlBlock
			switch t.id {
			case "rf-grid":
				continue // the heat map shows it, with the numbers
			case "segment-table":
				hs.Blocks = append(hs.Blocks, htmlBlock{Title: w.T("report.Grid"), Heat: newHeatMap(r.Segments.Grid, w, d.lang)})
				if len(r.Segments.Rows) > 0 {
					after = append(after, htmlBlock{Title: w.T("report.SegmentBars"), Chart: newSegmentBars(r.Segments.Rows, r.HasAmounts, w, d.lang)})
				}
			case "recency-table":
				hs.Blocks = append(hs.Blocks, htmlBlock{Title: t.title, About: t.about, Chart: newRecencyChart(r.Recency, w, d.lang)})
				b = htmlBlock{Folded: true}
				if r.charts != nil {
					after = append(after, htmlBlock{Title: w.T("report.Distributions"), About: w.T("report.DistributionsAbout"), Chart: newDistributions(r.charts(), w, d.lang)})
				}
			case "decided-table":
				if r.charts != nil && len(r.charts().Matrix) > 0 {
					after = append(after, htmlBlock{Title: w.T("report.Matrix"), About: w.T("report.MatrixAbout"), Chart: newExpectedMatrix(r.charts(), w, d.lang)})
				}
			case "reliable-table":
				after = append(after, reliableChart(r, d)...)
			case "trend-table":
				if len(r.Trends) > 0 {
					hs.Blocks = append(hs.Blocks, htmlBlock{Chart: newTrendChart(r.Trends, w, d.lang)})
					b.Folded = true
				}
			}
			b.Table = newHTMLTable(t, d.lang)
			if t.id == "lapsed-table" {
				callListOnPaper(b.Table, w)
			}
			hs.Blocks = append(hs.Blocks, b)
			hs.Blocks = append(hs.Blocks, after...)
		}
		p.Sections = append(p.Sections, hs)
	}
	return p
}

func newHTMLTable(t *table, lang string) *htmlTable {
	ht := &htmlTable{ID: t.id, Notes: t.notes}
	for _, c := range t.cols {
		ht.Cols = append(ht.Cols, htmlCol{Title: clip(c.title), Num: c.numeric})
	}
	for i := range t.n {
		vs := t.row(i)
		row := make([]htmlCell, len(vs))
		for j, v := range vs {
			var class []string
			switch {
			case numeric(v.kind) && j < len(t.cols) && t.cols[j].numeric:
				class = append(class, "n")
			case v.kind == kDate || v.kind == kMonth || v.kind == kShown && looksLikeDate(v.s):
				class = append(class, "d")
			}
			if v.heat > 0 {
				class = append(class, fmt.Sprintf("h%d", v.heat))
			}
			c := htmlCell{Class: strings.Join(class, " ")}
			if v.lines != nil {
				c.List = v.sub != nil
				for k, l := range v.lines {
					hl := htmlLine{Text: clip(l)}
					if k < len(v.sub) {
						hl.Sub = clip(v.sub[k])
					}
					c.Lines = append(c.Lines, hl)
				}
			} else {
				c.Text = clip(v.text(lang, ""))
			}
			row[j] = c
		}
		ht.Rows = append(ht.Rows, row)
	}
	return ht
}

// callColumns are the classes of the call list's first columns, which the print stylesheet
// gives their widths; the further numbers are "num", the questions "q".
var callColumns = []string{"nr", "who", "why", "date"}

// callListOnPaper readies the call list for paper: a blank column for notes, shown only in
// print, and the phone numbers and addresses marked so that the print style keeps them whole.
func callListOnPaper(t *htmlTable, w *words) {
	for j := range t.Cols {
		switch {
		case j < len(callColumns):
			t.Cols[j].Class = callColumns[j]
		case j == len(t.Cols)-1:
			t.Cols[j].Class = "q"
		default:
			t.Cols[j].Class = "num"
		}
	}
	t.Cols = append(t.Cols, htmlCol{Title: w.T("report.CallNote"), Class: "print"})
	for i, row := range t.Rows {
		for j := range row {
			switch j {
			case 1:
				row[j].Class = strings.TrimSpace(row[j].Class + " who")
				for k, l := range row[j].Lines {
					ln := &row[j].Lines[k]
					if at := strings.LastIndexByte(l.Text, '@'); at > 0 && !strings.ContainsRune(l.Text, ' ') {
						ln.Text, ln.Tail, ln.Whole = l.Text[:at], l.Text[at:], true
					} else if phoneLike(l.Text) {
						ln.Whole = true
					}
				}
			case 2:
				row[j].Class = strings.TrimSpace(row[j].Class + " why")
			}
		}
		t.Rows[i] = append(row, htmlCell{Class: "print"})
	}
}

// clip shortens s to htmlClip characters and replaces control characters, which have no
// place in an HTML page ([SafeText]).
func clip(s string) string {
	s = SafeText(s)
	if len(s) <= htmlClip {
		return s
	}
	rs := []rune(s)
	if len(rs) <= htmlClip {
		return s
	}
	return strings.TrimSpace(string(rs[:htmlClip-1])) + "…"
}

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
