package report_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/segment"
	"github.com/winback/winback/pkg/visit"
)

// TestHugeAmountsNeverWrapAround builds histories by hand whose visits of 9e16 euros
// (9e18 cents, each within an int64) add up far beyond it: every total — a customer's
// spend, the segments' revenue, the revenue of the last 12 months, the value at risk — is
// held at the largest amount instead of wrapping around to a negative one, and the
// written report shows it as such.
func TestHugeAmountsNeverWrapAround(t *testing.T) {
	const huge = 9e18 // cents
	asOf := visit.DayOf(2025, 6, 30)
	monthly := func(key string, from visit.Day, n int, cents int64) history.History {
		var evs []history.Event
		for k := range n {
			evs = append(evs, history.Event{Day: from + visit.Day(30*k), Amount: cents, Status: visit.Attended, Lead: history.NoLead})
		}
		return historyOf(key, evs...)
	}
	set := &history.Set{
		Customers: []history.History{
			monthly("a", asOf-360, 12, huge), // active, twelve visits in the last year
			monthly("b", asOf-700, 10, huge), // lapsed half a year ago
			monthly("c", asOf-500, 4, huge),  // lapsed long ago
			monthly("d", asOf-300, 10, 2540), // an ordinary customer
		},
		Services: history.NewSymbols(), Staff: history.NewSymbols(), Channels: history.NewSymbols(),
		Columns: history.Columns{Amount: true},
	}
	set.FirstDay, set.LastDay, set.LatestRecorded = asOf-700, asOf, asOf

	t.Run("a customer's spend is held at the largest amount", func(t *testing.T) {
		if s := set.Customers[0].Summarize(asOf).Spend; s != money.Max {
			t.Errorf("spend of twelve visits of 9e18 cents = %d, want %d", s, int64(money.Max))
		}
		refunds := monthly("e", asOf-200, 3, -huge)
		if s := refunds.Summarize(asOf).Spend; s != -money.Max {
			t.Errorf("spend of three refunds of 9e18 cents = %d, want %d", s, -int64(money.Max))
		}
	})

	t.Run("the segments' revenue does not wrap around", func(t *testing.T) {
		res, err := segment.Analyze(segment.FromSet(set, asOf), nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.Revenue < 0 {
			t.Errorf("total revenue %d wrapped around", res.Revenue)
		}
		for _, s := range res.Segments {
			if s.Revenue < 0 || s.RevenueShare < 0 {
				t.Errorf("%s: revenue %d, share %v", s.Code, s.Revenue, s.RevenueShare)
			}
		}
	})

	r := run(t, set, asOf)
	rep := report.Build(r, report.BuildOptions{Lang: "en", Shown: -1})
	t.Run("the report's totals are held, not negative", func(t *testing.T) {
		if got := rep.Summary.Revenue12m; got < 9e16 {
			t.Errorf("revenue of the last 12 months = %v, want about %v", got, float64(money.Max)/100)
		}
		if got := rep.Summary.ValueAtRisk; got < 0 {
			t.Errorf("value at risk = %v", got)
		}
		for _, c := range rep.Lapsed {
			if c.ValueAtRisk < 0 {
				t.Errorf("%s: value at risk %v", c.ID, c.ValueAtRisk)
			}
		}
		for _, row := range rep.Segments.Rows {
			if row.Revenue < 0 {
				t.Errorf("%s: revenue %v", row.Code, row.Revenue)
			}
		}
	})
	t.Run("the written report shows the held revenue", func(t *testing.T) {
		md := written(t, rep, "md", report.Options{})
		if !strings.Contains(md, "92,233,720,368,547,758.07") {
			t.Errorf("no revenue of 92,233,720,368,547,758.07 in the report:\n%s", md)
		}
		if m := regexp.MustCompile(`-[0-9]{1,3}(,[0-9]{3})*\.[0-9]{2}`).FindString(md); m != "" {
			t.Errorf("a wrapped-around amount %s in the report:\n%s", m, md)
		}
	})
}

// historyOf returns a history made by hand: key and events, sorted by day, then status.
func historyOf(key string, evs ...history.Event) history.History {
	h := history.History{Key: key}
	h.SetEvents(evs...)
	return h
}
