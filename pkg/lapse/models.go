package lapse

import (
	"fmt"
	"math"
	"sync"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/par"
	"github.com/winback/winback/pkg/visit"
)

// HorizonDays is the horizon of [Prediction.ExpectedVisits] and of the value at risk: 12
// months.
const HorizonDays = 365

// The model a [Models] predicts with.
const (
	ChoseBGNBD     = "bgnbd"
	ChoseParetoNBD = "pareto-nbd"
	ChoseNone      = "none"
)

// FitReport is one fitted model with the verdict on whether to use it (WhyNot in plain
// English).
type FitReport[M any] struct {
	model.Fit[M]
	Usable bool   `json:"usable"`
	WhyNot string `json:"why_not,omitempty"`
	// Failed: the fit returned an error (WhyNot quotes it).
	Failed bool `json:"failed,omitempty"`
}

func report[M any](fit model.Fit[M]) FitReport[M] {
	ok, why := fit.Usable()
	return FitReport[M]{Fit: fit.Result(), Usable: ok, WhyNot: why}
}

// reportOrFailure is [report] of a fit that may have failed: a model not available, not a
// failed analysis.
func reportOrFailure[M any](fit model.Fit[M], err error) FitReport[M] {
	if err != nil {
		return FitReport[M]{WhyNot: "the fit failed: " + err.Error(), Failed: true}
	}
	return report(fit)
}

// Prediction is what the chosen model expects of one customer, as of the as-of date.
// PAlive and ExpectedVisits (in the next [HorizonDays]) are -1 without a usable model or a
// visit day on or before the as-of date.
type Prediction struct {
	Key    string `json:"id"`
	Visits int    `json:"visits"` // visit days on or before the as-of date
	model.Summary
	PAlive         float64 `json:"p_alive"`
	ExpectedVisits float64 `json:"expected_visits"`
	// ExpectedSpend is the spend per visit in currency units, from Gamma-Gamma when usable,
	// else the customer's mean; ExpectedValue is ExpectedVisits × ExpectedSpend.
	ExpectedSpend float64 `json:"expected_spend"`
	ExpectedValue float64 `json:"expected_value"`
	meanSpend     float64 // the customer's mean visit amount, currency units
}

// Models holds the repeat-buying models fitted to one [history.Set] as of one date and
// their predictions for each customer (`winback model --format json`). Predictions use
// Pareto/NBD when its fit is usable, else BG/NBD when usable, else none. Pareto/NBD
// first, because it judges one-visit customers too (BG/NBD gives them P(alive) = 1), and
// with it the lapse rules beat the days since the last visit on CDNOW, the grocery log
// and the sample practice. Gamma-Gamma is fitted when the export has amounts.
type Models struct {
	AsOf   string       `json:"as_of"`
	Period model.Period `json:"period"`
	// HorizonDays is the horizon of the expected visits and values.
	HorizonDays int                          `json:"horizon_days"`
	BGNBD       FitReport[model.BGNBD]       `json:"bgnbd"`
	ParetoNBD   FitReport[model.ParetoNBD]   `json:"pareto_nbd"`
	GammaGamma  *FitReport[model.GammaGamma] `json:"gamma_gamma,omitempty"`
	// Chosen is the model the predictions come from: "bgnbd", "pareto-nbd" or "none".
	Chosen string `json:"chosen"`
	// RefundsLeftOut counts the customers left out of Gamma-Gamma: repeat visits net to a refund.
	RefundsLeftOut int `json:"refunds_left_out,omitempty"`
	// HasAmounts reports whether the export has amounts: without, spends and values are 0.
	HasAmounts bool `json:"has_amounts"`
	// Customers are the predictions in the order of the set's customers.
	Customers []Prediction `json:"customers"`

	asOf visit.Day
	gaps *gapCounts        // the population's gaps, for the [Assessor]
	pred model.Predictor   // nil when Chosen is "none"
	gg   *model.GammaGamma // nil when the spend model is not usable
}

// Fits returns m without the predictions of each customer (Customers), for keeping the
// fits once the verdicts hold what they needed of the predictions.
func (m *Models) Fits() *Models {
	f := *m
	f.Customers = nil
	return &f
}

// Predictor returns the model the predictions come from, nil when none is usable.
func (m *Models) Predictor() model.Predictor { return m.pred }

// ExpectedVisits returns the expected number of visits of customer i (an index into the
// set's customers) in the next days days; -1 without a usable model or visit.
func (m *Models) ExpectedVisits(i int, days float64) float64 {
	p := &m.Customers[i]
	if m.pred == nil || p.Visits == 0 {
		return -1
	}
	return m.pred.Expected(p.Summary, days/m.Period.Length())
}

// The fits [FitModels] runs; a test makes them fail.
var (
	fitBGNBD      = model.FitBGNBD
	fitParetoNBD  = model.FitParetoNBD
	fitGammaGamma = model.FitGammaGamma
)

// customerData is one customer's visit days and spend, as the models and rules need them.
type customerData struct {
	days      []visit.Day
	amounts   []float64 // currency units, parallel to days
	anyAmount bool      // a visit has an amount other than 0
	after     int       // visits (not days) after the calibration day
}

// FitModels fits BG/NBD, Pareto/NBD and (with amounts) Gamma-Gamma to the customers of set
// with a visit on or before asOf, in units of period, and predicts each customer's
// P(alive), visits in the next 12 months and spend per visit. Same-day visits are one
// transaction. A fit that fails or cannot be trusted is reported, not used, and no error.
// Customers whose repeat visits net to a refund are left out of the Gamma-Gamma fit
// (RefundsLeftOut). The error wraps [model.ErrNoCustomers] when no customer has a visit.
func FitModels(set *history.Set, asOf visit.Day, period model.Period) (*Models, error) {
	return fitModels(set, asOf, period, true)
}

// FitForLapse is [FitModels] for the lapse rules alone: it fits BG/NBD only when
// Pareto/NBD is not usable, and leaves BGNBD empty otherwise.
func FitForLapse(set *history.Set, asOf visit.Day, period model.Period) (*Models, error) {
	return fitModels(set, asOf, period, false)
}

// Holdout is each customer's summary up to a calibration day and their visits after it.
type Holdout struct {
	// Cal is the calibration day, before the as-of date.
	Cal visit.Day
	// Summaries are those of the customers with a visit by Cal, as of Cal; Actual their
	// visits (not visit days) after Cal, to the as-of date.
	Summaries []model.Summary
	Actual    []float64
}

// GatherHoldout returns the [Holdout] of set for the calibration day cal before asOf.
func GatherHoldout(set *history.Set, asOf, cal visit.Day, period model.Period) *Holdout {
	n := len(set.Customers)
	h := &Holdout{Cal: cal, Summaries: make([]model.Summary, 0, n), Actual: make([]float64, 0, n)}
	var cd customerData
	for i := range set.Customers {
		cd.load(&set.Customers[i], asOf, cal)
		k := len(cd.days) // the visit days on or before cal are the first ones
		for k > 0 && cd.days[k-1] > cal {
			k--
		}
		if k > 0 {
			s, _ := model.Summarize(cd.days[:k], cal, period)
			h.Summaries = append(h.Summaries, s)
			h.Actual = append(h.Actual, float64(cd.after))
		}
	}
	return h
}

// FitHoldout fits the visit models to h's summaries and returns the predictor of the one
// [FitForLapse] as of h.Cal would choose (Pareto/NBD when usable, else BG/NBD when usable,
// else nil) and its expected visits of each customer in the t periods after h.Cal.
func FitHoldout(h *Holdout, t float64) (model.Predictor, []float64, error) {
	if len(h.Summaries) == 0 {
		return nil, nil, fmt.Errorf("fit models: no customer has a visit on or before %s: %w", h.Cal, model.ErrNoCustomers)
	}
	pn, err := model.FitParetoNBD(h.Summaries)
	if err != nil {
		return nil, nil, fmt.Errorf("fit models: %w", err)
	}
	if ok, _ := pn.Usable(); ok {
		_, expected := pn.Predict(t)
		return pn.Params, expected, nil
	}
	bg, err := model.FitBGNBD(h.Summaries)
	if err != nil {
		return nil, nil, fmt.Errorf("fit models: %w", err)
	}
	if ok, _ := bg.Usable(); ok {
		_, expected := bg.Predict(t)
		return bg.Params, expected, nil
	}
	return nil, nil, nil
}

// fitModels is [FitModels]; with all false, BG/NBD is fitted only when Pareto/NBD is not
// usable.
func fitModels(set *history.Set, asOf visit.Day, period model.Period, all bool) (*Models, error) {
	if math.IsNaN(period.Length()) {
		return nil, fmt.Errorf("fit models: unknown period %d", period)
	}
	n := len(set.Customers)
	m := &Models{
		AsOf: asOf.String(), Period: period, HorizonDays: HorizonDays,
		Customers: make([]Prediction, n), asOf: asOf, gaps: newGapCounts(),
	}
	zbar := make([]float64, n)
	var anyAmount [chunks]bool
	var refunds [chunks]int // customers with repeat visits whose mean spend is below 0
	parallelChunks(n, func(c, lo, hi int) {
		var cd customerData
		gaps := newGapCounts()
		defer m.gaps.merge(gaps)
		for i := lo; i < hi; i++ {
			h := &set.Customers[i]
			cd.load(h, asOf, asOf)
			gaps.add(cd.days)
			gaps.amounts = gaps.amounts || cd.anyAmount
			p := &m.Customers[i]
			p.Key = h.Key
			p.Visits = len(cd.days)
			p.PAlive, p.ExpectedVisits = -1, -1
			if p.Visits == 0 {
				continue
			}
			p.Summary, _ = model.Summarize(cd.days, asOf, period)
			zbar[i] = model.RepeatMean(cd.days, cd.amounts, asOf)
			if p.X > 0 && zbar[i] < 0 {
				refunds[c]++
			}
			sum := 0.0
			for _, a := range cd.amounts {
				sum += a
				if a != 0 {
					anyAmount[c] = true
				}
			}
			p.meanSpend = sum / float64(len(cd.amounts))
		}
	})
	m.HasAmounts = set.Columns.Amount
	if m.HasAmounts {
		m.HasAmounts = false
		for _, a := range anyAmount {
			m.HasAmounts = m.HasAmounts || a
		}
	}
	data := make([]model.Summary, 0, n)
	who := make([]int, 0, n) // the customer of each summary
	xs := make([]float64, 0, n)
	zs := make([]float64, 0, n)
	for i := range m.Customers {
		if p := &m.Customers[i]; p.Visits > 0 {
			data = append(data, p.Summary)
			who = append(who, i)
			xs = append(xs, p.X)
			zs = append(zs, zbar[i])
		}
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("fit models: no customer has a visit on or before %s: %w", asOf, model.ErrNoCustomers)
	}
	var (
		wg                  sync.WaitGroup
		bg                  model.Fit[model.BGNBD]
		pn                  model.Fit[model.ParetoNBD]
		gg                  model.Fit[model.GammaGamma]
		bgErr, pnErr, ggErr error
	)
	if all {
		wg.Go(func() { bg, bgErr = fitBGNBD(data) })
	}
	wg.Go(func() { pn, pnErr = fitParetoNBD(data) })
	if m.HasAmounts {
		wg.Go(func() { gg, ggErr = fitGammaGamma(xs, zs) })
	}
	wg.Wait()
	m.ParetoNBD = reportOrFailure(pn, pnErr)
	if all || !m.ParetoNBD.Usable {
		if !all {
			bg, bgErr = fitBGNBD(data)
		}
		m.BGNBD = reportOrFailure(bg, bgErr)
	}
	horizon := HorizonDays / period.Length()
	var palive, expected []float64 // of each summary
	switch {
	case m.ParetoNBD.Usable:
		m.Chosen, m.pred = ChoseParetoNBD, pn.Params
		palive, expected = pn.Predict(horizon)
	case m.BGNBD.Usable:
		m.Chosen, m.pred = ChoseBGNBD, bg.Params
		palive, expected = bg.Predict(horizon)
	default:
		m.Chosen = ChoseNone
	}
	if m.HasAmounts {
		r := reportOrFailure(gg, ggErr)
		m.GammaGamma = &r
		if r.Usable {
			m.gg = &gg.Params
		}
		m.RefundsLeftOut = sumInts(refunds[:])
	}
	parallelChunks(len(who), func(_, lo, hi int) {
		for j := lo; j < hi; j++ {
			p := &m.Customers[who[j]]
			if m.HasAmounts {
				p.ExpectedSpend = p.meanSpend
				if m.gg != nil {
					// Refunds are no spend the model knows of: they count as none.
					p.ExpectedSpend = m.gg.ExpectedSpend(p.X, max(zs[j], 0))
				}
			}
			if m.pred == nil {
				continue
			}
			p.PAlive, p.ExpectedVisits = palive[j], expected[j]
			p.ExpectedValue = p.ExpectedVisits * p.ExpectedSpend
		}
	})
	return m, nil
}

func sumInts(v []int) int {
	n := 0
	for _, x := range v {
		n += x
	}
	return n
}

// load fills cd with h's visit days on or before asOf (a day's amounts summed) and counts
// the visits after cal in cd.after.
func (cd *customerData) load(h *history.History, asOf, cal visit.Day) {
	cd.days, cd.amounts, cd.anyAmount, cd.after = cd.days[:0], cd.amounts[:0], false, 0
	for day, amount := range h.VisitDays(asOf) {
		if day > cal {
			cd.after++
		}
		cd.anyAmount = cd.anyAmount || amount != 0
		if k := len(cd.days) - 1; k >= 0 && cd.days[k] == day {
			cd.amounts[k] += float64(amount) / 100
			continue
		}
		cd.days = append(cd.days, day)
		cd.amounts = append(cd.amounts, float64(amount)/100)
	}
}

// chunks is the most pieces [parallelChunks] cuts work into.
const chunks = 64

// parallelChunks calls f for at most chunks consecutive ranges covering [0, n), in
// parallel ([par.Ranges]); chunk numbers the range from 0.
func parallelChunks(n int, f func(chunk, lo, hi int)) {
	size := max(1, (n+chunks-1)/chunks)
	par.Ranges(n, size, func(_ *struct{}, lo, hi int) { f(lo/size, lo, hi) })
}
