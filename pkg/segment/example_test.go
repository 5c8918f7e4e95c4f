package segment_test

import (
	"fmt"

	"github.com/winback/winback/pkg/segment"
	"github.com/winback/winback/pkg/words"
)

func ExampleAnalyze() {
	// A small practice: recency in days, frequency in visit days, spend in cents. Six of
	// the ten patients came only once.
	in := segment.Input{
		Customers: []segment.Customer{
			{Key: "P01", Recency: 3, Frequency: 12, Monetary: 54000},
			{Key: "P02", Recency: 10, Frequency: 6, Monetary: 27000},
			{Key: "P03", Recency: 200, Frequency: 9, Monetary: 40500},
			{Key: "P04", Recency: 35, Frequency: 3, Monetary: 13500},
			{Key: "P05", Recency: 5, Frequency: 1, Monetary: 4500},
			{Key: "P06", Recency: 60, Frequency: 1, Monetary: 4500},
			{Key: "P07", Recency: 120, Frequency: 1, Monetary: 4500},
			{Key: "P08", Recency: 300, Frequency: 1, Monetary: 4500},
			{Key: "P09", Recency: 400, Frequency: 1, Monetary: 4500},
			{Key: "P10", Recency: 20, Frequency: 1, Monetary: 4500},
		},
		HasAmounts: true,
	}
	res, err := segment.Analyze(in, nil) // nil: the default R×F map
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(words.For("en").ScaleNote(&res.F)) // package words says the facts of res.F.Ties
	for _, b := range res.F.Bins {
		fmt.Printf("F%d: %d-%d visits, %d of %d customers\n", b.Score, b.Min, b.Max, b.Customers, res.F.Customers)
	}
	for _, c := range res.Customers[:3] {
		fmt.Printf("%s R%d F%d M%d %s\n", c.Key, c.R, c.F, c.M, c.Segment)
	}
	for _, s := range res.Segments {
		if s.Customers > 0 {
			fmt.Printf("%-20s %-24s %d  median recency %g d, frequency %g, %.0f %% of revenue\n",
				words.For("en").SegmentName(s.Segment), words.For("de").SegmentName(s.Segment), s.Customers, s.MedianRecency, s.MedianFrequency, 100*s.RevenueShare)
		}
	}
	// Output:
	// 60 % of customers have 1 visit; they all score F1; scores F2–F5 split the rest
	// F1: 1-1 visits, 6 of 10 customers
	// F2: 3-3 visits, 1 of 10 customers
	// F3: 6-6 visits, 1 of 10 customers
	// F4: 9-9 visits, 1 of 10 customers
	// F5: 12-12 visits, 1 of 10 customers
	// P01 R5 F5 M5 champions
	// P02 R4 F3 M3 potential-loyalists
	// P03 R2 F4 M4 at-risk
	// Champions            Häufig und zuletzt da    1  median recency 3 d, frequency 12, 33 % of revenue
	// Potential loyalists  Auf dem Weg zur Treue    1  median recency 10 d, frequency 6, 17 % of revenue
	// New                  Neu                      1  median recency 5 d, frequency 1, 3 % of revenue
	// Promising            Vielversprechend         1  median recency 20 d, frequency 1, 3 % of revenue
	// About to sleep       Drohen wegzubleiben      2  median recency 47.5 d, frequency 2, 11 % of revenue
	// At risk              Gefährdet                1  median recency 200 d, frequency 9, 25 % of revenue
	// Hibernating          Eingeschlafen            3  median recency 300 d, frequency 1, 8 % of revenue
}
