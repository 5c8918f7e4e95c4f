package words

import (
	"math"

	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
)

// Explanation says in plain words what decided a verdict, from its rule, its fields and
// its [lapse.Basis]: "usually every 6 weeks; last visit 14 weeks ago", "kommt sonst alle 6
// Wochen; letzter Besuch vor 14 Wochen".
func (c *Catalogue) Explanation(v *lapse.Verdict) string {
	last := func() string {
		key := "lapse.last.other"
		if v.Visits == 1 {
			key = "lapse.last.one"
		}
		return c.F(key, c.ago(v.CurrentGap))
	}
	b := &v.Basis
	switch v.Rule {
	case lapse.RuleBooked:
		return c.F("lapse.booked", c.lapseDate(v.NextBooked))
	case lapse.RuleNoVisit:
		if v.NextBooked != visit.NoDay {
			return c.F("lapse.first-booked", c.lapseDate(v.NextBooked))
		}
		return c.T("lapse.no-visit")
	case lapse.RuleCourse:
		if v.Status == lapse.FollowUp {
			return c.F("lapse.course-finished", b.CourseVisits, b.Service, last())
		}
		return c.F("lapse.course", b.Service, c.every(v.UsualGap), last())
	case lapse.RuleOwnRhythm:
		return c.F("lapse.own-rhythm", c.every(v.UsualGap), last())
	case lapse.RuleRecall:
		return c.F("lapse.recall", b.Service, c.every(v.UsualGap), c.ago(b.Since))
	case lapse.RuleModel:
		return c.F("lapse.model", c.chance(v.PAlive), last())
	case lapse.RulePopulation:
		if b.Within == 0 {
			return c.F("lapse.population.none", last())
		}
		return c.F("lapse.population", c.span(b.Within, ".dative"), last())
	}
	return ""
}

// spanUnits are the units a duration is told in, in the order of [spanOf].
var spanUnits = [...]string{"day", "week", "month", "year"}

// spanOf rounds a duration for a person: days under 3 weeks, weeks under 4 months, months
// under 2 years, years beyond. It returns the number and the unit (an index of
// spanUnits).
func spanOf(d float64) (n, unit int) {
	r := math.Round(d)
	switch {
	case r < 21:
		return int(math.Max(r, 0)), 0
	case r < 122:
		return int(math.Round(r / 7)), 1
	case r < 730:
		return int(math.Round(r / (365.25 / 12))), 2
	}
	return int(math.Round(r / 365.25)), 3
}

// span says a duration: "6 weeks", "1 week"; form ".dative" gives the plural after "vor"
// and "von" in German ("6 Wochen", "7 Tagen").
func (c *Catalogue) span(d float64, form string) string {
	n, u := spanOf(d)
	if n == 1 {
		return c.F("lapse.span."+spanUnits[u]+".one", n)
	}
	return c.F("lapse.span."+spanUnits[u]+".other"+form, n)
}

// every says how often: "every 6 weeks", "every week"; "alle 6 Wochen", "jede Woche".
func (c *Catalogue) every(d float64) string {
	n, u := spanOf(d)
	if n <= 1 {
		return c.T("lapse.every." + spanUnits[u] + ".one")
	}
	return c.F("lapse.every."+spanUnits[u]+".other", n)
}

// ago says how long ago: "14 weeks ago", "vor 14 Wochen", "today".
func (c *Catalogue) ago(days int) string {
	if days <= 0 {
		return c.T("lapse.today")
	}
	return c.F("lapse.ago", c.span(float64(days), ".dative"))
}

// chance rounds a probability to whole percent: "12%", "12 %", "under 1%".
func (c *Catalogue) chance(p float64) string {
	if p < 0.005 {
		return c.T("lapse.chance.under")
	}
	return c.F("lapse.chance", int(math.Round(100*p)))
}

// lapseDate formats a day as the explanations do: "14 Jul 2025", "14.07.2025".
func (c *Catalogue) lapseDate(d visit.Day) string {
	return d.Time().Format(c.T("lapse.date-layout"))
}
