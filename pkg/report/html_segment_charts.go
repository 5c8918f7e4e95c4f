package report

import (
	"fmt"
	"slices"
	"strings"

	minor "github.com/winback/winback/pkg/money"
)

// newSegmentBars draws each segment's size and, with amounts, its revenue as horizontal
// bars side by side, the segments in the table's order: which segments are big, and which
// bring the money.
func newSegmentBars(rows []SegmentRow, hasAmounts bool, w *words, lang string) *svgChart {
	const width, rowH, top = 960.0, 34.0, 56.0
	nameW := 0.0
	for _, r := range rows {
		nameW = max(nameW, labelWidth(r.Name, 18))
	}
	left := min(nameW+16, 300)
	c := &svgChart{ID: "segment-bars", Label: w.T("report.SegmentBars"), W: width, H: int(top + rowH*float64(len(rows)) + 16)}
	type panel struct {
		title string
		get   func(SegmentRow) float64
		text  func(SegmentRow) string
	}
	panels := []panel{{w.T("report.Count"), func(r SegmentRow) float64 { return float64(r.Customers) }, func(r SegmentRow) string { return Int(r.Customers, lang) }}}
	if hasAmounts {
		panels = append(panels, panel{w.T("report.Revenue"), func(r SegmentRow) float64 { return r.Revenue }, func(r SegmentRow) string { return Money(minor.Round(r.Revenue*100), lang) }})
	}
	panelW := (width - left) / float64(len(panels))
	for i, r := range rows {
		c.text(left-12, top+float64(i)*rowH+rowH/2+6, r.Name, "end", "")
	}
	for k, p := range panels {
		x0 := left + float64(k)*panelW
		top0 := 0.0
		for _, r := range rows {
			top0 = max(top0, p.get(r))
		}
		// Room on the right of the longest bar for its number.
		barMax := panelW - 20 - labelWidth(p.text(SegmentRow{Revenue: top0, Customers: int(top0)}), 16) - 12
		c.text(x0+4, top-20, p.title, "start", "panel-title")
		c.line(x0, top-4, x0, top+rowH*float64(len(rows)), "axis")
		for i, r := range rows {
			bw := 0.0
			if top0 > 0 {
				bw = p.get(r) / top0 * barMax
			}
			y := top + float64(i)*rowH
			c.rect(x0, y+5, bw, rowH-10, "bar", r.Name+": "+p.text(r))
			c.text(x0+bw+6, y+rowH/2+6, p.text(r), "start", "value")
		}
	}
	return c
}

// newDistributions draws how the customers spread over F (visit days) and, with amounts,
// M (total spend): the R, F and M of the segments as the rfm package's report shows
// them, R being the recency histogram.
func newDistributions(cd *chartData, w *words, lang string) *svgChart {
	const width, height = 960.0, 330.0
	const top, bottom, left = 48.0, 78.0, 64.0
	c := &svgChart{ID: "rfm-distributions", Label: w.T("report.Distributions"), W: width, H: height}
	type panel struct {
		title  string
		labels []string
		counts []int
	}
	var ps []panel
	f := panel{title: w.T("report.Visits"), counts: cd.Freq}
	for i, e := range cd.FreqEdges {
		switch {
		case i == len(cd.FreqEdges)-1:
			f.labels = append(f.labels, fmt.Sprintf("%d+", e))
		case cd.FreqEdges[i+1] == e+1:
			f.labels = append(f.labels, Int(e, lang))
		default:
			f.labels = append(f.labels, fmt.Sprintf("%d–%d", e, cd.FreqEdges[i+1]-1))
		}
	}
	ps = append(ps, f)
	if len(cd.Money) > 0 {
		m := panel{title: w.T("report.SpendAxis"), counts: cd.Money}
		for i, e := range cd.MoneyEdge {
			s := moneyTick(e, lang)
			if i == len(cd.MoneyEdge)-1 {
				s += "+"
			}
			m.labels = append(m.labels, s)
		}
		ps = append(ps, m)
	}
	panelW := width / float64(len(ps))
	for k, p := range ps {
		x0 := float64(k) * panelW
		plotW, plotH := panelW-left-16, height-top-bottom
		base := top + plotH
		ymax := c.yAxis(float64(max(0, slices.Max(p.counts))), x0+left, x0+left+plotW, base, plotH, func(t float64) string { return Int(int(t), lang) })
		c.text(x0+left, top-20, p.title, "start", "panel-title")
		slot := plotW / float64(len(p.counts))
		// Labels upright when they do not fit side by side.
		upright := false
		for _, l := range p.labels {
			upright = upright || labelWidth(l, 18) > slot-4
		}
		for i, n := range p.counts {
			h := float64(n) / ymax * plotH
			x := x0 + left + float64(i)*slot
			c.rect(x+1, base-h, slot-2, h, "bar", p.labels[i]+": "+Int(n, lang))
			if upright {
				c.Texts = append(c.Texts, svgText{X: px(x + slot/2 + 6), Y: px(base + 10), Text: p.labels[i], Anchor: "end", Angle: -90, Class: "small"})
			} else {
				c.text(x+slot/2, base+24, p.labels[i], "middle", "small")
			}
		}
		c.line(x0+left, base, x0+left+plotW, base, "axis")
	}
	return c
}

// moneyTick is a round amount without its cents: "1.500" or "1,500".
func moneyTick(x float64, lang string) string {
	s := Money(minor.Round(x*100), lang)
	return strings.TrimSuffix(strings.TrimSuffix(s, ",00"), ".00")
}

// newExpectedMatrix draws the model's expected visits in the next 12 months over visits so
// far (columns) and months since the last visit (rows), as a heat map.
func newExpectedMatrix(cd *chartData, w *words, lang string) *svgChart {
	const left, top, cw, ch = 130.0, 56.0, 74.0, 40.0
	nr, nc := len(cd.MatrixMonths), len(cd.MatrixVisits)
	c := &svgChart{ID: "expected-matrix", Label: w.T("report.Matrix"), W: int(left + cw*float64(nc) + 16), H: int(top + ch*float64(nr) + 16)}
	top0 := 0.0
	for _, row := range cd.Matrix {
		top0 = max(top0, slices.Max(row))
	}
	for i, m := range cd.MatrixMonths {
		y := top + float64(i)*ch
		c.text(left-12, y+ch/2+6, Int(m, lang), "end", "")
		for j, v := range cd.Matrix[i] {
			x := left + float64(j)*cw
			level := heatLevel(v, top0)
			textClass := "on-light"
			if level >= 5 {
				textClass = "on-dark"
			}
			c.rect(x+1, y+1, cw-2, ch-2, fmt.Sprintf("cell h%d", level),
				fmt.Sprintf("%s %s, %s %s: %s", Int(cd.MatrixVisits[j], lang), w.T("report.Visits"), w.T("report.MonthsAgo"), Int(m, lang), Decimal(v, 1, lang)))
			c.text(x+cw/2, y+ch/2+6, Decimal(v, 1, lang), "middle", textClass+" small")
		}
	}
	for j, v := range cd.MatrixVisits {
		c.text(left+float64(j)*cw+cw/2, top-12, Int(v, lang), "middle", "")
	}
	c.text(left, top-36, w.T("report.VisitsSoFar"), "start", "axis-title")
	c.Texts = append(c.Texts, svgText{X: 30, Y: px(top + ch*float64(nr)/2), Text: w.T("report.MonthsAgo"), Anchor: "middle", Angle: -90, Class: "axis-title"})
	return c
}
