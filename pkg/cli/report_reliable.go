package cli

import (
	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/visit"
)

// reliabilityHorizon is the horizon of the report's "How reliable is this?": the default
// of winback backtest.
var reliabilityHorizon = horizon{n: 6, unit: 'm'}

// defaultReliabilityMax is the most customers the report backtests by default: on larger
// exports the second analysis costs too much of the report's time.
const defaultReliabilityMax = 50000

// bindLists binds --top and --reliability-max-customers.
func (o *reportOptions) bindLists(c *cobra.Command) {
	c.Flags().IntVar(&o.top, "top", report.DefaultLapsedShown, "how many lapsed customers table, md and html list (json, csv and xlsx list all)")
	c.Flags().IntVar(&o.reliabilityMax, "reliability-max-customers", defaultReliabilityMax,
		"check the lapse verdicts of 6 months ago against who came back (\"How reliable is this?\") only for exports of at most this many customers (0: never)")
}

// reliability is the lapse backtest of winback backtest, as of one horizon before asOf,
// on full, the data as of asOf; without one it says why.
func (o *reportOptions) reliability(full *history.Set, asOf visit.Day) *report.Reliability {
	n, limit, months := len(full.Customers), o.reliabilityMax, reliabilityHorizon.n
	switch {
	case limit <= 0:
		return report.ReliabilityMissing("off", n, limit, months)
	case n > limit:
		return report.ReliabilityMissing("too_many", n, limit, months)
	}
	opt, err := o.an.options(o.a)
	from := reliabilityHorizon.from(asOf, -1)
	if err != nil || from < full.FirstDay {
		return report.ReliabilityMissing("too_short", n, limit, months)
	}
	cut, _ := full.AsOf(from)
	bt, err := measureLapse(full, cut, opt, from, min(reliabilityHorizon.from(from, 1), asOf))
	if err != nil {
		return report.ReliabilityMissing("too_short", n, limit, months)
	}
	return report.ReliabilityOf(bt, months)
}
