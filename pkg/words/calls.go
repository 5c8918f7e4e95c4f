package words

import (
	"github.com/winback/winback/pkg/calls"
	"github.com/winback/winback/pkg/lapse"
)

// WinBackWhy says why a win-back call ranks where it does: how long the customer has been
// away, how many away that long came back, and, with amounts, what a year of their visits
// is worth and what the call can win back.
func (c *Catalogue) WinBackWhy(k *calls.Call, amounts bool) string {
	away := c.span(float64(k.Away), ".dative")
	var s string
	if amounts {
		s = c.F("calls.why.win-back", away, c.Percent(k.Chance), c.Money(k.Value), c.Money(k.Recoverable))
	} else {
		s = c.F("calls.why.win-back.no-amounts", away, c.Percent(k.Chance))
	}
	if !k.Measured {
		s += c.T("calls.why.estimated")
	}
	if k.LongLost {
		s = c.T("calls.why.long-lost") + s
		if k.Outranks {
			s += c.T("calls.why.outranks")
		}
	}
	return s
}

// FollowUpWhy says why a follow-up call is on the list: the course that finished, and when.
func (c *Catalogue) FollowUpWhy(v *lapse.Verdict) string {
	if v.Basis.Service == "" {
		return c.F("calls.why.follow-up.no-service", c.ago(v.CurrentGap))
	}
	return c.F("calls.why.follow-up", c.ago(v.CurrentGap), v.Basis.Service)
}

// WelcomeWhy says why a welcome call is on the list: the first visit, and the platform.
func (c *Catalogue) WelcomeWhy(days int, platform string) string {
	return c.F("calls.why.welcome", c.ago(days), platform)
}

// GroupWord is the call group's word: "win-back", "Rückgewinnung".
func (c *Catalogue) GroupWord(g calls.Group) string {
	for _, t := range CallGroups() {
		if t.Code == g.String() {
			return t.In(c)
		}
	}
	return g.String()
}
