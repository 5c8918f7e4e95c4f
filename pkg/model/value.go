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
	// VisitIfAlive is the probability that such a customer visits at least once in the
	// next t periods. Times PAlive, it is exact under BG/NBD, where a customer drops out
	// only after a purchase, and an upper bound under Pareto/NBD, close for t short
	// against the mean lifetime.
	VisitIfAlive(x, T, t float64) float64
}

// pVisitIfAlive is the probability that a customer still active after T periods with x
// repeat purchases buys in the next t periods: with λ ~ Gamma(r+x, α+T) a posteriori,
// E[1 − e^{−λt}] = 1 − ((α+T)/(α+T+t))^(r+x).
func pVisitIfAlive(r, alpha, x, T, t float64) float64 {
	return -math.Expm1((r + x) * (math.Log(alpha+T) - math.Log(alpha+T+t)))
}

// VisitIfAlive is [Predictor.VisitIfAlive].
func (m BGNBD) VisitIfAlive(x, T, t float64) float64 { return pVisitIfAlive(m.R, m.Alpha, x, T, t) }

// VisitIfAlive is [Predictor.VisitIfAlive].
func (m ParetoNBD) VisitIfAlive(x, T, t float64) float64 { return pVisitIfAlive(m.R, m.Alpha, x, T, t) }
