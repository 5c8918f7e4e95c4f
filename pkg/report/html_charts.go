package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The charts of the HTML report are drawn here as geometry (positions, sizes, labels) and
// turned into SVG by the template, which escapes every label. No script, no external
// library: the file must open offline on a workshop laptop and print as it looks.

// px is an SVG coordinate, written with at most one decimal so that the file stays small
// and identical from run to run.
type px float64

func (p px) String() string {
	return strconv.FormatFloat(math.Round(float64(p)*10)/10, 'f', -1, 64)
}

type svgText struct {
	X, Y   px
	Text   string
	Anchor string // start, middle, end
	Angle  int    // rotation in degrees about the anchor point: -90 reads upwards
	Class  string
}

// Transform is the rotation of a rotated label about its own anchor point.
func (t svgText) Transform() string {
	if t.Angle == 0 {
		return ""
	}
	return fmt.Sprintf("rotate(%d %s %s)", t.Angle, t.X, t.Y)
}

type svgRect struct {
	X, Y, W, H px
	Class      string
	Label      svgText
	Title      string // tooltip
}

type svgLine struct {
	X1, Y1, X2, Y2 px
	Class          string
}

// heatMap is the R×F grid: R5 on top, F5 on the right, each cell coloured by its count.
type heatMap struct {
	ID, Label string
	W, H      int
	Cells     []svgRect
	Labels    []svgText
}

func newHeatMap(grid [5][5]int, w *words, lang string) *heatMap {
	const left, top, cw, ch = 110.0, 10.0, 100.0, 76.0
	hm := &heatMap{ID: "rf-heatmap", Label: w.Grid, W: int(left + 5*cw + 10), H: int(top + 5*ch + 80)}
	top0 := 0
	for _, row := range grid {
		for _, n := range row {
			top0 = max(top0, n)
		}
	}
	for r := 5; r >= 1; r-- {
		y := top + float64(5-r)*ch
		hm.Labels = append(hm.Labels, svgText{X: px(left - 10), Y: px(y + ch/2 + 7), Text: fmt.Sprintf("R%d", r), Anchor: "end"})
		for f := 1; f <= 5; f++ {
			x := left + float64(f-1)*cw
			n := grid[r-1][f-1]
			level := heatLevel(float64(n), float64(top0))
			textClass := "on-light"
			if level >= 5 {
				textClass = "on-dark"
			}
			hm.Cells = append(hm.Cells, svgRect{
				X: px(x + 1), Y: px(y + 1), W: px(cw - 2), H: px(ch - 2), Class: fmt.Sprintf("cell h%d", level),
				Label: svgText{X: px(x + cw/2), Y: px(y + ch/2 + 8), Text: Int(n, lang), Anchor: "middle", Class: textClass},
				Title: fmt.Sprintf("R%d F%d: %s", r, f, Int(n, lang)),
			})
		}
	}
	for f := 1; f <= 5; f++ {
		hm.Labels = append(hm.Labels, svgText{X: px(left + float64(f-1)*cw + cw/2), Y: px(top + 5*ch + 28), Text: fmt.Sprintf("F%d", f), Anchor: "middle"})
	}
	hm.Labels = append(hm.Labels,
		svgText{X: px(left + 2.5*cw), Y: px(top + 5*ch + 66), Text: w.AxisF, Anchor: "middle", Class: "axis-title"},
		svgText{X: 28, Y: px(top + 2.5*ch), Text: w.AxisR, Anchor: "middle", Angle: -90, Class: "axis-title"},
	)
	return hm
}

// barChart is the recency histogram.
type barChart struct {
	ID, Label string
	W, H      int
	Bars      []svgRect
	Labels    []svgText
	Grid      []svgLine
	Axis      []svgLine
}

func newRecencyChart(bins []Bin, w *words, lang string) *barChart {
	const width, height = 960.0, 420.0
	const left, right, top = 80.0, 16.0, 24.0
	bottom := 70.0
	crowded := len(bins) > 10
	if crowded {
		// Upright labels need the room of the longest (about 11 px a character), then
		// the axis title.
		longest := 0
		for _, b := range bins {
			longest = max(longest, len([]rune(b.Label)))
		}
		bottom = 60 + 11*float64(longest)
	}
	bc := &barChart{ID: "recency-histogram", Label: w.Recency, W: width, H: height}
	plotW, plotH := width-left-right, height-top-bottom
	top0 := 0
	for _, b := range bins {
		top0 = max(top0, b.Customers)
	}
	ticks, ymax := niceTicks(float64(top0))
	for _, t := range ticks {
		y := top + plotH - t/ymax*plotH
		bc.Grid = append(bc.Grid, svgLine{X1: left, Y1: px(y), X2: px(left + plotW), Y2: px(y), Class: "grid"})
		bc.Labels = append(bc.Labels, svgText{X: left - 8, Y: px(y + 6), Text: Int(int(t), lang), Anchor: "end"})
	}
	slot := plotW / float64(max(1, len(bins)))
	for i, b := range bins {
		h := float64(b.Customers) / ymax * plotH
		x := left + float64(i)*slot
		bar := svgRect{X: px(x + slot*0.1), Y: px(top + plotH - h), W: px(slot * 0.8), H: px(h), Class: "bar",
			Title: b.Label + ": " + Int(b.Customers, lang)}
		if len(bins) <= 24 {
			bar.Label = svgText{X: px(x + slot/2), Y: px(top + plotH - h - 6), Text: Int(b.Customers, lang), Anchor: "middle", Class: "value"}
		}
		bc.Bars = append(bc.Bars, bar)
		if crowded {
			// Upright labels, read from the bottom, so that no two share any space.
			bc.Labels = append(bc.Labels, svgText{X: px(x + slot/2 + 6), Y: px(top + plotH + 12), Text: b.Label, Anchor: "end", Angle: -90})
		} else {
			bc.Labels = append(bc.Labels, svgText{X: px(x + slot/2), Y: px(top + plotH + 26), Text: b.Label, Anchor: "middle"})
		}
	}
	bc.Axis = []svgLine{{X1: left, Y1: px(top + plotH), X2: px(left + plotW), Y2: px(top + plotH), Class: "axis"}}
	bc.Labels = append(bc.Labels, svgText{X: px(left + plotW/2), Y: px(height - 8), Text: w.Recency, Anchor: "middle", Class: "axis-title"})
	return bc
}

// lineChart is the monthly trend: one line per measure, a y axis with gridlines, month
// labels and a legend.
type lineChart struct {
	ID, Label string
	W, H      int
	Series    []series
	Labels    []svgText
	Grid      []svgLine
	Axis      []svgLine
	Legend    []legendItem
}

type series struct {
	Class, Name string
	Points      string
	Dots        []svgRect // small markers where there are few months
}

type legendItem struct {
	Class, Name string
	X, Y        px
	Line        svgLine
}

func newTrendChart(months []MonthRow, w *words, lang string) *lineChart {
	const width, height = 960.0, 440.0
	const left, right, top, bottom = 80.0, 24.0, 64.0, 56.0
	lc := &lineChart{ID: "monthly-trend", Label: w.Trends, W: width, H: height}
	plotW, plotH := width-left-right, height-top-bottom
	top0 := 0
	for _, m := range months {
		top0 = max(top0, m.Active, m.New, m.Lapsed, m.Returned)
	}
	ticks, ymax := niceTicks(float64(top0))
	for _, t := range ticks {
		y := top + plotH - t/ymax*plotH
		lc.Grid = append(lc.Grid, svgLine{X1: left, Y1: px(y), X2: px(left + plotW), Y2: px(y), Class: "grid"})
		lc.Labels = append(lc.Labels, svgText{X: left - 8, Y: px(y + 6), Text: Int(int(t), lang), Anchor: "end"})
	}
	n := len(months)
	xAt := func(i int) float64 {
		if n == 1 {
			return left + plotW/2
		}
		return left + float64(i)/float64(n-1)*plotW
	}
	// At most 8 month labels (one is about 70 px wide), on a step that keeps them on the
	// same months of the year.
	step := 1
	for _, s := range []int{1, 2, 3, 4, 6, 12, 24, 60} {
		step = s
		if (n+s-1)/s <= 8 {
			break
		}
	}
	for i, m := range months {
		if i%step == 0 {
			lc.Labels = append(lc.Labels, svgText{X: px(xAt(i)), Y: px(top + plotH + 26), Text: monthText(m.Month, lang), Anchor: "middle"})
			lc.Grid = append(lc.Grid, svgLine{X1: px(xAt(i)), Y1: px(top + plotH), X2: px(xAt(i)), Y2: px(top + plotH + 6), Class: "axis"})
		}
	}
	measures := []struct {
		class, name string
		get         func(MonthRow) int
	}{
		{"s-active", w.Active, func(m MonthRow) int { return m.Active }},
		{"s-new", w.New, func(m MonthRow) int { return m.New }},
		{"s-lapsed", w.BecameLapsed, func(m MonthRow) int { return m.Lapsed }},
		{"s-returned", w.Returned, func(m MonthRow) int { return m.Returned }},
	}
	x := left
	for _, ms := range measures {
		s := series{Class: ms.class, Name: ms.name}
		var pts []string
		for i, m := range months {
			y := top + plotH - float64(ms.get(m))/ymax*plotH
			pts = append(pts, px(xAt(i)).String()+","+px(y).String())
			if n <= 24 {
				s.Dots = append(s.Dots, svgRect{X: px(xAt(i) - 4), Y: px(y - 4), W: 8, H: 8, Class: ms.class,
					Title: m.Month + " " + ms.name + ": " + Int(ms.get(m), lang)})
			}
		}
		s.Points = strings.Join(pts, " ")
		lc.Series = append(lc.Series, s)
		lc.Legend = append(lc.Legend, legendItem{Class: ms.class, Name: ms.name, X: px(x + 44), Y: 30,
			Line: svgLine{X1: px(x), Y1: 24, X2: px(x + 36), Y2: 24}})
		// Legend entries are spaced by their text's length (about 11 px a character at the
		// chart's label size), so that long German labels do not run into the next.
		x += 44 + float64(len([]rune(ms.name)))*11 + 36
	}
	lc.Axis = []svgLine{
		{X1: left, Y1: px(top + plotH), X2: px(left + plotW), Y2: px(top + plotH), Class: "axis"},
		{X1: left, Y1: top, X2: left, Y2: px(top + plotH), Class: "axis"},
	}
	return lc
}

// niceTicks returns about five round tick values from 0 to at least top, and the axis
// maximum (the last tick). An all-zero chart gets the axis 0..1.
func niceTicks(top float64) ([]float64, float64) {
	if top <= 0 {
		return []float64{0, 1}, 1
	}
	raw := top / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 5, 10} {
		step = m * mag
		if step >= raw {
			break
		}
	}
	step = math.Max(1, step)
	var ticks []float64
	for t := 0.0; ; t += step {
		ticks = append(ticks, t)
		if t >= top {
			return ticks, t
		}
	}
}
