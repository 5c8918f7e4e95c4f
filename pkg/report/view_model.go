package report

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/visit"
	catalogue "github.com/winback/winback/pkg/words"
)

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

// ModelViewOptions say what the output of winback model shows besides the models.
type ModelViewOptions struct {
	AsOf visit.Day
	// Holdout compares the predictions with the visits from AsOf to HoldoutEnd; nil: no
	// check.
	Holdout    *model.Holdout
	HoldoutEnd visit.Day
	Horizon    float64 // of the expected visits, in periods
	Lang       string
	Noun       catalogue.Noun
	// Customers lists every customer's predictions, by pseudonym with Pseudonyms.
	Customers  bool
	Pseudonyms *pseudo.Pseudonymizer
}

// ModelView is the output of winback model: the fits of the repeat-buying models of ms.
func ModelView(ms *lapse.Models, o ModelViewOptions) *View {
	js := modelJSON{Version: 1, Models: ms, Note: catalogue.ForNoun(o.Lang, o.Noun).ModelNote(ms), Horizon: o.Horizon}
	if o.Holdout != nil {
		js.Holdout, js.HoldoutEnd = o.Holdout, o.HoldoutEnd.String()
	}
	ps := o.Pseudonyms
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
			ExpectedVisits: ms.ExpectedVisits(i, o.Horizon*ms.Period.Length()), ExpectedSpend: p.ExpectedSpend, ExpectedValue: p.ExpectedValue})
	}
	if o.Customers {
		js.Models = forHorizon(ms, ps, o.Horizon*ms.Period.Length())
	} else {
		without := *ms
		without.Customers = nil
		js.Models = &without
	}
	return &View{Page: modelPage(ms, rows, o), JSON: js, CSV: rows}
}

// forHorizon is ms with its customers' expected visits over the horizon of days, as the
// table and the CSV show them, and their pseudonyms when ps is not nil.
func forHorizon(ms *lapse.Models, ps *pseudo.Pseudonymizer, days float64) *lapse.Models {
	c := *ms
	c.Customers = slices.Clone(ms.Customers)
	for i := range c.Customers {
		p := &c.Customers[i]
		if ps != nil {
			p.Key = ps.Name(p.Key)
		}
		if p.Visits > 0 && p.ExpectedVisits >= 0 {
			p.ExpectedVisits = ms.ExpectedVisits(i, days)
		}
	}
	return &c
}

func modelPage(ms *lapse.Models, rows []modelCustomer, o ModelViewOptions) *Page {
	asOf, end, lang, h := o.AsOf, o.HoldoutEnd, o.Lang, o.Holdout
	cat := catalogue.ForNoun(lang, o.Noun)
	t := cat.T
	f := func(x float64) string { return Decimal(x, 4, lang) }
	doc := &Page{Title: t("cli.repeat-buying-models")}
	doc.Facts = []Fact{
		{Label: t("cli.as-of"), Value: dayText(asOf, lang)},
		{Label: t("cli.time-unit"), Value: cat.Period(ms.Period)},
		{Label: t("cli.customers-fitted"), Value: Int(ms.BGNBD.Customers, lang)},
		{Label: t("cli.came-back-at-least-once"), Value: Int(ms.BGNBD.Repeaters, lang)},
		{Label: t("cli.used-for-lapse"), Value: map[string]string{"bgnbd": "BG/NBD", "pareto-nbd": "Pareto/NBD", "none": t("cli.none-simple-rules")}[ms.Chosen]},
	}
	fits := Table{Title: t("cli.fits"),
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
		[]string{"BG/NBD", fmt.Sprintf("r=%s α=%s a=%s b=%s", f(b.Params.R), f(b.Params.Alpha), f(b.Params.A), f(b.Params.B)), Decimal(b.LogLik, 3, lang), yes(b.Converged), usable("BG/NBD", b.Usable, b.Flags, b.Failed, b.WhyNot)},
		[]string{"Pareto/NBD", fmt.Sprintf("r=%s α=%s s=%s β=%s", f(p.Params.R), f(p.Params.Alpha), f(p.Params.S), f(p.Params.Beta)), Decimal(p.LogLik, 3, lang), yes(p.Converged), usable("Pareto/NBD", p.Usable, p.Flags, p.Failed, p.WhyNot)})
	if g := ms.GammaGamma; g != nil {
		fits.Rows = append(fits.Rows, []string{"Gamma-Gamma", fmt.Sprintf("p=%s q=%s γ=%s", f(g.Params.P), f(g.Params.Q), f(g.Params.Gamma)), Decimal(g.LogLik, 3, lang), yes(g.Converged), usable("Gamma-Gamma", g.Usable, g.Flags, g.Failed, g.WhyNot)})
	}
	fits.Notes = []string{cat.ModelNote(ms)}
	doc.Tables = append(doc.Tables, fits)
	if h != nil {
		ht := Table{
			Title:   fmt.Sprintf(t("cli.check-against-x-to-x-visits"), dayText(asOf+1, lang), dayText(end, lang)),
			Columns: []string{t("cli.repeat-visits-before"), t("cli.customers"), t("cli.actual"), t("cli.predicted")},
			Numeric: []bool{false, true, true, true}}
		for _, bin := range h.Bins {
			ht.Rows = append(ht.Rows, []string{bin.Label, Int(bin.Customers, lang), Decimal(bin.Actual, 4, lang), Decimal(bin.Predicted, 4, lang)})
		}
		ht.Notes = []string{fmt.Sprintf(t("cli.all-customers-x-visits-actual-x"),
			Decimal(h.SumActual, 0, lang), Decimal(h.SumPredicted, 1, lang), signedPercent(h.TotalError, lang), Decimal(h.MAE, 3, lang))}
		doc.Tables = append(doc.Tables, ht)
	}
	if o.Customers {
		ct := Table{Title: t("cli.customers-2"),
			Columns: []string{"id", t("cli.visits"), cat.T("report.PAlive"), cat.F("model.expected-visits", o.Horizon, cat.T("period."+ms.Period.String()+".other")), t("cli.expected-spend-per-visit"), t("cli.expected-value-12-months")},
			Numeric: []bool{false, true, true, true, true, true}}
		for _, r := range rows {
			ct.Rows = append(ct.Rows, []string{r.ID, strconv.Itoa(r.Visits), Decimal(r.PAlive, 3, lang), Decimal(r.ExpectedVisits, 2, lang), Decimal(r.ExpectedSpend, 2, lang), Decimal(r.ExpectedValue, 2, lang)})
		}
		if o.Pseudonyms != nil {
			ct.Notes = append(ct.Notes, PseudonymNote(cat))
		}
		doc.Tables = append(doc.Tables, ct)
	}
	return doc
}
