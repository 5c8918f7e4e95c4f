package segment

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
)

// Score is an R, F or M score from 1 (lowest) to 5 (highest), or [NoScore].
type Score uint8

// NoScore marks an absent score: the M score of an export without amounts.
const NoScore Score = 0

// MaxCustomers is the largest number of values scored at once. The balancing
// costs are exact 64-bit integers, which bounds the population; it is far above any
// practice, salon or shop.
const MaxCustomers = 1 << 28

// ErrTooMany is returned when more than [MaxCustomers] values are to be scored.
var ErrTooMany = errors.New("too many customers to score")

// Measure is one of the three RFM dimensions.
type Measure uint8

// The measures. [Recency] scores in reverse: the fewer days since the last visit, the
// higher the score.
const (
	Recency   Measure = iota // days from the last visit to the as-of date
	Frequency                // visit days
	Monetary                 // total spend in minor units
)

var measureNames = [...]string{Recency: "recency", Frequency: "frequency", Monetary: "monetary"}

// String returns "recency", "frequency" or "monetary".
func (m Measure) String() string {
	if int(m) < len(measureNames) {
		return measureNames[m]
	}
	return "measure(" + strconv.Itoa(int(m)) + ")"
}

// Letter returns "R", "F" or "M", the prefix of a score ("F3").
func (m Measure) Letter() string {
	if int(m) < len(measureNames) {
		return "RFM"[m : m+1]
	}
	return "?"
}

// Bin is the range of values that earned one score.
type Bin struct {
	Score Score
	// Min and Max are the smallest and largest value with this score, in the measure's
	// units (days, visits, minor units); both 0 when no customer has the score.
	Min, Max int64
	// Customers is how many customers have the score; Share is Customers over all.
	Customers int
	Share     float64
}

// Scale is how one measure was turned into scores: the bins actually used and a note on
// how ties were handled.
type Scale struct {
	Measure Measure
	// Bins[s-1] is the bin of score s. Unused scores have no customers.
	Bins [5]Bin
	// Groups is the number of scores in use: 5 unless there are fewer distinct values
	// (or no customers, or no amounts for [Monetary]).
	Groups int
	// Customers is the number of customers scored.
	Customers int
	// Ties are the facts of how ties were handled, for a note in the report.
	Ties Ties
}

// Ties are the facts of how a [Scale] handled ties: which case applies and the figures
// its note names. Package words says them ("60 % of customers have 1 visit; they all
// score F1; scores F2–F5 split the rest").
type Ties struct {
	Kind TieKind
	// Distinct is the number of distinct values.
	Distinct int `json:",omitempty"`
	// Smallest and Largest are the customers in the emptiest and the fullest bin (five
	// groups only).
	Smallest, Largest int64 `json:",omitempty"`
	// Values are the values the note names, with their customers and score: the one value
	// ([TiesOneCustomer], [TiesAllEqual]), every value ([TiesFewValues]) or those too big
	// for one fifth ([TiesCrowded]). Recency values are days.
	Values []TieValue `json:",omitempty"`
	// Scores are the scores left empty ([TiesFewValues]) or that split the rest
	// ([TiesCrowded]).
	Scores []Score `json:",omitempty"`
}

// TieValue is one value named in a [Ties] note.
type TieValue struct {
	Value, Customers int64
	Score            Score
}

// TieKind names the case of a [Ties] note.
type TieKind string

// The cases of a [Ties] note.
const (
	TiesNoCustomers TieKind = "no-customers" // nobody to score
	TiesNoAmounts   TieKind = "no-amounts"   // no M scores without amounts
	TiesOneCustomer TieKind = "one-customer" // one customer scores 3
	TiesAllEqual    TieKind = "all-equal"    // everyone has the same value and scores 3
	TiesFewValues   TieKind = "few-values"   // under five distinct values, spread over 1–5
	TiesCrowded     TieKind = "crowded"      // values too big for one fifth bent the quintiles
	TiesExact       TieKind = "exact"        // every score holds exactly 20 %
	TiesShared      TieKind = "shared"       // equal values share a score; shares near 20 %
	TiesUneven      TieKind = "uneven"       // all values distinct, yet not divisible by five
)

// quintiles scores keys 1–5 by quantile, higher values scoring higher except for
// [Recency], where fewer days score higher; it overwrites keys.
//
// Equal values always get the same score, which naive quintiles cannot promise (when 60 %
// of customers have one visit, three cut points fall on 1). Instead the distinct values
// are cut into five contiguous groups minimising the sum of squared group sizes; ties
// between equally balanced cuts go to the cut points closest to the ideal 20/40/60/80 %
// positions, then to the earliest cuts, so the result depends only on the multiset of
// values. Five or fewer distinct values are spread evenly over 1..5 (everyone equal
// scores 3: there is nothing to rank).
func quintiles(m Measure, keys []int64) ([]Score, Scale, error) {
	n := len(keys)
	sc := Scale{Measure: m, Customers: n}
	for s := range sc.Bins {
		sc.Bins[s].Score = Score(s + 1)
	}
	if n > MaxCustomers {
		return nil, sc, fmt.Errorf("%w: %d values, at most %d", ErrTooMany, n, MaxCustomers)
	}
	if n == 0 {
		sc.Ties = Ties{Kind: TiesNoCustomers}
		return nil, sc, nil
	}

	// Work on keys that rise with the score: ^v reverses the order of recency without
	// the overflow of -v.
	reverse := m == Recency
	if reverse {
		for i, v := range keys {
			keys[i] = ^v
		}
	}
	distinct, cum := distinctCounts(keys)
	k := len(distinct)

	// bounds[g] .. bounds[g+1] are the distinct values of group g; scoreOf[g] its score.
	var bounds []int
	var scoreOf []Score
	if k <= 5 {
		bounds = make([]int, k+1)
		for i := range bounds {
			bounds[i] = i
		}
		scoreOf = spread[k]
	} else {
		cuts := balance(cum)
		bounds = []int{0, cuts[0], cuts[1], cuts[2], cuts[3], k}
		scoreOf = spread[5]
	}
	groups := len(scoreOf)
	upper := make([]int64, groups) // largest key of each group
	for g := range groups {
		lo, hi := bounds[g], bounds[g+1]
		upper[g] = distinct[hi-1]
		b := &sc.Bins[scoreOf[g]-1]
		b.Customers = int(cum[hi] - cum[lo])
		b.Share = float64(b.Customers) / float64(n)
		b.Min, b.Max = distinct[lo], distinct[hi-1]
		if reverse {
			b.Min, b.Max = ^b.Max, ^b.Min
		}
	}
	sc.Groups = groups

	scores := make([]Score, n)
	for i, key := range keys {
		g := 0
		for key > upper[g] {
			g++
		}
		scores[i] = scoreOf[g]
	}
	sc.Ties = ties(&sc, distinct, cum, bounds, scoreOf)
	return scores, sc, nil
}

// spread[g] places g groups of distinct values on the scores 1..5: evenly, lowest on 1
// and highest on 5, a single group in the middle.
var spread = [6][]Score{
	nil,
	{3},
	{1, 5},
	{1, 3, 5},
	{1, 2, 4, 5},
	{1, 2, 3, 4, 5},
}

// distinctCounts returns the distinct keys in ascending order and cumulative counts:
// cum[i] is the number of keys below distinct[i], cum[len(distinct)] the total. Keys
// spanning fewer values than there are keys (recency in days, frequency) are counted
// rather than sorted.
func distinctCounts(keys []int64) (distinct, cum []int64) {
	lo, hi := slices.Min(keys), slices.Max(keys)
	if uint64(hi)-uint64(lo) < uint64(len(keys)) {
		counts := make([]int64, hi-lo+1)
		for _, v := range keys {
			counts[v-lo]++
		}
		below := int64(0)
		for d, c := range counts {
			if c > 0 {
				distinct = append(distinct, lo+int64(d))
				cum = append(cum, below)
				below += c
			}
		}
		return distinct, append(cum, below)
	}
	sorted := slices.Clone(keys)
	slices.Sort(sorted)
	for i, v := range sorted {
		if i == 0 || v != sorted[i-1] {
			distinct = append(distinct, v)
			cum = append(cum, int64(i))
		}
	}
	cum = append(cum, int64(len(sorted)))
	return distinct, cum
}

// cost is the lexicographic objective of a partial cut: first the sum of squared group
// sizes, then the sum of squared distances of the cut points from the ideal quintile
// positions (in fifths of a customer, to stay in integers).
type cost struct{ spread, offset int64 }

func (a cost) less(b cost) bool {
	return a.spread < b.spread || a.spread == b.spread && a.offset < b.offset
}

// balance cuts k > 5 distinct values with cumulative counts cum (len k+1) into five
// non-empty contiguous groups of the most equal sizes, and returns the four inner cut
// positions (indices into the distinct values, ascending).
//
// The group cost (cum[i]-cum[p])² satisfies the quadrangle inequality, so the best start
// p of a group is monotone in its end i and each layer of the dynamic programme is solved
// by divide and conquer. Only cuts within 4·cmax of their ideal position j·n/5 are tried
// (cmax the largest count of one value): moving a boundary value across cannot help in a
// best cut, which bounds how far each group strays from n/5.
func balance(cum []int64) [4]int {
	k := len(cum) - 1
	n := cum[k]
	var cmax int64
	for i := range k {
		cmax = max(cmax, cum[i+1]-cum[i])
	}
	// Cut j (the end of group j) is tried at i in [lo[j], hi[j]].
	var lo, hi [5]int
	for j := 1; j <= 4; j++ {
		target, slack := int64(j)*n, 20*cmax // in fifths of a customer
		a := sort.Search(k+1, func(i int) bool { return 5*cum[i] >= target-slack })
		b := sort.Search(k+1, func(i int) bool { return 5*cum[i] > target+slack }) - 1
		lo[j] = max(a, j, lo[j-1]+1)
		hi[j] = min(b, k-(5-j))
	}
	for j := 1; j <= 4; j++ {
		if lo[j] > hi[j] { // cannot happen by the argument above; stay exact regardless
			for j := 1; j <= 4; j++ {
				lo[j], hi[j] = j, k-(5-j)
			}
			break
		}
	}

	offset := func(j int, i int) int64 {
		d := 5*cum[i] - int64(j)*n
		return d * d
	}
	prev := make([]cost, hi[1]-lo[1]+1) // D[j-1][i] at i-lo[j-1]
	for i := lo[1]; i <= hi[1]; i++ {
		prev[i-lo[1]] = cost{cum[i] * cum[i], offset(1, i)}
	}
	var opt [5][]int32 // opt[j][i-lo[j]]: where group j starts when it ends at i
	for j := 2; j <= 4; j++ {
		cur := make([]cost, hi[j]-lo[j]+1)
		opt[j] = make([]int32, len(cur))
		l := layer{prev: prev, cur: cur, opt: opt[j], cum: cum, prevLo: lo[j-1], curLo: lo[j]}
		l.solve(lo[j], hi[j], lo[j-1], hi[j-1])
		for i := lo[j]; i <= hi[j]; i++ {
			cur[i-lo[j]].offset += offset(j, i)
		}
		prev = cur
	}
	best, bestP := cost{}, -1
	for p := lo[4]; p <= hi[4]; p++ {
		d := n - cum[p]
		c := cost{prev[p-lo[4]].spread + d*d, prev[p-lo[4]].offset}
		if bestP < 0 || c.less(best) {
			best, bestP = c, p
		}
	}
	var cuts [4]int
	cuts[3] = bestP
	for j := 4; j >= 2; j-- {
		cuts[j-2] = int(opt[j][cuts[j-1]-lo[j]])
	}
	return cuts
}

// layer is one step of the dynamic programme in [balance]: cur[i-curLo] is the best
// prev[p-prevLo] + (cum[i]-cum[p])², and opt[i-curLo] the smallest p giving it.
type layer struct {
	prev, cur     []cost
	opt           []int32
	cum           []int64
	prevLo, curLo int
}

// solve fills i in [lo, hi], trying p in [pLo, min(i-1, pHi)].
func (l *layer) solve(lo, hi, pLo, pHi int) {
	for lo <= hi {
		mid := int(uint(lo+hi) >> 1)
		best, bestP := cost{}, -1
		ci := l.cum[mid]
		for p := pLo; p <= min(mid-1, pHi); p++ {
			d := ci - l.cum[p]
			pc := l.prev[p-l.prevLo]
			c := cost{pc.spread + d*d, pc.offset}
			if bestP < 0 || c.less(best) {
				best, bestP = c, p
			}
		}
		l.cur[mid-l.curLo] = best
		l.opt[mid-l.curLo] = int32(bestP)
		// Recurse on the smaller half and loop on the other, to bound the stack.
		if mid-lo < hi-mid {
			l.solve(lo, mid-1, pLo, bestP)
			lo, pLo = mid+1, bestP
		} else {
			l.solve(mid+1, hi, bestP, pHi)
			hi, pHi = mid-1, bestP
		}
	}
}

// ties works out the facts of how sc handled ties (see [Ties]).
func ties(sc *Scale, distinct, cum []int64, bounds []int, scoreOf []Score) Ties {
	m := sc.Measure
	n := int64(sc.Customers)
	value := func(i int) int64 {
		if m == Recency {
			return ^distinct[i]
		}
		return distinct[i]
	}
	k := len(distinct)
	t := Ties{Distinct: k}
	switch {
	case k == 1:
		t.Kind = TiesAllEqual
		if n == 1 {
			t.Kind = TiesOneCustomer
		}
		t.Values = []TieValue{{Value: value(0), Customers: n, Score: 3}}
		return t
	case k < 5:
		t.Kind = TiesFewValues
		for g := range k {
			t.Values = append(t.Values, TieValue{Value: value(g), Customers: cum[g+1] - cum[g], Score: scoreOf[g]})
		}
		for s := Score(1); s <= 5; s++ {
			if !slices.Contains(scoreOf, s) {
				t.Scores = append(t.Scores, s)
			}
		}
		return t
	}

	// Five groups. When shares stray far from 20 %, name every value too big for one
	// fifth: that is where ties bent the quintiles.
	lo, hi := n, int64(0)
	for _, b := range sc.Bins {
		lo = min(lo, int64(b.Customers))
		hi = max(hi, int64(b.Customers))
	}
	t.Smallest, t.Largest = lo, hi
	if 100*hi > 25*n || 100*lo < 15*n {
		var bigScores []Score
		for g := range len(scoreOf) {
			for i := bounds[g]; i < bounds[g+1]; i++ {
				c := cum[i+1] - cum[i]
				if 5*c <= n {
					continue
				}
				t.Values = append(t.Values, TieValue{Value: value(i), Customers: c, Score: scoreOf[g]})
				bigScores = append(bigScores, scoreOf[g])
			}
		}
		if len(t.Values) > 0 {
			t.Kind = TiesCrowded
			for s := Score(1); s <= 5; s++ {
				if !slices.Contains(bigScores, s) {
					t.Scores = append(t.Scores, s)
				}
			}
			return t
		}
	}
	switch {
	case lo == hi:
		t.Kind = TiesExact
	case int64(k) < n:
		t.Kind = TiesShared
	default:
		t.Kind = TiesUneven
	}
	return t
}
