package report

import (
	"math"
	"slices"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/model"
)

// chartData is what the HTML report's newer charts draw beyond the report's own parts:
// the distributions of the R, F and M measures and the model's expected visits over
// frequency and recency. It is not part of the JSON report.
type chartData struct {
	// Frequency counts customers by visit days: FreqBins[i] from FreqEdges[i] up to the
	// next edge (the last is open). Monetary likewise by total spend, in currency units.
	FreqEdges []int
	Freq      []int
	MoneyEdge []float64
	Money     []int
	// Matrix holds the expected visits in the next 12 months of a customer who came
	// MatrixVisits[j] times, the last time MatrixMonths[i] months ago, and who first came
	// at the start of the data: Matrix[i][j]. Nil without a usable model.
	MatrixVisits []int
	MatrixMonths []int
	Matrix       [][]float64
}

// The bins of the frequency distribution (visit days) and the months since the last
// visit the matrix shows.
var (
	freqEdges    = []int{1, 2, 3, 4, 5, 6, 8, 11, 16, 21, 31, 51}
	matrixVisits = []int{2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64}
	matrixMonths = []int{0, 1, 2, 3, 4, 6, 9, 12, 18, 24, 36}
)

const daysPerMonth = 365.25 / 12

// maxMoneyBins caps the bars of the spend distribution, whatever the amounts.
const maxMoneyBins = 24

// chartsOf works out the chart data of r.
func chartsOf(r *analysis.Result) *chartData {
	cd := &chartData{FreqEdges: freqEdges, Freq: make([]int, len(freqEdges))}
	spend := make([]float64, 0, len(r.Segments.Customers))
	maxVisits := 0
	for _, c := range r.Segments.Customers {
		k := 0
		for k+1 < len(freqEdges) && c.Frequency >= freqEdges[k+1] {
			k++
		}
		cd.Freq[k]++
		maxVisits = max(maxVisits, c.Frequency)
		if r.Segments.HasAmounts {
			spend = append(spend, float64(c.Monetary)/100)
		}
	}
	// Trim empty bins at the end.
	for len(cd.Freq) > 1 && cd.Freq[len(cd.Freq)-1] == 0 {
		cd.Freq, cd.FreqEdges = cd.Freq[:len(cd.Freq)-1], cd.FreqEdges[:len(cd.FreqEdges)-1]
	}
	if len(spend) > 0 {
		cd.MoneyEdge, cd.Money = moneyBins(spend)
	}
	cd.matrix(r, maxVisits)
	return cd
}

// moneyBins counts the spends in about ten bins of a round width from 0 up to the 95th
// percentile, the rest in an open last bin, so that a few big spenders do not squeeze
// everyone else into one bar. It sorts spend.
func moneyBins(s []float64) ([]float64, []int) {
	slices.Sort(s)
	p95 := s[min(len(s)-1, int(0.95*float64(len(s))))]
	if !(p95 > 0) || math.IsInf(p95, 0) {
		return []float64{0}, []int{len(s)} // nothing to spread (no spend, or refunds)
	}
	ticks, _ := niceTicks(p95 / 2) // about ten steps of a round width up to p95
	step := 1.0
	if len(ticks) > 1 {
		step = ticks[1] / 2
	}
	n := min(maxMoneyBins, int(math.Ceil(p95/step))+1)
	edges := make([]float64, n)
	for i := range edges {
		edges[i] = float64(i) * step
	}
	counts := make([]int, n)
	for _, x := range s {
		k := 0
		if f := x / step; f >= float64(n-1) {
			k = n - 1
		} else if f > 0 {
			k = int(f)
		}
		counts[k]++
	}
	return edges, counts
}

// matrix fills in the expected visits over the frequency × recency grid, as lifetimes'
// plot_frequency_recency_matrix: a customer observed since the start of the data (the
// longest observation there is), with MatrixVisits visit days and the last one
// MatrixMonths ago.
func (cd *chartData) matrix(r *analysis.Result, maxVisits int) {
	ms := r.Models
	if ms == nil || ms.Predictor() == nil || r.Set.FirstDay > r.AsOf {
		return
	}
	pred, unit := ms.Predictor(), ms.Period.Length()
	span := float64(r.AsOf - r.Set.FirstDay)
	t := 365.0 / unit
	for _, v := range matrixVisits {
		if v <= maxVisits || len(cd.MatrixVisits) < 3 {
			cd.MatrixVisits = append(cd.MatrixVisits, v)
		}
	}
	for _, m := range matrixMonths {
		if float64(m)*daysPerMonth < span {
			cd.MatrixMonths = append(cd.MatrixMonths, m)
		}
	}
	for _, m := range cd.MatrixMonths {
		row := make([]float64, len(cd.MatrixVisits))
		for j, v := range cd.MatrixVisits {
			T := span / unit
			s := model.Summary{X: float64(v - 1), Tx: math.Max(0, T-float64(m)*daysPerMonth/unit), T: T}
			row[j] = pred.Expected(s, t)
		}
		cd.Matrix = append(cd.Matrix, row)
	}
}
