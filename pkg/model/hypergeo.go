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
		if h, ok := hyp1NearOne(b, c, z, deriv); ok {
			return h
		}
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
// z = 1. It is evaluated by the modified Lentz method on dual numbers, which carry the
// derivatives in b, c and z along.
func hyp1CF(b, c, z float64, deriv bool) hyp1 {
	if !deriv {
		return hyp1{v: hyp1CFValue(b, c, z)}
	}
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
		if math.Abs(D.v) < lentzTiny {
			D.v = lentzTiny
		}
		C = one.add(e.div(C))
		if math.Abs(C.v) < lentzTiny {
			C.v = lentzTiny
		}
		D = one.div(D)
		delta := C.mul(D)
		f = f.mul(delta)
		// f's value to 1e-15 and its derivatives to 1e-12, relative: the derivatives
		// only steer the optimiser and converge more slowly.
		if math.Abs(delta.v-1) < 1e-15 &&
			math.Abs(f.v*delta.b) <= 1e-12*math.Abs(f.b) &&
			math.Abs(f.v*delta.c) <= 1e-12*math.Abs(f.c) &&
			math.Abs(f.v*delta.z) <= 1e-12*math.Abs(f.z) {
			break
		}
	}
	g := one.div(f)
	return hyp1{v: g.v, db: g.b, dc: g.c, dz: g.z}
}

// Where [hyp1NearOne] takes over from [hyp1CF]: for 1−z below nearOneW (with b(1−z) below
// 1, so that its series falls from the first term), and for c−1−b at least nearOneGap from
// a whole number, where its two terms have poles that cancel.
const (
	nearOneW   = 0.05
	nearOneGap = 0.02
)

// lentzTiny stands in for a denominator of the modified Lentz method that comes out 0.
const lentzTiny = 1e-300

// hyp1CFValue is the value of [hyp1CF], the same operations on plain numbers: P(alive)
// needs no derivatives.
func hyp1CFValue(b, c, z float64) float64 {
	c1 := c - 1
	f, C, D := 1.0, 1.0, 0.0
	for n := 1; n <= 10000; n++ {
		m := float64(n / 2)
		var e float64
		if n%2 == 1 {
			e = (c1 + m) * (b + m) * z * (1 / ((c1 + 2*m) * (c1 + (2*m + 1))))
		} else {
			e = m * ((c1 + m) - b) * z * (1 / ((c1 + (2*m - 1)) * (c1 + 2*m)))
		}
		e = -e
		D = 1 + e*D
		if math.Abs(D) < lentzTiny {
			D = lentzTiny
		}
		C = 1 + e*(1/C)
		if math.Abs(C) < lentzTiny {
			C = lentzTiny
		}
		D = 1 / D
		delta := C * D
		f *= delta
		if math.Abs(delta-1) < 1e-15 {
			break
		}
	}
	return 1 / f
}

// hyp1NearOne is 2F1(1, b; c; z) near z = 1, where the continued fraction [hyp1CF] needs
// ever more steps. With w = 1−z and m = c−1−b, the transformation to 1−z (Abramowitz &
// Stegun 15.3.6, with a = 1) gives
//
//	2F1(1, b; c; z) = (c−1)/m · 2F1(1, b; 1−m; w) + w^m z^(1−c) Γ(c)Γ(−m)/Γ(b),
//
// whose series in w falls by about bw a term. ok is false where the transformation is
// not used (see [nearOneW] and [nearOneGap]).
func hyp1NearOne(b, c, z float64, deriv bool) (h hyp1, ok bool) {
	w := 1 - z
	m := c - 1 - b
	if w > nearOneW || b*w > 0.25 || math.Abs(m-math.Round(m)) < nearOneGap {
		return hyp1{}, false
	}
	// The series S = Σ t_n, t_{n+1} = t_n (b+n)/(1−m+n) w, with the sums of its terms'
	// log-derivatives in b and c (m moves with both) and n t_n for the derivative in w.
	t := 1.0
	sum, sb, sc, sw := 1.0, 0.0, 0.0, 0.0
	lb, lc := 0.0, 0.0
	for n := 0; n < 500; n++ {
		fn := float64(n)
		d := 1 - m + fn
		t *= (b + fn) / d * w
		sum += t
		if deriv {
			lb += 1/(b+fn) - 1/d
			lc += 1 / d
			sb += t * lb
			sc += t * lc
			sw += (fn + 1) * t
		}
		if math.Abs(t)*(fn+2) < 1e-17*math.Abs(sum) {
			break
		}
	}
	a := (c - 1) / m
	lgc, _ := math.Lgamma(c)
	lgm, sign := math.Lgamma(-m)
	lgb, _ := math.Lgamma(b)
	lw, lz := math.Log(w), math.Log(z)
	bt := float64(sign) * math.Exp(m*lw+(1-c)*lz+lgc+lgm-lgb)
	h.v = a*sum + bt
	if !(h.v > 0) || math.IsInf(h.v, 0) {
		return hyp1{}, false
	}
	if deriv {
		psiM := mathext.Digamma(-m)
		h.db = (c-1)/(m*m)*sum + a*sb + bt*(-lw+psiM-mathext.Digamma(b))
		h.dc = -b/(m*m)*sum + a*sc + bt*(lw-lz+mathext.Digamma(c)-psiM)
		h.dz = -a*sw/w + bt*(-m/w+(1-c)/z)
	}
	return h, true
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
	inv := 1 / y.v
	q := x.v * inv
	return dual{q, (x.b - q*y.b) * inv, (x.c - q*y.c) * inv, (x.z - q*y.z) * inv}
}

// hyp2f1 returns the Gauss hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1, through
// gonum's port of Cephes, which itself switches to the 1−z transformations near z = 1.
func hyp2f1(a, b, c, z float64) float64 {
	return mathext.Hypergeo(a, b, c, z)
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
