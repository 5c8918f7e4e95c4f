package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"

	"github.com/winback/winback/pkg/backtest"
	"github.com/winback/winback/pkg/visit"
	catalogue "github.com/winback/winback/pkg/words"
)

// BacktestFormats are the formats of winback backtest: html is a page with the rankings'
// precision as a chart above the tables.
var BacktestFormats = append(slices.Clone(ViewFormats), "html")

// BacktestView is the output of winback backtest: how the verdicts as of bt.AsOf held up
// over the horizon hz (a text such as "6 months") that ends on end.
func BacktestView(bt *backtest.Result, hz string, end visit.Day, lang string, noun catalogue.Noun) *View {
	c := catalogue.ForNoun(lang, noun)
	names := []string{"winback", c.T("backtest.naive"), c.T("backtest.PAlive")}
	return &View{Page: backtestPage(bt, hz, end, c, lang), JSON: backtestDocJSON(bt, hz, end), CSV: backtestRows(bt),
		chart: newBacktestBars(bt, names, c, lang)}
}

// backtestJSON is the JSON document of backtest.
type backtestJSON struct {
	Version int    `json:"version"`
	AsOf    string `json:"as_of"`
	Horizon string `json:"horizon"`
	// HorizonEnd is the as-of date plus the horizon; ObservedTo the last day looked at,
	// earlier when the data end before HorizonEnd.
	HorizonEnd string `json:"horizon_end"`
	ObservedTo string `json:"observed_to"`
	backtestGroupJSON
	// NotJudged counts the customers without a visit by the as-of date.
	NotJudged int `json:"customers_not_judged"`
	// PAlive scores flagging the customers whose model P(alive) is below 0.3; null
	// without a usable model.
	PAlive *backtestScoreJSON  `json:"p_alive_below_0_3"`
	ByRule []backtestGroupJSON `json:"by_rule"`
	Hints  []backtestHintJSON  `json:"hints"`
}

// backtestHintJSON is one hint's lift: of the customers with it, how many did not come
// back, against those without it. Lift is null when everybody without it came back.
type backtestHintJSON struct {
	Code           string   `json:"code"`
	With           int      `json:"customers_with"`
	WithNotBack    int      `json:"with_did_not_come_back"`
	WithShare      float64  `json:"with_share_not_back"`
	Without        int      `json:"customers_without"`
	WithoutNotBack int      `json:"without_did_not_come_back"`
	WithoutShare   float64  `json:"without_share_not_back"`
	Lift           *float64 `json:"lift"`
}

func backtestHintDoc(h backtest.Hint) backtestHintJSON {
	js := backtestHintJSON{Code: h.Code, With: h.With, WithNotBack: h.WithNotBack, Without: h.Without, WithoutNotBack: h.WithoutNotBack}
	if r := ratio(float64(h.WithNotBack)/float64(max(h.With, 1)), h.With); r != nil {
		js.WithShare = *r
	}
	if r := ratio(float64(h.WithoutNotBack)/float64(max(h.Without, 1)), h.Without); r != nil {
		js.WithoutShare = *r
	}
	if l := h.Lift(); !math.IsInf(l, 0) {
		js.Lift = ratio(l, 1)
	}
	return js
}

type backtestGroupJSON struct {
	Rule     string            `json:"rule,omitempty"`
	Judged   int               `json:"customers_judged"`
	NotBack  int               `json:"did_not_come_back"`
	BaseRate float64           `json:"base_rate"`
	Lapsed   int               `json:"lapsed"`
	Lost     int               `json:"lost"`
	Winback  backtestScoreJSON `json:"winback"`
	Naive    backtestScoreJSON `json:"naive_days_since_last_visit"`
	// Overall is the group's share of the naive ranking of all customers (by rule only).
	Overall *backtestScoreJSON `json:"naive_overall,omitempty"`
}

type backtestScoreJSON struct {
	Flagged int `json:"flagged"`
	Hits    int `json:"flagged_did_not_come_back"`
	// Precision is null when nobody was flagged, Recall when everybody came back.
	Precision *float64 `json:"precision"`
	Recall    *float64 `json:"recall"`
}

// ratio rounds a share to four decimals; nil when it is a share of nothing.
func ratio(x float64, of int) *float64 {
	if of == 0 {
		return nil
	}
	r := math.Round(x*1e4) / 1e4
	return &r
}

func backtestScoreDoc(s backtest.Score) backtestScoreJSON {
	return backtestScoreJSON{Flagged: s.Flagged, Hits: s.Hits, Precision: ratio(s.Precision(), s.Flagged), Recall: ratio(s.Recall(), s.NotBack)}
}

func backtestGroupDoc(g backtest.Group) backtestGroupJSON {
	score := backtestScoreDoc
	js := backtestGroupJSON{Judged: g.Judged, NotBack: g.NotBack, Lapsed: g.Lapsed, Lost: g.Lost,
		Winback: score(g.Verdicts), Naive: score(g.Naive)}
	if b := ratio(g.BaseRate(), g.Judged); b != nil {
		js.BaseRate = *b
	}
	if g.Rule != 0 {
		js.Rule = g.Rule.String()
		overall := score(g.Overall)
		js.Overall = &overall
	}
	return js
}

func backtestDocJSON(bt *backtest.Result, hz string, end visit.Day) backtestJSON {
	js := backtestJSON{Version: 1, AsOf: bt.AsOf.String(), Horizon: hz, HorizonEnd: end.String(), ObservedTo: bt.End.String(),
		backtestGroupJSON: backtestGroupDoc(bt.All), NotJudged: bt.Unjudged, ByRule: []backtestGroupJSON{}, Hints: []backtestHintJSON{}}
	for _, h := range bt.Hints {
		js.Hints = append(js.Hints, backtestHintDoc(h))
	}
	for _, g := range bt.ByRule {
		js.ByRule = append(js.ByRule, backtestGroupDoc(g))
	}
	if bt.PAliveUsable {
		p := backtestScoreDoc(bt.PAlive)
		js.PAlive = &p
	}
	return js
}

// backtestRow is one line of backtest --format csv: all customers, then each rule, then
// each hint (rule "hint"): for a hint, customers_judged and did_not_come_back are the
// customers with it, the without_hint columns the others, and the verdicts' columns empty.
type backtestRow struct {
	Rule           string `csv:"rule"`
	Judged         int    `csv:"customers_judged"`
	NotBack        int    `csv:"did_not_come_back"`
	BaseRate       string `csv:"base_rate"`
	Flagged        string `csv:"flagged"`
	Lapsed         string `csv:"lapsed"`
	Lost           string `csv:"lost"`
	Hits           string `csv:"flagged_did_not_come_back"`
	Precision      string `csv:"precision"`
	Recall         string `csv:"recall"`
	NaiveHits      string `csv:"naive_did_not_come_back"`
	NaivePrecision string `csv:"naive_precision"`
	NaiveRecall    string `csv:"naive_recall"`
	OverallFlagged string `csv:"naive_overall_flagged"`
	OverallHits    string `csv:"naive_overall_did_not_come_back"`
	// The P(alive) < 0.3 ranking, on the row of all customers with a usable model only.
	PAliveFlagged   string `csv:"p_alive_flagged"`
	PAliveHits      string `csv:"p_alive_did_not_come_back"`
	PAlivePrecision string `csv:"p_alive_precision"`
	PAliveRecall    string `csv:"p_alive_recall"`
	Hint            string `csv:"hint"`
	WithoutHint     string `csv:"without_hint_customers"`
	WithoutNotBack  string `csv:"without_hint_did_not_come_back"`
	Lift            string `csv:"hint_lift"`
	AsOf            string `csv:"as_of"`
	ObservedTo      string `csv:"observed_to"`
}

func backtestRows(bt *backtest.Result) []backtestRow {
	f := func(x *float64) string {
		if x == nil {
			return ""
		}
		return strconv.FormatFloat(*x, 'f', 4, 64)
	}
	var rows []backtestRow
	for _, g := range append([]backtest.Group{bt.All}, bt.ByRule...) {
		js := backtestGroupDoc(g)
		n := strconv.Itoa
		rows = append(rows, backtestRow{Rule: cmp.Or(js.Rule, "all"), Judged: js.Judged, NotBack: js.NotBack, BaseRate: f(&js.BaseRate),
			Flagged: n(js.Winback.Flagged), Lapsed: n(js.Lapsed), Lost: n(js.Lost), Hits: n(js.Winback.Hits), Precision: f(js.Winback.Precision), Recall: f(js.Winback.Recall),
			NaiveHits: n(js.Naive.Hits), NaivePrecision: f(js.Naive.Precision), NaiveRecall: f(js.Naive.Recall),
			OverallFlagged: n(g.Overall.Flagged), OverallHits: n(g.Overall.Hits),
			AsOf: bt.AsOf.String(), ObservedTo: bt.End.String()})
	}
	if bt.PAliveUsable {
		p := backtestScoreDoc(bt.PAlive)
		all := &rows[0]
		all.PAliveFlagged, all.PAliveHits = strconv.Itoa(p.Flagged), strconv.Itoa(p.Hits)
		all.PAlivePrecision, all.PAliveRecall = f(p.Precision), f(p.Recall)
	}
	for _, h := range bt.Hints {
		js := backtestHintDoc(h)
		rows = append(rows, backtestRow{Rule: "hint", Hint: h.Code, Judged: h.With, NotBack: h.WithNotBack, BaseRate: f(&js.WithShare),
			WithoutHint: strconv.Itoa(h.Without), WithoutNotBack: strconv.Itoa(h.WithoutNotBack), Lift: f(js.Lift),
			AsOf: bt.AsOf.String(), ObservedTo: bt.End.String()})
	}
	return rows
}

func backtestPage(bt *backtest.Result, hz string, end visit.Day, c *catalogue.Catalogue, lang string) *Page {
	t := c.T
	cols := func(keys ...string) []string {
		out := make([]string, len(keys))
		for i, k := range keys {
			out[i] = t("backtest.col." + k)
		}
		return out
	}
	percent := "%"
	if c.German() {
		percent = " %"
	}
	pct := func(x float64, of int) string {
		if of == 0 {
			return "–"
		}
		return Decimal(x*100, 1, lang) + percent
	}
	all := bt.All
	horizonText := fmt.Sprintf(t("backtest.horizon-to"), hz, dayText(end, lang))
	if bt.End < end {
		horizonText = fmt.Sprintf(t("backtest.horizon-cut"), hz, dayText(end, lang), dayText(bt.End, lang))
	}
	doc := &Page{Title: t("backtest.title")}
	doc.Facts = []Fact{
		{Label: t("backtest.as-of"), Value: dayText(bt.AsOf, lang)},
		{Label: t("backtest.horizon"), Value: horizonText},
		{Label: t("backtest.judged"), Value: Int(all.Judged, lang)},
		{Label: t("backtest.not-back"), Value: fmt.Sprintf("%s (%s)", Int(all.NotBack, lang), pct(all.BaseRate(), all.Judged))},
		{Label: t("backtest.flagged"), Value: fmt.Sprintf(t("backtest.lapsed-lost"), Int(all.Verdicts.Flagged, lang), Int(all.Lapsed, lang), Int(all.Lost, lang))},
	}
	row := func(name string, s backtest.Score) []string {
		return []string{name, Int(s.Flagged, lang), Int(s.Hits, lang), pct(s.Precision(), s.Flagged), pct(s.Recall(), s.NotBack)}
	}
	tab := Table{Title: t("backtest.at-count"), Columns: cols("ranking", "flagged", "flagged-gone", "precision", "recall"), Numeric: []bool{false, true, true, true, true},
		Rows: [][]string{row("winback", all.Verdicts), row(t("backtest.naive"), all.Naive)}}
	tab.Notes = append(tab.Notes, t("backtest.naive-note"))
	if bt.PAliveUsable {
		tab.Rows = append(tab.Rows, row(t("backtest.PAlive"), bt.PAlive))
		tab.Notes = append(tab.Notes, t("backtest.PAliveNote"))
	} else {
		tab.Notes = append(tab.Notes, t("backtest.PAliveNone"))
	}
	switch {
	case bt.Unjudged == 1:
		tab.Notes = append(tab.Notes, t("backtest.unjudged-one"))
	case bt.Unjudged > 1:
		tab.Notes = append(tab.Notes, fmt.Sprintf(t("backtest.unjudged"), Int(bt.Unjudged, lang)))
	}
	doc.Tables = append(doc.Tables, tab)
	rules := Table{Title: t("backtest.by-rule"), Columns: cols("rule", "customers", "not-back", "flagged", "precision", "recall", "naive-precision", "naive-flagged", "naive-hits"), Numeric: []bool{false, true, true, true, true, true, true, true, true}}
	for _, g := range bt.ByRule {
		rules.Rows = append(rules.Rows, []string{(&words{c}).rule(g.Rule.String()), Int(g.Judged, lang), fmt.Sprintf("%s (%s)", Int(g.NotBack, lang), pct(g.BaseRate(), g.Judged)),
			Int(g.Verdicts.Flagged, lang), pct(g.Verdicts.Precision(), g.Verdicts.Flagged), pct(g.Verdicts.Recall(), g.NotBack),
			pct(g.Naive.Precision(), g.Naive.Flagged), Int(g.Overall.Flagged, lang), pct(g.Overall.Precision(), g.Overall.Flagged)})
	}
	rules.Notes = append(rules.Notes, t("backtest.by-rule-note"))
	doc.Tables = append(doc.Tables, rules, backtestHintTable(bt, c, pct, lang))
	return doc
}

// backtestHintTable is the hints' lift: how much more often the customers with each hint
// did not come back than those without it.
func backtestHintTable(bt *backtest.Result, c *catalogue.Catalogue, pct func(float64, int) string, lang string) Table {
	tab := Table{Title: c.T("backtest.Hints"),
		Columns: []string{c.T("backtest.Hint"), c.T("backtest.HintWith"), c.T("backtest.HintWithGone"), c.T("backtest.HintWithoutGone"), c.T("backtest.HintLift")},
		Numeric: []bool{false, true, true, true, true}}
	for _, h := range bt.Hints {
		lift := "–"
		if l := h.Lift(); !math.IsInf(l, 0) {
			lift = Decimal(l, 2, lang)
		}
		tab.Rows = append(tab.Rows, []string{c.ReasonLabel(h.Code), Int(h.With, lang),
			fmt.Sprintf("%s (%s)", Int(h.WithNotBack, lang), pct(float64(h.WithNotBack)/float64(max(h.With, 1)), h.With)),
			pct(float64(h.WithoutNotBack)/float64(max(h.Without, 1)), h.Without), lift})
	}
	if len(tab.Rows) == 0 {
		tab.Notes = append(tab.Notes, c.T("backtest.HintsNone"))
	} else {
		tab.Notes = append(tab.Notes, c.T("backtest.HintsNote"))
	}
	return tab
}
