package report

import (
	"slices"
	"strings"
	"time"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visit"
	catalogue "github.com/winback/winback/pkg/words"
)

// timelineEvent is one appointment on explain's timeline.
type timelineEvent struct {
	Day    visit.Day
	Status string // attended, cancelled, no-show, booked
}

// alivePoint is the model's probability, on a day, that the customer still comes.
type alivePoint struct {
	Day visit.Day
	P   float64
}

// aliveSteps is about how many days the P(alive) line is worked out for.
const aliveSteps = 240

// aliveOverTime is customer i's P(alive) on days from their first visit to the as-of
// date, as the fitted model sees their visits up to each day (lifetimes'
// plot_history_alive); nil without a usable model or visit.
func aliveOverTime(r *analysis.Result, i int) []alivePoint {
	pred := r.Models.Predictor()
	if pred == nil {
		return nil
	}
	var days []visit.Day
	for d := range r.Set.Customers[i].VisitDays(r.AsOf) {
		days = append(days, d)
	}
	days = slices.Compact(days) // one a day
	if len(days) == 0 {
		return nil
	}
	step := max(1, int(r.AsOf-days[0])/aliveSteps)
	var out []alivePoint
	for d := days[0]; ; d += visit.Day(step) {
		d = min(d, r.AsOf)
		if s, ok := model.Summarize(days, d, r.Models.Period); ok {
			out = append(out, alivePoint{Day: d, P: pred.PAlive(s)})
		}
		if d == r.AsOf {
			return out
		}
	}
}

// newTimeline draws a customer's appointments on a time axis, each status its own mark
// (filled: came; open: cancelled; grey: did not come; dashed: booked), and below them
// the model's chance that they still come, from their first visit to the as-of date.
func newTimeline(evs []timelineEvent, alive []alivePoint, asOf visit.Day, cat *catalogue.Catalogue) *svgChart {
	const width, left, right = 960.0, 80.0, 30.0
	const marksY, plotTop, plotH = 76.0, 150.0, 170.0
	c := &svgChart{ID: "customer-timeline", Label: cat.T("report.Timeline"), W: width, H: int(plotTop + plotH + 56)}
	if len(alive) == 0 {
		c.H = int(marksY + 94)
	}
	if len(evs) == 0 {
		return c
	}
	lang := cat.Lang()
	from, to := evs[0].Day, max(asOf, evs[len(evs)-1].Day)
	pad := max(7, (to-from)/40)
	from, to = from-pad, to+pad
	plotW := width - left - right
	xAt := func(d visit.Day) float64 { return left + float64(d-from)/float64(to-from)*plotW }

	// The legend: the marks that occur, in a fixed order.
	x := left
	for _, st := range []string{"attended", "cancelled", "no-show", "booked"} {
		if !slices.ContainsFunc(evs, func(e timelineEvent) bool { return e.Status == st }) {
			continue
		}
		label := cat.Code("event.", st)
		c.rect(x, 14, 14, 14, "ev ev-"+st, "")
		c.text(x+20, 27, label, "start", "small")
		x += 20 + labelWidth(label, 16) + 24
	}
	// The marks on two lines: visits and bookings above, appointments missed or cancelled
	// below, so that neither hides the other. Dense marks get thinner.
	mw := min(12, max(3, plotW/float64(len(evs))-1))
	c.line(left, marksY, left+plotW, marksY, "grid")
	c.line(left, marksY+24, left+plotW, marksY+24, "grid")
	for _, e := range evs {
		y := marksY - 10
		if e.Status == "cancelled" || e.Status == "no-show" {
			y += 24
		}
		c.rect(xAt(e.Day)-mw/2, y, mw, 20, "ev ev-"+e.Status, dayText(e.Day, lang)+": "+cat.Code("event.", e.Status))
	}
	base := plotTop + plotH
	bottom := marksY + 44
	if len(alive) > 0 {
		bottom = base
		for _, t := range []float64{0, 0.5, 1} {
			y := base - t*plotH
			c.line(left, y, left+plotW, y, "grid")
			c.text(left-8, y+6, Percent(t, lang), "end", "")
		}
		c.text(left, plotTop-12, cat.T("report.PAlive"), "start", "panel-title")
		pts := make([]string, len(alive))
		for k, a := range alive {
			pts[k] = px(xAt(a.Day)).String() + "," + px(base-a.P*plotH).String()
		}
		c.Paths = append(c.Paths, svgPath{Class: "series s-active", Points: strings.Join(pts, " ")})
		c.line(left, base, left+plotW, base, "axis")
	}
	// The as-of date, and month labels under everything.
	c.line(xAt(asOf), marksY-20, xAt(asOf), bottom, "asof")
	c.text(xAt(asOf)-4, marksY-24, cat.T("cli.as-of"), "end", "small")
	monthLabels(c, from, to, xAt, bottom, plotW, lang)
	return c
}

// monthLabels writes the first days of months under a time axis, on a step of months
// that keeps them apart.
func monthLabels(c *svgChart, from, to visit.Day, xAt func(visit.Day) float64, y, plotW float64, lang string) {
	months := int(to-from)/30 + 1
	fit := max(1, int(plotW/(labelWidth("Sept. 2024", 16)+16)))
	step := 1
	for _, s := range []int{1, 2, 3, 6, 12, 24, 60} {
		step = s
		if months/s <= fit {
			break
		}
	}
	t := from.Time()
	m := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0)
	for ; ; m = m.AddDate(0, step, 0) {
		if step >= 12 && m.Month() != time.January {
			m = time.Date(m.Year()+1, time.January, 1, 0, 0, 0, 0, time.UTC)
		}
		d := visit.Day(m.Unix() / 86400)
		if d > to {
			return
		}
		c.line(xAt(d), y, xAt(d), y+6, "axis")
		c.text(xAt(d), y+26, catalogue.For(lang).ShortMonthYear(m.Year(), m.Month()), "middle", "small")
	}
}
