package report

import (
	"fmt"
	"strconv"

	"github.com/winback/winback/pkg/backtest"
)

// Reliability is the report's "How reliable is this?": the lapse backtest of winback
// backtest, cut one horizon before the report's as-of date, or why it is missing.
type Reliability struct {
	// Missing says why there is no backtest: "too_many" (more than Limit),
	// "off" (a limit of 0) or "too_short" (the data do not reach one horizon back).
	Missing   string `json:"missing,omitempty"`
	Customers int    `json:"customers,omitempty"`
	Limit     int    `json:"limit,omitempty"`
	Horizon   string `json:"horizon"`
	// HorizonMonths is the horizon in months, for the sentence.
	HorizonMonths int                `json:"-"`
	AsOf          string             `json:"as_of,omitempty"`
	ObservedTo    string             `json:"observed_to,omitempty"`
	Judged        int                `json:"customers_judged,omitempty"`
	NotBack       int                `json:"did_not_come_back,omitempty"`
	Winback       *backtestScoreJSON `json:"winback,omitempty"`
	Naive         *backtestScoreJSON `json:"naive_days_since_last_visit,omitempty"`
	PAlive        *backtestScoreJSON `json:"p_alive_below_0_3,omitempty"`

	bt *backtest.Result // for the html chart
}

// ReliabilityOf is the section of the backtest bt over a horizon of months.
func ReliabilityOf(bt *backtest.Result, months int) *Reliability {
	score := func(s backtest.Score) *backtestScoreJSON { js := backtestScoreDoc(s); return &js }
	r := &Reliability{Horizon: strconv.Itoa(months) + "m", HorizonMonths: months, AsOf: bt.AsOf.String(), ObservedTo: bt.End.String(),
		Judged: bt.All.Judged, NotBack: bt.All.NotBack, Winback: score(bt.All.Verdicts), Naive: score(bt.All.Naive), bt: bt}
	if bt.PAliveUsable {
		r.PAlive = score(bt.PAlive)
	}
	return r
}

// ReliabilityMissing is the section without a backtest, saying why (see [Reliability.Missing]).
func ReliabilityMissing(why string, customers, limit, months int) *Reliability {
	return &Reliability{Missing: why, Customers: customers, Limit: limit, Horizon: strconv.Itoa(months) + "m", HorizonMonths: months}
}

// reliable is the section "How reliable is this?"; nil when the report has no Reliability.
func (d *doc) reliable(r *Report) []*section {
	rl := r.Reliability
	if rl == nil {
		return nil
	}
	c := d.w.cat
	s := &section{id: "reliable", title: c.T("reliable.Title")}
	if rl.Missing != "" {
		note := c.T("reliable.Missing." + rl.Missing)
		switch rl.Missing {
		case "too_many":
			note = fmt.Sprintf(note, Int(rl.Customers, d.lang), Int(rl.Limit, d.lang))
		case "too_short":
			note = fmt.Sprintf(note, rl.HorizonMonths)
		}
		s.about = note
		return []*section{s}
	}
	day := humanDate(rl.AsOf, d.lang)
	s.facts = append(s.facts,
		fact{c.T("reliable.AsOf"), txt(fmt.Sprintf(c.T("reliable.AsOfValue"), day, rl.HorizonMonths, humanDate(rl.ObservedTo, d.lang)))},
		fact{c.T("reliable.Judged"), num(rl.Judged)},
		fact{c.T("reliable.Flagged"), num(rl.Winback.Flagged)})
	s.about = fmt.Sprintf(c.T("reliable.Sentence"), Int(rl.Winback.Flagged, d.lang), day,
		Int(rl.Winback.Hits, d.lang), rl.HorizonMonths, Int(rl.Naive.Hits, d.lang))
	t := &table{id: "reliable-table", sheet: c.T("reliable.Sheet"), title: c.T("reliable.Rankings"), about: c.T("reliable.About"),
		cols: []col{textCol(c.T("reliable.Ranking")), numCol(c.T("reliable.FlaggedCol")), numCol(c.T("reliable.Hits")), numCol(c.T("reliable.Precision")), numCol(c.T("reliable.Recall"))}}
	row := func(name string, s *backtestScoreJSON) []value {
		v := func(x *float64) value {
			if x == nil {
				return share(-1)
			}
			return share(*x)
		}
		return []value{txt(name), num(s.Flagged), num(s.Hits), v(s.Precision), v(s.Recall)}
	}
	rows := [][]value{row("winback", rl.Winback), row(c.T("reliable.Naive"), rl.Naive)}
	if rl.PAlive != nil {
		rows = append(rows, row(c.T("backtest.PAlive"), rl.PAlive))
	}
	t.notes = append(t.notes, c.T("reliable.Note"))
	s.tables = append(s.tables, staticTable(t, rows))
	return []*section{s}
}

// reliableChart is the precision chart of the section's backtest, for html.
func reliableChart(r *Report, d *doc) []htmlBlock {
	rl := r.Reliability
	if rl == nil || rl.bt == nil {
		return nil
	}
	c := d.w.cat
	names := []string{"winback", c.T("reliable.Naive"), c.T("backtest.PAlive")}
	return []htmlBlock{{Title: c.T("backtest.Chart"), Chart: newBacktestBars(rl.bt, names, c, d.lang)}}
}
