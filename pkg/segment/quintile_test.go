package segment

import (
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// repeat returns value v count times, for building tied populations.
func repeat(v int64, count int) []int64 {
	out := make([]int64, count)
	for i := range out {
		out[i] = v
	}
	return out
}

func seq(lo, hi int64) []int64 {
	var out []int64
	for v := lo; v <= hi; v++ {
		out = append(out, v)
	}
	return out
}

func binCounts(sc Scale) [5]int {
	var c [5]int
	for i, b := range sc.Bins {
		c[i] = b.Customers
	}
	return c
}

// checkTies fails when two equal values got different scores, or a higher value a lower
// score (a lower one for recency).
func checkTies(t *testing.T, m Measure, values []int64, scores []Score) {
	t.Helper()
	byValue := map[int64]Score{}
	for i, v := range values {
		if s, ok := byValue[v]; ok && s != scores[i] {
			t.Fatalf("value %d split across scores %d and %d", v, s, scores[i])
		}
		byValue[v] = scores[i]
	}
	distinct := make([]int64, 0, len(byValue))
	for v := range byValue {
		distinct = append(distinct, v)
	}
	slices.Sort(distinct)
	for i := 1; i < len(distinct); i++ {
		lo, hi := byValue[distinct[i-1]], byValue[distinct[i]]
		if m == Recency {
			lo, hi = hi, lo
		}
		if lo > hi {
			t.Fatalf("%s: value %d scores %d but larger value %d scores %d", m, distinct[i-1], byValue[distinct[i-1]], distinct[i], byValue[distinct[i]])
		}
	}
}

func TestQuintiles(t *testing.T) {
	tests := []struct {
		name    string
		measure Measure
		values  []int64
		// want holds the expected score of each value (in order of values).
		want   []Score
		counts [5]int
		kind   TieKind // the case of the note on ties, when given
	}{
		{
			name:    "quintiles on ten distinct values give exactly 20 % each",
			measure: Frequency,
			values:  seq(1, 10),
			want:    []Score{1, 1, 2, 2, 3, 3, 4, 4, 5, 5},
			counts:  [5]int{2, 2, 2, 2, 2},
			kind:    TiesExact,
		},
		{
			name:    "heavy ties (60 % with one visit) do not collapse: they all score F1 and F2–F5 split the rest",
			measure: Frequency,
			values: slices.Concat(repeat(1, 60), repeat(2, 15), repeat(3, 10), repeat(4, 8),
				repeat(5, 4), repeat(6, 3)),
			want: slices.Concat(
				[]Score{}, repeatScore(1, 60), repeatScore(2, 15), repeatScore(3, 10),
				repeatScore(4, 8), repeatScore(5, 7)),
			counts: [5]int{60, 15, 10, 8, 7},
			kind:   TiesCrowded,
		},
		{
			name:    "two heavy ties each keep one score and the other three split the rest",
			measure: Frequency,
			values:  slices.Concat(repeat(1, 45), repeat(2, 25), repeat(3, 10), repeat(4, 10), repeat(5, 6), repeat(7, 4)),
			counts:  [5]int{45, 25, 10, 10, 10},
			kind:    TiesCrowded,
		},
		{
			name:    "a tie at the top of recency keeps R5 for all of it",
			measure: Recency,
			values:  slices.Concat(repeat(0, 40), seq(1, 60)),
			counts:  [5]int{15, 15, 15, 15, 40},
			kind:    TiesCrowded,
		},
		{
			name:    "one customer scores 3, the middle",
			measure: Frequency,
			values:  []int64{4},
			want:    []Score{3},
			counts:  [5]int{0, 0, 1, 0, 0},
			kind:    TiesOneCustomer,
		},
		{
			name:    "two different customers score 1 and 5",
			measure: Frequency,
			values:  []int64{7, 2},
			want:    []Score{5, 1},
			counts:  [5]int{1, 0, 0, 0, 1},
			kind:    TiesFewValues,
		},
		{
			name:    "two equal customers both score 3",
			measure: Monetary,
			values:  []int64{1250, 1250},
			want:    []Score{3, 3},
			counts:  [5]int{0, 0, 2, 0, 0},
			kind:    TiesAllEqual,
		},
		{
			name:    "three different customers score 1, 3 and 5",
			measure: Monetary,
			values:  []int64{300, 100, 200},
			want:    []Score{5, 1, 3},
			counts:  [5]int{1, 0, 1, 0, 1},
			kind:    TiesFewValues,
		},
		{
			name:    "three customers with two equal values score 1 and 5 without splitting the tie",
			measure: Frequency,
			values:  []int64{1, 3, 1},
			want:    []Score{1, 5, 1},
			counts:  [5]int{2, 0, 0, 0, 1},
		},
		{
			name:    "four distinct values spread over 1, 2, 4 and 5",
			measure: Frequency,
			values:  slices.Concat(repeat(1, 70), repeat(2, 20), repeat(3, 7), repeat(4, 3)),
			counts:  [5]int{70, 20, 0, 7, 3},
			kind:    TiesFewValues,
		},
		{
			name:    "all customers identical score 3",
			measure: Frequency,
			values:  repeat(2, 50),
			want:    repeatScore(3, 50),
			counts:  [5]int{0, 0, 50, 0, 0},
			kind:    TiesAllEqual,
		},
		{
			name:    "recency scores fewer days higher",
			measure: Recency,
			values:  []int64{0, 400, 30, 10, 90},
			want:    []Score{5, 1, 3, 4, 2},
			counts:  [5]int{1, 1, 1, 1, 1},
		},
		{
			name:    "six distinct values put the extra customer in the middle score",
			measure: Frequency,
			values:  seq(1, 6),
			want:    []Score{1, 2, 3, 3, 4, 5},
			counts:  [5]int{1, 1, 2, 1, 1},
			kind:    TiesUneven,
		},
		{
			name:    "seven distinct values balance the two extra customers symmetrically",
			measure: Frequency,
			values:  seq(1, 7),
			counts:  [5]int{1, 2, 1, 2, 1},
		},
		{
			name:    "moderate ties keep shares near 20 % and say so",
			measure: Frequency,
			values:  slices.Concat(repeat(1, 18), repeat(2, 23), repeat(3, 19), repeat(4, 21), repeat(5, 19)),
			counts:  [5]int{18, 23, 19, 21, 19},
			kind:    TiesShared,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scores, sc, err := quintiles(tt.measure, slices.Clone(tt.values))
			if err != nil {
				t.Fatal(err)
			}
			checkTies(t, tt.measure, tt.values, scores)
			if tt.want != nil && !slices.Equal(scores, tt.want) {
				t.Errorf("scores = %v, want %v", scores, tt.want)
			}
			if got := binCounts(sc); got != tt.counts {
				t.Errorf("bin counts = %v, want %v", got, tt.counts)
			}
			if tt.kind != "" && sc.Ties.Kind != tt.kind {
				t.Errorf("ties = %+v, want kind %s (package words has the sentences)", sc.Ties, tt.kind)
			}
			// The bins agree with the scores.
			for s, b := range sc.Bins {
				var n int
				var lo, hi int64
				for i, v := range tt.values {
					if int(scores[i]) == s+1 {
						if n == 0 || v < lo {
							lo = v
						}
						if n == 0 || v > hi {
							hi = v
						}
						n++
					}
				}
				if b.Customers != n || b.Min != lo || b.Max != hi || b.Score != Score(s+1) {
					t.Errorf("bin %d = %+v, scores say %d customers in %d..%d", s+1, b, n, lo, hi)
				}
				if want := float64(n) / float64(len(tt.values)); b.Share != want {
					t.Errorf("bin %d share = %v, want %v", s+1, b.Share, want)
				}
			}
		})
	}
}

func repeatScore(s Score, count int) []Score {
	out := make([]Score, count)
	for i := range out {
		out[i] = s
	}
	return out
}

func TestQuintilesWithNoValues(t *testing.T) {
	t.Run("no customers give no scores and say so", func(t *testing.T) {
		scores, sc, err := quintiles(Frequency, nil)
		if err != nil || len(scores) != 0 || sc.Groups != 0 || sc.Ties.Kind != TiesNoCustomers {
			t.Errorf("Quintiles(nil) = %v, %+v, %v", scores, sc, err)
		}
	})
}

func TestQuintilesProperties(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	gens := []struct {
		name string
		gen  func(n int) []int64
	}{
		{"geometric frequencies with most customers at one visit", func(n int) []int64 {
			out := make([]int64, n)
			for i := range out {
				v := int64(1)
				for rng.Float64() < 0.45 {
					v++
				}
				out[i] = v
			}
			return out
		}},
		{"recency days with many ties", func(n int) []int64 {
			out := make([]int64, n)
			for i := range out {
				out[i] = int64(rng.IntN(40) * rng.IntN(40))
			}
			return out
		}},
		{"amounts with a lump at zero and negative refunds", func(n int) []int64 {
			out := make([]int64, n)
			for i := range out {
				switch rng.IntN(4) {
				case 0:
					out[i] = 0
				case 1:
					out[i] = -int64(rng.IntN(5000))
				default:
					out[i] = int64(rng.IntN(100000))
				}
			}
			return out
		}},
	}
	for _, g := range gens {
		for _, n := range []int{1, 2, 3, 5, 7, 10, 33, 100, 1000} {
			for _, m := range []Measure{Recency, Frequency, Monetary} {
				values := g.gen(n)
				t.Run(g.name+" never split a tie and fill every score they can ("+m.String()+")", func(t *testing.T) {
					scores, sc, err := quintiles(m, slices.Clone(values))
					if err != nil {
						t.Fatal(err)
					}
					checkTies(t, m, values, scores)
					distinct := len(slices.Compact(slices.Sorted(slices.Values(values))))
					if want := min(distinct, 5); sc.Groups != want {
						t.Errorf("%d distinct values use %d scores, want %d", distinct, sc.Groups, want)
					}
					// Shuffling the customers changes no one's score.
					perm := rng.Perm(n)
					shuffled := make([]int64, n)
					for i, p := range perm {
						shuffled[i] = values[p]
					}
					again, sc2, _ := quintiles(m, slices.Clone(shuffled))
					for i, p := range perm {
						if again[i] != scores[p] {
							t.Fatalf("customer %d scores %d, after shuffling %d", p, scores[p], again[i])
						}
					}
					if !reflect.DeepEqual(sc2, sc) {
						t.Errorf("scale changed after shuffling: %+v vs %+v", sc, sc2)
					}
				})
			}
		}
	}
}

// bruteBalance finds the best cut by trying every one, with the same objective and tie
// rule as balance: least squared group sizes, then least squared distance of the cuts
// from the ideal positions, then the earliest last cut, then the earliest one before it.
func bruteBalance(cum []int64) [4]int {
	k := len(cum) - 1
	n := cum[k]
	var best cost
	var bestCuts [4]int
	found := false
	for a := 1; a < k; a++ {
		for b := a + 1; b < k; b++ {
			for c := b + 1; c < k; c++ {
				for d := c + 1; d < k; d++ {
					bounds := []int{0, a, b, c, d, k}
					var x cost
					for g := range 5 {
						size := cum[bounds[g+1]] - cum[bounds[g]]
						x.spread += size * size
					}
					for j := 1; j <= 4; j++ {
						o := 5*cum[bounds[j]] - int64(j)*n
						x.offset += o * o
					}
					cuts := [4]int{a, b, c, d}
					better := !found || x.less(best) ||
						x == best && slices.Compare([]int{d, c, b, a}, []int{bestCuts[3], bestCuts[2], bestCuts[1], bestCuts[0]}) < 0
					if better {
						best, bestCuts, found = x, cuts, true
					}
				}
			}
		}
	}
	return bestCuts
}

func TestBalanceMatchesExhaustiveSearch(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for trial := range 400 {
		k := 6 + rng.IntN(14)
		cum := make([]int64, k+1)
		for i := 1; i <= k; i++ {
			var c int64
			switch trial % 3 {
			case 0:
				c = 1 + int64(rng.IntN(3)) // near-uniform, many equal-cost cuts
			case 1:
				c = 1 + int64(rng.IntN(50))
			default:
				c = 1 + int64(rng.ExpFloat64()*20) // a few heavy ties
			}
			cum[i] = cum[i-1] + c
		}
		got, want := balance(cum), bruteBalance(cum)
		if got != want {
			t.Fatalf("cum %v: balance cuts %v, exhaustive search %v", cum, got, want)
		}
	}
}

func TestQuintilesLargeDistinctPopulation(t *testing.T) {
	t.Run("a thousand distinct amounts split exactly into fifths", func(t *testing.T) {
		values := make([]int64, 1000)
		for i := range values {
			values[i] = int64(i*37%1000) * 10
		}
		scores, sc, err := quintiles(Monetary, slices.Clone(values))
		if err != nil {
			t.Fatal(err)
		}
		if got := binCounts(sc); got != [5]int{200, 200, 200, 200, 200} {
			t.Errorf("bin counts = %v", got)
		}
		if sc.Bins[0].Min != 0 || sc.Bins[0].Max != 1990 || sc.Bins[4].Min != 8000 || sc.Bins[4].Max != 9990 {
			t.Errorf("edges = %+v", sc.Bins)
		}
		checkTies(t, Monetary, values, scores)
	})
}

func TestQuintilesExtremeValues(t *testing.T) {
	tests := []struct {
		name    string
		measure Measure
		values  []int64
		want    []Score
	}{
		{"the full int64 range scores", Monetary,
			[]int64{math.MaxInt64, math.MinInt64, 0}, []Score{5, 1, 3}},
		{"the full int64 range reverses for recency without overflow", Recency,
			[]int64{math.MaxInt64, math.MinInt64, 0}, []Score{1, 5, 3}},
		{"negative refunds in a narrow range score", Monetary,
			[]int64{-3, -1, -2, -5, -4, -4}, []Score{3, 5, 4, 1, 2, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			scores, _, err := quintiles(tt.measure, slices.Clone(tt.values))
			if err != nil || !slices.Equal(scores, tt.want) {
				t.Errorf("Quintiles(%v) = %v, %v; want %v", tt.values, scores, err, tt.want)
			}
		})
	}
}

// TestDistinctCountsCountsNarrowKeysAsSortingWould: keys spanning few values are counted,
// others sorted; both give every distinct key once, ascending, with the keys below it.
func TestDistinctCountsCountsNarrowKeysAsSortingWould(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, span := range []int64{1, 7, 500, 1 << 40} {
		keys := make([]int64, 1000)
		for i := range keys {
			keys[i] = rng.Int64N(span) - span/2
		}
		distinct, cum := distinctCounts(keys)
		unique := slices.Compact(slices.Sorted(slices.Values(keys)))
		if len(distinct) != len(unique) || len(cum) != len(distinct)+1 || cum[len(distinct)] != int64(len(keys)) {
			t.Fatalf("span %d: %d distinct, %d cumulative counts", span, len(distinct), len(cum))
		}
		for i, v := range distinct {
			below := int64(0)
			for _, k := range keys {
				if k < v {
					below++
				}
			}
			if cum[i] != below || (i > 0 && distinct[i-1] >= v) || !slices.Contains(keys, v) {
				t.Fatalf("span %d: distinct[%d] = %d with %d below, want %d below, ascending", span, i, v, cum[i], below)
			}
		}
	}
}
