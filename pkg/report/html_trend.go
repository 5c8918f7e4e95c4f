package report

import "strings"

// exportStartMonths is how many of the first months the trend marks as "the export
// starts here": in them everyone who comes is new to the export, and nobody has been away
// long enough to lapse, whatever their real history.
const exportStartMonths = 3

// newTrendChart draws the monthly trend as small multiples: one panel a measure, each on
// its own scale (the customers with a visit number about ten times the others), side by
// side two by two, the first months shaded as the start of the export.
func newTrendChart(months []MonthRow, w *words, lang string) *svgChart {
	const width, panelW, panelH = 960.0, 480.0, 250.0
	const left, right, top, bottom = 72.0, 20.0, 44.0, 40.0
	c := &svgChart{ID: "monthly-trend", Label: w.T("report.Trends"), W: width, H: int(2 * panelH)}
	measures := []struct {
		class, name string
		get         func(MonthRow) int
	}{
		{"s-active", w.T("report.Active"), func(m MonthRow) int { return m.Active }},
		{"s-new", w.T("report.New"), func(m MonthRow) int { return m.New }},
		{"s-lapsed", w.T("report.BecameLapsed"), func(m MonthRow) int { return m.Lapsed }},
		{"s-returned", w.T("report.Returned"), func(m MonthRow) int { return m.Returned }},
	}
	n := len(months)
	plotW, plotH := panelW-left-right, panelH-top-bottom
	// As many month labels as fit side by side (one is about 90 px wide), on a step that
	// keeps them on the same months of the year.
	fit := max(1, int(plotW/(labelWidth("Sept. 2024", 16)+16))+1)
	step := 1
	for _, s := range []int{1, 2, 3, 4, 6, 12, 24, 60} {
		step = s
		if (n+s-1)/s <= fit {
			break
		}
	}
	marked := min(exportStartMonths, n/2)
	for k, ms := range measures {
		x0, y0 := float64(k%2)*panelW, float64(k/2)*panelH
		xAt := func(i int) float64 {
			if n == 1 {
				return x0 + left + plotW/2
			}
			return x0 + left + float64(i)/float64(n-1)*plotW
		}
		base := y0 + top + plotH
		if marked > 0 {
			end := (xAt(marked-1) + xAt(marked)) / 2
			c.Bands = append(c.Bands, svgRect{X: px(x0 + left), Y: px(y0 + top), W: px(end - x0 - left), H: px(plotH), Class: "band"})
			if k == 0 {
				c.text(x0+left+6, y0+top+18, w.T("report.ExportStart"), "start", "note")
			}
		}
		top0 := 0
		for _, m := range months {
			top0 = max(top0, ms.get(m))
		}
		ymax := c.yAxis(float64(top0), x0+left, x0+left+plotW, base, plotH, func(t float64) string { return Int(int(t), lang) })
		c.line(x0+left, base, x0+left+plotW, base, "axis")
		c.text(x0+left, y0+26, ms.name, "start", "panel-title")
		var pts []string
		for i, m := range months {
			y := base - float64(ms.get(m))/ymax*plotH
			pts = append(pts, px(xAt(i)).String()+","+px(y).String())
			if n <= 24 {
				c.rect(xAt(i)-4, y-4, 8, 8, "dot "+ms.class, monthText(m.Month, lang)+" "+ms.name+": "+Int(ms.get(m), lang))
			}
			if i%step == 0 {
				c.line(xAt(i), base, xAt(i), base+6, "axis")
				c.text(xAt(i), base+26, monthText(m.Month, lang), "middle", "small")
			}
		}
		c.Paths = append(c.Paths, svgPath{Class: "series " + ms.class, Points: strings.Join(pts, " ")})
	}
	return c
}
