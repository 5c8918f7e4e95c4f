package lapse

import (
	"fmt"
	"math"

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

func (s span) en() string {
	if s.n == 1 {
		return "1 " + enUnit[s.u][0]
	}
	return fmt.Sprintf("%d %s", s.n, enUnit[s.u][1])
}

func (s span) deDat() string {
	if s.n == 1 {
		return "1 " + deUnit[s.u][0]
	}
	return fmt.Sprintf("%d %s", s.n, deDative[s.u])
}

// everyEN and everyDE say how often: "every 6 weeks", "alle 6 Wochen".
func everyEN(d float64) string {
	s := spanOf(d)
	if s.n <= 1 {
		return "every " + enUnit[s.u][0]
	}
	return "every " + s.en()
}

func everyDE(d float64) string {
	s := spanOf(d)
	if s.n <= 1 {
		return deEvery[s.u]
	}
	return fmt.Sprintf("alle %d %s", s.n, deUnit[s.u][1])
}

// agoEN and agoDE say how long ago: "14 weeks ago", "vor 14 Wochen", "today", "heute".
func agoEN(d int) string {
	if d <= 0 {
		return "today"
	}
	return spanOf(float64(d)).en() + " ago"
}

func agoDE(d int) string {
	if d <= 0 {
		return "heute"
	}
	return "vor " + spanOf(float64(d)).deDat()
}

// withinEN and withinDE: "within 5 weeks", "innerhalb von 5 Wochen".
func withinEN(d float64) string { return "within " + spanOf(d).en() }
func withinDE(d float64) string { return "innerhalb von " + spanOf(d).deDat() }

// percentEN and percentDE round a probability to whole percent: "12%", "12 %".
func percentEN(p float64) string {
	if p < 0.005 {
		return "under 1%"
	}
	return fmt.Sprintf("%.0f%%", 100*p)
}

func percentDE(p float64) string {
	if p < 0.005 {
		return "unter 1 %"
	}
	return fmt.Sprintf("%.0f %%", 100*p)
}

// dateEN and dateDE format a day for a person: "14 Jul 2025", "14.07.2025".
func dateEN(d visit.Day) string { return d.Time().Format("2 Jan 2006") }
func dateDE(d visit.Day) string { return d.German() }

// lastVisit says when the last visit was, and whether it was the only one.
func lastVisit(visits, gap int) (en, de string) {
	if visits == 1 {
		return "only visit " + agoEN(gap), "einziger Besuch " + agoDE(gap)
	}
	return "last visit " + agoEN(gap), "letzter Besuch " + agoDE(gap)
}

// evidence is what a rule saw beyond the [Verdict]'s own fields, for its explanation.
type evidence struct {
	service      string  // the course's or the recall's service
	since        int     // days since the recall service
	courseVisits int     // visit days of the course
	within       float64 // the population's quantile gap; 0 when nobody came back
}

// explain fills v's Explanation and ExplanationDE for its rule.
func (v *Verdict) explain(ev evidence) {
	service := ev.service
	lastEN, lastDE := lastVisit(v.Visits, v.CurrentGap)
	switch v.Rule {
	case RuleBooked:
		v.Explanation = "next appointment on " + dateEN(v.NextBooked)
		v.ExplanationDE = "nächster Termin am " + dateDE(v.NextBooked)
	case RuleNoVisit:
		if v.NextBooked != visit.NoDay {
			v.Explanation = "first appointment on " + dateEN(v.NextBooked)
			v.ExplanationDE = "erster Termin am " + dateDE(v.NextBooked)
		} else {
			v.Explanation = "no visit yet, only cancelled or missed appointments"
			v.ExplanationDE = "noch kein Besuch, nur abgesagte oder versäumte Termine"
		}
	case RuleCourse:
		if v.Status == FollowUp {
			v.Explanation = fmt.Sprintf("finished a course of %d × %s; %s", ev.courseVisits, service, lastEN)
			v.ExplanationDE = fmt.Sprintf("Behandlungsserie %d × %s abgeschlossen; %s", ev.courseVisits, service, lastDE)
		} else {
			v.Explanation = fmt.Sprintf("in a course of %s, usually %s; %s", service, everyEN(v.UsualGap), lastEN)
			v.ExplanationDE = fmt.Sprintf("in Behandlungsserie %s, kommt sonst %s; %s", service, everyDE(v.UsualGap), lastDE)
		}
	case RuleOwnRhythm:
		v.Explanation = fmt.Sprintf("usually %s; %s", everyEN(v.UsualGap), lastEN)
		v.ExplanationDE = fmt.Sprintf("kommt sonst %s; %s", everyDE(v.UsualGap), lastDE)
	case RuleRecall:
		v.Explanation = fmt.Sprintf("%s recall %s; last %s %s", service, everyEN(v.UsualGap), service, agoEN(ev.since))
		v.ExplanationDE = fmt.Sprintf("Recall %s %s; %s zuletzt %s", service, everyDE(v.UsualGap), service, agoDE(ev.since))
	case RuleModel:
		v.Explanation = fmt.Sprintf("%s chance still active (model); %s", percentEN(v.PAlive), lastEN)
		v.ExplanationDE = fmt.Sprintf("laut Modell zu %s noch aktiv; %s", percentDE(v.PAlive), lastDE)
	case RulePopulation:
		if ev.within == 0 {
			v.Explanation = "no customer has come back yet to compare with; " + lastEN
			v.ExplanationDE = "noch niemand ist wiedergekommen, kein Vergleich möglich; " + lastDE
		} else {
			v.Explanation = fmt.Sprintf("most customers come back %s; %s", withinEN(ev.within), lastEN)
			v.ExplanationDE = fmt.Sprintf("die meisten kommen %s wieder; %s", withinDE(ev.within), lastDE)
		}
	}
}
