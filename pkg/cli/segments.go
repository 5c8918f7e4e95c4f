package cli

import (
	"fmt"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/segment"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

type segmentsOptions struct {
	a         *app
	io        *IOStreams
	input     inputOptions
	out       outputOptions
	privacy   privacyOptions
	customers bool
	files     []string
	noun      nounOptions
}

func newSegmentsCmd(a *app) *cobra.Command {
	o := &segmentsOptions{a: a, io: a.io}
	c := &cobra.Command{
		Use:   "segments FILE...",
		Short: "Score customers by recency and frequency and name their segments",
		Long: `Segments scores every customer 1–5 on recency (R), frequency (F, visit days) and, when the
export has amounts, monetary value (M), by quintiles that keep ties together, and names
their segment on the R×F grid: champions, loyal, potential loyalists, new, promising, need
attention, about to sleep, at risk, can't lose them, hibernating.

It shows per segment the customers, their share, median recency and frequency, revenue and
share of revenue; the 5×5 grid; and the score edges actually used, with how ties were
handled. --customers lists every customer's scores.`,
		Example: `  # the segments of a practice, in German
  winback segments --lang de testdata/praxis/praxis.csv

  # every customer's scores as CSV, as of the end of May
  winback segments --customers --as-of 2025-05-31 -o segments.csv testdata/praxis/praxis.csv`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error { return runSegments(o) }),
	}
	o.input.bind(c)
	o.out.bind(c, report.ViewFormats)
	c.Flags().BoolVar(&o.customers, "customers", false, "list every customer's scores and segment")
	o.privacy.bind(c)
	o.noun.bind(c)
	return c
}

// segmentsJSON is the JSON document of segments.
type segmentsJSON struct {
	Version   int               `json:"version"`
	AsOf      string            `json:"as_of"`
	Customers int               `json:"customers"`
	Skipped   int               `json:"skipped_without_visit"`
	Revenue   *int64            `json:"revenue,omitempty"`
	Scales    []segment.Scale   `json:"scales"`
	Segments  []segmentJSON     `json:"segments"`
	Grid      segment.Grid      `json:"grid"`
	List      []segmentCustomer `json:"customer_list,omitempty"`
}

type segmentJSON struct {
	Code            string  `json:"code"`
	Name            string  `json:"name"`
	Customers       int     `json:"customers"`
	Share           float64 `json:"share"`
	MedianRecency   float64 `json:"median_recency_days"`
	MedianFrequency float64 `json:"median_frequency"`
	Revenue         *int64  `json:"revenue,omitempty"`
	RevenueShare    float64 `json:"revenue_share"`
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

func runSegments(o *segmentsOptions) error {
	lang, err := o.out.language(o.io)
	if err != nil {
		return err
	}
	format, err := o.out.formatName(report.ViewFormats)
	if err != nil {
		return err
	}
	if err := checkOutputs(o.io, o.files, o.out.output, o.input.rejects); err != nil {
		return err
	}
	if err := o.noun.check(); err != nil {
		return err
	}
	res, err := readExports(o.io, o.files, &o.input)
	if err != nil {
		return err
	}
	o.out.noun = o.noun.resolve(&res.Report)
	asOf, err := o.out.asOfDay(o.io, res)
	if err != nil {
		return err
	}
	var m *segment.Map
	if cfg := o.a.cfg; cfg != nil && len(cfg.Segments) > 0 {
		if m, err = segment.NewMap(cfg.Segments); err != nil {
			return usagef("fix the segments: section of the config file", "config %s: %v", cfg.Path, err)
		}
	}
	seg, err := segment.Analyze(segment.FromSet(res.Set, asOf), m)
	if err != nil {
		return err
	}
	var p *pseudo.Pseudonymizer
	if o.customers {
		p = o.privacy.pseudonymizer(o.io, format, false, customerKeys(res.Set))
	}
	out := segmentsOutput(seg, asOf, lang, words.ForNoun(lang, o.noun.noun), o.customers, p)
	return o.out.emit(o.io, format, lang, out)
}

func segmentName(s segment.Segment, lang string) string {
	return words.For(lang).SegmentName(s)
}

// segmentsOutput builds the output; with customers it lists them, by pseudonym when p is
// not nil.
func segmentsOutput(seg *segment.Result, asOf visit.Day, lang string, cat *words.Catalogue, customers bool, p *pseudo.Pseudonymizer) *report.View {
	t := cat.T
	doc := &report.Page{Title: t("cli.segments")}
	doc.Facts = []report.Fact{
		{Label: t("cli.as-of"), Value: dayText(asOf, lang)},
		{Label: t("cli.customers"), Value: report.Int(len(seg.Customers), lang)},
	}
	if seg.Skipped > 0 {
		doc.Facts = append(doc.Facts, report.Fact{Label: t("cli.without-a-visit-yet"), Value: report.Int(seg.Skipped, lang)})
	}
	if seg.HasAmounts {
		doc.Facts = append(doc.Facts, report.Fact{Label: t("cli.revenue"), Value: report.Money(seg.Revenue, lang)})
	}
	js := segmentsJSON{Version: 2, AsOf: asOf.String(), Customers: len(seg.Customers), Skipped: seg.Skipped, Grid: seg.Grid,
		Scales: []segment.Scale{seg.R, seg.F}}
	if seg.HasAmounts {
		js.Revenue = &seg.Revenue
		js.Scales = append(js.Scales, seg.M)
	}
	st := report.Table{Title: t("cli.segments"),
		Columns: []string{t("cli.segment"), t("cli.customers"), t("cli.share"), t("cli.median-days-since-last-visit"), t("cli.median-visits")},
		Numeric: []bool{false, true, true, true, true}}
	if seg.HasAmounts {
		st.Columns = append(st.Columns, t("cli.revenue"), t("cli.share-of-revenue"))
		st.Numeric = append(st.Numeric, true, true)
	}
	for _, s := range seg.Segments {
		row := []string{segmentName(s.Segment, lang), report.Int(s.Customers, lang), report.Percent(s.Share, lang),
			report.Decimal(s.MedianRecency, 0, lang), report.Decimal(s.MedianFrequency, 1, lang)}
		sj := segmentJSON{Code: s.Code, Name: segmentName(s.Segment, lang), Customers: s.Customers, Share: s.Share,
			MedianRecency: s.MedianRecency, MedianFrequency: s.MedianFrequency, RevenueShare: s.RevenueShare}
		if seg.HasAmounts {
			row = append(row, report.Money(s.Revenue, lang), report.Percent(s.RevenueShare, lang))
			rev := s.Revenue
			sj.Revenue = &rev
		}
		st.Rows = append(st.Rows, row)
		js.Segments = append(js.Segments, sj)
	}
	doc.Tables = append(doc.Tables, st)
	grid := report.Table{Title: t("cli.customers-on-the-r-f-grid"),
		Columns: []string{"", "F1", "F2", "F3", "F4", "F5"}, Numeric: []bool{false, true, true, true, true, true}}
	for r := 5; r >= 1; r-- {
		row := []string{"R" + strconv.Itoa(r)}
		for f := 1; f <= 5; f++ {
			row = append(row, report.Int(seg.Grid.At(segment.Score(r), segment.Score(f)), lang))
		}
		grid.Rows = append(grid.Rows, row)
	}
	doc.Tables = append(doc.Tables, grid)
	edges := report.Table{Title: t("cli.score-edges-used"),
		Columns: []string{t("cli.score"), t("cli.from"), t("cli.to"), t("cli.customers"), t("cli.share")},
		Numeric: []bool{false, true, true, true, true}}
	scales := []segment.Scale{seg.R, seg.F}
	if seg.HasAmounts {
		scales = append(scales, seg.M)
	}
	for _, sc := range scales {
		for _, b := range sc.Bins {
			if b.Customers == 0 {
				continue
			}
			lo, hi := strconv.FormatInt(b.Min, 10), strconv.FormatInt(b.Max, 10)
			if sc.Measure == segment.Monetary {
				lo, hi = report.Money(b.Min, lang), report.Money(b.Max, lang)
			}
			edges.Rows = append(edges.Rows, []string{fmt.Sprintf("%s%d", sc.Measure.Letter(), b.Score), lo, hi, report.Int(b.Customers, lang), report.Percent(b.Share, lang)})
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
		ct := report.Table{Title: t("cli.customers-2"), Columns: []string{"id", t("cli.days-since-last-visit"), t("cli.visits"), "R", "F", "M", t("cli.segment")},
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
			ct.Notes = append(ct.Notes, pseudonymNote(cat))
		}
		doc.Tables = append(doc.Tables, ct)
		js.List = list
	}
	out := &report.View{Page: doc, JSON: js}
	if customers {
		out.CSV = list
	} else {
		var rows []segmentRow
		for _, s := range js.Segments {
			r := segmentRow{Code: s.Code, Name: s.Name, Customers: s.Customers, Share: s.Share, MedianRecency: s.MedianRecency, MedianFrequency: s.MedianFrequency, RevenueShare: s.RevenueShare}
			if s.Revenue != nil {
				r.Revenue = fmt.Sprintf("%.2f", float64(*s.Revenue)/100)
			}
			rows = append(rows, r)
		}
		out.CSV = rows
	}
	return out
}

// segmentRow is one line of the segments CSV.
type segmentRow struct {
	Code            string  `csv:"segment"`
	Name            string  `csv:"name"`
	Customers       int     `csv:"customers"`
	Share           float64 `csv:"share"`
	MedianRecency   float64 `csv:"median_recency_days"`
	MedianFrequency float64 `csv:"median_frequency"`
	Revenue         string  `csv:"revenue"`
	RevenueShare    float64 `csv:"revenue_share"`
}

// tr returns the catalogue's text of a key in lang (see package words: cli.* in en.go
// and de.go).
func tr(lang string) func(key string) string {
	return words.For(lang).T
}

func dayText(d visit.Day, lang string) string {
	if lang == "de" {
		return d.German()
	}
	return d.String()
}
