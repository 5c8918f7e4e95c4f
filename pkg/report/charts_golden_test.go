package report

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/reason"
	catalogue "github.com/winback/winback/pkg/words"
)

// praxisResult analyses the sample export testdata/praxis/praxis.csv as of its last day.
func praxisResult(t *testing.T) *analysis.Result {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "praxis", "praxis.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := export.Read([]export.Input{{Name: "praxis.csv", R: f}}, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	set := res.Set
	r, err := analysis.Run(set, analysis.Options{AsOf: set.LatestRecorded, Period: model.Weeks,
		Lapse: lapse.DefaultConfig(), Reasons: reason.DefaultConfig()})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestChartGoldens renders each chart of the HTML report, and explain's timeline, for the
// sample practice in German and compares its SVG with testdata/golden/chart_*.svg (go test
// ./pkg/report -run TestChartGoldens -update rewrites them). Look at a changed chart in a
// browser before accepting it (go test ./pkg/cli -run TestPrintedReport -shots DIR draws
// each chart of the report as a PNG).
func TestChartGoldens(t *testing.T) {
	r := praxisResult(t)
	rep := Build(r, BuildOptions{Lang: "de", Noun: catalogue.Patients, Shown: 10})
	w := wordsFor("de", catalogue.Patients)
	if rep.charts == nil || len(rep.charts().Matrix) == 0 {
		t.Fatal("the sample practice has no chart data or no expected-visits matrix")
	}
	i := r.Index("1227")
	if i < 0 {
		t.Fatal("no patient 1227 in the sample")
	}
	view := ExplainView(r, i, "de", catalogue.Patients, nil)
	for _, c := range []*svgChart{
		newTrendChart(rep.Trends, w, "de"),
		newRecencyChart(rep.Recency, w, "de"),
		newSegmentBars(rep.Segments.Rows, rep.HasAmounts, w, "de"),
		newDistributions(rep.charts(), w, "de"),
		newExpectedMatrix(rep.charts(), w, "de"),
		view.chart,
	} {
		t.Run(c.ID, func(t *testing.T) {
			var b bytes.Buffer
			if err := htmlTemplate.ExecuteTemplate(&b, "svg", c); err != nil {
				t.Fatal(err)
			}
			got := strings.TrimSpace(b.String()) + "\n"
			path := filepath.Join("testdata", "golden", "chart_"+c.ID+".svg")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to write it)", err)
			}
			if got != string(want) {
				t.Errorf("%s differs from the golden; run with -update and look at the diff and the picture", path)
			}
		})
	}
}

// TestMoneyBinsTakeAnySpend: refunds, no spend at all and one huge amount give a few bins
// that count every customer, never a panic or thousands of bars.
func TestMoneyBinsTakeAnySpend(t *testing.T) {
	for name, spend := range map[string][]float64{
		"refunds":   {-50, -20, -1},
		"no spend":  {0, 0, 0},
		"one":       {12.5},
		"huge":      {1, 2, 3, 1e15},
		"everyday":  {20, 45, 80, 120, 250, 260, 900, 1500},
		"with zero": {0, 0, 30, 60},
	} {
		edges, counts := moneyBins(spend)
		total := 0
		for _, n := range counts {
			total += n
		}
		if len(edges) != len(counts) || len(counts) == 0 || len(counts) > maxMoneyBins || total != len(spend) {
			t.Errorf("%s: %d edges, counts %v for %d customers", name, len(edges), counts, len(spend))
		}
	}
}
