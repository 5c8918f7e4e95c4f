package segment

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// handExample is ten customers whose recencies and frequencies are distinct, so each
// score holds two of them and every number below can be checked by hand.
//
//	key rec freq spend   R F M  segment
//	A     1   10 100.00  5 5 5  champions
//	B     2    9  80.00  5 5 5  champions
//	C     5    8  50.00  4 4 4  loyal
//	D     6    1   5.00  4 1 1  promising
//	E    10    7  40.00  3 4 4  loyal
//	F    11    2   7.00  3 1 1  about-to-sleep
//	G    30    6  30.00  2 3 3  at-risk
//	H    31    5  25.00  2 3 3  at-risk
//	I   100    3   8.00  1 2 2  hibernating
//	J   101    4  15.00  1 2 2  hibernating
var handExample = []Customer{
	{"A", 1, 10, 10000},
	{"B", 2, 9, 8000},
	{"C", 5, 8, 5000},
	{"D", 6, 1, 500},
	{"E", 10, 7, 4000},
	{"F", 11, 2, 700},
	{"G", 30, 6, 3000},
	{"H", 31, 5, 2500},
	{"I", 100, 3, 800},
	{"J", 101, 4, 1500},
}

func TestAnalyzeHandExample(t *testing.T) {
	res, err := Analyze(Input{Customers: handExample, HasAmounts: true, Skipped: 3}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("each customer gets the hand-computed scores and segment", func(t *testing.T) {
		want := map[string]struct {
			r, f, m Score
			seg     string
		}{
			"A": {5, 5, 5, Champions}, "B": {5, 5, 5, Champions}, "C": {4, 4, 4, Loyal},
			"D": {4, 1, 1, Promising}, "E": {3, 4, 4, Loyal}, "F": {3, 1, 1, AboutToSleep},
			"G": {2, 3, 3, AtRisk}, "H": {2, 3, 3, AtRisk}, "I": {1, 2, 2, Hibernating},
			"J": {1, 2, 2, Hibernating},
		}
		for i, c := range res.Customers {
			w := want[c.Key]
			if c.Customer != handExample[i] || c.R != w.r || c.F != w.f || c.M != w.m || c.Segment != w.seg {
				t.Errorf("customer %d = %+v, want %+v", i, c, w)
			}
		}
	})
	t.Run("segment summaries match the hand-computed numbers", func(t *testing.T) {
		type row struct {
			code            string
			n               int
			share           float64
			medRec, medFreq float64
			revenue         int64
			revShare        float64
		}
		want := []row{
			{Champions, 2, 0.2, 1.5, 9.5, 18000, 0.5},
			{Loyal, 2, 0.2, 7.5, 7.5, 9000, 0.25},
			{PotentialLoyalists, 0, 0, 0, 0, 0, 0},
			{New, 0, 0, 0, 0, 0, 0},
			{Promising, 1, 0.1, 6, 1, 500, 500.0 / 36000},
			{NeedAttention, 0, 0, 0, 0, 0, 0},
			{AboutToSleep, 1, 0.1, 11, 2, 700, 700.0 / 36000},
			{AtRisk, 2, 0.2, 30.5, 5.5, 5500, 5500.0 / 36000},
			{CantLose, 0, 0, 0, 0, 0, 0},
			{Hibernating, 2, 0.2, 100.5, 3.5, 2300, 2300.0 / 36000},
		}
		if len(res.Segments) != len(want) {
			t.Fatalf("%d segments, want %d", len(res.Segments), len(want))
		}
		for i, w := range want {
			s := res.Segments[i]
			got := row{s.Code, s.Customers, s.Share, s.MedianRecency, s.MedianFrequency, s.Revenue, s.RevenueShare}
			if got != w {
				t.Errorf("segment %d = %+v, want %+v", i, got, w)
			}
		}
		if res.Revenue != 36000 || res.Skipped != 3 || !res.HasAmounts {
			t.Errorf("revenue %d, skipped %d, amounts %v", res.Revenue, res.Skipped, res.HasAmounts)
		}
	})
	t.Run("grid counts hold every customer in its cell", func(t *testing.T) {
		var want Grid
		want[4][4], want[3][3], want[3][0], want[2][3], want[2][0], want[1][2], want[0][1] = 2, 1, 1, 1, 1, 2, 2
		if res.Grid != want {
			t.Errorf("grid = %v, want %v", res.Grid, want)
		}
		if res.Grid.At(5, 5) != 2 {
			t.Errorf("At(5, 5) = %d", res.Grid.At(5, 5))
		}
	})
	t.Run("recency bins run from most recent at R5 to least recent at R1", func(t *testing.T) {
		edges := [5][2]int64{{100, 101}, {30, 31}, {10, 11}, {5, 6}, {1, 2}}
		for s, b := range res.R.Bins {
			if [2]int64{b.Min, b.Max} != edges[s] || b.Customers != 2 {
				t.Errorf("R%d bin = %+v, want days %v", s+1, b, edges[s])
			}
		}
	})
}

func TestAnalyzeWithoutAmounts(t *testing.T) {
	t.Run("M scores and revenue are absent when the export has no amounts", func(t *testing.T) {
		res, err := Analyze(Input{Customers: handExample}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range res.Customers {
			if c.M != NoScore {
				t.Errorf("%s has M%d without amounts", c.Key, c.M)
			}
		}
		for _, s := range res.Segments {
			if s.Revenue != 0 || s.RevenueShare != 0 {
				t.Errorf("%s has revenue %d (%v) without amounts", s.Code, s.Revenue, s.RevenueShare)
			}
		}
		if res.M.Groups != 0 || res.Revenue != 0 || res.M.Ties.Kind != TiesNoAmounts {
			t.Errorf("M scale = %+v, revenue %d", res.M, res.Revenue)
		}
		for _, b := range res.M.Bins {
			if b.Customers != 0 {
				t.Errorf("M bin %+v has customers", b)
			}
		}
	})
}

func TestAnalyzeSmallPopulations(t *testing.T) {
	tests := []struct {
		name      string
		customers []Customer
		wantSeg   []string
	}{
		{"no customers give empty summaries", nil, nil},
		{"one customer is in the middle cell", []Customer{{"a", 10, 2, 0}}, []string{NeedAttention}},
		{"two customers sit at opposite corners", []Customer{{"a", 10, 2, 0}, {"b", 100, 1, 0}},
			[]string{Champions, Hibernating}},
		{"three customers spread over the grid", []Customer{{"a", 10, 2, 0}, {"b", 100, 1, 0}, {"c", 50, 3, 0}},
			[]string{PotentialLoyalists, Hibernating, Loyal}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Analyze(Input{Customers: tt.customers}, nil)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			total := 0
			for _, c := range res.Customers {
				got = append(got, c.Segment)
			}
			for _, s := range res.Segments {
				total += s.Customers
			}
			if !reflect.DeepEqual(got, tt.wantSeg) {
				t.Errorf("segments = %v, want %v", got, tt.wantSeg)
			}
			if total != len(tt.customers) || len(res.Segments) != 10 {
				t.Errorf("%d segments hold %d customers, want 10 holding %d", len(res.Segments), total, len(tt.customers))
			}
		})
	}
}

func TestAnalyzeRejects(t *testing.T) {
	tests := []struct {
		name string
		c    Customer
		want string
	}{
		{"a negative recency is rejected", Customer{"x", -2, 1, 0},
			`invalid customer "x": recency -2 is negative (a visit after the as-of date?)`},
		{"a customer without visits is rejected", Customer{"y", 3, 0, 0},
			`invalid customer "y": frequency 0, but a customer has at least one visit`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Analyze(Input{Customers: []Customer{{"ok", 1, 1, 0}, tt.c}}, nil)
			if !errors.Is(err, ErrInvalidCustomer) || err.Error() != tt.want {
				t.Errorf("err = %v, want %q", err, tt.want)
			}
		})
	}
}

func TestAnalyzeIsDeterministic(t *testing.T) {
	t.Run("shuffling the customers changes no score, segment or summary", func(t *testing.T) {
		in := generate(5000, 7)
		a, err := Analyze(in, nil)
		if err != nil {
			t.Fatal(err)
		}
		rng := rand.New(rand.NewPCG(8, 9))
		shuffled := in
		shuffled.Customers = append([]Customer(nil), in.Customers...)
		rng.Shuffle(len(shuffled.Customers), func(i, j int) {
			shuffled.Customers[i], shuffled.Customers[j] = shuffled.Customers[j], shuffled.Customers[i]
		})
		b, err := Analyze(shuffled, nil)
		if err != nil {
			t.Fatal(err)
		}
		byKey := map[string]Scored{}
		for _, c := range a.Customers {
			byKey[c.Key] = c
		}
		for _, c := range b.Customers {
			if byKey[c.Key] != c {
				t.Fatalf("%s: %+v, after shuffling %+v", c.Key, byKey[c.Key], c)
			}
		}
		a.Customers, b.Customers = nil, nil
		if !reflect.DeepEqual(a, b) {
			t.Errorf("results differ after shuffling")
		}
	})
}

func TestMedian(t *testing.T) {
	tests := []struct {
		name string
		xs   []int
		want float64
	}{
		{"the median of no values is 0", nil, 0},
		{"the median of an odd count is the middle value", []int{9, 1, 5}, 5},
		{"the median of an even count is the mean of the two middle values", []int{4, 1, 10, 2}, 3},
		{"the median of two values can be a half", []int{2, 3}, 2.5},
		{"the median of widely spread values is found by sorting", []int{1 << 40, 1, 5}, 5},
		{"the median of two widely spread values is their mean", []int{0, 1 << 40}, 1 << 39},
		{"the median of a narrow range with repeats is counted", []int{7, 3, 7, 3, 3, 9}, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := median(append([]int(nil), tt.xs...)); got != tt.want {
				t.Errorf("median(%v) = %v, want %v", tt.xs, got, tt.want)
			}
		})
	}
}

func TestFromHistories(t *testing.T) {
	asOf := visit.DayOf(2025, 6, 30)
	ev := func(y, m, d int, st visit.Status, amount int64) history.Event {
		return history.Event{Day: visit.DayOf(y, m, d), Status: st, Amount: amount, Lead: history.NoLead}
	}
	hs := []history.History{
		historyOf("regular",
			ev(2025, 1, 10, visit.Attended, 4500),
			ev(2025, 3, 10, visit.Cancelled, 0),
			ev(2025, 6, 20, visit.Attended, 4500),
			ev(2025, 7, 15, visit.Booked, 0),
		),
		historyOf("only-cancelled", ev(2025, 2, 1, visit.Cancelled, 0)),
		historyOf("only-future", ev(2025, 8, 1, visit.Booked, 0)),
		historyOf("unrecorded", ev(2025, 6, 30, visit.Booked, 1000)),
	}
	in := FromHistories(hs, asOf, true)
	t.Run("customers without a visit by the as-of date are left out and counted", func(t *testing.T) {
		if in.Skipped != 2 || len(in.Customers) != 2 {
			t.Errorf("skipped %d, kept %v", in.Skipped, in.Customers)
		}
	})
	t.Run("recency, frequency and spend come from visits on or before the as-of date", func(t *testing.T) {
		want := []Customer{{"regular", 10, 2, 9000}, {"unrecorded", 0, 1, 1000}}
		if !reflect.DeepEqual(in.Customers, want) || !in.HasAmounts {
			t.Errorf("customers = %+v, want %+v", in.Customers, want)
		}
	})
	t.Run("a set passes on whether it had amounts", func(t *testing.T) {
		set := &history.Set{Customers: hs}
		if got := FromSet(set, asOf); got.HasAmounts || len(got.Customers) != 2 {
			t.Errorf("FromSet = %+v", got)
		}
	})
}

// generate makes n customers with a practice-like shape: most came once, recency spread
// over two years with ties, spend per visit around 50.00.
func generate(n int, seed uint64) Input {
	rng := rand.New(rand.NewPCG(seed, 42))
	cs := make([]Customer, n)
	for i := range cs {
		f := 1
		for rng.Float64() < 0.55 && f < 200 {
			f++
		}
		cs[i] = Customer{
			Key:       fmt.Sprintf("K%07d", i),
			Recency:   int32(rng.ExpFloat64() * 150),
			Frequency: f,
			Monetary:  int64(f) * (3000 + int64(rng.IntN(5000))),
		}
	}
	return Input{Customers: cs, HasAmounts: true}
}

func BenchmarkAnalyze(b *testing.B) {
	in := generate(1_000_000, 1)
	b.ResetTimer()
	for b.Loop() {
		if _, err := Analyze(in, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuintilesDistinct(b *testing.B) {
	rng := rand.New(rand.NewPCG(5, 6))
	values := make([]int64, 1_000_000)
	for i := range values {
		values[i] = rng.Int64N(1 << 40) // practically all distinct: the worst case for balancing
	}
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := quintiles(Monetary, slices.Clone(values)); err != nil {
			b.Fatal(err)
		}
	}
}

// historyOf returns a history made by hand: key and events, sorted by day, then status.
func historyOf(key string, evs ...history.Event) history.History {
	h := history.History{Key: key}
	h.SetEvents(evs...)
	return h
}
