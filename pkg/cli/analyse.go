package cli

import (
	"fmt"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/export"
)

// analyse reads the exports and runs the analysis.
func analyse(a *app, files []string, in *inputOptions, out *outputOptions, ao *analysisOptions) (*export.Result, *analysis.Result, error) {
	opt, err := ao.options(a)
	if err != nil {
		return nil, nil, err
	}
	res, err := readExports(a.io, files, in, !ao.contacts)
	if err != nil {
		return nil, nil, err
	}
	out.noun = ao.noun.resolve(&res.Summary)
	asOf, err := out.asOfDay(a.io, res)
	if err != nil {
		return nil, nil, err
	}
	opt.AsOf = asOf
	stop := startProgress(a.io, func() string { return "analysing" })
	r, err := analysis.Run(res.Set, opt)
	stop()
	if err != nil {
		return nil, nil, noVisits(fmt.Errorf("analysis: %w", err), asOf)
	}
	if ao.filter != nil {
		if err := ao.filter.apply(r, &res.Summary); err != nil {
			return nil, nil, err
		}
	}
	return res, r, nil
}
