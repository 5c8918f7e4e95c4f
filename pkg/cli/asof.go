package cli

import (
	"fmt"
	"strings"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/field"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/visit"
)

// asOfDay resolves --as-of against the data and cuts the data at it ([history.Set.AsOf]),
// so that every part of the analysis sees the same rows; o.cut says what was left out.
// Without --as-of, the day is the one the export was evidently taken on
// ([history.Set.TakenOn]), a far-off date named in a warning. A date before the data's
// first day is a usage error: every figure would be empty.
func (o *outputOptions) asOfDay(io_ *IOStreams, res *export.Result) (visit.Day, error) {
	set := res.Set
	var d visit.Day
	if o.asOf != "" {
		var err error
		if d, err = parseDate("as-of", o.asOf, &res.Summary); err != nil {
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
				report.OutlierText(t.Outliers, false), t.Day, report.EvidenceText(t))
			fmt.Fprintf(io_.ErrOut, "winback: hint: correct the date in the export (winback inspect names the customer), or name the as-of date with --as-of\n")
		}
		d = t.Day
	}
	res.Set, o.cut = set.AsOf(d)
	return d, nil
}

// parseDate reads the date of flag --name (--as-of, --due-before, --holdout-end) as
// yyyy-mm-dd or in any form the export's date column may take (31.05.2025); a day/month
// order the value leaves open is the export's.
func parseDate(name, s string, rep *export.Summary) (visit.Day, error) {
	if d, err := visit.ParseDay(s); err == nil {
		return d, nil
	}
	hint := "write the date as --" + name + " 2025-06-30, or as the export writes its dates"
	v, err := field.ParseDate([]byte(s))
	if err != nil {
		return visit.NoDay, usagef(hint, "--%s %q is not a date", name, s)
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
	return visit.NoDay, usagef("write the date as --"+name+" yyyy-mm-dd",
		"--%s %q could be %s or %s, and the export's dates do not say which comes first, day or month", name, s, v.Day, v.Alt)
}
