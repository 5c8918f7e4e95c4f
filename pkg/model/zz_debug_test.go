package model

import (
	"encoding/csv"
	"fmt"
	"os"
	"strconv"
	"testing"
	"time"
)

func readSums(t *testing.T, p string) []Summary {
	f, err := os.Open(p)
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	recs, _ := csv.NewReader(f).ReadAll()
	var out []Summary
	for _, r := range recs[1:] {
		x, _ := strconv.ParseFloat(r[2], 64)
		tx, _ := strconv.ParseFloat(r[3], 64)
		T, _ := strconv.ParseFloat(r[4], 64)
		out = append(out, Summary{x, tx, T})
	}
	return out
}

func TestZZBench(t *testing.T) {
	for _, p := range []string{"/tmp/m1cust.csv", "/tmp/m5cust.csv"} {
		d := readSums(t, p)
		c, _ := newCohort(d)
		fmt.Println(p, len(d), "recs", len(c.recs), "pairs", len(c.pairs), "xs", len(c.xs), "ts", len(c.ts))
		n := 0
		var tot time.Duration
		ll := func(p, grad []float64) float64 {
			st := time.Now()
			v := c.mean(c.paretoLogLik(ParetoNBD{p[0], p[1], p[2], p[3]}, grad), grad)
			n++
			tot += time.Since(st)
			return v
		}
		meanT := 0.0
		for _, s := range d {
			meanT += s.T / float64(len(d))
		}
		st := time.Now()
		opt, _ := maximize(ll, []float64{1, startScale(d), 1, meanT}, c.n)
		fmt.Println("maximize", time.Since(st), n, tot, opt.params, opt.iterations)
		st = time.Now()
		f, _ := FitBGNBD(d)
		fmt.Println("bgnbd", time.Since(st), f.Iterations)
	}
}
