package cli

import (
	"errors"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/backtest"
	"github.com/winback/winback/pkg/report"
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
all customers flags, so each rule's hits won or lost add up to the difference. It also
scores P(alive) < 0.3 alone, and says per hint how much more often its customers stayed
away (lift); -o FILE.html draws the rankings' precision as a chart.

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
	o.out.bind(c, report.BacktestFormats)
	o.an.bind(c)
	c.Flags().StringVar(&o.horizon, "horizon", "6m", "how long after the as-of date a visit counts as coming back: e.g. 90d, 26w, 6m, 1y")
	return c
}

func runBacktest(o *backtestOptions) error {
	io := o.a.io
	lang, format, err := o.out.prepare(io, report.BacktestFormats, o.files, o.input.rejects)
	if err != nil {
		return err
	}
	hz, err := parseHorizon(o.horizon)
	if err != nil {
		return err
	}
	opt, err := o.an.options(o.a)
	if err != nil {
		return err
	}
	res, err := readExports(io, o.files, &o.input, true)
	if err != nil {
		return err
	}
	noun := o.an.noun.resolve(&res.Summary)
	full := res.Set // who came back is in the rows after the as-of date
	last := full.TakenOn().Day
	if err := o.defaultAsOf(full, last, hz); err != nil {
		return err
	}
	asOf, err := o.out.asOfDay(io, res)
	if err != nil {
		return err
	}
	end, observed, err := hz.after(io, asOf, last)
	if err != nil {
		return err
	}
	bt, err := measureLapse(full, res.Set, opt, asOf, observed)
	if err != nil {
		if errors.Is(err, backtest.ErrNoHorizon) {
			return usagef("name an earlier --as-of", "%v", err)
		}
		return err
	}
	return o.out.emit(io, format, lang, report.BacktestView(bt, hz.String(), end, lang, noun))
}
