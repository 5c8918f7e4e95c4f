package model

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// BGNBD is the beta-geometric/NBD model of Fader, Hardie & Lee (2005): while active, a
// customer buys at a Poisson rate λ ~ Gamma(R, Alpha); after each repeat purchase they
// drop out for good with probability p ~ Beta(A, B).
type BGNBD struct {
	R     float64 `json:"r"`
	Alpha float64 `json:"alpha"`
	A     float64 `json:"a"`
	B     float64 `json:"b"`
}

// logDropTerm is the log of the likelihood share of "dropped out after the last
// purchase" (−Inf when x = 0, where there is no such chance), without the common factors.
func (m BGNBD) logDropTerm(s Summary) float64 {
	if s.X == 0 {
		return math.Inf(-1)
	}
	return math.Log(m.A) - math.Log(m.B+s.X-1) - (m.R+s.X)*math.Log(m.Alpha+s.Tx)
}

// PAlive returns the probability that a customer with summary s is still active at the
// end of the observation: 1 when x = 0, since a customer drops out only after a repeat.
func (m BGNBD) PAlive(s Summary) float64 {
	if s.X == 0 {
		return 1
	}
	// 1 / (1 + a/(b+x-1) ((α+T)/(α+t_x))^(r+x)), the ratio taken in logs.
	return logistic(-(m.logDropTerm(s) + (m.R+s.X)*math.Log(m.Alpha+s.T)))
}

// Expected returns E[X(t) | x, t_x, T], the expected number of transactions in the next t
// periods of a customer with summary s.
func (m BGNBD) Expected(s Summary, t float64) float64 {
	return m.expectedCore(s.X, s.T, t) * m.PAlive(s)
}

// ExpectedIfAlive is [Predictor.ExpectedIfAlive].
func (m BGNBD) ExpectedIfAlive(x, T, t float64) float64 { return m.expectedCore(x, T, t) }

// expectedCore is (a+b+x-1)/(a-1) [1 - ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z)]
// with z = t/(α+T+t), the expectation given the customer is alive. The hypergeometric
// factor explodes with x; Euler's transformation turns the product into
// (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z), which stays near 1 for any x.
func (m BGNBD) expectedCore(x, T, t float64) float64 {
	if t <= 0 {
		return 0
	}
	if math.Abs(m.A-1) < 1e-6 {
		// 0/0 at a = 1: the mean of the two sides is exact to O(1e-12).
		return (m.expectedCoreA(1-2e-6, x, T, t) + m.expectedCoreA(1+2e-6, x, T, t)) / 2
	}
	return m.expectedCoreA(m.A, x, T, t)
}

// expectedCoreA is expectedCore with a in place of m.A.
func (m BGNBD) expectedCoreA(a, x, T, t float64) float64 {
	r, alpha, b := m.R, m.Alpha, m.B
	z := t / (alpha + T + t)
	c := a + b + x - 1
	A, B := a+b-1-r, a-1
	if c > 0.5 {
		h := hyp2f1(A, B, c, z)
		lh := B*math.Log1p(-z) + math.Log(h)
		if math.IsNaN(lh) || math.IsInf(lh, 0) {
			// Cephes gives up on some large negative A (r ≫ a+b) near z = 1; the
			// untransformed product has no trouble there.
			lh = (r+x)*math.Log1p(-z) + math.Log(hyp2f1(r+x, b+x, c, z))
		}
		return c / B * -math.Expm1(lh)
	}
	// c = a+b−1 ≤ 0.5 (x = 0 and a+b ≤ 1.5): 2F1 has a pole at c = 0 and Cephes fails
	// for c < 0, but only c·2F1(A, B; c; z) is needed, which Gauss' contiguous relation
	// gives from c+1 and c+2:
	// c F(c) = −[(c+1)(c − (2c+1−A−B) z) F(c+1) + (c+1−A)(c+1−B) z F(c+2)] / ((c+1)(z−1)).
	cf := -((c+1)*(c-(2*c+1-A-B)*z)*hyp2f1(A, B, c+1, z) +
		(c+1-A)*(c+1-B)*z*hyp2f1(A, B, c+2, z)) / ((c + 1) * (z - 1))
	return (c - math.Exp(B*math.Log1p(-z))*cf) / B
}

// FitBGNBD fits the [BGNBD] model to data by maximum likelihood. The start values are
// fixed (r = a = b = 1, α set from the mean purchase rate), so the same data always give
// the same fit. It returns an error for invalid input or a likelihood that is not a number
// at the start values; a poor fit comes back flagged (see [Fit.Usable]).
func FitBGNBD(data []Summary) (Fit[BGNBD], error) {
	if len(data) == 0 {
		return Fit[BGNBD]{}, ErrNoCustomers
	}
	c, err := newCohort(data)
	if err != nil {
		return Fit[BGNBD]{}, err
	}
	flags, repeaters := c.checks()
	ll := func(p, grad []float64) float64 {
		return c.mean(c.bgnbdLogLik(BGNBD{p[0], p[1], p[2], p[3]}, grad), grad)
	}
	opt, err := maximize(ll, []float64{1, startScale(data), 1, 1}, c.n)
	if err != nil {
		return Fit[BGNBD]{}, fmt.Errorf("fit BG/NBD: %w", err)
	}
	fit := Fit[BGNBD]{
		Params:     BGNBD{opt.params[0], opt.params[1], opt.params[2], opt.params[3]},
		LogLik:     opt.logLik * c.n,
		Customers:  len(data),
		Repeaters:  repeaters,
		Iterations: opt.iterations,
		data:       c,
	}
	fit.Flags = append(fit.Flags, flags...)
	bf, converged := frequencyFlags("BG/NBD", []string{"r", "alpha", "a", "b"}, opt, ll, c.n)
	fit.Flags = append(fit.Flags, bf...)
	fit.Converged = converged
	return fit, nil
}

// startScale returns the scale parameter that makes a Gamma(1, scale) purchase rate match
// the data's overall rate, Σx / ΣT; 1 when that is not defined.
func startScale(data []Summary) float64 {
	var sx, st float64
	for _, s := range data {
		sx += s.X
		st += s.T
	}
	if sx <= 0 || st <= 0 {
		return 1
	}
	return st / sx
}

// bgnbdLogLik returns the summed log-likelihood of the cohort and stores its gradient
// with respect to (r, α, a, b) in grad.
func (c *cohort) bgnbdLogLik(m BGNBD, grad []float64) float64 {
	r, alpha, a, b := m.R, m.Alpha, m.A, m.B
	lg := func(v float64) float64 { l, _ := math.Lgamma(v); return l }
	psi := mathext.Digamma
	type xTerm struct{ head, dr, da, db, drop, dropA, dropB float64 }
	xt := make([]xTerm, len(c.xs))
	lgR, lgB, lgAB := lg(r), lg(b), lg(a+b)
	psiR, psiB, psiAB := psi(r), psi(b), psi(a+b)
	logAlpha := math.Log(alpha)
	for i, x := range c.xs {
		t := xTerm{
			head: lg(r+x) - lgR + r*logAlpha + lgAB + lg(b+x) - lgB - lg(a+b+x),
			dr:   psi(r+x) - psiR + logAlpha,
			da:   psiAB - psi(a+b+x),
			db:   psiAB + psi(b+x) - psiB - psi(a+b+x),
			drop: math.Inf(-1),
		}
		if x > 0 {
			t.drop = math.Log(a) - math.Log(b+x-1)
			t.dropA = 1 / a
			t.dropB = -1 / (b + x - 1)
		}
		xt[i] = t
	}
	logT := make([]float64, len(c.ts))
	invT := make([]float64, len(c.ts))
	for i, t := range c.ts {
		logT[i] = math.Log(alpha + t)
		invT[i] = 1 / (alpha + t)
	}
	rOverAlpha := r / alpha
	sum := parallelSum(len(c.recs), 5, func(lo, hi int, acc []float64) {
		a0, a1, a2, a3, a4 := acc[0], acc[1], acc[2], acc[3], acc[4]
		for _, rec := range c.recs[lo:hi] {
			x := c.xs[rec.x]
			t := &xt[rec.x]
			rx := r + x
			lt, ltx := logT[rec.t], logT[rec.tx]
			alive := -rx * lt
			l, w := alive, 0.0
			if x > 0 {
				l, w = logAddExpShare(alive, t.drop-rx*ltx)
			}
			n := rec.n
			a0 += n * (t.head + l)
			a1 += n * (t.dr - (1-w)*lt - w*ltx)
			a2 += n * (rOverAlpha - rx*((1-w)*invT[rec.t]+w*invT[rec.tx]))
			a3 += n * (t.da + w*t.dropA)
			a4 += n * (t.db + w*t.dropB)
		}
		acc[0], acc[1], acc[2], acc[3], acc[4] = a0, a1, a2, a3, a4
	})
	copy(grad, sum[1:])
	return sum[0]
}
