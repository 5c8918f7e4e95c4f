package model

import "math"

// The log-likelihoods of one customer, the reference the cohort's sums are checked against.

// LogLik returns the log-likelihood of one customer's summary s under m.
func (m BGNBD) LogLik(s Summary) float64 {
	r, alpha, a, b := m.R, m.Alpha, m.A, m.B
	x := s.X
	lg := func(v float64) float64 { l, _ := math.Lgamma(v); return l }
	head := lg(r+x) - lg(r) + r*math.Log(alpha) +
		lg(a+b) + lg(b+x) - lg(b) - lg(a+b+x)
	return head + logAddExp(-(r+x)*math.Log(alpha+s.T), m.logDropTerm(s))
}

// LogLik returns the log-likelihood of one customer's summary s under m.
func (m ParetoNBD) LogLik(s Summary) float64 {
	lgx, _ := math.Lgamma(m.R + s.X)
	lg, _ := math.Lgamma(m.R)
	alive, dropped := m.logParts(s)
	return lgx - lg + m.R*math.Log(m.Alpha) + m.S*math.Log(m.Beta) + logAddExp(alive, dropped)
}

// logAddExp returns log(exp(a) + exp(b)) without overflow.
func logAddExp(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if math.IsInf(b, -1) {
		return a
	}
	return a + math.Log1p(math.Exp(b-a))
}
