package report

import (
	"fmt"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/visit"
	catalogue "github.com/winback/winback/pkg/words"
)

// explainJSON is the JSON document of explain.
type explainJSON struct {
	Version int           `json:"version"`
	AsOf    string        `json:"as_of"`
	ID      string        `json:"id"`
	Segment string        `json:"segment"`
	Verdict lapse.Verdict `json:"verdict"`
	// Explanation says what decided the verdict, in the output's language.
	Explanation string        `json:"explanation"`
	LastVisit   string        `json:"last_visit"`
	Expected    string        `json:"expected_back,omitempty"`
	Next        string        `json:"next_booked,omitempty"`
	Timeline    []timelineRow `json:"timeline"`
	Reasons     []reasonJSON  `json:"reasons"`
	// Model says which model the verdict rests on and why the others are not used, as
	// lapsed's model_note.
	Model string `json:"model_note"`
}

// reasonJSON is a finding in the output's language, as the lapsed list's JSON shows it.
type reasonJSON struct {
	Code     string  `json:"code"`
	Weight   float64 `json:"weight"`
	Evidence string  `json:"evidence"`
	Question string  `json:"question"`
}

// reasonsJSON says fs in the words of c; nil for none.
func reasonsJSON(c *catalogue.Catalogue, fs []reason.Finding) []reasonJSON {
	if len(fs) == 0 {
		return nil
	}
	out := make([]reasonJSON, len(fs))
	for i := range fs {
		ev, q := c.Reason(fs[i].Code, &fs[i].Facts)
		out[i] = reasonJSON{Code: fs[i].Code, Weight: fs[i].Weight, Evidence: ev, Question: q}
	}
	return out
}

type timelineRow struct {
	Date     string `json:"date"`
	Status   string `json:"status"`
	Service  string `json:"service,omitempty"`
	Staff    string `json:"staff,omitempty"`
	Channel  string `json:"channel,omitempty"`
	Amount   string `json:"amount,omitempty"`
	LeadDays *int   `json:"lead_days,omitempty"`
}

// ExplainView is the output of winback explain: customer i of r's story, with their
// contact details unless p names them by pseudonym.
func ExplainView(r *analysis.Result, i int, lang string, noun catalogue.Noun, p *pseudo.Pseudonymizer) *View {
	h := &r.Set.Customers[i]
	v := r.Verdicts[i]
	cat := catalogue.ForNoun(lang, noun)
	t := cat.T
	id := h.Key
	if p != nil {
		id = p.Name(h.Key)
	}
	js := explainJSON{Version: 2, AsOf: r.AsOf.String(), ID: id, Segment: r.SegmentOf(i), Verdict: v,
		LastVisit: v.LastVisit.String(), Reasons: reasonsJSON(cat, r.Findings[i]), Model: cat.ModelNote(r.Models)}
	if v.ExpectedBack != visit.NoDay {
		js.Expected = v.ExpectedBack.String()
	}
	if v.NextBooked != visit.NoDay {
		js.Next = v.NextBooked.String()
	}
	doc := &Page{Title: fmt.Sprintf(t("cli.customer-x"), id)}
	explanation := cat.Explanation(&v)
	js.Explanation = explanation
	doc.Facts = []Fact{
		{Label: t("cli.as-of"), Value: dayText(r.AsOf, lang)},
		{Label: t("cli.status"), Value: t("explain.status." + v.Status.String())},
		{Label: t("cli.why"), Value: explanation + " (" + cat.F("explain.rule", cat.T("rule."+v.Rule.String())) + ")"},
		{Label: t("cli.segment"), Value: SegmentName(r, r.SegmentOf(i), lang)},
		{Label: t("cli.visits"), Value: Int(v.Visits, lang)},
	}
	if v.LastVisit != visit.NoDay {
		doc.Facts = append(doc.Facts, Fact{Label: t("cli.last-visit"), Value: dayText(v.LastVisit, lang)})
	}
	if v.ExpectedBack != visit.NoDay {
		doc.Facts = append(doc.Facts, Fact{Label: t("cli.expected-back-by"), Value: dayText(v.ExpectedBack, lang)})
	}
	if v.NextBooked != visit.NoDay {
		doc.Facts = append(doc.Facts, Fact{Label: t("cli.next-appointment"), Value: dayText(v.NextBooked, lang)})
	}
	if v.PAlive >= 0 {
		doc.Facts = append(doc.Facts, Fact{Label: cat.T("report.PAlive"), Value: Percent(v.PAlive, lang)})
	}
	if r.Set.Columns.Amount {
		doc.Facts = append(doc.Facts, Fact{Label: t("cli.value-of-the-next-12-months"), Value: Money(v.ValueAtRisk, lang) + " (" + cat.T("value-source."+v.ValueSource.String()) + ")"})
	}
	if p == nil {
		ct := h.Details()
		contact := [][2]string{{t("cli.name"), ct.Name}, {t("cli.phone"), ct.Phone}, {t("cli.e-mail"), ct.Email},
			{t("cli.contact-preference"), ct.Preference}, {t("cli.referred-by"), h.Referrer}}
		for _, f := range contact {
			if f[1] != "" {
				doc.Facts = append(doc.Facts, Fact{Label: f[0], Value: f[1]})
			}
		}
	}
	tl := Table{Title: t("cli.appointments"),
		Columns: []string{t("cli.date"), t("cli.status"), t("cli.service"), t("cli.staff"), t("cli.channel"), t("cli.amount"), t("cli.booked-days-ahead")},
		Numeric: []bool{false, false, false, false, false, true, true}}
	var evs []timelineEvent
	for _, e := range h.Events() {
		row := timeline(r.Set, e, r.AsOf, lang)
		evs = append(evs, timelineEvent{Day: e.Day, Status: row.Status})
		js.Timeline = append(js.Timeline, row)
		lead := ""
		if row.LeadDays != nil {
			lead = fmt.Sprint(*row.LeadDays)
		}
		tl.Rows = append(tl.Rows, []string{humanDate(row.Date, lang), catalogue.For(lang).Code("event.", row.Status), row.Service, row.Staff, row.Channel, row.Amount, lead})
	}
	doc.Tables = append(doc.Tables, tl)
	rt := Table{Title: t("cli.what-to-ask-about"), Columns: []string{t("cli.hint"), t("cli.evidence"), t("cli.question")}}
	for _, f := range r.Findings[i] {
		ev, q := cat.Reason(f.Code, &f.Facts)
		rt.Rows = append(rt.Rows, []string{cat.ReasonLabel(f.Code), ev, q})
	}
	if len(rt.Rows) == 0 {
		rt.Notes = append(rt.Notes, t("cli.no-hints-in-this-customers-history"))
	}
	doc.Tables = append(doc.Tables, rt)
	doc.Notes = append(doc.Notes, cat.F("note.model", cat.ModelNote(r.Models)))
	return &View{Page: doc, JSON: js, chart: newTimeline(evs, aliveOverTime(r, i), r.AsOf, cat)}
}

func timeline(set *history.Set, e history.Event, asOf visit.Day, lang string) timelineRow {
	st := e.Status.String()
	if e.IsBooking(asOf) {
		st = "booked"
	} else if e.IsVisit(asOf) {
		st = "attended"
	}
	row := timelineRow{Date: e.Day.String(), Status: st, Service: set.Services.Name(e.Service), Staff: set.Staff.Name(e.Staff), Channel: set.Channels.Name(e.Channel)}
	if set.Columns.Amount && e.Amount != 0 {
		row.Amount = Money(e.Amount, lang)
	}
	if e.Lead != history.NoLead {
		l := int(e.Lead)
		row.LeadDays = &l
	}
	return row
}
