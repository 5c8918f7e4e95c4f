package report

import "github.com/winback/winback/pkg/calls"

// FirstTimerRow is one month of the platform first-timers: those whose first visit that
// month was booked through a platform, and how they booked their second visit.
type FirstTimerRow struct {
	Month       string `json:"month"` // yyyy-mm
	FirstTimers int    `json:"first_timers"`
	Direct      int    `json:"second_direct"`
	Platform    int    `json:"second_platform"`
	NoneYet     int    `json:"second_none_yet"`
}

func round3(x float64) float64 { return float64(int64(x*1000+0.5)) / 1000 }

// callGroups fills in the follow-up and welcome calls of r and the platform first-timers.
func callGroups(rep *Report, f *filler) {
	r, cat := f.r, f.words
	plan := r.Calls()
	group := func(cs []calls.Call, why func(*calls.Call) string, question string) []Customer {
		out := make([]Customer, 0, len(cs))
		for k := range cs {
			if !r.Selected(cs[k].Index) || r.Held(cs[k].Index) { // filtered out, or kept off by earlier calls
				continue
			}
			var c Customer
			f.fill(cs[k].Index, &c, nil, nil)
			c.Why, c.Questions = why(&cs[k]), question
			out = append(out, c)
		}
		return out
	}
	rep.FollowUps = group(plan.FollowUps(), func(k *calls.Call) string { return cat.FollowUpWhy(&r.Verdicts[k.Index]) },
		cat.T("calls.question.follow-up"))
	rep.Welcome = group(plan.Welcome(), func(k *calls.Call) string { return cat.WelcomeWhy(k.Away, firstChannel(r, k.Index)) },
		cat.T("calls.question.welcome"))
	for _, m := range plan.FirstTimers() {
		rep.FirstTimers = append(rep.FirstTimers, FirstTimerRow{Month: m.Month, FirstTimers: m.FirstTimers,
			Direct: m.Direct, Platform: m.Platform, NoneYet: m.NoneYet})
	}
}
