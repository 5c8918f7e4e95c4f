package words

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/segment"
)

// scaleOf returns the scale segment.Analyze uses for one measure of customers with the
// given values (days since the last visit, visits or spend in cents).
func scaleOf(m segment.Measure, values []int64) (segment.Scale, error) {
	in := segment.Input{HasAmounts: true}
	for i, v := range values {
		c := segment.Customer{Key: fmt.Sprint(i), Recency: 0, Frequency: 1, Monetary: 1}
		switch m {
		case segment.Recency:
			c.Recency = int32(v)
		case segment.Frequency:
			c.Frequency = int(v)
		default:
			c.Monetary = v
		}
		in.Customers = append(in.Customers, c)
	}
	res, err := segment.Analyze(in, nil)
	if err != nil {
		return segment.Scale{}, err
	}
	return map[segment.Measure]segment.Scale{segment.Recency: res.R, segment.Frequency: res.F, segment.Monetary: res.M}[m], nil
}

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

func TestScaleNotesSayHowTiesWereHandled(t *testing.T) {
	for _, tt := range []struct {
		name     string
		measure  segment.Measure
		values   []int64
		note     string
		noteFull bool
	}{
		{"quintiles on ten distinct values give exactly 20 % each", segment.Frequency, seq(1, 10), "each score holds exactly 20 % of customers", true},
		{"heavy ties (60 % with one visit) do not collapse: they all score F1 and F2–F5 split the rest", segment.Frequency, slices.Concat(repeat(1, 60), repeat(2, 15), repeat(3, 10), repeat(4, 8),
			repeat(5, 4), repeat(6, 3)), "60 % of customers have 1 visit; they all score F1; scores F2–F5 split the rest", true},
		{"two heavy ties each keep one score and the other three split the rest", segment.Frequency, slices.Concat(repeat(1, 45), repeat(2, 25), repeat(3, 10), repeat(4, 10), repeat(5, 6), repeat(7, 4)), "45 % of customers have 1 visit; they all score F1; 25 % have 2 visits; they all score F2; scores F3–F5 split the rest", true},
		{"a tie at the top of recency keeps R5 for all of it", segment.Recency, slices.Concat(repeat(0, 40), seq(1, 60)), "40 % of customers have a recency of 0 days; they all score R5; scores R1–R4 split the rest", true},
		{"one customer scores 3, the middle", segment.Frequency, []int64{4}, "only one customer, with 4 visits; it scores F3, the middle, as there is nothing to rank", true},
		{"two different customers score 1 and 5", segment.Frequency, []int64{7, 2}, "only 2 distinct frequency values, each its own score spread over 1–5 (2 visits → F1, 7 visits → F5); F2–F4 stay empty", true},
		{"two equal customers both score 3", segment.Monetary, []int64{1250, 1250}, "all 2 customers have a spend of 12.50; with nothing to rank they all score M3", true},
		{"three different customers score 1, 3 and 5", segment.Monetary, []int64{300, 100, 200}, "M2 and M4 stay empty", false},
		{"four distinct values spread over 1, 2, 4 and 5", segment.Frequency, slices.Concat(repeat(1, 70), repeat(2, 20), repeat(3, 7), repeat(4, 3)), "F3 stay empty", false},
		{"all customers identical score 3", segment.Frequency, repeat(2, 50), "all 50 customers have 2 visits; with nothing to rank they all score F3", true},
		{"six distinct values put the extra customer in the middle score", segment.Frequency, seq(1, 6), "6 customers do not split into five equal groups; shares range from 17 % to 33 %", true},
		{"moderate ties keep shares near 20 % and say so", segment.Frequency, slices.Concat(repeat(1, 18), repeat(2, 23), repeat(3, 19), repeat(4, 21), repeat(5, 19)), "equal values always share a score, so shares range from 18 % to 23 %", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := scaleOf(tt.measure, tt.values)
			if err != nil {
				t.Fatal(err)
			}
			got := For("en").ScaleNote(&sc)
			if tt.noteFull && got != tt.note || !strings.Contains(got, tt.note) {
				t.Errorf("note = %q, want %q", got, tt.note)
			}
		})
	}
}

func TestScoreList(t *testing.T) {
	en, de := For("en"), For("de")
	for _, tt := range []struct {
		scores []segment.Score
		want   string
	}{
		{[]segment.Score{2, 3, 4, 5}, "F2–F5"},
		{[]segment.Score{2, 4}, "F2 and F4"},
		{[]segment.Score{1, 3, 4, 5}, "F1 and F3–F5"},
		{[]segment.Score{1, 2, 4}, "F1, F2 and F4"},
		{[]segment.Score{3}, "F3"},
	} {
		t.Run("scores "+tt.want+" are listed compactly", func(t *testing.T) {
			if got := en.scoreList("F", tt.scores); got != tt.want {
				t.Errorf("scoreList(%v) = %q, want %q", tt.scores, got, tt.want)
			}
		})
	}
	if got := de.scoreList("F", []segment.Score{2, 4}); got != "F2 und F4" {
		t.Errorf("German scoreList = %q, want F2 und F4", got)
	}
}

func TestGermanScaleNotes(t *testing.T) {
	sc, _ := scaleOf(segment.Frequency, slices.Concat(repeat(1, 45), repeat(2, 25), repeat(3, 10), repeat(4, 10), repeat(5, 6), repeat(7, 4)))
	want := "45 % der Kunden mit 1 Besuch erhalten alle F1; 25 % mit 2 Besuchen erhalten alle F2; die Stufen F3–F5 teilen sich den Rest"
	if got := For("de").ScaleNote(&sc); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

func TestSegmentNames(t *testing.T) {
	en, de := For("en"), For("de")
	seen := map[string]string{}
	for _, s := range segment.Segments() {
		t.Run(s.Code+" has English and German names and descriptions", func(t *testing.T) {
			for _, k := range []string{".name", ".about"} {
				if !en.Has("segment."+s.Code+k) || !de.Has("segment."+s.Code+k) {
					t.Errorf("segment.%s%s is missing", s.Code, k)
				}
			}
			if k := "segment." + s.Code + ".about"; en.T(k) == de.T(k) {
				t.Errorf("%s: German description is the English one", s.Code)
			}
			name := de.SegmentName(s)
			if prev, ok := seen[name]; ok {
				t.Errorf("German name %q used by %s and %s", name, prev, s.Code)
			}
			seen[name] = s.Code
		})
	}
	user := segment.Segment{Code: "active", Name: "Active", NameDE: "Aktiv"}
	if de.SegmentName(user) != "Aktiv" || en.SegmentName(user) != "Active" {
		t.Errorf("a user's segment keeps its names: %q, %q", de.SegmentName(user), en.SegmentName(user))
	}
}
