package field

import (
	"fmt"
	"strings"
)

const dateFormatHelp = "use dmy, mdy or ymd, or a pattern such as dd.mm.yyyy, dd/mm/yyyy, " +
	"mm/dd/yyyy, yyyy-mm-dd or mm/dd/yy HH:MM"

// ParseDateFormat reads a date format as a user gives it (the --date-format flag) and
// returns the order it sets for a/b/y dates. It accepts "dmy", "mdy" and "ymd", and
// patterns such as "dd/mm/yyyy", "mm/dd/yyyy", "dd.mm.yyyy", "yyyy-mm-dd", "d-mmm-yy",
// "%d/%m/%Y" and "mm/dd/yy HH:MM", in any case; a time after the date is allowed and
// ignored.
//
// Year-first formats ("ymd", "yyyy-mm-dd") are never ambiguous and give [OrderUnknown]
// with no error. Formats [ParseDate] would read differently are errors: month-first dates
// with dots (German dates are always day first) and year-day-month.
func ParseDateFormat(s string) (Order, error) {
	f := strings.ToLower(strings.TrimSpace(s))
	switch f {
	case "dmy":
		return DayFirst, nil
	case "mdy":
		return MonthFirst, nil
	case "ymd":
		return OrderUnknown, nil
	}
	f = strings.ReplaceAll(f, "%", "")
	date, clock := f, ""
	if i := strings.IndexAny(f, "hi"); i >= 0 { // hh, HH, strftime's %H and %I
		date, clock = f[:i], f[i:]
		date = strings.TrimRight(date, " t,")
	}
	if strings.Trim(clock, "hmsfaptzuri:./, ") != "" {
		return OrderUnknown, unknownDateFormat(s)
	}

	// The date part is three runs of d, m and y, with or without separators between them.
	var runs [3]byte // the letters in order
	n, dots, separated, monthName := 0, false, false, false
	for i := 0; i < len(date); {
		c := date[i]
		switch c {
		case 'd', 'm', 'y', 'e', 'b':
			j := i
			for j < len(date) && date[j] == c {
				j++
			}
			switch {
			case c == 'e': // strftime: day without leading zero
				c = 'd'
			case c == 'b': // strftime: month name
				c, monthName = 'm', true
			case c == 'm' && j-i > 2: // mmm, mmmm: month name
				monthName = true
			}
			if n == len(runs) || strings.IndexByte(string(runs[:n]), c) >= 0 || j-i > 4 {
				return OrderUnknown, unknownDateFormat(s)
			}
			runs[n] = c
			n++
			i = j
		case '.', '/', '-', ' ', ',':
			dots = dots || c == '.'
			separated = true
			i++
		default:
			return OrderUnknown, unknownDateFormat(s)
		}
	}
	if n != len(runs) {
		return OrderUnknown, unknownDateFormat(s)
	}
	switch string(runs[:]) {
	case "ymd":
		return OrderUnknown, nil
	case "ydm":
		return OrderUnknown, fmt.Errorf("date format %q puts the day before the month after a year: "+
			"year-first dates are read as year, month, day", s)
	case "dmy", "dym":
		if !separated {
			break
		}
		return DayFirst, nil
	case "mdy", "myd":
		if !separated {
			break
		}
		if dots && !monthName {
			return OrderUnknown, fmt.Errorf("date format %q puts the month first with dots: "+
				"dates with dots are always read day first (dd.mm.yyyy)", s)
		}
		return MonthFirst, nil
	}
	return OrderUnknown, unknownDateFormat(s)
}

func unknownDateFormat(s string) error {
	return fmt.Errorf("unknown date format %q: %s", s, dateFormatHelp)
}
