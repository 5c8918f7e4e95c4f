package model

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mathext"
)

// GammaGamma is the Gamma-Gamma spend model (Fader, Hardie & Lee 2005b; Fader & Hardie
// 2013): a customer's transaction values are Gamma(P, ν) with ν ~ Gamma(Q, Gamma) across
// customers, independent of how often they buy. Its mean spend per transaction is
// P·Gamma/(Q−1), finite only for Q > 1.
type GammaGamma struct {
	P     float64 `json:"p"`
	Q     float64 `json:"q"`
	Gamma float64 `json:"gamma"`
}

// ExpectedSpend returns E[Z | x, zbar], the expected value of a customer's future
// transactions: a mean of the population's P·Gamma/(Q−1) and zbar weighted by x; +Inf
// when Q ≤ 1.
func (m GammaGamma) ExpectedSpend(x, zbar float64) float64 {
	if m.Q <= 1 {
		return math.Inf(1)
	}
	if x <= 0 {
		return m.P * m.Gamma / (m.Q - 1)
	}
	px := m.P * x
	return (m.Gamma*m.P + px*zbar) / (px + m.Q - 1)
}

// FitGammaGamma fits the [GammaGamma] model by maximum likelihood to the customers with
// x[i] > 0 and zbar[i] > 0 (x is the number of repeat transactions, zbar their mean
// value); the others, refunds among them, are skipped, as lifetimes advises. Start values
// are fixed (p = q = 2, γ from the mean spend). It returns an error for invalid input or a
// likelihood that is not a number at the start values; a poor fit comes back flagged.
func FitGammaGamma(x, zbar []float64) (Fit[GammaGamma], error) {
	if len(x) != len(zbar) {
		return Fit[GammaGamma]{}, fmt.Errorf("%d frequencies but %d mean spends", len(x), len(zbar))
	}
	var distinct numbering[float64]  // the distinct frequencies
	zs := make([]float64, 0, len(x)) // each customer's zbar
	xi := make([]int32, 0, len(x))   // each customer's index into the distinct frequencies
	for i := range x {
		if math.IsNaN(x[i]) || math.IsInf(x[i], 0) || x[i] < 0 || math.IsNaN(zbar[i]) || math.IsInf(zbar[i], 0) {
			return Fit[GammaGamma]{}, fmt.Errorf("x = %v, zbar = %v is not a frequency and a mean spend", x[i], zbar[i])
		}
		if x[i] > 0 && zbar[i] > 0 {
			k, _ := distinct.number(x[i], hashFloat(x[i]))
			xi = append(xi, k)
			zs = append(zs, zbar[i])
		}
	}
	xs := distinct.keys
	if len(x) == 0 {
		return Fit[GammaGamma]{}, ErrNoCustomers
	}
	fit := Fit[GammaGamma]{Customers: len(x), Repeaters: len(zs)}
	if len(zs) < MinRepeaters {
		fit.Flags = append(fit.Flags, Flag{FewRepeaters, fmt.Sprintf(
			"only %d customers have a repeat purchase with a spend (need %d)", len(zs), MinRepeaters)})
	}
	if len(zs) == 0 {
		fit.Flags = append(fit.Flags, Flag{NotConverged, "there is no repeat spend to fit"})
		return fit, nil
	}
	mean := 0.0
	for _, z := range zs {
		mean += z / float64(len(zs))
	}
	lzs := logs(zs)
	ll := func(p, grad []float64) float64 {
		return ggLogLik(GammaGamma{p[0], p[1], p[2]}, xs, xi, zs, lzs, grad) / float64(len(zs))
	}
	// A Gamma(2, ν) spend with ν ~ Gamma(2, γ) has mean 2γ: start at the data's mean.
	opt, err := maximize(ll, []float64{2, 2, math.Max(mean/2, 1e-9)}, 0)
	if err != nil {
		return Fit[GammaGamma]{}, fmt.Errorf("fit Gamma-Gamma: %w", err)
	}
	fit.Params = GammaGamma{opt.params[0], opt.params[1], opt.params[2]}
	fit.LogLik = opt.logLik * float64(len(zs))
	fit.Iterations = opt.iterations
	bf := boundaryFlags([]string{"p", "q", "gamma"}, opt)
	fit.Flags = append(fit.Flags, bf...)
	if fit.Params.Q <= 1 {
		fit.Flags = append(fit.Flags, Flag{NoFiniteMean, fmt.Sprintf(
			"the spend model has no finite mean (q = %.3g ≤ 1)", fit.Params.Q)})
	}
	fit.Converged = opt.converged && len(bf) == 0
	if !opt.converged {
		fit.Flags = append(fit.Flags, Flag{NotConverged, "the Gamma-Gamma fit did not converge"})
	}
	return fit, nil
}

// logs returns the natural logarithm of every element of v.
func logs(v []float64) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = math.Log(x)
	}
	return out
}

// ggLogLik returns the summed log-likelihood of the customers' mean repeat spends zbar
// over x > 0 transactions, each the log density
//
//	Γ(px+q)/(Γ(px)Γ(q)) γ^q x^(px) zbar^(px−1) / (γ + x·zbar)^(px+q)
//
// as CLVTools reports it (lifetimes drops the −log zbar term), and stores its gradient in (p, q, γ),
// divided by the number of customers, in grad. The gamma and digamma functions depend on
// a customer only through x, so they are computed once per distinct x; lzs holds the
// log of each zs, which no parameter changes, computed once per fit.
func ggLogLik(m GammaGamma, xs []float64, xi []int32, zs, lzs []float64, grad []float64) float64 {
	p, q, g := m.P, m.Q, m.Gamma
	psiQ := mathext.Digamma(q)
	lq, _ := math.Lgamma(q)
	lgG := math.Log(g)
	type xTerm struct{ head, dp, dq float64 }
	xt := make([]xTerm, len(xs))
	for i, x := range xs {
		px := p * x
		a, _ := math.Lgamma(px + q)
		b, _ := math.Lgamma(px)
		psiA := mathext.Digamma(px + q)
		lx := math.Log(x)
		xt[i] = xTerm{
			head: a - b - lq + q*lgG + px*lx,
			dp:   x * (psiA - mathext.Digamma(px) + lx),
			dq:   psiA - psiQ + lgG,
		}
	}
	qOverG := q / g
	sum := parallelSum(len(zs), 4, func(lo, hi int, acc []float64) {
		a0, a1, a2, a3 := acc[0], acc[1], acc[2], acc[3]
		for i := lo; i < hi; i++ {
			t := &xt[xi[i]]
			x, z := xs[xi[i]], zs[i]
			px := p * x
			lz, lgz := lzs[i], math.Log(g+x*z)
			a0 += t.head + (px-1)*lz - (px+q)*lgz
			a1 += t.dp + x*(lz-lgz)
			a2 += t.dq - lgz
			a3 += qOverG - (px+q)/(g+x*z)
		}
		acc[0], acc[1], acc[2], acc[3] = a0, a1, a2, a3
	})
	n := float64(len(zs))
	for i := range grad {
		grad[i] = sum[i+1] / n
	}
	return sum[0]
}
