package cli

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/backtest"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/visit"
)

type backtestOptions struct {
	a       *app
	input   inputOptions
	out     outputOptions
	an      analysisOptions
	horizon string
	files   []string
}

func newBacktestCmd(a *app) *cobra.Command {
	o := &backtestOptions{a: a}
	c := &cobra.Command{
		Use:   "backtest FILE...",
		Short: "Check the lapse verdicts against who came back, and against counting days",
		Long: `Backtest judges every customer as of --as-of, on the data as they stood that day (later
rows count only if they were booked by then), and then looks at the whole export to see
who came back: a visit in the --horizon after the as-of date. Without --as-of, the as-of
date is the export's last day minus the horizon, so that the horizon is fully observed.

It reports, of the customers judged lapsed or lost, the share who did not come back
(precision) and, of all who did not come back, the share that were flagged (recall);
the same for the naive ranking by days since the last visit that flags as many
customers (ties by id); and the share who did not come back at all (base rate). By rule,
"in rule" ranks by days only the customers that rule decided, so both compare orderings
of the same customers; "overall" counts the rule's customers among those the ranking of
all customers flags, so each rule's hits won or lost add up to the difference.

--horizon is a number and a unit: d (days), w (weeks), m (months) or y (years). The
lapse thresholds are the flags of winback lapsed.`,
		Example: `  # the practice as of the end of 2024, six months later
  winback backtest --as-of 2024-12-31 testdata/praxis/praxis.csv

  # CDNOW as in the literature: judged on 1997-09-30, checked to the end of the data
  winback backtest --as-of 1997-09-30 --horizon 9m CDNOW_master.txt

  # the figures for a script
  winback backtest --format json export.csv`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error { return runBacktest(o) }),
	}
	o.input.bind(c)
	o.out.bind(c, report.ViewFormats)
	o.an.bind(c)
	c.Flags().StringVar(&o.horizon, "horizon", "6m", "how long after the as-of date a visit counts as coming back: e.g. 90d, 26w, 6m, 1y")
	return c
}

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

// from returns the day the horizon ends after d (sign 1) or begins before d (sign -1).
// Months and years are calendar months and years, and a day the month does not have is
// its last: 31 August less 6 months is 28 February, which plus 6 months is still within
// August.
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

func addMonths(d visit.Day, n int) visit.Day {
	y, m, day := d.Date()
	first := time.Date(y, time.Month(m)+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return visit.DayFromTime(first.AddDate(0, 0, min(day, last)-1))
}

func (h horizon) String() string { return strconv.Itoa(h.n) + string(h.unit) }

func runBacktest(o *backtestOptions) error {
	io := o.a.io
	lang, err := o.out.language(io)
	if err != nil {
		return err
	}
	format, err := o.out.formatName(report.ViewFormats)
	if err != nil {
		return err
	}
	hz, err := parseHorizon(o.horizon)
	if err != nil {
		return err
	}
	if err := checkOutputs(io, o.files, o.out.output, o.input.rejects); err != nil {
		return err
	}
	opt, err := o.an.options(o.a)
	if err != nil {
		return err
	}
	res, err := readExportsFor(io, o.files, &o.input, readFor{analysing: true, noContacts: true})
	if err != nil {
		return err
	}
	full := res.Set // who came back is in the rows after the as-of date
	last := full.TakenOn().Day
	if last == visit.NoDay {
		return usagef("check that the status column marks attended visits", "the data has no recorded visit to check the verdicts against")
	}
	if o.out.asOf == "" {
		d := hz.from(last, -1)
		if d < full.FirstDay {
			return usagef("use a shorter --horizon, or name the date with --as-of",
				"the data span %s to %s, less than the horizon %s", full.FirstDay, last, hz)
		}
		o.out.asOf = d.String()
	}
	asOf, err := o.out.asOfDay(io, res)
	if err != nil {
		return err
	}
	if asOf >= last {
		return usagef(fmt.Sprintf("name a date before %s with --as-of", last),
			"--as-of %s leaves nothing to check: the data end on %s", asOf, last)
	}
	end := hz.from(asOf, 1)
	observed := min(end, last)
	if end > last && !io.Quiet {
		fmt.Fprintf(io.ErrOut, "winback: warning: the horizon %s ends on %s, after the data (%s): a customer who comes back after %s counts as not back\n", hz, end, last, last)
		fmt.Fprintf(io.ErrOut, "winback: hint: use an earlier --as-of or a shorter --horizon, or leave out --as-of\n")
	}
	opt.AsOf = asOf
	r, err := analysis.Run(res.Set, opt)
	if err != nil {
		return noVisits(fmt.Errorf("analysis: %w", err), asOf)
	}
	bt, err := backtest.Measure(full, r.Verdicts, asOf, observed)
	if err != nil {
		if errors.Is(err, backtest.ErrNoHorizon) {
			return usagef("name an earlier --as-of", "%v", err)
		}
		return err
	}
	return o.out.emit(io, format, lang, report.BacktestView(bt, hz.String(), end, lang))
}
