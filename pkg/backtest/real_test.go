package backtest_test

import (
	"testing"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/backtest"
	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/realdata"
	"github.com/winback/winback/pkg/visit"
)

// TestRealLogs backtests the default verdicts on the real logs at the cuts of the
// literature, with the holdout to the end of the data, and logs the figures (go test -v).
// It checks what must hold whatever the rules: everyone with a visit by the cut is judged,
// the rules add up to the totals, and either ranking beats flagging at random. Whether the
// verdicts beat recency is what the log shows, not a condition: issue 17 is open.
func TestRealLogs(t *testing.T) {
	tests := []struct {
		file      string
		asOf, end visit.Day
		customers int
	}{
		{"CDNOW_master.txt", visit.DayOf(1997, 9, 30), visit.DayOf(1998, 6, 30), 23570},
		{"groceryElog.csv", visit.DayOf(2006, 12, 31), visit.DayOf(2007, 12, 30), 1525},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f := realdata.Open(t, tt.file)
			res, err := export.Read([]export.Input{{Name: tt.file, R: f}}, export.Options{WithholdContacts: true})
			if err != nil {
				t.Fatal(err)
			}
			if got := res.Set.TakenOn().Day; got != tt.end {
				t.Fatalf("the data end on %s, want %s", got, tt.end)
			}
			cut, _ := res.Set.AsOf(tt.asOf)
			r, err := analysis.Run(cut, analysis.Options{AsOf: tt.asOf, Period: model.Weeks, Lapse: lapse.DefaultConfig()})
			if err != nil {
				t.Fatal(err)
			}
			bt, err := backtest.Measure(res.Set, r.Verdicts, r.Findings, tt.asOf, tt.end)
			if err != nil {
				t.Fatal(err)
			}
			all := bt.All
			if all.Judged != tt.customers || bt.Unjudged != 0 {
				t.Errorf("%d judged, %d not; want %d, 0", all.Judged, bt.Unjudged, tt.customers)
			}
			var hits, overall int
			for _, g := range bt.ByRule {
				hits += g.Verdicts.Hits
				overall += g.Overall.Hits
			}
			if hits != all.Verdicts.Hits || overall != all.Naive.Hits {
				t.Errorf("the rules' hits add up to %d and %d, want %d and %d", hits, overall, all.Verdicts.Hits, all.Naive.Hits)
			}
			if all.Verdicts.Precision() <= all.BaseRate() || all.Naive.Precision() <= all.BaseRate() {
				t.Errorf("precision %.3f, naive %.3f: not above the base rate %.3f", all.Verdicts.Precision(), all.Naive.Precision(), all.BaseRate())
			}
			t.Logf("as of %s, came back to %s: %d judged, %.3f did not come back", bt.AsOf, bt.End, all.Judged, all.BaseRate())
			t.Logf("winback: %d flagged (%d lapsed, %d lost), precision %.3f, recall %.3f", all.Verdicts.Flagged, all.Lapsed, all.Lost, all.Verdicts.Precision(), all.Verdicts.Recall())
			t.Logf("naive:   %d flagged by days since the last visit, precision %.3f, recall %.3f", all.Naive.Flagged, all.Naive.Precision(), all.Naive.Recall())
			for _, g := range bt.ByRule {
				t.Logf("  %-10s %6d judged, base %.3f; winback %6d flagged, precision %.3f, recall %.3f; in rule by days %.3f; overall by days %6d flagged, precision %.3f",
					g.Rule, g.Judged, g.BaseRate(), g.Verdicts.Flagged, g.Verdicts.Precision(), g.Verdicts.Recall(), g.Naive.Precision(), g.Overall.Flagged, g.Overall.Precision())
			}
		})
	}
}
