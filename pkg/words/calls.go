package words

import (
	"github.com/winback/winback/pkg/calls"
	"github.com/winback/winback/pkg/lapse"
)

// WinBackWhy says why a win-back call ranks where it does: how long the customer has been
// away, how many away that long came back, and, with amounts, what a year of their visits
// is worth and what the call can win back.
func (c *Catalogue) WinBackWhy(k *calls.Call, amounts bool) string {
	var buf [512]byte
	return string(c.AppendWinBackWhy(buf[:0], k, amounts))
}

// AppendWinBackWhy appends the [Catalogue.WinBackWhy] of k to b.
func (c *Catalogue) AppendWinBackWhy(b []byte, k *calls.Call, amounts bool) []byte {
	var away, pct, value, back [32]byte
	if k.LongLost {
		b = append(b, c.T("calls.why.long-lost")...)
	}
	span, chance := c.appendSpan(away[:0], float64(k.Away), ".dative"), c.appendPercent(pct[:0], k.Chance)
	if amounts {
		b = c.appendF(b, "calls.why.win-back", span, chance, c.appendMoney(value[:0], k.Value, true), c.appendMoney(back[:0], k.Recoverable, true))
	} else {
		b = c.appendF(b, "calls.why.win-back.no-amounts", span, chance)
	}
	if !k.Measured {
		b = append(b, c.T("calls.why.estimated")...)
	}
	if k.LongLost && k.Outranks {
		b = append(b, c.T("calls.why.outranks")...)
	}
	return b
}

// FollowUpWhy says why a follow-up call is on the list: the course that finished, and when.
func (c *Catalogue) FollowUpWhy(v *lapse.Verdict) string {
	var buf, ago [256]byte
	if v.Basis.Service == "" {
		return string(c.appendF(buf[:0], "calls.why.follow-up.no-service", c.appendAgo(ago[:0], v.CurrentGap)))
	}
	return string(c.appendF(buf[:0], "calls.why.follow-up", c.appendAgo(ago[:0], v.CurrentGap), v.Basis.Service))
}

// WelcomeWhy says why a welcome call is on the list: the first visit, and the platform.
func (c *Catalogue) WelcomeWhy(days int, platform string) string {
	var buf, ago [256]byte
	return string(c.appendF(buf[:0], "calls.why.welcome", c.appendAgo(ago[:0], days), platform))
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
