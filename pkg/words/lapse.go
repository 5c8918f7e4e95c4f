package words

import (
	"math"
	"strconv"
	"strings"

	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
)

// Explanation says in plain words what decided a verdict, from its rule, its fields and
// its [lapse.Basis]: "usually every 6 weeks; last visit 14 weeks ago", "kommt sonst alle 6
// Wochen; letzter Besuch vor 14 Wochen".
func (c *Catalogue) Explanation(v *lapse.Verdict) string {
	var buf [128]byte
	return string(c.AppendExplanation(buf[:0], v))
}

// AppendExplanation appends the [Catalogue.Explanation] of v to buf.
func (c *Catalogue) AppendExplanation(buf []byte, v *lapse.Verdict) []byte {
	var last, arg [128]byte
	b := &v.Basis
	switch v.Rule {
	case lapse.RuleBooked:
		return c.appendF(buf, "lapse.booked", v.NextBooked.Time().AppendFormat(arg[:0], c.T("lapse.date-layout")))
	case lapse.RuleNoVisit:
		if v.NextBooked != visit.NoDay {
			return c.appendF(buf, "lapse.first-booked", v.NextBooked.Time().AppendFormat(arg[:0], c.T("lapse.date-layout")))
		}
		return append(buf, c.T("lapse.no-visit")...)
	case lapse.RuleRecall:
		return c.appendF(buf, "lapse.recall", b.Service, c.appendEvery(arg[:0], v.UsualGap), c.appendAgo(last[:0], b.Since))
	}
	key := "lapse.last.other"
	if v.Visits == 1 {
		key = "lapse.last.one"
	}
	l := c.appendF(last[:0], key, c.appendAgo(arg[:0], v.CurrentGap))
	switch v.Rule {
	case lapse.RuleCourse:
		if v.Status == lapse.FollowUp {
			return c.appendF(buf, "lapse.course-finished", b.CourseVisits, b.Service, l)
		}
		return c.appendF(buf, "lapse.course", b.Service, c.appendEvery(arg[:0], v.UsualGap), l)
	case lapse.RuleOwnRhythm:
		return c.appendF(buf, "lapse.own-rhythm", c.appendEvery(arg[:0], v.UsualGap), l)
	case lapse.RuleModel:
		if v.PAlive < 0.005 {
			return c.appendF(buf, "lapse.model", c.T("lapse.chance.under"), l)
		}
		return c.appendF(buf, "lapse.model", c.appendF(arg[:0], "lapse.chance", int(math.Round(100*v.PAlive))), l)
	case lapse.RulePopulation:
		if b.Within == 0 {
			return c.appendF(buf, "lapse.population.none", l)
		}
		return c.appendF(buf, "lapse.population", c.appendSpan(arg[:0], b.Within, ".dative"), l)
	}
	return buf
}

// appendF appends the text key filled in as [Catalogue.F] would, without F's garbage, for
// the verbs the explanations and the calls' why texts use: %s, %d, %[n]s, %[n]d of
// strings, []byte and ints; %%. An argument of another type writes nothing.
func (c *Catalogue) appendF(b []byte, key string, args ...any) []byte {
	tpl, next := c.T(key), 0
	for {
		i := strings.IndexByte(tpl, '%')
		if i < 0 || i == len(tpl)-1 {
			return append(b, tpl...)
		}
		b, tpl = append(b, tpl[:i]...), tpl[i+1:]
		if tpl[0] == '%' {
			b, tpl = append(b, '%'), tpl[1:]
			continue
		}
		if n, rest, ok := strings.Cut(tpl[1:], "]"); tpl[0] == '[' && ok { // %[n]s
			next, _ = strconv.Atoi(n)
			next, tpl = next-1, rest
		}
		switch a := args[next].(type) {
		case string:
			b = append(b, a...)
		case []byte:
			b = append(b, a...)
		case int:
			b = strconv.AppendInt(b, int64(a), 10)
		}
		next, tpl = next+1, tpl[1:]
	}
}

// spanUnits are the units a duration is told in, in the order of [spanOf].
var spanUnits = [...]string{"day", "week", "month", "year"}

// spanOf rounds a duration for a person: days under 3 weeks, weeks under 4 months, months
// under 2 years, years beyond. It returns the number and the index of the unit.
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

// appendSpan appends a duration: "6 weeks", "1 week"; form ".dative" gives the plural
// after "vor" and "von" in German ("6 Wochen", "7 Tagen").
func (c *Catalogue) appendSpan(b []byte, d float64, form string) []byte {
	n, u := spanOf(d)
	if n == 1 {
		return c.appendF(b, "lapse.span."+spanUnits[u]+".one", n)
	}
	return c.appendF(b, "lapse.span."+spanUnits[u]+".other"+form, n)
}

// appendEvery appends how often: "every 6 weeks", "every week"; "alle 6 Wochen", "jede
// Woche".
func (c *Catalogue) appendEvery(b []byte, d float64) []byte {
	n, u := spanOf(d)
	if n <= 1 {
		return append(b, c.T("lapse.every."+spanUnits[u]+".one")...)
	}
	return c.appendF(b, "lapse.every."+spanUnits[u]+".other", n)
}

// appendAgo appends how long ago: "14 weeks ago", "vor 14 Wochen", "today".
func (c *Catalogue) appendAgo(b []byte, days int) []byte {
	if days <= 0 {
		return append(b, c.T("lapse.today")...)
	}
	var span [32]byte
	return c.appendF(b, "lapse.ago", c.appendSpan(span[:0], float64(days), ".dative"))
}
