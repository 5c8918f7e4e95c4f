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

// hypSeriesMaxZ is where [hyp1Series] hands over to the continued fraction [hyp1CF]:
// beyond it the series needs many terms (about log(1e-17)/log(z)).
const hypSeriesMaxZ = 0.5

// hyp1Series sums 2F1(1, b; c; z) = Σ t_n with t_0 = 1, t_{n+1} = t_n (b+n)/(c+n) z. For
// b < c every ratio is below z, so the terms fall at least geometrically and the tail
// after t_n is below t_n z/(1-z); the derivatives in b and c follow each term's log
// derivative, Σ 1/(b+k) and −Σ 1/(c+k).
func hyp1Series(b, c, z float64, deriv bool) hyp1 {
	if z == 0 {
		return hyp1{v: 1, dz: b / c}
	}
	if z > hypSeriesMaxZ {
		return hyp1CF(b, c, z, deriv)
	}
	t := 1.0
	sum, sb, sc, sz := 1.0, 0.0, 0.0, 0.0
	lb, lc := 0.0, 0.0 // d log t_n / db, d log t_n / dc
	tail := 1 / (1 - z)
	for n := 0; n < 2000; n++ {
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

// hyp1CF is [hyp1Series] for larger z, by Gauss's continued fraction for the ratio
// 2F1(1, b; c; z) / 2F1(0, b; c−1; z), whose denominator is 1:
//
//	2F1(1, b; c; z) = 1/(1 − e₁/(1 − e₂/(1 − …))),
//	e_{2m+1} = (c−1+m)(b+m) z / ((c−1+2m)(c+2m)),  e_{2m} = (c−1+m−b) m z / ((c−2+2m)(c−1+2m)).
//
// For b < c all e_n are positive, and the fraction converges geometrically even close to
// z = 1 (about 100 steps at z = 0.99, where the series needs 4,000), whatever the size of
// b and c. It is evaluated by the modified Lentz method on dual numbers, which carry the
// derivatives in b, c and z along.
func hyp1CF(b, c, z float64, deriv bool) hyp1 {
	const tiny = 1e-300
	bb := dual{b, 1, 0, 0}
	cc := dual{c - 1, 0, 1, 0} // the fraction's own c is ours minus 1
	zz := dual{z, 0, 0, 1}
	one := dual{v: 1}
	// Lentz on f = 1 − e1/(1 − e2/(1 − ...)), inverted at the end.
	f := one
	C := one
	D := dual{}
	for n := 1; n <= 10000; n++ {
		m := float64(n / 2)
		var e dual
		if n%2 == 1 {
			// (c+m)(b+m) z / ((c+2m)(c+2m+1))
			e = cc.addC(m).mul(bb.addC(m)).mul(zz).div(cc.addC(2 * m).mul(cc.addC(2*m + 1)))
		} else {
			// (c+m−b) m z / ((c+2m−1)(c+2m))
			e = cc.addC(m).sub(bb).scale(m).mul(zz).div(cc.addC(2*m - 1).mul(cc.addC(2 * m)))
		}
		e = e.scale(-1)
		D = one.add(e.mul(D))
		if math.Abs(D.v) < tiny {
			D.v = tiny
		}
		C = one.add(e.div(C))
		if math.Abs(C.v) < tiny {
			C.v = tiny
		}
		D = one.div(D)
		delta := C.mul(D)
		f = f.mul(delta)
		// f's value to 1e-15 and its derivatives to 1e-12, relative: the derivatives
		// only steer the optimiser and converge more slowly.
		if math.Abs(delta.v-1) < 1e-15 && (!deriv ||
			math.Abs(f.v*delta.b) <= 1e-12*math.Abs(f.b) &&
				math.Abs(f.v*delta.c) <= 1e-12*math.Abs(f.c) &&
				math.Abs(f.v*delta.z) <= 1e-12*math.Abs(f.z)) {
			break
		}
	}
	g := one.div(f)
	return hyp1{v: g.v, db: g.b, dc: g.c, dz: g.z}
}

// dual is a number with its derivatives in b, c and z.
type dual struct{ v, b, c, z float64 }

func (x dual) add(y dual) dual      { return dual{x.v + y.v, x.b + y.b, x.c + y.c, x.z + y.z} }
func (x dual) sub(y dual) dual      { return dual{x.v - y.v, x.b - y.b, x.c - y.c, x.z - y.z} }
func (x dual) addC(k float64) dual  { return dual{x.v + k, x.b, x.c, x.z} }
func (x dual) scale(k float64) dual { return dual{k * x.v, k * x.b, k * x.c, k * x.z} }
func (x dual) mul(y dual) dual {
	return dual{x.v * y.v, x.b*y.v + x.v*y.b, x.c*y.v + x.v*y.c, x.z*y.v + x.v*y.z}
}
func (x dual) div(y dual) dual {
	q := x.v / y.v
	return dual{q, (x.b - q*y.b) / y.v, (x.c - q*y.c) / y.v, (x.z - q*y.z) / y.v}
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

// logAddExpShare returns log(exp(a) + exp(b)) and the share exp(b)/(exp(a) + exp(b)),
// with a single exponential.
func logAddExpShare(a, b float64) (l, w float64) {
	if math.IsInf(b, -1) {
		return a, 0
	}
	if a >= b {
		e := math.Exp(b - a)
		return a + math.Log1p(e), e / (1 + e)
	}
	e := math.Exp(a - b)
	return b + math.Log1p(e), 1 / (1 + e)
}

// logistic returns 1/(1+exp(-u)) without overflow.
func logistic(u float64) float64 {
	if u >= 0 {
		return 1 / (1 + math.Exp(-u))
	}
	e := math.Exp(u)
	return e / (1 + e)
}
