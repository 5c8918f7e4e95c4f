package model

// Predictor is what [BGNBD] and [ParetoNBD] share: predictions for one customer from their
// [Summary].
type Predictor interface {
	// PAlive is the probability that the customer is still active at the end of the
	// observation.
	PAlive(s Summary) float64
	// Expected is E[X(t) | x, t_x, T], the expected number of transactions in the next t
	// periods.
	Expected(s Summary, t float64) float64
	// ExpectedNew is E[X(t)] for a customer who has just made a first purchase.
	ExpectedNew(t float64) float64
	// LogLik is the log-likelihood of the summary.
	LogLik(s Summary) float64
}

// Value is what the models expect of one customer.
type Value struct {
	// PAlive is the probability that the customer is still active.
	PAlive float64 `json:"p_alive"`
	// Visits is the expected number of visits in the horizon.
	Visits float64 `json:"expected_visits"`
	// Spend is the expected spend per visit.
	Spend float64 `json:"expected_spend"`
	// Value is Visits × Spend: the expected revenue in the horizon.
	Value float64 `json:"expected_value"`
}

// CustomerValue returns the expected value of a customer over the next horizon periods:
// the visits predicted by m times the spend per visit predicted by spend from zbar, the
// mean of the customer's repeat visits. It is deliberately simple: undiscounted, with no
// margin and nothing after the horizon (a "residual" rather than a lifetime value), which
// is what a list of customers to win back needs for ranking.
func CustomerValue(m Predictor, spend GammaGamma, s Summary, zbar, horizon float64) Value {
	v := Value{
		PAlive: m.PAlive(s),
		Visits: m.Expected(s, horizon),
		Spend:  spend.ExpectedSpend(s.X, zbar),
	}
	v.Value = v.Visits * v.Spend
	return v
}
