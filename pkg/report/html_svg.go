package report

// svgChart is a chart as plain shapes, in the order the template draws them: bands,
// gridlines and axes, bars and cells, lines, then every label on top. The charts read in
// greyscale print too: heat from light to dark with the number in each cell, and series
// told apart by dashes as well as colour.
type svgChart struct {
	ID, Label string
	W, H      int
	Bands     []svgRect
	Lines     []svgLine
	Rects     []svgRect
	Paths     []svgPath
	Texts     []svgText
}

// svgPath is a polyline through points "x,y x,y …".
type svgPath struct{ Class, Points string }

func (c *svgChart) text(x, y float64, s, anchor, class string) {
	c.Texts = append(c.Texts, svgText{X: px(x), Y: px(y), Text: s, Anchor: anchor, Class: class})
}

func (c *svgChart) line(x1, y1, x2, y2 float64, class string) {
	c.Lines = append(c.Lines, svgLine{X1: px(x1), Y1: px(y1), X2: px(x2), Y2: px(y2), Class: class})
}

func (c *svgChart) rect(x, y, w, h float64, class, title string) {
	c.Rects = append(c.Rects, svgRect{X: px(x), Y: px(y), W: px(w), H: px(h), Class: class, Title: title})
}

// labelWidth is about how wide s is at the charts' label size of 18 px (an average glyph
// is about 10 px wide in the sans-serif fonts the page asks for).
func labelWidth(s string, size float64) float64 {
	return float64(len([]rune(s))) * size * 0.56
}

// yAxis draws the gridlines and labels of a value axis from 0 to at least top over a
// plot from y0 (bottom) up by h, at x = left, and returns the axis maximum. format says
// a tick's value.
func (c *svgChart) yAxis(top, left, right, y0, h float64, format func(float64) string) float64 {
	ticks, ymax := niceTicks(top)
	if len(ticks) > 4 && h < 200 {
		// A small panel takes ticks twice as far apart, so that its labels do not crowd;
		// the axis ends at the first of them at or above top.
		step := 2 * ticks[1]
		ticks = ticks[:1]
		for t := step; ; t += step {
			ticks = append(ticks, t)
			if t >= top {
				break
			}
		}
		ymax = ticks[len(ticks)-1]
	}
	for _, t := range ticks {
		y := y0 - t/ymax*h
		c.line(left, y, right, y, "grid")
		c.text(left-8, y+6, format(t), "end", "")
	}
	return ymax
}
