package report

import (
	"slices"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/backtest"
	"github.com/winback/winback/pkg/visit"
)

func TestBacktestViewPAliveAndHints(t *testing.T) {
	all := backtest.Group{Judged: 10, NotBack: 4, Lapsed: 2,
		Verdicts: backtest.Score{Flagged: 2, Hits: 2, NotBack: 4}, Naive: backtest.Score{Flagged: 2, Hits: 1, NotBack: 4}}
	tests := []struct {
		name      string
		bt        backtest.Result
		lang      string
		rows      int    // of the rankings' table
		note      string // a note of the rankings' table
		bars      int    // in the chart
		hintCells []string
	}{
		{
			name: "without a model: no P(alive) row, a note, two bars",
			bt:   backtest.Result{AsOf: 100, End: 190, All: all},
			lang: "en", rows: 2, note: "no repeat-buying model fits", bars: 2,
		},
		{
			name: "with a model and hints; an infinite lift is a dash",
			bt: backtest.Result{AsOf: 100, End: 190, All: all, PAliveUsable: true, PAlive: backtest.Score{Flagged: 3, Hits: 2, NotBack: 4},
				Hints: []backtest.Hint{{Code: "one-visit", With: 2, WithNotBack: 2, Without: 8, WithoutNotBack: 0}, {Code: "slowing", With: 4, WithNotBack: 1, Without: 6, WithoutNotBack: 3}}},
			lang: "en", rows: 3, note: "less than a 30% chance", bars: 3,
			hintCells: []string{"only one visit", "2", "2 (100.0%)", "0.0%", "–", "visits grew further apart", "4", "1 (25.0%)", "50.0%", "0.50"},
		},
		{
			name: "German",
			bt:   backtest.Result{AsOf: 100, End: 190, All: all, PAliveUsable: true, PAlive: backtest.Score{Flagged: 3, Hits: 2, NotBack: 4}},
			lang: "de", rows: 3, note: "Wahrscheinlichkeit unter 30 Prozent", bars: 3,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := BacktestView(&tt.bt, "6m", visit.Day(190), tt.lang, "")
			ranks := v.Page.Tables[0]
			if len(ranks.Rows) != tt.rows {
				t.Errorf("%d rankings, want %d: %v", len(ranks.Rows), tt.rows, ranks.Rows)
			}
			if !slices.ContainsFunc(ranks.Notes, func(n string) bool { return strings.Contains(n, tt.note) }) {
				t.Errorf("no note with %q: %q", tt.note, ranks.Notes)
			}
			if got := len(v.chart.Rects); got != tt.bars {
				t.Errorf("%d bars, want %d", got, tt.bars)
			}
			hints := v.Page.Tables[len(v.Page.Tables)-1]
			if got := slices.Concat(hints.Rows...); !slices.Equal(got, tt.hintCells) {
				t.Errorf("hint cells %q, want %q", got, tt.hintCells)
			}
		})
	}
}
