package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
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
	hm := &heatMap{ID: "rf-heatmap", Label: w.T("report.Grid"), W: int(left + 5*cw + 10), H: int(top + 5*ch + 80)}
	top0 := 0
	for _, row := range grid {
		top0 = max(top0, slices.Max(row[:]))
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
		svgText{X: px(left + 2.5*cw), Y: px(top + 5*ch + 66), Text: w.T("report.AxisF"), Anchor: "middle", Class: "axis-title"},
		svgText{X: 28, Y: px(top + 2.5*ch), Text: w.T("report.AxisR"), Anchor: "middle", Angle: -90, Class: "axis-title"},
	)
	return hm
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
