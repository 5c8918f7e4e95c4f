package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/report"
)

type modelOptions struct {
	io         *IOStreams
	input      inputOptions
	out        outputOptions
	period     string
	horizon    float64
	holdoutEnd string
	customers  bool
	privacy    privacyOptions
	files      []string
	noun       nounOptions
}

func newModelCmd(a *app) *cobra.Command {
	o := &modelOptions{io: a.io}
	c := &cobra.Command{
		Use:   "model FILE...",
		Short: "Fit the repeat-buying models (BG/NBD, Pareto/NBD, Gamma-Gamma) and check them",
		Long: `Model fits the standard repeat-buying models to the visits up to the as-of date: BG/NBD and
Pareto/NBD for how often customers come and whether they are still customers, and
Gamma-Gamma for how much they spend per visit. Same-day visits are one transaction, as in
the literature; the time unit is --period.

It says whether each fit can be trusted (converged, not at a boundary, enough customers who
came back, a long enough time span) and which model the lapse rules use; when none fits,
the lapse rules fall back to simple rules and say so.

--holdout-end checks the model on your own data: it fits up to --as-of and compares the
predicted with the actual visits in the months after, by how often customers came before.
--customers lists P(alive), expected visits and expected value per customer.`,
		Example: `  # fit as of the end of 2024 and check the prediction against the first half of 2025
  winback model --as-of 2024-12-31 --holdout-end 2025-06-30 testdata/praxis/praxis.csv

  # the published CDNOW set-up: weeks, calibration to 1997-09-30, holdout to 1998-06-30
  winback model --as-of 1997-09-30 --holdout-end 1998-06-30 testdata/cdnow/CDNOW_sample.txt

  # per-customer predictions as JSON
  winback model --customers --format json export.csv`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error { return runModel(o) }),
	}
	o.input.bind(c)
	o.out.bind(c, report.ViewFormats)
	c.Flags().StringVar(&o.period, "period", "week", "time unit of the models: day, week or month")
	c.Flags().Float64Var(&o.horizon, "horizon", 52, "horizon of the expected visits, in periods")
	c.Flags().StringVar(&o.holdoutEnd, "holdout-end", "", "compare predictions with the actual visits from --as-of to this date (yyyy-mm-dd, or as the export writes dates)")
	c.Flags().BoolVar(&o.customers, "customers", false, "list every customer's predictions")
	o.privacy.bind(c)
	o.noun.bind(c)
	c.RegisterFlagCompletionFunc("period", fixedChoices("day", "week", "month"))
	return c
}

func runModel(o *modelOptions) error {
	lang, format, err := o.out.prepare(o.io, report.ViewFormats, o.files, o.input.rejects)
	if err != nil {
		return err
	}
	period, err := parsePeriod(o.period)
	if err != nil {
		return err
	}
	if o.horizon <= 0 {
		return usagef("use a positive --horizon, e.g. 52 (weeks)", "--horizon %g is not positive", o.horizon)
	}
	if err := o.noun.check(); err != nil {
		return err
	}
	res, err := readExports(o.io, o.files, &o.input, false)
	if err != nil {
		return err
	}
	full := res.Set // the holdout is what happened after the as-of date
	o.out.noun = o.noun.resolve(&res.Summary)
	asOf, err := o.out.asOfDay(o.io, res)
	if err != nil {
		return err
	}
	end, err := holdoutEnd(o.holdoutEnd, asOf, &res.Summary)
	if err != nil {
		return err
	}
	ms, err := lapse.FitModels(res.Set, asOf, period)
	if err != nil {
		return noVisits(fmt.Errorf("model: %w", err), asOf)
	}
	v := report.ModelViewOptions{AsOf: asOf, HoldoutEnd: end, Horizon: o.horizon, Lang: lang, Noun: o.noun.noun, Customers: o.customers}
	if v.Holdout, err = checkHoldout(full, ms, asOf, end, period); err != nil {
		return err
	}
	// The customers are listed by pseudonym where the rule says so (pseudonymizedByDefault).
	if o.customers {
		v.Pseudonyms = o.privacy.pseudonymizer(o.io, format, false, res.Set)
	}
	return o.out.emit(o.io, format, lang, report.ModelView(ms, v))
}
