package model

import (
	"math"
	"testing"
)

// near reports whether got is within rel (relative) of want.
func near(got, want, rel float64) bool {
	return math.Abs(got-want) <= rel*math.Abs(want)
}

func checkRel(t *testing.T, name string, got, want, rel float64) {
	t.Helper()
	if !near(got, want, rel) {
		t.Errorf("%s = %.10g, want %.10g (within %.0e relative; off by %.2e)", name, got, want, rel, math.Abs(got-want)/math.Abs(want))
	}
}

// numericGradient returns the central-difference gradient of f at p.
func numericGradient(f func(p []float64) float64, p []float64) []float64 {
	g := make([]float64, len(p))
	q := make([]float64, len(p))
	for k := range p {
		copy(q, p)
		h := 1e-5 * p[k]
		q[k] = p[k] + h
		f1 := f(q)
		q[k] = p[k] - h
		f2 := f(q)
		g[k] = (f1 - f2) / (2 * h)
	}
	return g
}
