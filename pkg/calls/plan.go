package calls

import (
	"cmp"
	"math"
	"slices"
	"sync"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
)

// Group is why a customer is called.
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
	// Away is the days since the last visit (welcome: since the first and only one).
	Away int
	// Chance (win-back) is the chance that the customer comes back, from the [Curve] at
	// Away; Measured says it rests on the data rather than on the decay.
	Chance float64
	// Value is the verdict's value at risk; Recoverable is Chance × Value, rounded: what the
	// call can still win back, the rank's key.
	Value       int64
	Recoverable int64
	Group       Group
	Measured    bool
	// LongLost: away longer than Config.LongLostDays; Outranks: yet ranked above a
	// customer who lapsed more recently.
	LongLost bool
	Outranks bool
}

// RankWinBack returns the lapsed and lost customers of vs in the order to call them: most
// recoverable value first (the chance of coming back from c, times a year of their value),
// then the likelier to come back, then by position.
func RankWinBack(vs []lapse.Verdict, c *Curve, cfg Config) []Call {
	cfg = cfg.orDefault()
	n := 0
	for i := range vs {
		if vs[i].Status.Missing() {
			n++
		}
	}
	out := make([]Call, 0, n)
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

// FollowUps returns the customers whose last visits were a finished course of treatment
// that ended at most cfg.FollowUpDays ago, the most recently finished first.
func FollowUps(vs []lapse.Verdict, cfg Config) []Call {
	cfg = cfg.orDefault()
	var out []Call
	for i := range vs {
		if vs[i].Status == lapse.FollowUp && vs[i].CurrentGap <= cfg.FollowUpDays {
			out = append(out, Call{Index: i, Group: FollowUp, Away: vs[i].CurrentGap, Chance: -1, Value: vs[i].ValueAtRisk})
		}
	}
	slices.SortStableFunc(out, func(x, y Call) int { return cmp.Compare(x.Away, y.Away) })
	return out
}

// Channels says which booking channels are platforms (see reason.Classify).
type Channels func(name string) bool

// Welcomes returns the new customers to welcome, the longest waiting first: their first
// visit, at most cfg.WelcomeDays before asOf, was booked through a platform, and nothing
// since was booked directly. Lapsed customers are left to the win-back calls.
func Welcomes(set *history.Set, vs []lapse.Verdict, asOf visit.Day, cfg Config, platform Channels) []Call {
	cfg = cfg.orDefault()
	if !set.Columns.Channel {
		return nil
	}
	var out []Call
	onPlatform := platformSyms(set.Channels, platform)
	for i := range set.Customers {
		v := &vs[i]
		// The first visit was at most WelcomeDays ago, so the last one was too.
		if v.Visits == 0 || v.Status.Missing() || v.CurrentGap > cfg.WelcomeDays {
			continue
		}
		if away, ok := platformFirstTimer(&set.Customers[i], onPlatform, asOf, cfg.WelcomeDays); ok {
			out = append(out, Call{Index: i, Group: Welcome, Away: away, Chance: -1, Value: v.ValueAtRisk})
		}
	}
	slices.SortStableFunc(out, func(x, y Call) int { return cmp.Compare(y.Away, x.Away) })
	return out
}

// platformFirstTimer reports whether h's first visit was at most within days before asOf
// and booked through a platform, with no later booking made directly (a series booked on
// the first one's day is part of it), and returns the days since that first visit.
func platformFirstTimer(h *history.History, onPlatform []bool, asOf visit.Day, within int) (int, bool) {
	first, booked := visit.NoDay, visit.NoDay
	for j := range h.Len() {
		e := h.At(j)
		if !e.IsVisit(asOf) && !e.IsBooking(asOf) {
			continue
		}
		if first == visit.NoDay {
			first, booked = e.Day, bookedOn(e)
			if e.Day > asOf || int(asOf-e.Day) > within || !isPlatform(onPlatform, e.Channel) {
				return 0, false
			}
			continue
		}
		if bookedOn(e) != booked && !isPlatform(onPlatform, e.Channel) {
			return 0, false
		}
	}
	return int(asOf - first), first != visit.NoDay
}

// bookedOn is the day e was booked; its own day when the export does not say.
func bookedOn(e history.Event) visit.Day {
	if e.Lead == history.NoLead {
		return e.Day
	}
	return e.Day - visit.Day(e.Lead)
}

// FirstTimerMonth is what became of the customers whose first visit, in one month, was
// booked through a platform: their second booking (booked on a later day than the first,
// so that a series is one booking) made directly, through a platform again, or none yet.
type FirstTimerMonth struct {
	Month                     string // yyyy-mm
	FirstTimers               int
	Direct, Platform, NoneYet int
}

// PlatformFirstTimers counts, in each of the cfg.FirstTimerMonths months up to asOf's, the
// customers whose first visit was booked through a platform, by how they booked their
// second visit. Nil without a channel column.
func PlatformFirstTimers(set *history.Set, asOf visit.Day, cfg Config, platform Channels) []FirstTimerMonth {
	cfg = cfg.orDefault()
	if !set.Columns.Channel || asOf == visit.NoDay {
		return nil
	}
	end := asOf.Month()
	start := end - cfg.FirstTimerMonths + 1
	rows := make([]FirstTimerMonth, cfg.FirstTimerMonths)
	for k := range rows {
		rows[k].Month = visit.MonthName(start + k)
	}
	onPlatform := platformSyms(set.Channels, platform)
	from := visit.DayOf(start/12, start%12+1, 1)
	for i := range set.Customers {
		if m, second, ok := firstTimer(&set.Customers[i], onPlatform, asOf, from); ok {
			row := &rows[m-start]
			row.FirstTimers++
			switch second {
			case ChannelPlatform:
				row.Platform++
			case ChannelDirect:
				row.Direct++
			}
		}
	}
	for k := range rows {
		rows[k].NoneYet = rows[k].FirstTimers - rows[k].Direct - rows[k].Platform
	}
	return rows
}

// Plan is a week's calls: the three groups, each in the order to call, and the platform
// first-timers, each worked out once when first asked for.
type Plan struct {
	WinBack, FollowUps, Welcome func() []Call
	Curve                       func() *Curve
	FirstTimers                 func() []FirstTimerMonth
}

// NewPlan plans the calls for set as of asOf from its verdicts and the absences of every
// customer ([Absences.Add]); platform says which booking channels are platforms.
func NewPlan(set *history.Set, vs []lapse.Verdict, abs *Absences, asOf visit.Day, cfg Config, platform Channels) *Plan {
	p := &Plan{}
	p.Curve = sync.OnceValue(func() *Curve { return abs.Curve(cfg) })
	p.WinBack = sync.OnceValue(func() []Call { return RankWinBack(vs, p.Curve(), cfg) })
	p.FollowUps = sync.OnceValue(func() []Call { return FollowUps(vs, cfg) })
	p.Welcome = sync.OnceValue(func() []Call { return Welcomes(set, vs, asOf, cfg, platform) })
	p.FirstTimers = sync.OnceValue(func() []FirstTimerMonth { return PlatformFirstTimers(set, asOf, cfg, platform) })
	return p
}

// The ways a second booking was made.
const (
	ChannelNone = iota
	ChannelPlatform
	ChannelDirect
)

// platformSyms says, by channel symbol, whether the channel is a platform; it has at
// least the entry of symbol 0.
func platformSyms(names *history.Symbols, platform Channels) []bool {
	n := 1
	if names != nil {
		n = max(n, names.Len())
	}
	out := make([]bool, n)
	for x := range out {
		out[x] = platform(names.Name(history.Sym(x)))
	}
	return out
}

// isPlatform reports whether channel x is a platform; onPlatform is [platformSyms]'s.
func isPlatform(onPlatform []bool, x history.Sym) bool {
	if int(x) < len(onPlatform) {
		return onPlatform[x]
	}
	return onPlatform[0] // no name, as for 0 (see history.Symbols.Name)
}

// firstTimer reports whether h's first visit, from from to asOf, was booked through a
// platform, with its month ([visit.Day.Month]) and how the next booking on a later day was made.
func firstTimer(h *history.History, onPlatform []bool, asOf, from visit.Day) (month, second int, ok bool) {
	booked := visit.NoDay
	for j := range h.Len() {
		e := h.At(j)
		if e.Day > asOf {
			break
		}
		if !e.IsVisit(asOf) {
			continue
		}
		if booked == visit.NoDay {
			if e.Day < from || !isPlatform(onPlatform, e.Channel) {
				return 0, 0, false
			}
			booked, month = bookedOn(e), e.Day.Month()
			continue
		}
		if bookedOn(e) == booked {
			continue
		}
		if isPlatform(onPlatform, e.Channel) {
			return month, ChannelPlatform, true
		}
		return month, ChannelDirect, true
	}
	return month, ChannelNone, booked != visit.NoDay
}
