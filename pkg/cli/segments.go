package cli

import (
	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/segment"
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

func runSegments(o *segmentsOptions) error {
	lang, format, err := o.out.prepare(o.io, report.ViewFormats, o.files, o.input.rejects)
	if err != nil {
		return err
	}
	if err := o.noun.check(); err != nil {
		return err
	}
	res, err := readExports(o.io, o.files, &o.input, false)
	if err != nil {
		return err
	}
	o.out.noun = o.noun.resolve(&res.Summary)
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
		p = o.privacy.pseudonymizer(o.io, format, false, res.Set)
	}
	return o.out.emit(o.io, format, lang, report.SegmentsView(seg, asOf, lang, o.noun.noun, o.customers, p))
}
