package report

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"strconv"
	"strings"

	minor "github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/reason"
	catalogue "github.com/winback/winback/pkg/words"
)

// lapsedJSON is the JSON document of lapsed.
type lapsedJSON struct {
	Version   int            `json:"version"`
	AsOf      string         `json:"as_of"`
	Lapsed    []Customer     `json:"customers"`
	Lift      []LiftRow      `json:"reasons_lift,omitempty"`
	NotInData []string       `json:"signals_not_available"`
	ByStatus  map[string]int `json:"by_status"`
	Model     string         `json:"model_note"`
	// Filter are the flags that narrowed the list ([Report.Filter]); by_status counts
	// everyone.
	Filter string `json:"filter,omitempty"`
}

// WriteJSON writes the document with one customer a line ([writeList]).
func (j lapsedJSON) WriteJSON(w io.Writer) error {
	list := j.Lapsed
	j.Lapsed = nil
	return writeSpliced(w, j, func(bw *bufio.Writer, _ string) error {
		return writeList(bw, len(list), func(i int, _ *struct{}) *Customer { return &list[i] })
	}, "customers")
}

// LapsedView is the output of winback lapsed: the lapsed customers of rep that it has
// completed (see [Report.CompleteLapsed]), with the lift when summary is set.
func LapsedView(rep *Report, lang string, summary bool) *View {
	js := lapsedJSON{Version: 1, AsOf: rep.AsOf, Lapsed: rep.Lapsed, NotInData: rep.Unavailable, ByStatus: rep.Summary.ByStatus, Model: rep.Model.Note, Filter: rep.Filter}
	if js.Lapsed == nil {
		js.Lapsed = []Customer{}
	}
	if summary {
		js.Lift = rep.Lift
	}
	return &View{Page: lapsedPage(rep, lang, summary), JSON: js, CSV: rep.Lapsed}
}

func lapsedPage(rep *Report, lang string, summary bool) *Page {
	cat := catalogue.ForNoun(lang, catalogue.Noun(rep.Noun))
	t := cat.T
	doc := &Page{Title: t("cli.lapsed-customers")}
	doc.Facts = []Fact{
		{Label: t("cli.as-of"), Value: humanDate(rep.AsOf, lang)},
		{Label: t("cli.customers"), Value: Int(rep.Summary.Customers, lang)},
		{Label: t("cli.lapsed"), Value: Int(rep.Summary.ByStatus["lapsed"], lang)},
		{Label: t("cli.lost"), Value: Int(rep.Summary.ByStatus["lost"], lang)},
	}
	if rep.HasAmounts {
		doc.Facts = append(doc.Facts, Fact{Label: t("cli.value-at-risk-12-months"), Value: Money(minor.Round(rep.Summary.ValueAtRisk*100), lang)})
	}
	doc.Facts = append(doc.Facts, Fact{Label: t("cli.model"), Value: cmp.Or(rep.Model.Model, t("cli.none-usable-judged-by-own-and"))})
	// The rank is the chance back × the value at risk (package calls); both are shown.
	tab := Table{Columns: []string{t("cli.id"), t("cli.segment"), t("cli.last-visit"), t("cli.usual-rhythm-and-now"), t("cli.overdue"), t("cli.value-at-risk"), t("calls.chance-back"), t("cli.ask-about")},
		Numeric: []bool{false, false, false, false, true, true, true, false}}
	for i, c := range rep.Lapsed { // the first LapsedShown are complete
		if i == rep.LapsedShown {
			break
		}
		value := "–"
		if rep.HasAmounts {
			value = Money(minor.Round(c.ValueAtRisk*100), lang)
		}
		labels := make([]string, 0, 3)
		for _, rs := range c.Reasons[:min(3, len(c.Reasons))] {
			labels = append(labels, cat.ReasonLabel(rs.Code))
		}
		tab.Rows = append(tab.Rows, []string{c.ID, c.Segment, humanDate(c.LastVisit, lang), c.Rule, days(c.Overdue, lang), value, Percent(c.ChanceBack, lang), strings.Join(labels, "; ")})
	}
	if rep.Filter != "" { // as the report says it (document.go): the facts above count everyone
		tab.Notes = append(tab.Notes, fmt.Sprintf(t("report.Filtered"), rep.Filter))
	}
	if n := rep.NumLapsed(); rep.LapsedShown >= 0 && n > rep.LapsedShown {
		tab.Notes = append(tab.Notes, fmt.Sprintf(t("cli.n-more-all-are-in-format"), n-rep.LapsedShown))
	}
	if rep.NumLapsed() == 0 {
		tab.Notes = append(tab.Notes, t("cli.nobody-is-lapsed-as-of-this"))
	}
	if rep.Pseudonymized {
		tab.Notes = append(tab.Notes, PseudonymNote(cat))
	}
	doc.Tables = append(doc.Tables, tab)
	doc.Notes = append(doc.Notes, catalogue.For(lang).F("note.model", rep.Model.Note))
	if summary {
		lt := Table{Title: t("cli.what-the-hints-say-about-the"),
			Columns: []string{t("cli.hint"), t("cli.among-lapsed"), t("cli.among-active"), t("cli.times-as-common")},
			Numeric: []bool{false, true, true, true}}
		for _, l := range rep.Lift {
			lift := "–"
			if l.Lift > 0 {
				lift = Decimal(l.Lift, 1, lang)
			} else if l.Lapsed > 0 {
				lift = t("cli.only-among-lapsed")
			}
			lt.Rows = append(lt.Rows, []string{l.Label, Percent(l.LapsedShare, lang) + " (" + strconv.Itoa(l.Lapsed) + ")", Percent(l.ActiveShare, lang) + " (" + strconv.Itoa(l.Active) + ")", lift})
		}
		doc.Tables = append(doc.Tables, lt)
	}
	if len(rep.Unavailable) > 0 {
		labels := make([]string, len(rep.Unavailable))
		for i, code := range rep.Unavailable {
			labels[i] = cat.ReasonLabel(code)
		}
		doc.Notes = append(doc.Notes, t("cli.hints-not-available-in-this-export")+strings.Join(labels, "; "))
	}
	return doc
}

// topReasons joins the questions (or, when not questions, the evidence) of the n heaviest
// findings with a space: the call list's question and evidence columns.
func topReasons(c *catalogue.Catalogue, fs []reason.Finding, n int, questions bool) string {
	var b strings.Builder
	for i := range fs[:min(n, len(fs))] {
		if i > 0 {
			b.WriteByte(' ')
		}
		ev, q := c.Reason(fs[i].Code, &fs[i].Facts)
		if questions {
			ev = q
		}
		b.WriteString(ev)
	}
	return b.String()
}
