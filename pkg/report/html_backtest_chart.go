package report

import (
	"fmt"

	"github.com/winback/winback/pkg/backtest"
	catalogue "github.com/winback/winback/pkg/words"
)

// newBacktestBars draws the precision of the backtest's rankings as horizontal bars from 0
// to 100%, each with its share and count beside it, and the base rate (flagging at
// random) as a dashed line.
func newBacktestBars(bt *backtest.Result, names []string, cat *catalogue.Catalogue, lang string) *svgChart {
	scores := []backtest.Score{bt.All.Verdicts, bt.All.Naive}
	if bt.PAliveUsable {
		scores = append(scores, bt.PAlive)
	}
	names = names[:len(scores)]
	const width, rowH, top, bottom = 960.0, 44.0, 24.0, 64.0
	nameW := 0.0
	for _, n := range names {
		nameW = max(nameW, labelWidth(n, 18))
	}
	left := min(nameW+16, 360)
	right := width - labelWidth("100,0 % (99.999)", 16) - 16
	plotH := rowH * float64(len(scores))
	c := &svgChart{ID: "backtest-bars", Label: cat.T("backtest.Chart"), W: width, H: int(top + plotH + bottom)}
	x := func(share float64) float64 { return left + share*(right-left) }
	pct := func(share float64) string {
		return Decimal(share*100, 1, lang) + map[bool]string{true: " %", false: "%"}[lang == "de"]
	}
	for _, t := range []float64{0, 0.25, 0.5, 0.75, 1} {
		c.line(x(t), top, x(t), top+plotH, "grid")
		c.text(x(t), top+plotH+22, Decimal(t*100, 0, lang)+map[bool]string{true: " %", false: "%"}[lang == "de"], "middle", "")
	}
	c.line(left, top-4, left, top+plotH, "axis")
	for i, s := range scores {
		y := top + float64(i)*rowH
		c.text(left-12, y+rowH/2+6, names[i], "end", "")
		if s.Flagged == 0 {
			c.text(left+6, y+rowH/2+6, "–", "start", "value")
			continue
		}
		p := s.Precision()
		label := fmt.Sprintf("%s (%s)", pct(p), Int(s.Flagged, lang))
		c.rect(left, y+7, x(p)-left, rowH-14, "bar", names[i]+": "+label)
		c.text(x(p)+6, y+rowH/2+6, label, "start", "value")
	}
	if bt.All.Judged > 0 {
		b := bt.All.BaseRate()
		c.line(x(b), top-4, x(b), top+plotH+4, "asof")
		c.text(x(b), top+plotH+48, cat.T("backtest.ChartBase")+" "+pct(b), "middle", "")
	}
	return c
}
