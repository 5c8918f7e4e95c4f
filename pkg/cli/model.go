package cli

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
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
	c.Flags().StringVar(&o.holdoutEnd, "holdout-end", "", "compare predictions with the actual visits from --as-of to this date (yyyy-mm-dd)")
	c.Flags().BoolVar(&o.customers, "customers", false, "list every customer's predictions")
	o.privacy.bind(c)
	o.noun.bind(c)
	c.RegisterFlagCompletionFunc("period", fixedChoices("day", "week", "month"))
	return c
}

// modelJSON is the JSON document of model.
type modelJSON struct {
	Version int `json:"version"`
	*lapse.Models
	// Note says which model is used and why the others are not, in the output's language.
	Note    string         `json:"note"`
	Horizon float64        `json:"horizon_periods"`
	Holdout *model.Holdout `json:"holdout,omitempty"`
	// HoldoutEnd is the end of the holdout period.
	HoldoutEnd string `json:"holdout_end,omitempty"`
}

// modelCustomer is one row of model --customers.
type modelCustomer struct {
	ID             string  `csv:"id"`
	Visits         int     `csv:"visits"`
	X              float64 `csv:"x"`
	Tx             float64 `csv:"t_x"`
	T              float64 `csv:"T"`
	PAlive         float64 `csv:"p_alive"`
	ExpectedVisits float64 `csv:"expected_visits"`
	ExpectedSpend  float64 `csv:"expected_spend"`
	ExpectedValue  float64 `csv:"expected_value_12_months"`
}

func runModel(o *modelOptions) error {
	lang, err := o.out.language(o.io)
	if err != nil {
		return err
	}
	format, err := o.out.formatName(report.ViewFormats)
	if err != nil {
		return err
	}
	period, err := model.ParsePeriod(o.period)
	if err != nil {
		return usagef("use --period day, week or month", "%v", err)
	}
	if o.horizon <= 0 {
		return usagef("use a positive --horizon, e.g. 52 (weeks)", "--horizon %g is not positive", o.horizon)
	}
	if err := checkOutputs(o.io, o.files, o.out.output, o.input.rejects); err != nil {
		return err
	}
	if err := o.noun.check(); err != nil {
		return err
	}
	res, err := readExports(o.io, o.files, &o.input)
	if err != nil {
		return err
	}
	full := res.Set // the holdout is what happened after the as-of date
	o.out.noun = o.noun.resolve(&res.Report)
	asOf, err := o.out.asOfDay(o.io, res)
	if err != nil {
		return err
	}
	end := visit.NoDay
	if o.holdoutEnd != "" {
		end, err = visit.ParseDay(o.holdoutEnd)
		if err != nil || end <= asOf {
			return usagef("give a date after --as-of, e.g. --as-of 2024-12-31 --holdout-end 2025-06-30", "--holdout-end %q must be a date after the as-of date %s", o.holdoutEnd, asOf)
		}
	}
	ms, err := lapse.FitModels(res.Set, asOf, period)
	if err != nil {
		return noVisits(fmt.Errorf("model: %w", err), asOf)
	}
	js := modelJSON{Version: 1, Models: ms, Note: words.ForNoun(lang, o.noun.noun).ModelNote(ms), Horizon: o.horizon}
	if end != visit.NoDay {
		h, err := holdout(full, ms, asOf, end, period)
		if err != nil {
			return err
		}
		js.Holdout, js.HoldoutEnd = h, end.String()
	}
	// The customers are listed by pseudonym where the rule says so (pseudonymizedByDefault).
	var ps *pseudo.Pseudonymizer
	if o.customers {
		ps = o.privacy.pseudonymizer(o.io, format, false, customerKeys(res.Set))
	}
	rows := make([]modelCustomer, 0, len(ms.Customers))
	for i, p := range ms.Customers {
		if p.Visits == 0 {
			continue
		}
		id := p.Key
		if ps != nil {
			id = ps.Name(p.Key)
		}
		rows = append(rows, modelCustomer{ID: id, Visits: p.Visits, X: p.X, Tx: p.Tx, T: p.T, PAlive: p.PAlive,
			ExpectedVisits: ms.ExpectedVisits(i, o.horizon*period.Length()), ExpectedSpend: p.ExpectedSpend, ExpectedValue: p.ExpectedValue})
	}
	if !o.customers {
		js.Models = withoutCustomers(ms)
	} else if ps != nil {
		js.Models = pseudonymized(ms, ps)
	}
	out := &report.View{Page: modelDoc(ms, js.Holdout, rows, asOf, end, lang, o, ps != nil), JSON: js, CSV: rows}
	return o.out.emit(o.io, format, lang, out)
}

// pseudonymized returns a copy of ms whose customers are named by their pseudonyms.
func pseudonymized(ms *lapse.Models, ps *pseudo.Pseudonymizer) *lapse.Models {
	c := *ms
	c.Customers = slices.Clone(ms.Customers)
	for i := range c.Customers {
		c.Customers[i].Key = ps.Name(c.Customers[i].Key)
	}
	return &c
}

func withoutCustomers(ms *lapse.Models) *lapse.Models {
	c := *ms
	c.Customers = nil
	return &c
}

// holdout compares the chosen model's predictions with the visits in (asOf, end].
func holdout(set *history.Set, ms *lapse.Models, asOf, end visit.Day, period model.Period) (*model.Holdout, error) {
	pred := ms.Predictor()
	if pred == nil {
		return nil, usagef("run without --holdout-end, or with more data", "no model fits these data, so there is nothing to check: %s", words.For("en").ModelNote(ms))
	}
	ho := lapse.GatherHoldout(set, end, asOf, period)
	h, err := model.CompareHoldout(pred, ho.Summaries, ho.Actual, float64(end-asOf)/period.Length())
	if err != nil {
		return nil, fmt.Errorf("holdout: %w", err)
	}
	return &h, nil
}

func modelDoc(ms *lapse.Models, h *model.Holdout, rows []modelCustomer, asOf, end visit.Day, lang string, o *modelOptions, pseudonymized bool) *report.Page {
	cat := words.ForNoun(lang, o.noun.noun)
	t := cat.T
	f := func(x float64) string { return report.Decimal(x, 4, lang) }
	doc := &report.Page{Title: t("cli.repeat-buying-models")}
	doc.Facts = []report.Fact{
		{Label: t("cli.as-of"), Value: dayText(asOf, lang)},
		{Label: t("cli.time-unit"), Value: cat.Period(ms.Period)},
		{Label: t("cli.customers-fitted"), Value: report.Int(ms.BGNBD.Customers, lang)},
		{Label: t("cli.came-back-at-least-once"), Value: report.Int(ms.BGNBD.Repeaters, lang)},
		{Label: t("cli.used-for-lapse"), Value: map[string]string{"bgnbd": "BG/NBD", "pareto-nbd": "Pareto/NBD", "none": t("cli.none-simple-rules")}[ms.Chosen]},
	}
	fits := report.Table{Title: t("cli.fits"),
		Columns: []string{t("cli.model"), t("cli.parameters"), cat.T("model.loglik"), t("cli.converged"), t("cli.usable")}}
	usable := func(name string, ok bool, flags []model.Flag, failed bool, why string) string {
		if ok {
			return t("cli.yes")
		}
		return t("cli.no") + cat.WhyNot(name, flags, failed, why)
	}
	yes := func(b bool) string { return map[bool]string{true: t("cli.yes"), false: t("cli.no-2")}[b] }
	b, p := ms.BGNBD, ms.ParetoNBD
	fits.Rows = append(fits.Rows,
		[]string{"BG/NBD", fmt.Sprintf("r=%s α=%s a=%s b=%s", f(b.Params.R), f(b.Params.Alpha), f(b.Params.A), f(b.Params.B)), report.Decimal(b.LogLik, 3, lang), yes(b.Converged), usable("BG/NBD", b.Usable, b.Flags, b.Failed, b.WhyNot)},
		[]string{"Pareto/NBD", fmt.Sprintf("r=%s α=%s s=%s β=%s", f(p.Params.R), f(p.Params.Alpha), f(p.Params.S), f(p.Params.Beta)), report.Decimal(p.LogLik, 3, lang), yes(p.Converged), usable("Pareto/NBD", p.Usable, p.Flags, p.Failed, p.WhyNot)})
	if g := ms.GammaGamma; g != nil {
		fits.Rows = append(fits.Rows, []string{"Gamma-Gamma", fmt.Sprintf("p=%s q=%s γ=%s", f(g.Params.P), f(g.Params.Q), f(g.Params.Gamma)), report.Decimal(g.LogLik, 3, lang), yes(g.Converged), usable("Gamma-Gamma", g.Usable, g.Flags, g.Failed, g.WhyNot)})
	}
	fits.Notes = []string{cat.ModelNote(ms)}
	doc.Tables = append(doc.Tables, fits)
	if h != nil {
		ht := report.Table{
			Title:   fmt.Sprintf(t("cli.check-against-x-to-x-visits"), dayText(asOf+1, lang), dayText(end, lang)),
			Columns: []string{t("cli.repeat-visits-before"), t("cli.customers"), t("cli.actual"), t("cli.predicted")},
			Numeric: []bool{false, true, true, true}}
		for _, bin := range h.Bins {
			ht.Rows = append(ht.Rows, []string{bin.Label, report.Int(bin.Customers, lang), report.Decimal(bin.Actual, 4, lang), report.Decimal(bin.Predicted, 4, lang)})
		}
		ht.Notes = []string{fmt.Sprintf(t("cli.all-customers-x-visits-actual-x"),
			report.Decimal(h.SumActual, 0, lang), report.Decimal(h.SumPredicted, 1, lang), signedPercent(h.TotalError, lang), report.Decimal(h.MAE, 3, lang))}
		doc.Tables = append(doc.Tables, ht)
	}
	if o.customers {
		ct := report.Table{Title: t("cli.customers-2"),
			Columns: []string{"id", t("cli.visits"), cat.T("report.PAlive"), cat.F("model.expected-visits", o.horizon, cat.T("period."+ms.Period.String()+".other")), t("cli.expected-spend-per-visit"), t("cli.expected-value-12-months")},
			Numeric: []bool{false, true, true, true, true, true}}
		for _, r := range rows {
			ct.Rows = append(ct.Rows, []string{r.ID, strconv.Itoa(r.Visits), report.Decimal(r.PAlive, 3, lang), report.Decimal(r.ExpectedVisits, 2, lang), report.Decimal(r.ExpectedSpend, 2, lang), report.Decimal(r.ExpectedValue, 2, lang)})
		}
		if pseudonymized {
			ct.Notes = append(ct.Notes, pseudonymNote(cat))
		}
		doc.Tables = append(doc.Tables, ct)
	}
	return doc
}

func signedPercent(x float64, lang string) string {
	s := report.Percent(x, lang)
	if x > 0 {
		s = "+" + s
	}
	return s
}
