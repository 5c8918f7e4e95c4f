package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	minor "github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/outcome"
	"github.com/winback/winback/pkg/outreach"
	catalogue "github.com/winback/winback/pkg/words"
)

// Outreach is what the filed calls say, for [BuildOptions]: what the customers told us
// and whether calling brings them back.
type Outreach struct {
	Told   *outreach.Told
	Effect *outreach.Effect // nil: nobody was ever on the win-back list
	// Read counts the rows of the filled lists read this run; Rejects are those not used.
	Read *outcome.Result
	// Control is the share kept uncalled; PauseWeeks the weeks a called customer rests.
	Control    float64
	PauseWeeks int
	// Hold says which customers are on no list this month (nil: none).
	Hold func(i int) bool
}

// hold returns o's Hold; nil without o.
func (o *Outreach) hold() func(int) bool {
	if o == nil {
		return nil
	}
	return o.Hold
}

// AnswersPart is the section "What customers told us".
type AnswersPart struct {
	Calls     int `json:"calls"`
	CallsNew  int `json:"calls_new"`
	Reached   int `json:"reached"`
	Rebooked  int `json:"rebooked"`
	WonBack   int `json:"won_back_after_call"`
	Never     int `json:"left_off_for_good"`
	Recently  int `json:"left_off_called_recently"`
	Control   int `json:"control_group"`
	Rows      int `json:"rows_read"`
	NotCalled int `json:"rows_not_called"`
	// NotUsed are the rows not used, as file:line: reason.
	NotUsed    []string    `json:"rows_not_used"`
	Answers    []AnswerRow `json:"answers"`
	PauseWeeks int         `json:"pause_weeks"`
}

// AnswerRow is one answer category.
type AnswerRow struct {
	Code      string     `json:"code"`
	Label     string     `json:"label"`
	ThisTime  int        `json:"this_time"`
	Overall   int        `json:"overall"`
	Hints     []HintSeen `json:"hints_shown"`
	Confirmed int        `json:"confirmed_a_hint"`
}

// HintSeen is a hint shown for the customers who gave an answer.
type HintSeen struct {
	Code      string `json:"code"`
	Label     string `json:"label"`
	Customers int    `json:"customers"`
	Confirmed bool   `json:"confirmed"`
}

// CallingPart is the section "Does calling work?" (see [outreach.Effect]).
type CallingPart struct {
	Fair     bool         `json:"fair"`
	Control  float64      `json:"control_share"`
	Groups   [2]GroupPart `json:"groups"`
	Diff     float64      `json:"difference"`
	Lo       float64      `json:"difference_lo90"`
	Hi       float64      `json:"difference_hi90"`
	Value    float64      `json:"value_difference"`
	ValueLo  float64      `json:"value_difference_lo90"`
	ValueHi  float64      `json:"value_difference_hi90"`
	TooSmall bool         `json:"too_small_to_tell"`
	Verdict  string       `json:"verdict"`
}

// GroupPart is one side of the comparison.
type GroupPart struct {
	Label     string  `json:"label"`
	Customers int     `json:"customers"`
	Back      int     `json:"came_back"`
	Value     float64 `json:"value_since"`
}

// outreachParts lays out what the calls say in c's language.
func outreachParts(o *Outreach, c *catalogue.Catalogue) (*AnswersPart, *CallingPart) {
	return answersPart(o, c), callingPart(o, c)
}

// answersPart is the section "What customers told us"; nil without calls to read.
func answersPart(o *Outreach, c *catalogue.Catalogue) *AnswersPart {
	t := o.Told
	if t == nil {
		return nil
	}
	a := &AnswersPart{Calls: t.Calls, CallsNew: t.CallsMonth, Reached: t.Reached, Rebooked: t.Rebooked, WonBack: t.WonBack,
		Never: t.Held[outreach.Never], Recently: t.Held[outreach.Recently], Control: t.Held[outreach.ControlGroup],
		PauseWeeks: o.PauseWeeks, NotUsed: []string{}, Answers: []AnswerRow{}}
	if o.Read != nil {
		a.Rows, a.NotCalled = o.Read.Rows, o.Read.NotCalled
		for _, r := range o.Read.Rejects {
			a.NotUsed = append(a.NotUsed, r.In(c))
		}
	}
	for _, r := range t.Unmatched {
		a.NotUsed = append(a.NotUsed, r.In(c))
	}
	labels := map[string]string{}
	for _, ac := range catalogue.AnswerCategories() {
		labels[ac.Code] = ac.In(c)
	}
	for _, ans := range t.Answers {
		row := AnswerRow{Code: ans.Code, Label: labels[ans.Code], ThisTime: ans.Month, Overall: ans.Overall, Confirmed: ans.Confirmed, Hints: []HintSeen{}}
		for code, n := range ans.Hints {
			row.Hints = append(row.Hints, HintSeen{Code: code, Label: c.ReasonLabel(code), Customers: n, Confirmed: outreach.Confirms(ans.Code, code)})
		}
		slices.SortFunc(row.Hints, func(x, y HintSeen) int { return cmp.Or(y.Customers-x.Customers, strings.Compare(x.Code, y.Code)) })
		a.Answers = append(a.Answers, row)
	}
	return a
}

// callingPart is the section "Does calling work?": nil when nobody was on the list before
// today, or without a control group when no call was filed.
func callingPart(o *Outreach, c *catalogue.Catalogue) *CallingPart {
	e := o.Effect
	if e == nil || !e.Fair && e.Called.Customers == 0 {
		return nil
	}
	k := &CallingPart{Fair: e.Fair, Control: o.Control, Diff: e.Diff, Lo: e.Lo, Hi: e.Hi,
		Value: round2(e.ValueDiff), ValueLo: round2(e.ValueLo), ValueHi: round2(e.ValueHi), TooSmall: e.TooSmall}
	names := [2]string{c.T("calling.Called"), c.T("calling.NotCalled")}
	if e.Fair {
		names = [2]string{c.T("calling.Listed"), c.T("calling.ControlGroup")}
	}
	for j, g := range []outreach.Group{e.Called, e.Other} {
		k.Groups[j] = GroupPart{Label: names[j], Customers: g.Customers, Back: g.Back, Value: round2(g.Value)}
	}
	pts := func(x float64) string { return signed(x*100, c) }
	switch {
	case e.TooSmall:
		k.Verdict = c.T("calling.TooSmall")
	case !e.Fair:
		k.Verdict = c.F("calling.Unclear", pts(e.Lo), pts(e.Hi))
	case e.Lo > 0:
		k.Verdict = c.F("calling.Helps", pts(e.Diff), pts(e.Lo), pts(e.Hi))
	case e.Hi < 0:
		k.Verdict = c.F("calling.Hurts", pts(e.Lo), pts(e.Hi))
	default:
		k.Verdict = c.F("calling.Unclear", pts(e.Lo), pts(e.Hi))
	}
	if !e.Fair && !e.TooSmall {
		k.Verdict = c.T("calling.AboutUnfair")
	}
	for _, x := range []*float64{&k.Diff, &k.Lo, &k.Hi, &k.Value, &k.ValueLo, &k.ValueHi} {
		if math.IsNaN(*x) {
			*x = 0
		}
	}
	return k
}

// signed formats x with one decimal and its sign.
func signed(x float64, c *catalogue.Catalogue) string {
	s := c.Decimal(math.Abs(x), 1)
	if x < 0 {
		return "−" + s
	}
	return "+" + s
}

// outreachSections are the sections of what the calls say, when there are any.
func (d *doc) outreachSections(r *Report) []*section {
	var out []*section
	if r.Answers != nil {
		out = append(out, d.answersSection(r.Answers))
	}
	if r.Calling != nil {
		out = append(out, d.callingSection(r.Calling, r.HasAmounts))
	}
	return out
}

func (d *doc) answersSection(a *AnswersPart) *section {
	c := d.w.cat
	s := &section{id: "answers", title: c.T("answers.Title"), about: c.T("answers.About")}
	s.facts = []fact{{c.T("answers.Calls"), num(a.Calls)}, {c.T("answers.CallsNew"), num(a.CallsNew)},
		{c.T("answers.Reached"), num(a.Reached)}, {c.T("answers.Rebooked"), num(a.Rebooked)}, {c.T("answers.WonBack"), num(a.WonBack)},
		{c.T("answers.Never"), num(a.Never)}, {c.F("answers.Recently", a.PauseWeeks), num(a.Recently)}}
	if a.Control > 0 {
		s.facts = append(s.facts, fact{c.T("answers.Control"), num(a.Control)})
	}
	t := &table{id: "answers", sheet: c.T("answers.Sheet"), cols: []col{textCol(c.T("answers.Answer")), numCol(c.T("answers.ThisTime")),
		numCol(c.T("answers.Overall")), textCol(c.T("answers.Hints")), numCol(c.T("answers.Confirmed"))}}
	var rows [][]value
	for _, ans := range a.Answers {
		var hints []string
		for _, h := range ans.Hints {
			mark := ""
			if h.Confirmed {
				mark = " ✓"
			}
			hints = append(hints, fmt.Sprintf("%s (%s)%s", h.Label, Int(h.Customers, d.lang), mark))
		}
		rows = append(rows, []value{txt(ans.Label), num(ans.ThisTime), num(ans.Overall), txt(strings.Join(hints, "; ")), num(ans.Confirmed)})
	}
	if len(rows) == 0 {
		t.notes = append(t.notes, c.T("answers.None"))
	}
	s.tables = append(s.tables, staticTable(t, rows))
	if a.Rows > 0 || len(a.NotUsed) > 0 {
		s.notes = append(s.notes, c.F("answers.Rows", Int(a.Rows, d.lang), Int(a.Rows-a.NotCalled-len(a.NotUsed), d.lang), Int(a.NotCalled, d.lang), Int(len(a.NotUsed), d.lang)))
	}
	if len(a.NotUsed) > 0 {
		s.notes = append(s.notes, c.T("answers.NotUsed")+": "+strings.Join(a.NotUsed, "; "))
	}
	return s
}

func (d *doc) callingSection(k *CallingPart, amounts bool) *section {
	c := d.w.cat
	about := c.T("calling.AboutUnfair")
	if k.Fair {
		about = c.F("calling.AboutFair", Percent(k.Control, d.lang))
	}
	s := &section{id: "calling", title: c.T("calling.Title"), about: about}
	cols := []col{textCol(c.T("calling.Group")), numCol(c.T("calling.Customers")), numCol(c.T("calling.Back")), numCol(c.T("calling.Share"))}
	if amounts {
		cols = append(cols, numCol(c.T("calling.Value")), numCol(c.T("calling.PerCustomer")))
	}
	t := &table{id: "calling", sheet: c.T("calling.Sheet"), cols: cols}
	var rows [][]value
	for _, g := range k.Groups {
		sh, per := math.NaN(), math.NaN()
		if g.Customers > 0 {
			sh, per = float64(g.Back)/float64(g.Customers), g.Value/float64(g.Customers)
		}
		row := []value{txt(g.Label), num(g.Customers), num(g.Back), share(sh)}
		if amounts {
			row = append(row, money(g.Value), money(round2(per)))
		}
		rows = append(rows, row)
	}
	pts := func(x float64) string { return signed(x*100, c) }
	diff := []value{txt(c.T("calling.Difference")), txt(""), txt(""), txt(c.F("calling.Points", pts(k.Diff), pts(k.Lo), pts(k.Hi)))}
	if amounts {
		m := func(x float64) string { return Money(minor.Round(x*100), d.lang) }
		diff = append(diff, txt(""), txt(c.F("calling.Range", m(k.Value), m(k.ValueLo), m(k.ValueHi))))
	}
	rows = append(rows, diff)
	s.tables = append(s.tables, staticTable(t, rows))
	s.notes = append(s.notes, k.Verdict, c.T("calling.Method"))
	return s
}
