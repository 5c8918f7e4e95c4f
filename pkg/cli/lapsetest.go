package cli

import (
	"fmt"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/backtest"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// measureLapse judges the customers of cut, the data as they stood on asOf, and checks
// the verdicts against full, the data to observed: the part winback backtest and the
// report's "How reliable is this?" share.
func measureLapse(full, cut *history.Set, opt analysis.Options, asOf, observed visit.Day) (*backtest.Result, error) {
	opt.AsOf = asOf
	r, err := analysis.Run(cut, opt)
	if err != nil {
		return nil, noVisits(fmt.Errorf("analysis: %w", err), asOf)
	}
	return backtest.Measure(full, r.Verdicts, r.Findings, asOf, observed)
}
