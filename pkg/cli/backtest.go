package cli

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/backtest"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/render"
	"github.com/winback/winback/pkg/visit"
)

type backtestOptions struct {
	a       *app
	input   inputOptions
	out     outputOptions
	an      analysisOptions
	horizon string
	files   []string
}

func newBacktestCmd(a *app) *cobra.Command {
	o := &backtestOptions{a: a}
	c := &cobra.Command{
		Use:   "backtest FILE...",
		Short: "Check the lapse verdicts against who came back, and against counting days",
		Long: `Backtest judges every customer as of --as-of, on the data as they stood that day (later
rows count only if they were booked by then), and then looks at the whole export to see
who came back: a visit in the --horizon after the as-of date. Without --as-of, the as-of
date is the export's last day minus the horizon, so that the horizon is fully observed.

It reports, of the customers judged lapsed or lost, the share who did not come back
(precision) and, of all who did not come back, the share that were flagged (recall);
the same for the naive ranking by days since the last visit that flags as many
customers (ties by id); and the share who did not come back at all (base rate). By rule,
"in rule" ranks by days only the customers that rule decided, so both compare orderings
of the same customers; "overall" counts the rule's customers among those the ranking of
all customers flags, so each rule's hits won or lost add up to the difference.

--horizon is a number and a unit: d (days), w (weeks), m (months) or y (years). The
lapse thresholds are the flags of winback lapsed.`,
		Example: `  # the practice as of the end of 2024, six months later
  winback backtest --as-of 2024-12-31 testdata/praxis/praxis.csv

  # CDNOW as in the literature: judged on 1997-09-30, checked to the end of the data
  winback backtest --as-of 1997-09-30 --horizon 9m CDNOW_master.txt

  # the figures for a script
  winback backtest --format json export.csv`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error { return runBacktest(o) }),
	}
	o.input.bind(c)
	o.out.bind(c, render.Formats)
	o.an.bind(c)
	c.Flags().StringVar(&o.horizon, "horizon", "6m", "how long after the as-of date a visit counts as coming back: e.g. 90d, 26w, 6m, 1y")
	return c
}

// horizon is a span of days, weeks, months or years.
type horizon struct {
	n    int
	unit byte // 'd', 'w', 'm' or 'y'
}

var horizonPattern = regexp.MustCompile(`^([1-9][0-9]{0,3})([dwmy])$`)

func parseHorizon(s string) (horizon, error) {
	m := horizonPattern.FindStringSubmatch(s)
	if m == nil {
		return horizon{}, usagef("write it as a number and d, w, m or y, e.g. --horizon 6m", "--horizon %q is not a span", s)
	}
	n, _ := strconv.Atoi(m[1])
	return horizon{n: n, unit: m[2][0]}, nil
}

// from returns the day the horizon ends after d (sign 1) or begins before d (sign -1).
// Months and years are calendar months and years, and a day the month does not have is
// its last: 31 August less 6 months is 28 February, which plus 6 months is still within
// August.
func (h horizon) from(d visit.Day, sign int) visit.Day {
	n := sign * h.n
	switch h.unit {
	case 'd':
		return d + visit.Day(n)
	case 'w':
		return d + visit.Day(7*n)
	case 'm':
		return addMonths(d, n)
	}
	return addMonths(d, 12*n)
}

func addMonths(d visit.Day, n int) visit.Day {
	y, m, day := d.Date()
	first := time.Date(y, time.Month(m)+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return visit.DayFromTime(first.AddDate(0, 0, min(day, last)-1))
}

func (h horizon) String() string { return strconv.Itoa(h.n) + string(h.unit) }

func runBacktest(o *backtestOptions) error {
	io := o.a.io
	lang, err := o.out.language(io)
	if err != nil {
		return err
	}
	format, err := o.out.formatName(render.Formats)
	if err != nil {
		return err
	}
	hz, err := parseHorizon(o.horizon)
	if err != nil {
		return err
	}
	if err := checkOutputs(io, o.files, o.out.output, o.input.rejects); err != nil {
		return err
	}
	opt, err := o.an.options(o.a)
	if err != nil {
		return err
	}
	res, err := readExportsFor(io, o.files, &o.input, readFor{noContacts: true})
	if err != nil {
		return err
	}
	full := res.Set // who came back is in the rows after the as-of date
	last := full.TakenOn().Day
	if last == visit.NoDay {
		return usagef("check that the status column marks attended visits", "the data has no recorded visit to check the verdicts against")
	}
	if o.out.asOf == "" {
		d := hz.from(last, -1)
		if d < full.FirstDay {
			return usagef("use a shorter --horizon, or name the date with --as-of",
				"the data span %s to %s, less than the horizon %s", full.FirstDay, last, hz)
		}
		o.out.asOf = d.String()
	}
	asOf, err := o.out.asOfDay(io, res)
	if err != nil {
		return err
	}
	if asOf >= last {
		return usagef(fmt.Sprintf("name a date before %s with --as-of", last),
			"--as-of %s leaves nothing to check: the data end on %s", asOf, last)
	}
	end := hz.from(asOf, 1)
	observed := min(end, last)
	if end > last && !io.Quiet {
		fmt.Fprintf(io.ErrOut, "winback: warning: the horizon %s ends on %s, after the data (%s): a customer who comes back after %s counts as not back\n", hz, end, last, last)
		fmt.Fprintf(io.ErrOut, "winback: hint: use an earlier --as-of or a shorter --horizon, or leave out --as-of\n")
	}
	opt.AsOf = asOf
	r, err := analysis.Run(res.Set, opt)
	if err != nil {
		return noVisits(fmt.Errorf("analysis: %w", err), asOf)
	}
	bt, err := backtest.Measure(full, r.Verdicts, asOf, observed)
	if err != nil {
		if errors.Is(err, backtest.ErrNoHorizon) {
			return usagef("name an earlier --as-of", "%v", err)
		}
		return err
	}
	w := backtestWordsFor(lang)
	out := &render.Output{Doc: backtestDoc(bt, hz, end, w, lang), JSON: backtestDocJSON(bt, hz, end), CSV: backtestRows(bt)}
	return o.out.emit(io, format, lang, out)
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
	NotJudged int                 `json:"customers_not_judged"`
	ByRule    []backtestGroupJSON `json:"by_rule"`
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

func backtestGroupDoc(g backtest.Group) backtestGroupJSON {
	score := func(s backtest.Score) backtestScoreJSON {
		return backtestScoreJSON{Flagged: s.Flagged, Hits: s.Hits, Precision: ratio(s.Precision(), s.Flagged), Recall: ratio(s.Recall(), s.NotBack)}
	}
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

func backtestDocJSON(bt *backtest.Result, hz horizon, end visit.Day) backtestJSON {
	js := backtestJSON{Version: 1, AsOf: bt.AsOf.String(), Horizon: hz.String(), HorizonEnd: end.String(), ObservedTo: bt.End.String(),
		backtestGroupJSON: backtestGroupDoc(bt.All), NotJudged: bt.Unjudged, ByRule: []backtestGroupJSON{}}
	for _, g := range bt.ByRule {
		js.ByRule = append(js.ByRule, backtestGroupDoc(g))
	}
	return js
}

// backtestRow is one line of backtest --format csv: all customers, then each rule.
type backtestRow struct {
	Rule           string `csv:"rule"`
	Judged         int    `csv:"customers_judged"`
	NotBack        int    `csv:"did_not_come_back"`
	BaseRate       string `csv:"base_rate"`
	Flagged        int    `csv:"flagged"`
	Lapsed         int    `csv:"lapsed"`
	Lost           int    `csv:"lost"`
	Hits           int    `csv:"flagged_did_not_come_back"`
	Precision      string `csv:"precision"`
	Recall         string `csv:"recall"`
	NaiveHits      int    `csv:"naive_did_not_come_back"`
	NaivePrecision string `csv:"naive_precision"`
	NaiveRecall    string `csv:"naive_recall"`
	OverallFlagged int    `csv:"naive_overall_flagged"`
	OverallHits    int    `csv:"naive_overall_did_not_come_back"`
	AsOf           string `csv:"as_of"`
	ObservedTo     string `csv:"observed_to"`
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
		rule := js.Rule
		if rule == "" {
			rule = "all"
		}
		rows = append(rows, backtestRow{Rule: rule, Judged: js.Judged, NotBack: js.NotBack, BaseRate: f(&js.BaseRate),
			Flagged: js.Winback.Flagged, Lapsed: js.Lapsed, Lost: js.Lost, Hits: js.Winback.Hits, Precision: f(js.Winback.Precision), Recall: f(js.Winback.Recall),
			NaiveHits: js.Naive.Hits, NaivePrecision: f(js.Naive.Precision), NaiveRecall: f(js.Naive.Recall),
			OverallFlagged: g.Overall.Flagged, OverallHits: g.Overall.Hits,
			AsOf: bt.AsOf.String(), ObservedTo: bt.End.String()})
	}
	return rows
}

func backtestDoc(bt *backtest.Result, hz horizon, end visit.Day, w backtestWords, lang string) *render.Doc {
	day := func(d visit.Day) string {
		if lang == "de" {
			return d.German()
		}
		return d.String()
	}
	pct := func(x float64, of int) string {
		if of == 0 {
			return "–"
		}
		return render.Decimal(x*100, 1, lang) + w.percent
	}
	all := bt.All
	horizonText := fmt.Sprintf(w.horizonTo, hz, day(end))
	if bt.End < end {
		horizonText = fmt.Sprintf(w.horizonCut, hz, day(end), day(bt.End))
	}
	doc := &render.Doc{Title: w.title}
	doc.Facts = []render.Fact{
		{Label: w.asOf, Value: day(bt.AsOf)},
		{Label: w.horizon, Value: horizonText},
		{Label: w.judged, Value: render.Int(all.Judged, lang)},
		{Label: w.notBack, Value: fmt.Sprintf(w.baseRate, render.Int(all.NotBack, lang), pct(all.BaseRate(), all.Judged))},
		{Label: w.flagged, Value: fmt.Sprintf(w.lapsedLost, render.Int(all.Verdicts.Flagged, lang), render.Int(all.Lapsed, lang), render.Int(all.Lost, lang))},
	}
	row := func(name string, s backtest.Score) []string {
		return []string{name, render.Int(s.Flagged, lang), render.Int(s.Hits, lang), pct(s.Precision(), s.Flagged), pct(s.Recall(), s.NotBack)}
	}
	tab := render.Table{Title: w.atCount, Columns: w.scoreColumns, Numeric: []bool{false, true, true, true, true},
		Rows: [][]string{row("winback", all.Verdicts), row(w.naive, all.Naive)}}
	tab.Notes = append(tab.Notes, w.naiveNote)
	switch {
	case bt.Unjudged == 1:
		tab.Notes = append(tab.Notes, w.unjudgedOne)
	case bt.Unjudged > 1:
		tab.Notes = append(tab.Notes, fmt.Sprintf(w.unjudged, render.Int(bt.Unjudged, lang)))
	}
	doc.Tables = append(doc.Tables, tab)
	rules := render.Table{Title: w.byRule, Columns: w.ruleColumns, Numeric: []bool{false, true, true, true, true, true, true, true, true}}
	for _, g := range bt.ByRule {
		rules.Rows = append(rules.Rows, []string{w.rule(g.Rule), render.Int(g.Judged, lang), fmt.Sprintf(w.baseRate, render.Int(g.NotBack, lang), pct(g.BaseRate(), g.Judged)),
			render.Int(g.Verdicts.Flagged, lang), pct(g.Verdicts.Precision(), g.Verdicts.Flagged), pct(g.Verdicts.Recall(), g.NotBack),
			pct(g.Naive.Precision(), g.Naive.Flagged), render.Int(g.Overall.Flagged, lang), pct(g.Overall.Precision(), g.Overall.Flagged)})
	}
	rules.Notes = append(rules.Notes, w.byRuleNote)
	doc.Tables = append(doc.Tables, rules)
	return doc
}

// backtestWords are the backtest's texts in one language. They live here, not in a
// catalogue, until the command's words join the others.
type backtestWords struct {
	title, asOf, horizon, horizonTo, horizonCut, judged, notBack, baseRate, flagged, lapsedLost string
	atCount, naive, naiveNote, unjudged, unjudgedOne, byRule, byRuleNote, percent               string
	scoreColumns, ruleColumns                                                                   []string
	rules                                                                                       map[lapse.Rule]string
}

func (w backtestWords) rule(r lapse.Rule) string {
	if s, ok := w.rules[r]; ok {
		return s
	}
	return r.String()
}

func backtestWordsFor(lang string) backtestWords {
	if lang == "de" {
		return backtestWords{
			title: "Rückblick-Test: Sind die markierten Kunden wiedergekommen?", asOf: "Stichtag", horizon: "Zeitraum danach",
			horizonTo: "%s, bis %s", horizonCut: "%s, bis %s; die Daten enden am %s", judged: "beurteilte Kunden",
			notBack: "nicht wiedergekommen", baseRate: "%s (%s)", flagged: "markiert", lapsedLost: "%s (%s überfällig, %s verloren)",
			atCount: "Bei gleich vielen markierten Kunden", naive: "Tage seit dem letzten Besuch",
			naiveNote: "Tage seit dem letzten Besuch: die Kunden mit dem längsten Abstand, so viele wie winback markiert, bei Gleichstand nach Nummer.",
			unjudged:  "%s Kunden ohne Besuch bis zum Stichtag sind nicht beurteilt.", unjudgedOne: "Ein Kunde ohne Besuch bis zum Stichtag ist nicht beurteilt.",
			byRule: "Nach der Regel, die entschied", byRuleNote: "„nach Tagen, in der Regel“ markiert so viele Kunden dieser Regel wie winback, nach Tagen seit dem letzten Besuch; „nach Tagen, insgesamt“ sind die Kunden der Regel unter denen, die die Rangfolge aller Kunden markiert.",
			percent:      " %",
			scoreColumns: []string{"Rangfolge", "markiert", "davon nicht wiedergekommen", "Präzision", "Trefferquote"},
			ruleColumns:  []string{"Regel", "Kunden", "nicht wiedergekommen", "markiert", "Präzision", "Trefferquote", "Präzision nach Tagen, in der Regel", "markiert nach Tagen, insgesamt", "deren Präzision"},
			rules: map[lapse.Rule]string{lapse.RuleBooked: "Termin gebucht", lapse.RuleCourse: "abgeschlossene Behandlungsserie", lapse.RuleOwnRhythm: "eigener Rhythmus",
				lapse.RuleRecall: "Recall-Intervall der Leistung", lapse.RuleModel: "Wiederkaufmodell", lapse.RulePopulation: "Abstände aller Kunden"},
		}
	}
	return backtestWords{
		title: "Backtest: did the flagged customers come back?", asOf: "as of", horizon: "horizon",
		horizonTo: "%s, to %s", horizonCut: "%s, to %s; the data end on %s", judged: "customers judged",
		notBack: "did not come back", baseRate: "%s (%s)", flagged: "flagged", lapsedLost: "%s (%s lapsed, %s lost)",
		atCount: "At the same number flagged", naive: "days since last visit",
		naiveNote: "Days since last visit: the customers away longest, as many as winback flags, ties by id.",
		unjudged:  "%s customers without a visit by the as-of date are not judged.", unjudgedOne: "1 customer without a visit by the as-of date is not judged.",
		byRule: "By the rule that decided", byRuleNote: "\"By days, in rule\" flags as many of the rule's customers as winback, by days since the last visit; \"by days, overall\" are the rule's customers among those the ranking of all customers flags.",
		percent:      "%",
		scoreColumns: []string{"ranking", "flagged", "did not come back", "precision", "recall"},
		ruleColumns:  []string{"rule", "customers", "did not come back", "flagged", "precision", "recall", "precision by days, in rule", "flagged by days, overall", "their precision"},
		rules: map[lapse.Rule]string{lapse.RuleBooked: "appointment booked", lapse.RuleCourse: "finished course of treatment", lapse.RuleOwnRhythm: "their own rhythm",
			lapse.RuleRecall: "recall interval of the service", lapse.RuleModel: "repeat-buying model", lapse.RulePopulation: "everyone's gaps"},
	}
}
