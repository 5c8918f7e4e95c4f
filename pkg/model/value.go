package model

import "math"

// Predictor is what [BGNBD] and [ParetoNBD] share: predictions for one customer from their
// [Summary].
type Predictor interface {
	// PAlive is the probability that the customer is still active at the end of the
	// observation.
	PAlive(s Summary) float64
	// Expected is E[X(t) | x, t_x, T], the expected number of transactions in the next t
	// periods: ExpectedIfAlive(s.X, s.T, t) × PAlive(s).
	Expected(s Summary, t float64) float64
	// ExpectedIfAlive is the expected number of transactions in the next t periods of a
	// customer still active at the end of an observation of T periods with x repeat
	// transactions. Unlike Expected it does not depend on t_x, so customers with the same
	// x and T share it (see [Expecter]).
	ExpectedIfAlive(x, T, t float64) float64
	// ExpectedNew is E[X(t)] for a customer who has just made a first purchase.
	ExpectedNew(t float64) float64
	// LogLik is the log-likelihood of the summary.
	LogLik(s Summary) float64
}

// Expecter works out [Predictor.Expected] over the next t periods for many customers,
// working out the part that depends on x and T alone once for each distinct pair: most
// customers share theirs with others, and it is the costly part (a hypergeometric
// function for [BGNBD]). Its results equal Expected's exactly. An Expecter is not safe
// for concurrent use; give each goroutine its own.
type Expecter struct {
	m    Predictor
	t    float64
	memo map[[2]float64]float64
}

// NewExpecter returns an Expecter for m over the next t periods.
func NewExpecter(m Predictor, t float64) *Expecter {
	return &Expecter{m: m, t: t, memo: map[[2]float64]float64{}}
}

// Expected returns m.Expected(s, t), given pAlive = m.PAlive(s).
func (e *Expecter) Expected(s Summary, pAlive float64) float64 {
	k := [2]float64{s.X, s.T}
	v, ok := e.memo[k]
	if !ok {
		v = e.m.ExpectedIfAlive(s.X, s.T, e.t)
		e.memo[k] = v
	}
	return v * pAlive
}

// pVisitIfAlive is the probability that a customer still active after T periods, with x
// repeat purchases, buys at least once in the next t periods under a purchase rate
// λ ~ Gamma(r, α): the posterior of λ is Gamma(r+x, α+T), and
// E[1 − e^{−λt}] = 1 − ((α+T)/(α+T+t))^(r+x).
func pVisitIfAlive(r, alpha, x, T, t float64) float64 {
	return -math.Expm1((r + x) * (math.Log(alpha+T) - math.Log(alpha+T+t)))
}

// PVisitWithin returns the probability that a customer with summary s visits at least
// once in the next t periods: [BGNBD.PAlive] times the chance that an active customer's
// next purchase falls within t. Exact under BG/NBD, where a customer drops out only after
// a purchase.
func (m BGNBD) PVisitWithin(s Summary, t float64) float64 {
	return m.PAlive(s) * pVisitIfAlive(m.R, m.Alpha, s.X, s.T, t)
}

// PVisitWithin returns the probability that a customer with summary s visits at least
// once in the next t periods, as [BGNBD.PVisitWithin] does; it leaves out the chance of
// dropping out within t before buying, so it is an upper bound, close for t short against
// the mean lifetime.
func (m ParetoNBD) PVisitWithin(s Summary, t float64) float64 {
	return m.PAlive(s) * pVisitIfAlive(m.R, m.Alpha, s.X, s.T, t)
}
