package report

import (
	"strings"
	"testing"

	"github.com/winback/winback/pkg/backtest"
)

func TestReliableSection(t *testing.T) {
	all := backtest.Group{Judged: 10, NotBack: 4, Lapsed: 2,
		Verdicts: backtest.Score{Flagged: 2, Hits: 2, NotBack: 4}, Naive: backtest.Score{Flagged: 2, Hits: 1, NotBack: 4}}
	bt := &backtest.Result{AsOf: 100, End: 282, All: all, PAliveUsable: true, PAlive: backtest.Score{Flagged: 3, Hits: 2, NotBack: 4}}
	tests := []struct {
		name, lang string
		rl         *Reliability
		about      string // the section's first line
		rows       int    // of the rankings' table
	}{
		{"tested", "en", ReliabilityOf(bt, 6), "Of the 2 customers winback would have called lapsed on 1970-04-11, 2 did not come back within 6 months; counting days alone would have found 1.", 3},
		{"getestet", "de", ReliabilityOf(bt, 6), "Von den 2 Kunden, die winback am 11.04.1970 als überfällig markiert hätte, sind 2 in den 6 Monaten danach nicht wiedergekommen; nur nach Tagen gezählt wären es 1 gewesen.", 3},
		{"too many", "en", ReliabilityMissing("too_many", 60000, 50000, 6), "Not tested: the export has 60,000 customers, more than --reliability-max-customers (50,000); run winback backtest for it.", 0},
		{"off", "de", ReliabilityMissing("off", 400, 0, 6), "Nicht getestet: --reliability-max-customers ist 0; dafür gibt es winback backtest.", 0},
		{"too short", "en", ReliabilityMissing("too_short", 400, 50000, 6), "Not tested: the data do not reach 6 months before the as-of date.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := practice(tt.lang)
			r.Noun = ""
			r.Reliability = tt.rl
			d := newDoc(r, docOptions{})
			s := d.sections[len(d.sections)-1]
			if s.id != "reliable" {
				t.Fatalf("last section %q, want reliable", s.id)
			}
			if s.about != tt.about {
				t.Errorf("about\n%q, want\n%q", s.about, tt.about)
			}
			rows := 0
			if len(s.tables) > 0 {
				rows = s.tables[0].n
			}
			if rows != tt.rows {
				t.Errorf("%d rankings, want %d", rows, tt.rows)
			}
			page := newHTMLPage(r, d)
			hs := page.Sections[len(page.Sections)-1]
			charts := 0
			for _, b := range hs.Blocks {
				if b.Chart != nil && strings.Contains(b.Chart.ID, "backtest-bars") {
					charts++
				}
			}
			if want := min(tt.rows, 1); charts != want {
				t.Errorf("%d charts, want %d", charts, want)
			}
		})
	}
	for _, s := range newDoc(practice("en"), docOptions{}).sections {
		if s.id == "reliable" {
			t.Error("a report without a backtest has the section")
		}
	}
}
