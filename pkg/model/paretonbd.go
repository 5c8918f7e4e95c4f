package model

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"

	"github.com/winback/winback/pkg/par"
)

// ParetoNBD is the Pareto/NBD model of Schmittlein, Morrison & Colombo (1987): while
// active, a customer buys at a Poisson rate λ ~ Gamma(R, Alpha) and stays active for an
// exponential lifetime of rate μ ~ Gamma(S, Beta).
type ParetoNBD struct {
	R     float64 `json:"r"`
	Alpha float64 `json:"alpha"`
	S     float64 `json:"s"`
	Beta  float64 `json:"beta"`
}

// paretoLogF returns log F(t) and, when grad is not nil, its gradient in (r, α, s, β), where
//
//	F(t) = (r+s+x) ∫_t^∞ (α+τ)^-(r+x) (β+τ)^-(s+1) dτ,
//
// the integral behind the "dropped out before T" part of the likelihood. In BTYD's pnbd.LL
// it is 2F1(r+s+x, s+1 or r+x; r+s+x+1; |α−β|/(max(α,β)+t)) / (max(α,β)+t)^(r+s+x);
// Euler's transformation turns that hypergeometric function into 2F1(1, b; r+s+x+1; z)
// with b < r+s+x+1, whose series has positive terms falling faster than z^n, and moves
// the powers that overflow for large x into logs.
func (m ParetoNBD) paretoLogF(x, t float64, grad *[4]float64) float64 {
	return m.logF(x, t, math.Log(m.Alpha+t), math.Log(m.Beta+t), grad)
}

// logF is [ParetoNBD.paretoLogF] with la = log(α+t) and lb = log(β+t) given.
func (m ParetoNBD) logF(x, t, la, lb float64, grad *[4]float64) float64 {
	if m.Alpha >= m.Beta {
		z := (m.Alpha - m.Beta) / (m.Alpha + t)
		return m.logFAlpha(x, t, la, lb, hyp1Series(m.R+x, m.R+m.S+x+1, z, grad != nil), grad)
	}
	r, alpha, s, beta := m.R, m.Alpha, m.S, m.Beta
	z := (beta - alpha) / (beta + t)
	h := hyp1Series(s+1, r+s+x+1, z, grad != nil)
	lf := math.Log(h.v) + (1-r-x)*la - (s+1)*lb
	if grad != nil {
		dz := h.dz / h.v
		grad[0] = h.dc/h.v - la
		grad[1] = -dz/(beta+t) + (1-r-x)/(alpha+t)
		grad[2] = (h.db+h.dc)/h.v - lb
		grad[3] = dz*(alpha+t)/((beta+t)*(beta+t)) - (s+1)/(beta+t)
	}
	return lf
}

// logFAlpha is [ParetoNBD.logF] for α ≥ β, from h = 2F1(1, r+x; r+s+x+1; z) with
// z = (α−β)/(α+t).
func (m ParetoNBD) logFAlpha(x, t, la, lb float64, h hyp1, grad *[4]float64) float64 {
	s, alpha, beta := m.S, m.Alpha, m.Beta
	rx := m.R + x
	lf := math.Log(h.v) - s*lb - rx*la
	if grad != nil {
		dz := h.dz / h.v
		grad[0] = (h.db+h.dc)/h.v - la
		grad[1] = dz*(beta+t)/((alpha+t)*(alpha+t)) - rx/(alpha+t)
		grad[2] = h.dc/h.v - lb
		grad[3] = -dz/(alpha+t) - s/(beta+t)
	}
	return lf
}

// hyp1Down returns 2F1(1, b; c; z) with its derivatives from h = 2F1(1, b+1; c+1; z), by
// 2F1(1, b; c; z) = 1 + (bz/c) 2F1(1, b+1; c+1; z), which follows from the series term by
// term. Taken downwards from a large b it loses no precision: an error in h shrinks by
// bz/c < z.
func hyp1Down(h hyp1, b, c, z float64) hyp1 {
	k := b * z / c
	return hyp1{
		v:  1 + k*h.v,
		db: z/c*h.v + k*h.db,
		dc: -k/c*h.v + k*h.dc,
		dz: b/c*h.v + k*h.dz,
	}
}

// maxDown is the most steps of [hyp1Down] taken from one summed series.
const maxDown = 64

// logParts returns the logs of the two parts of one customer's likelihood, without the
// common factor Γ(r+x)/Γ(r) α^r β^s: alive, still active at T, and dropped, dropped out
// between t_x and T (−Inf when t_x = T).
func (m ParetoNBD) logParts(s Summary) (alive, dropped float64) {
	la, lb := math.Log(m.Alpha+s.T), math.Log(m.Beta+s.T)
	alive = m.logAlive(s.X, la, lb)
	dropped = math.Inf(-1)
	if s.Tx < s.T {
		f1 := m.paretoLogF(s.X, s.Tx, nil)
		f2 := m.logF(s.X, s.T, la, lb, nil)
		dropped = logDropped(math.Log(m.S), math.Log(m.R+m.S+s.X), f1, f2)
	}
	return alive, dropped
}

// logDropped is the "dropped" part of [ParetoNBD.logParts] from log s, log(r+s+x) and
// log F at t_x (f1) and at T (f2).
func logDropped(logS, logRSX, f1, f2 float64) float64 {
	return logS - logRSX + f1 + math.Log(-math.Expm1(f2-f1))
}

// aliveShare is P(alive) from the two parts of [ParetoNBD.logParts]: 1 when there is no
// "dropped" part (t_x = T).
func aliveShare(alive, dropped float64) float64 {
	if math.IsInf(dropped, -1) {
		return 1
	}
	return logistic(alive - dropped)
}

// logAlive is the "alive" part of [ParetoNBD.logParts], with la = log(α+T) and lb =
// log(β+T).
func (m ParetoNBD) logAlive(x, la, lb float64) float64 {
	return -(m.R+x)*la - m.S*lb
}

// paretoPredict is [Fit.Predict] of m by record: [ParetoNBD.logParts] and
// [ParetoNBD.expectedCore] from the terms of each distinct pair, computed once.
func (c *cohort) paretoPredict(m ParetoNBD, t float64) (palive, expected []float64) {
	type pairPred struct{ lf, alive, core float64 }
	pp := make([]pairPred, len(c.pairs))
	par.Ranges(len(c.pairs), 256, func(_ *struct{}, lo, hi int) {
		for i := lo; i < hi; i++ {
			x, T := c.xs[c.pairs[i].x], c.ts[c.pairs[i].t]
			la, lb := math.Log(m.Alpha+T), math.Log(m.Beta+T)
			pp[i] = pairPred{m.logF(x, T, la, lb, nil), m.logAlive(x, la, lb), m.expectedCore(x, T, t)}
		}
	})
	logS := math.Log(m.S)
	logRSX := make([]float64, len(c.xs))
	for i, x := range c.xs {
		logRSX[i] = math.Log(m.R + m.S + x)
	}
	palive, expected = make([]float64, len(c.recs)), make([]float64, len(c.recs))
	par.Ranges(len(c.recs), 4096, func(_ *struct{}, lo, hi int) {
		for i := lo; i < hi; i++ {
			r := c.recs[i]
			p2 := &pp[r.pt]
			pa := 1.0
			if c.ts[r.tx] < c.ts[r.t] {
				pa = aliveShare(p2.alive, logDropped(logS, logRSX[r.x], pp[r.ptx].lf, p2.lf))
			}
			palive[i], expected[i] = pa, p2.core*pa
		}
	})
	return palive, expected
}

// PAlive returns the probability that a customer with summary s is still active at the
// end of the observation. It is 1 when t_x = T (a purchase on the last day).
func (m ParetoNBD) PAlive(s Summary) float64 {
	return aliveShare(m.logParts(s))
}

// Expected returns E[X(t) | x, t_x, T], the expected number of transactions in the next t
// periods of a customer with summary s.
func (m ParetoNBD) Expected(s Summary, t float64) float64 {
	return m.expectedCore(s.X, s.T, t) * m.PAlive(s)
}

// ExpectedIfAlive is [Predictor.ExpectedIfAlive].
func (m ParetoNBD) ExpectedIfAlive(x, T, t float64) float64 { return m.expectedCore(x, T, t) }

// expectedCore is (r+x)(β+T)/((α+T)(s−1)) [1 − ((β+T)/(β+T+t))^(s−1)], the expectation
// given the customer is alive at T, written with expm1 so that s near 1 (where the
// limit is (r+x)(β+T)/(α+T) log((β+T+t)/(β+T))) loses no precision.
func (m ParetoNBD) expectedCore(x, T, t float64) float64 {
	if t <= 0 {
		return 0
	}
	l := math.Log1p(t / (m.Beta + T)) // log((β+T+t)/(β+T))
	f := l
	if d := m.S - 1; d != 0 {
		f = -math.Expm1(-d*l) / d
	}
	return (m.R + x) * (m.Beta + T) / (m.Alpha + T) * f
}

// FitParetoNBD fits the [ParetoNBD] model to data by maximum likelihood. The start values
// are fixed (r = s = 1, α from the mean purchase rate, β from the mean age), so the same
// data always give the same fit. It returns an error for invalid input or a likelihood
// that is not a number at the start values; a poor fit comes back flagged (see
// [Fit.Usable]).
func FitParetoNBD(data []Summary) (Fit[ParetoNBD], error) {
	if len(data) == 0 {
		return Fit[ParetoNBD]{}, ErrNoCustomers
	}
	c, err := newCohort(data)
	if err != nil {
		return Fit[ParetoNBD]{}, err
	}
	flags, repeaters := c.checks()
	meanT := 0.0
	for _, s := range data {
		meanT += s.T / float64(len(data))
	}
	ll := func(p, grad []float64) float64 {
		return c.mean(c.paretoLogLik(ParetoNBD{p[0], p[1], p[2], p[3]}, grad), grad)
	}
	opt, err := maximize(ll, []float64{1, startScale(data), 1, math.Max(meanT, 1e-3)}, c.n)
	if err != nil {
		return Fit[ParetoNBD]{}, fmt.Errorf("fit Pareto/NBD: %w", err)
	}
	fit := Fit[ParetoNBD]{
		Params:     ParetoNBD{opt.params[0], opt.params[1], opt.params[2], opt.params[3]},
		LogLik:     opt.logLik * c.n,
		Customers:  len(data),
		Repeaters:  repeaters,
		Iterations: opt.iterations,
		data:       c,
	}
	fit.Flags = append(fit.Flags, flags...)
	bf, converged := frequencyFlags("Pareto/NBD", []string{"r", "alpha", "s", "beta"}, opt, ll, c.n)
	fit.Flags = append(fit.Flags, bf...)
	fit.Converged = converged
	c.pairTerms = nil // not needed by [Fit.Predict]
	return fit, nil
}

// pairTerm holds the terms of Pareto/NBD's likelihood that depend on a customer through a
// pair (x, t) alone: log F(t) and the log of the "alive at t" part, with their gradients.
type pairTerm struct {
	lf    float64
	dlf   [4]float64
	alive float64
	dal   [4]float64
}

// paretoLogLik returns the summed log-likelihood of the cohort and stores its gradient
// with respect to (r, α, s, β) in grad. The hypergeometric terms depend on a customer
// only through (x, t_x) and (x, T), so they are computed once per distinct pair.
func (c *cohort) paretoLogLik(m ParetoNBD, grad []float64) float64 {
	r, alpha, s, beta := m.R, m.Alpha, m.S, m.Beta
	type xTerm struct{ head, dr, inv, logInv float64 }
	xt := make([]xTerm, len(c.xs))
	lgR, _ := math.Lgamma(r)
	psiR := mathext.Digamma(r)
	logAlpha, logBeta, logS := math.Log(alpha), math.Log(beta), math.Log(s)
	for i, x := range c.xs {
		lg, _ := math.Lgamma(r + x)
		xt[i] = xTerm{
			head: lg - lgR + r*logAlpha + s*logBeta,
			dr:   mathext.Digamma(r+x) - psiR + logAlpha,
			inv:  1 / (r + s + x),
		}
		xt[i].logInv = logS - math.Log(r+s+x)
	}
	if len(c.pairTerms) != len(c.pairs) {
		c.pairTerms = make([]pairTerm, len(c.pairs)) // every evaluation overwrites all
	}
	pt := c.pairTerms
	logT := make([][2]float64, len(c.ts)) // log(α+t) and log(β+t) of each time
	for i, t := range c.ts {
		logT[i] = [2]float64{math.Log(alpha + t), math.Log(beta + t)}
	}
	term := func(i int32, x, t float64, lf float64) {
		p := &pt[i]
		p.lf = lf
		la, lb := logT[c.pairs[i].t][0], logT[c.pairs[i].t][1]
		p.alive = -(r+x)*la - s*lb
		p.dal = [4]float64{-la, -(r + x) / (alpha + t), -lb, -s / (beta + t)}
	}
	if alpha >= beta {
		// The pairs of one time, by falling x, share z: each hypergeometric term follows
		// from the one of the next larger x by [hyp1Down] when the two are a few whole
		// steps apart, which takes a fraction of the series.
		par.Ranges(len(c.ts), 16, func(_ *struct{}, lo, hi int) {
			for ti := lo; ti < hi; ti++ {
				t := c.ts[ti]
				z := (alpha - beta) / (alpha + t)
				var h hyp1
				hx := math.Inf(1)
				for _, i := range c.byTime[c.timeStart[ti]:c.timeStart[ti+1]] {
					x := c.xs[c.pairs[i].x]
					if d := hx - x; d >= 1 && d <= maxDown && d == math.Trunc(d) {
						for k := d - 1; k >= 0; k-- {
							h = hyp1Down(h, r+x+k, r+s+x+k+1, z)
						}
					} else {
						h = hyp1Series(r+x, r+s+x+1, z, true)
					}
					hx = x
					p := &pt[i]
					term(i, x, t, m.logFAlpha(x, t, logT[ti][0], logT[ti][1], h, &p.dlf))
				}
			}
		})
	} else {
		const block = 256
		par.Ranges(len(c.pairs), block, func(_ *struct{}, lo, hi int) {
			for i := lo; i < hi; i++ {
				x, t := c.xs[c.pairs[i].x], c.ts[c.pairs[i].t]
				la, lb := logT[c.pairs[i].t][0], logT[c.pairs[i].t][1]
				p := &pt[i]
				term(int32(i), x, t, m.logF(x, t, la, lb, &p.dlf))
			}
		})
	}
	rOverAlpha, sOverBeta := r/alpha, s/beta
	sum := parallelSum(len(c.recs), 5, func(lo, hi int, acc []float64) {
		a0, a1, a2, a3, a4 := acc[0], acc[1], acc[2], acc[3], acc[4]
		for _, rec := range c.recs[lo:hi] {
			t := &xt[rec.x]
			p2 := &pt[rec.pt]
			n := rec.n
			if rec.tx == rec.t {
				a0 += n * (t.head + p2.alive)
				a1 += n * (t.dr + p2.dal[0])
				a2 += n * (rOverAlpha + p2.dal[1])
				a3 += n * (logBeta + p2.dal[2])
				a4 += n * (sOverBeta + p2.dal[3])
				continue
			}
			p1 := &pt[rec.ptx]
			om := -math.Expm1(p2.lf - p1.lf) // 1 − F(T)/F(t_x)
			e := 1 - om
			// The odds of "dropped" against "alive" are om·q; w is the share of "dropped".
			q := math.Exp(t.logInv + p1.lf - p2.alive)
			l, w, wOverOm := p2.alive+math.Log1p(om*q), om*q/(1+om*q), q/(1+om*q)
			if math.IsInf(om*q, 1) {
				l, w = logAddExpShare(p2.alive, t.logInv+p1.lf+math.Log(om))
				wOverOm = w / om
			}
			var dd [4]float64
			for k := range dd {
				dd[k] = wOverOm * (p1.dlf[k] - e*p2.dlf[k])
			}
			v := 1 - w
			a0 += n * (t.head + l)
			a1 += n * (t.dr + v*p2.dal[0] + dd[0] - w*t.inv)
			a2 += n * (rOverAlpha + v*p2.dal[1] + dd[1])
			a3 += n * (logBeta + v*p2.dal[2] + dd[2] + w*(1/s-t.inv))
			a4 += n * (sOverBeta + v*p2.dal[3] + dd[3])
		}
		acc[0], acc[1], acc[2], acc[3], acc[4] = a0, a1, a2, a3, a4
	})
	copy(grad, sum[1:])
	return sum[0]
}
