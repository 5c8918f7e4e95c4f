package report

// newRecencyChart draws the recency histogram with each bar as wide as its bin's days, so
// that a bin of a year does not look like one of a month: its height is customers per 30
// days, its area and the number on it the customers in it.
func newRecencyChart(bins []Bin, w *words, lang string) *svgChart {
	const width, height = 960.0, 420.0
	const left, right, top, bottom = 80.0, 24.0, 64.0, 78.0
	c := &svgChart{ID: "recency-histogram", Label: w.T("report.Recency"), W: width, H: height}
	if len(bins) == 0 {
		return c
	}
	plotW, plotH := width-left-right, height-top-bottom
	span := func(b Bin) float64 {
		if b.ToDays > b.FromDays {
			return float64(b.ToDays - b.FromDays)
		}
		return 365 // an open last bin without a bin before it
	}
	widths := make([]float64, len(bins))
	total := 0.0
	for i, b := range bins {
		widths[i] = span(b)
		if b.ToDays < 0 && i > 0 {
			widths[i] = widths[i-1]
		}
		total += widths[i]
	}
	density := func(i int) float64 { return float64(bins[i].Customers) / widths[i] * 30 }
	top0 := 0.0
	for i := range bins {
		top0 = max(top0, density(i))
	}
	base := top + plotH
	ymax := c.yAxis(top0, left, left+plotW, base, plotH, func(t float64) string { return groupedDecimal(t, 0, lang) })
	c.text(left-8, top-40, w.T("report.PerThirtyDays"), "start", "axis-title")
	x := left
	lastTick, lastValue := -1e9, -1e9
	for i, b := range bins {
		bw := widths[i] / total * plotW
		h := density(i) / ymax * plotH
		c.rect(x+1, base-h, bw-2, h, "bar", b.Label+": "+Int(b.Customers, lang))
		// The count above the bar, unless it would touch the one before.
		label := Int(b.Customers, lang)
		if lw := labelWidth(label, 16); x+bw/2-lw/2 > lastValue+4 {
			c.text(x+bw/2, base-h-6, label, "middle", "value")
			lastValue = x + bw/2 + lw/2
		}
		// The bin's first day under its left edge, where there is room.
		tick := Int(b.FromDays, lang)
		if lw := labelWidth(tick, 18); x-lw/2 > lastTick+6 {
			c.line(x, base, x, base+6, "axis")
			c.text(x, base+26, tick, "middle", "")
			lastTick = x + lw/2
		}
		x += bw
	}
	if b := bins[len(bins)-1]; b.ToDays < 0 {
		c.text(x-6, base+26, "…", "end", "")
	}
	c.line(left, base, left+plotW, base, "axis")
	c.text(left+plotW/2, height-12, w.T("report.Recency"), "middle", "axis-title")
	return c
}
