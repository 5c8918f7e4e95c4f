package report

import (
	"fmt"
	"strconv"

	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/segment"
	"github.com/winback/winback/pkg/visit"
	catalogue "github.com/winback/winback/pkg/words"
)

// segmentsJSON is the JSON document of segments.
type segmentsJSON struct {
	Version   int               `json:"version"`
	AsOf      string            `json:"as_of"`
	Customers int               `json:"customers"`
	Skipped   int               `json:"skipped_without_visit"`
	Revenue   *int64            `json:"revenue,omitempty"`
	Scales    []segment.Scale   `json:"scales"`
	Segments  []segmentRow      `json:"segments"`
	Grid      segment.Grid      `json:"grid"`
	List      []segmentCustomer `json:"customer_list,omitempty"`
}

// segmentRow is one segment, a row of the JSON's segments and of the CSV.
type segmentRow struct {
	Code            string  `json:"code" csv:"segment"`
	Name            string  `json:"name" csv:"name"`
	Customers       int     `json:"customers" csv:"customers"`
	Share           float64 `json:"share" csv:"share"`
	MedianRecency   float64 `json:"median_recency_days" csv:"median_recency_days"`
	MedianFrequency float64 `json:"median_frequency" csv:"median_frequency"`
	Revenue         cents   `json:"revenue,omitzero" csv:"revenue"`
	RevenueShare    float64 `json:"revenue_share" csv:"revenue_share"`
}

// cents is an amount in minor units, absent from the JSON and an empty cell without
// amounts; the CSV shows it with two decimals.
type cents struct {
	v  int64
	ok bool
}

func (c cents) IsZero() bool                 { return !c.ok }
func (c cents) MarshalJSON() ([]byte, error) { return strconv.AppendInt(nil, c.v, 10), nil }

func (c cents) MarshalCSV() (string, error) {
	if !c.ok {
		return "", nil
	}
	return fmt.Sprintf("%.2f", float64(c.v)/100), nil
}

// segmentCustomer is one row of --customers (CSV and JSON).
type segmentCustomer struct {
	ID        string `json:"id" csv:"id"`
	Recency   int32  `json:"recency_days" csv:"recency_days"`
	Frequency int    `json:"frequency" csv:"frequency"`
	Monetary  string `json:"monetary,omitempty" csv:"monetary"`
	R         int    `json:"r" csv:"r"`
	F         int    `json:"f" csv:"f"`
	M         int    `json:"m,omitempty" csv:"m"`
	Segment   string `json:"segment" csv:"segment"`
}

func segmentName(s segment.Segment, lang string) string {
	return catalogue.For(lang).SegmentName(s)
}

// SegmentsView is the output of winback segments; with customers it lists them, by
// pseudonym when p is not nil. noun is what the texts call customers.
func SegmentsView(seg *segment.Result, asOf visit.Day, lang string, noun catalogue.Noun, customers bool, p *pseudo.Pseudonymizer) *View {
	cat := catalogue.ForNoun(lang, noun)
	t := cat.T
	doc := &Page{Title: t("cli.segments")}
	doc.Facts = []Fact{
		{Label: t("cli.as-of"), Value: dayText(asOf, lang)},
		{Label: t("cli.customers"), Value: Int(len(seg.Customers), lang)},
	}
	if seg.Skipped > 0 {
		doc.Facts = append(doc.Facts, Fact{Label: t("cli.without-a-visit-yet"), Value: Int(seg.Skipped, lang)})
	}
	js := segmentsJSON{Version: 2, AsOf: asOf.String(), Customers: len(seg.Customers), Skipped: seg.Skipped, Grid: seg.Grid,
		Scales: []segment.Scale{seg.R, seg.F}}
	if seg.HasAmounts {
		doc.Facts = append(doc.Facts, Fact{Label: t("cli.revenue"), Value: Money(seg.Revenue, lang)})
		js.Revenue = &seg.Revenue
		js.Scales = append(js.Scales, seg.M)
	}
	st := Table{Title: t("cli.segments"),
		Columns: []string{t("cli.segment"), t("cli.customers"), t("cli.share"), t("cli.median-days-since-last-visit"), t("cli.median-visits")},
		Numeric: []bool{false, true, true, true, true}}
	if seg.HasAmounts {
		st.Columns = append(st.Columns, t("cli.revenue"), t("cli.share-of-revenue"))
		st.Numeric = append(st.Numeric, true, true)
	}
	for _, s := range seg.Segments {
		row := []string{segmentName(s.Segment, lang), Int(s.Customers, lang), Percent(s.Share, lang),
			Decimal(s.MedianRecency, 0, lang), Decimal(s.MedianFrequency, 1, lang)}
		sj := segmentRow{Code: s.Code, Name: segmentName(s.Segment, lang), Customers: s.Customers, Share: s.Share,
			MedianRecency: s.MedianRecency, MedianFrequency: s.MedianFrequency, RevenueShare: s.RevenueShare}
		if seg.HasAmounts {
			row = append(row, Money(s.Revenue, lang), Percent(s.RevenueShare, lang))
			sj.Revenue = cents{s.Revenue, true}
		}
		st.Rows = append(st.Rows, row)
		js.Segments = append(js.Segments, sj)
	}
	doc.Tables = append(doc.Tables, st)
	grid := Table{Title: t("cli.customers-on-the-r-f-grid"),
		Columns: []string{"", "F1", "F2", "F3", "F4", "F5"}, Numeric: []bool{false, true, true, true, true, true}}
	for r := 5; r >= 1; r-- {
		row := []string{"R" + strconv.Itoa(r)}
		for f := 1; f <= 5; f++ {
			row = append(row, Int(seg.Grid.At(segment.Score(r), segment.Score(f)), lang))
		}
		grid.Rows = append(grid.Rows, row)
	}
	doc.Tables = append(doc.Tables, grid)
	edges := Table{Title: t("cli.score-edges-used"),
		Columns: []string{t("cli.score"), t("cli.from"), t("cli.to"), t("cli.customers"), t("cli.share")},
		Numeric: []bool{false, true, true, true, true}}
	for _, sc := range js.Scales {
		for _, b := range sc.Bins {
			if b.Customers == 0 {
				continue
			}
			lo, hi := strconv.FormatInt(b.Min, 10), strconv.FormatInt(b.Max, 10)
			if sc.Measure == segment.Monetary {
				lo, hi = Money(b.Min, lang), Money(b.Max, lang)
			}
			edges.Rows = append(edges.Rows, []string{fmt.Sprintf("%s%d", sc.Measure.Letter(), b.Score), lo, hi, Int(b.Customers, lang), Percent(b.Share, lang)})
		}
		if note := cat.ScaleNote(&sc); note != "" {
			edges.Notes = append(edges.Notes, sc.Measure.Letter()+": "+note)
		}
	}
	doc.Tables = append(doc.Tables, edges)
	var list []segmentCustomer
	if customers {
		names := map[string]string{}
		for _, s := range seg.Segments {
			names[s.Code] = segmentName(s.Segment, lang)
		}
		ct := Table{Title: t("cli.customers-2"), Columns: []string{"id", t("cli.days-since-last-visit"), t("cli.visits"), "R", "F", "M", t("cli.segment")},
			Numeric: []bool{false, true, true, true, true, true, false}}
		for _, c := range seg.Customers {
			id := c.Key
			if p != nil {
				id = p.Name(c.Key)
			}
			sc := segmentCustomer{ID: id, Recency: c.Recency, Frequency: c.Frequency, R: int(c.R), F: int(c.F), M: int(c.M), Segment: c.Segment}
			m := ""
			if seg.HasAmounts {
				sc.Monetary = fmt.Sprintf("%.2f", float64(c.Monetary)/100)
				m = strconv.Itoa(int(c.M))
			}
			list = append(list, sc)
			ct.Rows = append(ct.Rows, []string{id, strconv.Itoa(int(c.Recency)), strconv.Itoa(c.Frequency), strconv.Itoa(int(c.R)), strconv.Itoa(int(c.F)), m, names[c.Segment]})
		}
		if p != nil {
			ct.Notes = append(ct.Notes, PseudonymNote(cat))
		}
		doc.Tables = append(doc.Tables, ct)
		js.List = list
	}
	out := &View{Page: doc, JSON: js}
	if customers {
		out.CSV = list
	} else {
		out.CSV = js.Segments
	}
	return out
}
