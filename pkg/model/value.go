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
	// transactions.
	ExpectedIfAlive(x, T, t float64) float64
}

// pVisitIfAlive is the probability that a customer still active after T periods with x
// repeat purchases buys in the next t periods: with λ ~ Gamma(r+x, α+T) a posteriori,
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
