package model

import (
	"math"

	"gonum.org/v1/gonum/mathext"
)

// hyp1 is the value of 2F1(1, b; c; z) with its partial derivatives, for 0 < b < c and
// 0 ≤ z < 1. The Pareto/NBD likelihood only needs this case once its hypergeometric terms
// are put through Euler's transformation (see [paretoLogF]).
type hyp1 struct {
	v          float64 // 2F1(1, b; c; z)
	db, dc, dz float64 // its partial derivatives
}

// hypSeriesMax bounds the series; it is only reached for z within about 1e-4 of 1, where
// the parameters are far from any sensible optimum.
const hypSeriesMax = 200000

// hyp1Series sums 2F1(1, b; c; z) = Σ t_n with t_0 = 1, t_{n+1} = t_n (b+n)/(c+n) z. For
// b < c every ratio is below z, so the terms fall at least geometrically and the tail
// after t_n is below t_n z/(1-z); the derivatives in b and c follow each term's log
// derivative, Σ 1/(b+k) and −Σ 1/(c+k).
func hyp1Series(b, c, z float64, deriv bool) hyp1 {
	if z == 0 {
		return hyp1{v: 1, dz: b / c}
	}
	t := 1.0
	sum, sb, sc, sz := 1.0, 0.0, 0.0, 0.0
	lb, lc := 0.0, 0.0 // d log t_n / db, d log t_n / dc
	tail := 1 / (1 - z)
	for n := 0; n < hypSeriesMax; n++ {
		fn := float64(n)
		ib, ic := 1/(b+fn), 1/(c+fn)
		t *= (b + fn) * ic * z
		sum += t
		if deriv {
			lb += ib
			lc -= ic
			sb += t * lb
			sc += t * lc
			sz += (fn + 1) * t
		}
		if t*(fn+2)*tail < 1e-17*sum {
			break
		}
	}
	return hyp1{v: sum, db: sb, dc: sc, dz: sz / z}
}

// hyp2f1 returns the Gauss hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1, through
// gonum's port of Cephes, which itself switches to the 1−z transformations near z = 1.
func hyp2f1(a, b, c, z float64) float64 {
	return mathext.Hypergeo(a, b, c, z)
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

// logistic returns 1/(1+exp(-u)) without overflow.
func logistic(u float64) float64 {
	if u >= 0 {
		return 1 / (1 + math.Exp(-u))
	}
	e := math.Exp(u)
	return e / (1 + e)
}
