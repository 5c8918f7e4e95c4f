package lapse

import (
	"fmt"
	"math"
	"strconv"

	"github.com/winback/winback/pkg/visit"
)

// unit is the unit a duration is told in.
type unit uint8

const (
	days unit = iota
	weeks
	months
	years
)

// span is a duration rounded for a person: days under 3 weeks, weeks under 4 months,
// months under 2 years, years beyond.
type span struct {
	n int
	u unit
}

func spanOf(d float64) span {
	r := math.Round(d)
	switch {
	case r < 21:
		return span{int(math.Max(r, 0)), days}
	case r < 122:
		return span{int(math.Round(r / 7)), weeks}
	case r < 730:
		return span{int(math.Round(r / (365.25 / 12))), months}
	}
	return span{int(math.Round(r / 365.25)), years}
}

var (
	enUnit   = [...][2]string{{"day", "days"}, {"week", "weeks"}, {"month", "months"}, {"year", "years"}}
	deUnit   = [...][2]string{{"Tag", "Tage"}, {"Woche", "Wochen"}, {"Monat", "Monate"}, {"Jahr", "Jahre"}}
	deDative = [...]string{"Tagen", "Wochen", "Monaten", "Jahren"} // plural after "vor", "von"
	deEvery  = [...]string{"jeden Tag", "jede Woche", "jeden Monat", "jedes Jahr"}
)

// appendEN appends "6 weeks" or "1 week".
func (s span) appendEN(b []byte) []byte {
	b = strconv.AppendInt(b, int64(s.n), 10)
	b = append(b, ' ')
	if s.n == 1 {
		return append(b, enUnit[s.u][0]...)
	}
	return append(b, enUnit[s.u][1]...)
}

// appendDEDative appends "6 Wochen" or "1 Woche", the form after "vor" and "von".
func (s span) appendDEDative(b []byte) []byte {
	b = strconv.AppendInt(b, int64(s.n), 10)
	b = append(b, ' ')
	if s.n == 1 {
		return append(b, deUnit[s.u][0]...)
	}
	return append(b, deDative[s.u]...)
}

// appendEveryEN and appendEveryDE say how often: "every 6 weeks", "alle 6 Wochen".
func appendEveryEN(b []byte, d float64) []byte {
	s := spanOf(d)
	b = append(b, "every "...)
	if s.n <= 1 {
		return append(b, enUnit[s.u][0]...)
	}
	return s.appendEN(b)
}

func appendEveryDE(b []byte, d float64) []byte {
	s := spanOf(d)
	if s.n <= 1 {
		return append(b, deEvery[s.u]...)
	}
	b = append(b, "alle "...)
	b = strconv.AppendInt(b, int64(s.n), 10)
	b = append(b, ' ')
	return append(b, deUnit[s.u][1]...)
}

// appendAgoEN and appendAgoDE say how long ago: "14 weeks ago", "vor 14 Wochen", "today",
// "heute".
func appendAgoEN(b []byte, d int) []byte {
	if d <= 0 {
		return append(b, "today"...)
	}
	return append(spanOf(float64(d)).appendEN(b), " ago"...)
}

func appendAgoDE(b []byte, d int) []byte {
	if d <= 0 {
		return append(b, "heute"...)
	}
	return spanOf(float64(d)).appendDEDative(append(b, "vor "...))
}

// appendPercentEN and appendPercentDE round a probability to whole percent: "12%",
// "12 %".
func appendPercentEN(b []byte, p float64) []byte {
	if p < 0.005 {
		return append(b, "under 1%"...)
	}
	return append(strconv.AppendFloat(b, math.Round(100*p), 'f', 0, 64), '%')
}

func appendPercentDE(b []byte, p float64) []byte {
	if p < 0.005 {
		return append(b, "unter 1 %"...)
	}
	return append(strconv.AppendFloat(b, math.Round(100*p), 'f', 0, 64), " %"...)
}

// appendDateEN and appendDateDE format a day for a person: "14 Jul 2025", "14.07.2025".
func appendDateEN(b []byte, d visit.Day) []byte { return d.Time().AppendFormat(b, "2 Jan 2006") }
func appendDateDE(b []byte, d visit.Day) []byte { return d.Time().AppendFormat(b, "02.01.2006") }

// evidence is what a rule saw beyond the [Verdict]'s own fields, for its explanation.
type evidence struct {
	service      string  // the course's or the recall's service
	since        int     // days since the recall service
	courseVisits int     // visit days of the course
	within       float64 // the population's quantile gap; 0 when nobody came back
}

// texts builds explanations in reusable buffers and keeps one copy of each distinct
// text: most customers share theirs with many others, and a verdict list for 300,000
// customers should not hold 600,000 strings.
type texts struct {
	en, de []byte
	seen   map[string]string
	// byKey holds the explanations of the common rules by what they say (see
	// Verdict.key): formatting and interning two texts per customer cost more than
	// looking them up.
	byKey map[uint64][2]string
}

// key returns what an explanation of the own-rhythm, model or population rule depends
// on, packed into a number: the rule, the usual gap's span (own rhythm) or the
// population's (or that nobody came back), P(alive) in whole percent (model), whether the
// visit was the only one and the span since the last visit. Verdicts with the same key
// have the same texts. It returns false for other rules, whose texts depend on more.
func (v *Verdict) key(ev evidence) (uint64, bool) {
	var rule, usual, pct uint64
	switch v.Rule {
	case RuleOwnRhythm:
		rule, usual = 1, spanOf(v.UsualGap).packed()
	case RuleModel:
		rule = 2
		switch {
		case math.IsNaN(v.PAlive) || v.PAlive > 1:
			return 0, false
		case v.PAlive >= 0.005:
			pct = 1 + uint64(math.Round(100*v.PAlive)) // 0 is under 1 %
		}
	case RulePopulation:
		rule = 3
		if ev.within != 0 {
			usual = 1 + spanOf(ev.within).packed() // 0 is nobody came back
		}
	default:
		return 0, false
	}
	ago := uint64(0) // today
	if v.CurrentGap > 0 {
		ago = 1 + spanOf(float64(v.CurrentGap)).packed()
	}
	only := uint64(0)
	if v.Visits == 1 {
		only = 1
	}
	if usual >= 1<<24 || ago >= 1<<24 {
		return 0, false // a span of millions of years
	}
	return rule | only<<2 | pct<<3 | usual<<10 | ago<<34, true
}

// packed is s as one number, distinct for distinct spans; under 2^23 for n under 2^21.
func (s span) packed() uint64 { return uint64(s.n)<<2 | uint64(s.u) }

func (t *texts) intern(b []byte) string {
	if s, ok := t.seen[string(b)]; ok {
		return s
	}
	if t.seen == nil || len(t.seen) > 1<<16 {
		t.seen = make(map[string]string)
	}
	s := string(b)
	t.seen[s] = s
	return s
}

// explain fills v's Explanation and ExplanationDE for its rule.
func (v *Verdict) explain(ev evidence, t *texts) {
	k, ok := v.key(ev)
	if !ok {
		v.format(ev, t)
		return
	}
	if s, ok := t.byKey[k]; ok {
		v.Explanation, v.ExplanationDE = s[0], s[1]
		return
	}
	v.format(ev, t)
	if t.byKey == nil || len(t.byKey) > 1<<14 {
		t.byKey = make(map[uint64][2]string)
	}
	t.byKey[k] = [2]string{v.Explanation, v.ExplanationDE}
}

// format fills v's Explanation and ExplanationDE for its rule, from scratch.
func (v *Verdict) format(ev evidence, t *texts) {
	en, de := t.en[:0], t.de[:0]
	// last appends when the last visit was, and whether it was the only one.
	last := func() {
		if v.Visits == 1 {
			en, de = append(en, "only visit "...), append(de, "einziger Besuch "...)
		} else {
			en, de = append(en, "last visit "...), append(de, "letzter Besuch "...)
		}
		en, de = appendAgoEN(en, v.CurrentGap), appendAgoDE(de, v.CurrentGap)
	}
	switch v.Rule {
	case RuleBooked:
		en = appendDateEN(append(en, "next appointment on "...), v.NextBooked)
		de = appendDateDE(append(de, "nächster Termin am "...), v.NextBooked)
	case RuleNoVisit:
		if v.NextBooked != visit.NoDay {
			en = appendDateEN(append(en, "first appointment on "...), v.NextBooked)
			de = appendDateDE(append(de, "erster Termin am "...), v.NextBooked)
		} else {
			en = append(en, "no visit yet, only cancelled or missed appointments"...)
			de = append(de, "noch kein Besuch, nur abgesagte oder versäumte Termine"...)
		}
	case RuleCourse:
		if v.Status == FollowUp {
			en = fmt.Appendf(en, "finished a course of %d × %s; ", ev.courseVisits, ev.service)
			de = fmt.Appendf(de, "Behandlungsserie %d × %s abgeschlossen; ", ev.courseVisits, ev.service)
		} else {
			en = appendEveryEN(fmt.Appendf(en, "in a course of %s, usually ", ev.service), v.UsualGap)
			de = appendEveryDE(fmt.Appendf(de, "in Behandlungsserie %s, kommt sonst ", ev.service), v.UsualGap)
			en, de = append(en, "; "...), append(de, "; "...)
		}
		last()
	case RuleOwnRhythm:
		en = append(appendEveryEN(append(en, "usually "...), v.UsualGap), "; "...)
		de = append(appendEveryDE(append(de, "kommt sonst "...), v.UsualGap), "; "...)
		last()
	case RuleRecall:
		en = appendEveryEN(append(append(en, ev.service...), " recall "...), v.UsualGap)
		en = appendAgoEN(append(append(append(en, "; last "...), ev.service...), ' '), ev.since)
		de = appendEveryDE(append(append(append(de, "Recall "...), ev.service...), ' '), v.UsualGap)
		de = appendAgoDE(append(append(append(de, "; "...), ev.service...), " zuletzt "...), ev.since)
	case RuleModel:
		en = append(appendPercentEN(en, v.PAlive), " chance still active (model); "...)
		de = append(appendPercentDE(append(de, "laut Modell zu "...), v.PAlive), " noch aktiv; "...)
		last()
	case RulePopulation:
		if ev.within == 0 {
			en = append(en, "no customer has come back yet to compare with; "...)
			de = append(de, "noch niemand ist wiedergekommen, kein Vergleich möglich; "...)
		} else {
			en = append(spanOf(ev.within).appendEN(append(en, "most customers come back within "...)), "; "...)
			de = append(spanOf(ev.within).appendDEDative(append(de, "die meisten kommen innerhalb von "...)), " wieder; "...)
		}
		last()
	}
	v.Explanation, v.ExplanationDE = t.intern(en), t.intern(de)
	t.en, t.de = en, de
}
