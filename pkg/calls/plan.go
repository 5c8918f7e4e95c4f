package calls

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
)

// Group is why a customer is called. Like lapse's statuses it is a small number that reads
// as its code.
type Group uint8

// The groups, in the order of a call list.
const (
	WinBack  Group = iota + 1 // lapsed or lost: ask what happened, invite them back
	FollowUp                  // a course of treatment ended: how is it going?
	Welcome                   // first visit booked through a platform: welcome, book the next directly
)

var groupNames = [...]string{"", "win-back", "follow-up", "welcome"}

// String returns the group's code: "win-back", "follow-up" or "welcome".
func (g Group) String() string {
	if int(g) < len(groupNames) {
		return groupNames[g]
	}
	return ""
}

// Call is one customer to call and why they are where they are on the list.
type Call struct {
	// Index is the customer's position in the set (and in the verdicts).
	Index int
	Group Group
	// Away is the days since the last visit (welcome: since the first and only one).
	Away int
	// Chance (win-back) is the chance that the customer comes back, from the [Curve] at
	// Away; Measured says it rests on the data rather than on the decay.
	Chance   float64
	Measured bool
	// Value is what a year of the customer's visits is worth (the verdict's value at
	// risk, minor units); Recoverable is Chance × Value, rounded: what the call can still
	// win back, the rank's key.
	Value       int64
	Recoverable int64
	// LongLost: away longer than Config.LongLostDays. Outranks: long lost, yet ranked
	// above a customer who lapsed more recently, because of their value.
	LongLost bool
	Outranks bool
}

// RankWinBack returns the lapsed and lost customers of vs in the order to call them: most
// recoverable value first (the chance of coming back after being away that long, from c,
// times a year of their value), then the likelier to come back, then by position (the
// set's customers are in key order). Without amounts every value is 0 and the chance
// alone ranks: the recently lapsed first.
func RankWinBack(vs []lapse.Verdict, c *Curve, cfg Config) []Call {
	cfg = cfg.orDefault()
	var out []Call
	for i := range vs {
		v := &vs[i]
		if !v.Status.Missing() {
			continue
		}
		p := c.At(v.CurrentGap)
		out = append(out, Call{
			Index: i, Group: WinBack, Away: v.CurrentGap, Chance: p, Measured: c.Measured(v.CurrentGap),
			Value: v.ValueAtRisk, Recoverable: int64(math.Round(p * float64(v.ValueAtRisk))),
			LongLost: v.CurrentGap > cfg.LongLostDays,
		})
	}
	slices.SortFunc(out, func(x, y Call) int {
		if x.Recoverable != y.Recoverable {
			return cmp.Compare(y.Recoverable, x.Recoverable)
		}
		if x.Chance != y.Chance {
			return cmp.Compare(y.Chance, x.Chance)
		}
		return cmp.Compare(x.Index, y.Index)
	})
	recentBelow := false
	for k := len(out) - 1; k >= 0; k-- {
		if out[k].LongLost {
			out[k].Outranks = recentBelow
		} else {
			recentBelow = true
		}
	}
	return out
}

// FollowUps returns the customers whose last visits were a finished course of treatment,
// the most recently finished first.
func FollowUps(vs []lapse.Verdict) []Call {
	var out []Call
	for i := range vs {
		if vs[i].Status == lapse.FollowUp {
			out = append(out, Call{Index: i, Group: FollowUp, Away: vs[i].CurrentGap, Chance: -1, Value: vs[i].ValueAtRisk})
		}
	}
	slices.SortStableFunc(out, func(x, y Call) int { return cmp.Compare(x.Away, y.Away) })
	return out
}

// Channels says which booking channels are platforms (see reason.Classify).
type Channels func(name string) bool

// Welcomes returns the new customers to welcome: one visit so far, at most
// cfg.WelcomeDays before asOf, booked through a platform, with nothing booked since and
// not lapsed (the lapsed are win-back calls). The longest waiting first, before they
// drift.
func Welcomes(set *history.Set, vs []lapse.Verdict, asOf visit.Day, cfg Config, platform Channels) []Call {
	cfg = cfg.orDefault()
	if !set.Columns.Channel {
		return nil
	}
	var out []Call
	for i := range set.Customers {
		v := &vs[i]
		if v.Visits != 1 || v.Status.Missing() || v.NextBooked != visit.NoDay || v.CurrentGap > cfg.WelcomeDays {
			continue
		}
		first, ok := firstVisit(&set.Customers[i], asOf)
		if !ok || !platform(set.Channels.Name(first.Channel)) {
			continue
		}
		out = append(out, Call{Index: i, Group: Welcome, Away: v.CurrentGap, Chance: -1, Value: v.ValueAtRisk})
	}
	slices.SortStableFunc(out, func(x, y Call) int { return cmp.Compare(y.Away, x.Away) })
	return out
}

// firstVisit returns the first visit of h on or before asOf.
func firstVisit(h *history.History, asOf visit.Day) (history.Event, bool) {
	for _, e := range h.Events() {
		if e.IsVisit(asOf) {
			return e, true
		}
	}
	return history.Event{}, false
}

// FirstTimerMonth is what became of the customers whose first visit, in one month, was
// booked through a platform: their second visit booked directly (any channel that is not
// a platform), through a platform again, or none yet.
type FirstTimerMonth struct {
	Month                     string // yyyy-mm
	FirstTimers               int
	Direct, Platform, NoneYet int
}

// PlatformFirstTimers counts, month by month over the cfg.FirstTimerMonths months up to
// asOf's, the customers whose first visit was booked through a platform, by how they
// booked their second visit. Nil without a channel column.
func PlatformFirstTimers(set *history.Set, asOf visit.Day, cfg Config, platform Channels) []FirstTimerMonth {
	cfg = cfg.orDefault()
	if !set.Columns.Channel || asOf == visit.NoDay {
		return nil
	}
	end := monthIndex(asOf)
	start := end - cfg.FirstTimerMonths + 1
	rows := make([]FirstTimerMonth, cfg.FirstTimerMonths)
	for k := range rows {
		rows[k].Month = monthText(start + k)
	}
	for i := range set.Customers {
		h := &set.Customers[i]
		var first history.Event
		seen := 0
		for _, e := range h.Events() {
			if !e.IsVisit(asOf) || (seen == 1 && e.Day == first.Day) {
				continue
			}
			seen++
			if seen == 1 {
				first = e
				m := monthIndex(e.Day) - start
				if m < 0 || m >= len(rows) || !platform(set.Channels.Name(e.Channel)) {
					break
				}
				rows[m].FirstTimers++
				continue
			}
			row := &rows[monthIndex(first.Day)-start]
			if platform(set.Channels.Name(e.Channel)) {
				row.Platform++
			} else {
				row.Direct++
			}
			break
		}
	}
	for k := range rows {
		rows[k].NoneYet = rows[k].FirstTimers - rows[k].Direct - rows[k].Platform
	}
	return rows
}

// monthIndex numbers the months: year × 12 + month − 1.
func monthIndex(d visit.Day) int {
	y, m, _ := d.Date()
	return y*12 + m - 1
}

func monthText(m int) string {
	return fmt.Sprintf("%04d-%02d", m/12, m%12+1)
}

// Plan is a week's calls: the three groups, each in the order to call.
type Plan struct {
	WinBack, FollowUps, Welcome []Call
	Curve                       *Curve
	FirstTimers                 []FirstTimerMonth
}

// Make plans the calls for set as of asOf from its verdicts; platform says which booking
// channels are platforms.
func Make(set *history.Set, vs []lapse.Verdict, asOf visit.Day, cfg Config, platform Channels) *Plan {
	c := ReturnCurve(set, asOf, cfg)
	return &Plan{
		WinBack: RankWinBack(vs, c, cfg), FollowUps: FollowUps(vs), Welcome: Welcomes(set, vs, asOf, cfg, platform),
		Curve: c, FirstTimers: PlatformFirstTimers(set, asOf, cfg, platform),
	}
}
