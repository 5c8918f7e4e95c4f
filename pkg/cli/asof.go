package cli

import (
	"fmt"
	"strings"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/field"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/visit"
)

// asOfDay resolves --as-of against the data and cuts the data at it: res.Set becomes the
// set as of that day ([history.Set.AsOf]), so that the analysis, the trend and "since
// last time" all see the same rows, and o.cut says what was left out.
//
// Without --as-of, the day is the one the export was evidently taken on
// ([history.Set.TakenOn]); a date far beyond the rest is not taken but named in a warning
// on standard error. A date before the data's first day is a usage error: nothing had
// happened by then, so every figure would be empty.
func (o *outputOptions) asOfDay(io_ *IOStreams, res *export.Result) (visit.Day, error) {
	set := res.Set
	var d visit.Day
	if o.asOf != "" {
		var err error
		if d, err = parseAsOf(o.asOf, &res.Report); err != nil {
			return visit.NoDay, err
		}
		if set.FirstDay != visit.NoDay && d < set.FirstDay {
			return visit.NoDay, usagef(fmt.Sprintf("name a date from %s on, or leave out --as-of to analyse as of the day the export was taken", set.FirstDay),
				"--as-of %s is before the data, which start on %s", d, set.FirstDay)
		}
	} else {
		t := set.TakenOn()
		if t.Day == visit.NoDay {
			return visit.NoDay, usagef("name the date with --as-of yyyy-mm-dd", "the data has no booking date and no recorded visit to take the as-of date from")
		}
		if len(t.Outliers) > 0 && !io_.Quiet {
			fmt.Fprintf(io_.ErrOut, "winback: warning: %s: more than a year beyond the rest of the data, not taken as the day of the export; as of %s, %s\n",
				outlierText(t.Outliers, false), t.Day, evidenceText(t))
			fmt.Fprintf(io_.ErrOut, "winback: hint: correct the date in the export (winback inspect names the customer), or name the as-of date with --as-of\n")
		}
		d = t.Day
	}
	res.Set, o.cut = set.AsOf(d)
	return d, nil
}

// parseAsOf reads --as-of as yyyy-mm-dd or in any form the export's date column may
// take (31.05.2025); a day/month order the value leaves open is the export's.
func parseAsOf(s string, rep *export.Report) (visit.Day, error) {
	if d, err := visit.ParseDay(s); err == nil {
		return d, nil
	}
	hint := "write the date as --as-of 2025-06-30, or as the export writes its dates"
	v, err := field.ParseDate([]byte(s))
	if err != nil {
		return visit.NoDay, usagef(hint, "--as-of %q is not a date", s)
	}
	if !v.Ambiguous() {
		return v.Day, nil
	}
	switch {
	case strings.HasPrefix(rep.DateOrder, "day first"):
		return v.In(field.DayFirst), nil
	case strings.HasPrefix(rep.DateOrder, "month first"):
		return v.In(field.MonthFirst), nil
	}
	return visit.NoDay, usagef("write the date as --as-of yyyy-mm-dd",
		"--as-of %q could be %s or %s, and the export's dates do not say which comes first, day or month", s, v.Day, v.Alt)
}

// outlierText names the dates [history.Set.TakenOn] set aside, the first three, by day
// and status and, with withKey, by customer. A warning names no customer: standard error
// ends up in cron mails and on the projector, and the key may be a phone number or an
// e-mail; inspect, which shows the export's rows anyway, does.
func outlierText(out []history.Outlier, withKey bool) string {
	var parts []string
	for _, o := range out[:min(len(out), 3)] {
		who := "a row"
		if withKey {
			who = "customer " + report.SafeText(o.Key)
		}
		if o.Booked != visit.NoDay && o.Booked > o.Day {
			parts = append(parts, fmt.Sprintf("%s booked on %s (%s on %s)", who, o.Booked, o.Status, o.Day))
		} else {
			parts = append(parts, fmt.Sprintf("%s dated %s (%s)", who, o.Day, o.Status))
		}
	}
	text := strings.Join(parts, ", ")
	if len(out) > 3 {
		text += fmt.Sprintf(" and %d more", len(out)-3)
	}
	return text
}

// evidenceText says what the as-of date was read from.
func evidenceText(t history.TakenOn) string {
	switch t.By {
	case history.ByBooking:
		return "the latest booking date"
	case history.ByOutcome:
		return "the latest recorded visit, cancellation or no-show"
	}
	return "no date in the data"
}

// asOfFacts are the lines of inspect's summary that say how the default as-of date was
// chosen and why.
func asOfFacts(t history.TakenOn) [][]string {
	if t.Day == visit.NoDay {
		return [][]string{{"default as-of", "none: no booking date and no recorded visit; name it with --as-of"}}
	}
	facts := [][]string{{"default as-of", fmt.Sprintf("%s, %s", t.Day, evidenceText(t))}}
	if t.FutureAttended > 0 {
		what := "1 later appointment marked attended is"
		if t.FutureAttended > 1 {
			what = fmt.Sprintf("%d later appointments marked attended are", t.FutureAttended)
		}
		facts = append(facts, []string{"", what + " taken as booked: the export was taken before their day"})
	}
	if len(t.Outliers) > 0 {
		facts = append(facts, []string{"", "set aside, more than a year beyond the rest: " + outlierText(t.Outliers, true)})
	}
	return facts
}

// asOfJSON is how inspect --format json says the default as-of date was chosen.
type asOfJSON struct {
	// Date is the default as-of date ("" when the data has none); By says what it was
	// read from: "booking_date" or "recorded_outcome".
	Date string `json:"date"`
	By   string `json:"by"`
	// FutureAttended counts later appointments marked attended, taken as booked.
	FutureAttended int `json:"future_attended"`
	// SetAside lists the dates far beyond the rest, which were not taken.
	SetAside []asOfOutlier `json:"set_aside"`
}

type asOfOutlier struct {
	Customer string `json:"customer"`
	Date     string `json:"date"`
	Booked   string `json:"booked,omitempty"`
	Status   string `json:"status"`
}

func asOfDoc(t history.TakenOn) asOfJSON {
	js := asOfJSON{FutureAttended: t.FutureAttended, SetAside: []asOfOutlier{}}
	if t.Day != visit.NoDay {
		js.Date = t.Day.String()
	}
	switch t.By {
	case history.ByBooking:
		js.By = "booking_date"
	case history.ByOutcome:
		js.By = "recorded_outcome"
	}
	for _, o := range t.Outliers {
		oj := asOfOutlier{Customer: o.Key, Date: o.Day.String(), Status: o.Status.String()}
		if o.Booked != visit.NoDay {
			oj.Booked = o.Booked.String()
		}
		js.SetAside = append(js.SetAside, oj)
	}
	return js
}
