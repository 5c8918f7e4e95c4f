package cli

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// horizon is a span of days, weeks, months or years.
type horizon struct {
	n    int
	unit byte // 'd', 'w', 'm' or 'y'
}

var horizonPattern = regexp.MustCompile(`^([1-9][0-9]{0,3})([dwmy])$`)

func parseHorizon(s string) (horizon, error) {
	m := horizonPattern.FindStringSubmatch(s)
	if m == nil {
		return horizon{}, usagef("write it as a number and d, w, m or y, e.g. --horizon 6m", "--horizon %q is not a span", s)
	}
	n, _ := strconv.Atoi(m[1])
	return horizon{n: n, unit: m[2][0]}, nil
}

// from returns the day the horizon ends after d (sign 1) or begins before d (sign -1), in
// calendar months and years; a day the month does not have is its last (31 August less 6
// months is 28 February).
func (h horizon) from(d visit.Day, sign int) visit.Day {
	n := sign * h.n
	switch h.unit {
	case 'd':
		return d + visit.Day(n)
	case 'w':
		return d + visit.Day(7*n)
	case 'm':
		return addMonths(d, n)
	}
	return addMonths(d, 12*n)
}

// addMonths adds n calendar months to d, held at the last day of the month it lands in.
func addMonths(d visit.Day, n int) visit.Day {
	y, m, day := d.Date()
	return min(visit.DayOf(y, m+n, day), visit.DayOf(y, m+n+1, 1)-1)
}

func (h horizon) String() string { return strconv.Itoa(h.n) + string(h.unit) }

// defaultAsOf sets --as-of, when not given, to the horizon before the data's last day, so
// that the horizon is fully observed.
func (o *backtestOptions) defaultAsOf(full *history.Set, last visit.Day, hz horizon) error {
	if last == visit.NoDay {
		return usagef("check that the status column marks attended visits", "the data has no recorded visit to check the verdicts against")
	}
	if o.out.asOf != "" {
		return nil
	}
	d := hz.from(last, -1)
	if d < full.FirstDay {
		return usagef("use a shorter --horizon, or name the date with --as-of",
			"the data span %s to %s, less than the horizon %s", full.FirstDay, last, hz)
	}
	o.out.asOf = d.String()
	return nil
}

// after returns the end of the horizon after asOf and the last day observed of it, the
// data's last day when it ends before; a horizon beyond the data is worth a warning.
func (h horizon) after(io *IOStreams, asOf, last visit.Day) (end, observed visit.Day, err error) {
	if asOf >= last {
		return 0, 0, usagef(fmt.Sprintf("name a date before %s with --as-of", last),
			"--as-of %s leaves nothing to check: the data end on %s", asOf, last)
	}
	end = h.from(asOf, 1)
	if end > last && !io.Quiet {
		fmt.Fprintf(io.ErrOut, "winback: warning: the horizon %s ends on %s, after the data (%s): a customer who comes back after %s counts as not back\n", h, end, last, last)
		fmt.Fprintf(io.ErrOut, "winback: hint: use an earlier --as-of or a shorter --horizon, or leave out --as-of\n")
	}
	return end, min(end, last), nil
}
