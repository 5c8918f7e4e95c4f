package cli

import (
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/calls"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/segment"
)

// analysisOptions are the flags of the commands that judge customers: the model's time
// unit, the lapse thresholds and the reasons' settings. Their defaults are those of
// lapse.DefaultConfig and reason.DefaultConfig.
type analysisOptions struct {
	period   string
	lapse    lapse.Config
	recall   []string
	reasons  reason.Config
	platform []string
	direct   []string
	calls    calls.Config
	privacyOptions
	// filter narrows the list of lapsed customers; nil for the commands without a list.
	filter *filterOptions
	// contacts: the command shows contact details (names, e-mails, phones, contact
	// preferences); without, the read keeps only whether each is given.
	contacts bool
	// noun is --noun, else guessed from the export's column names once it is read
	// ([analyse]).
	noun nounOptions
}

// bindFilter binds the flags that narrow the list of lapsed customers (report, lapsed).
func (o *analysisOptions) bindFilter(c *cobra.Command) {
	o.filter = &filterOptions{}
	o.filter.bind(c)
}

func (o *analysisOptions) bind(c *cobra.Command) {
	o.lapse = lapse.DefaultConfig()
	o.reasons = reason.DefaultConfig()
	f := c.Flags()
	l := &o.lapse
	f.StringVar(&o.period, "period", "week", "time unit of the repeat-buying models: day, week or month")
	f.IntVar(&l.RhythmMinVisits, "rhythm-min-visits", l.RhythmMinVisits, "visit days needed to judge a customer by their own rhythm")
	f.Float64Var(&l.RhythmQuantile, "rhythm-quantile", l.RhythmQuantile, "which of a customer's own gaps is their usual one (0.8: the 80th percentile)")
	f.Float64Var(&l.Tolerance, "tolerance", l.Tolerance, "lapsed when away longer than this many times the usual gap")
	f.Float64Var(&l.RhythmPopulationFactor, "rhythm-population-factor", l.RhythmPopulationFactor, "own rhythm: never lapsed before this many times the population rule's lapse gap (0: off)")
	f.Float64Var(&l.RhythmMarginCap, "rhythm-margin-cap", l.RhythmMarginCap, "own rhythm: for a regular customer, that margin is at most this many times their usual gap")
	f.Float64Var(&l.RhythmRegularCV, "rhythm-regular-cv", l.RhythmRegularCV, "own rhythm: a customer whose gaps vary less than this (standard deviation over mean) is regular")
	f.IntVar(&l.YearlySlackDays, "yearly-slack-days", l.YearlySlackDays, "with fewer visits: gaps within this many days of whole years are a yearly rhythm (0: off)")
	f.Float64Var(&l.DueFactor, "due-factor", l.DueFactor, "due from this many times the usual gap")
	f.IntVar(&l.MinGapDays, "min-gap-days", l.MinGapDays, "never lapsed before this many days without a visit")
	f.Float64Var(&l.LostFactor, "lost-factor", l.LostFactor, "lost when away longer than this many times the lapse gap")
	f.IntVar(&l.LostAfterDays, "lost-after-days", l.LostAfterDays, "lost when away longer than this many days")
	f.StringArrayVar(&o.recall, "recall", nil, "recall interval of a service in days, e.g. --recall Prophylaxe=182 (repeatable; replaces the defaults Prophylaxe=182, PZR=182)")
	f.Float64Var(&l.RecallTolerance, "recall-tolerance", l.RecallTolerance, "lapsed when a recall is overdue by this many times its interval")
	f.Float64Var(&l.PAliveLapsed, "p-alive-lapsed", l.PAliveLapsed, "model rule: lapsed when P(alive) is below this")
	f.Float64Var(&l.PAliveDue, "p-alive-due", l.PAliveDue, "model rule: due when P(alive) is below this")
	f.IntVar(&l.ReturnWindowDays, "return-window-days", l.ReturnWindowDays, "model rule: judge the chance of a visit within this many days instead of P(alive) (0: P(alive))")
	f.Float64Var(&l.PopulationQuantile, "population-quantile", l.PopulationQuantile, "population rule: lapsed beyond this quantile of everyone's gaps")
	f.IntVar(&l.PopulationStratumMinGaps, "population-stratum-min-gaps", l.PopulationStratumMinGaps, "population rule: judge against the gaps after the last visit's service when it has this many (0: everyone's)")
	f.IntVar(&l.CourseMinVisits, "course-min-visits", l.CourseMinVisits, "a course of treatment has at least this many visits of one service")
	bindCalls(f, &o.calls)
	f.StringArrayVar(&o.platform, "platform-channel", nil, "a booking channel that is an online platform (repeatable; adds to the built-in list)")
	f.StringArrayVar(&o.direct, "direct-channel", nil, "a booking channel that is direct (repeatable; adds to the built-in list)")
	f.BoolVar(&o.reasons.ShowStaff, "show-staff", false, "name staff members in the evidence")
	o.privacyOptions.bind(c)
	c.RegisterFlagCompletionFunc("period", fixedChoices("day", "week", "month"))
	o.noun.bind(c)
}

// options validates the flags into the analysis options.
func (o *analysisOptions) options(a *app) (analysis.Options, error) {
	var opt analysis.Options
	p, err := parsePeriod(o.period)
	if err != nil {
		return opt, err
	}
	opt.Period = p
	if err := o.noun.check(); err != nil {
		return opt, err
	}
	opt.Lapse = o.lapse
	if len(o.recall) > 0 {
		opt.Lapse.Recall = map[string]int{}
		for _, kv := range o.recall {
			k, v, ok := strings.Cut(kv, "=")
			days, err := strconv.Atoi(strings.TrimSpace(v))
			if !ok || err != nil || days <= 0 || strings.TrimSpace(k) == "" {
				return opt, usagef("write it as --recall Prophylaxe=182 (service=days)", "--recall %q: expected service=days", kv)
			}
			opt.Lapse.Recall[strings.TrimSpace(k)] = days
		}
	}
	if err := opt.Lapse.Validate(); err != nil {
		return opt, usagef("see 'winback help lapsed' for the thresholds and their defaults", "%v", err)
	}
	opt.Reasons = o.reasons
	opt.Reasons.PlatformChannels = append(append([]string{}, o.reasons.PlatformChannels...), o.platform...)
	opt.Reasons.DirectChannels = append(append([]string{}, o.reasons.DirectChannels...), o.direct...)
	if a.cfg != nil && len(a.cfg.Segments) > 0 {
		m, err := segment.NewMap(a.cfg.Segments)
		if err != nil {
			return opt, usagef("fix the segments: section of the config file", "config %s: %v", a.cfg.Path, err)
		}
		opt.Segments = m
	}
	opt.Calls = o.calls
	return opt, nil
}
