package lapse

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// ErrConfig is wrapped by every error [Config.Validate] returns.
var ErrConfig = errors.New("invalid lapse configuration")

// Config holds every threshold of the lapse rules; [DefaultConfig] gives the defaults. All
// gaps are in days between visit days. Every rule turns its evidence into a due gap and a
// lapse gap; lapsed customers become lost further out (LostFactor, LostAfterDays).
type Config struct {
	// RhythmMinVisits is the least number of visit days for the own-rhythm rule (4: three
	// gaps, the fewest from which a habit shows).
	RhythmMinVisits int `json:"rhythm_min_visits" yaml:"rhythm_min_visits"`
	// RhythmQuantile picks the usual gap: the nearest-rank quantile of the customer's own
	// gaps (0.8). High, because an ordinary long gap is no lapse; nearest rank, so that it is
	// a gap actually seen, never a blend with a one-off break.
	RhythmQuantile float64 `json:"rhythm_quantile" yaml:"rhythm_quantile"`
	// Tolerance: lapsed when the days since the last visit exceed Tolerance × the usual gap.
	Tolerance float64 `json:"tolerance" yaml:"tolerance"`
	// RhythmPopulationFactor: a customer judged by their own rhythm is lapsed only beyond
	// this many times the population rule's lapse gap too (2; 0: off), since frequent
	// customers "far beyond their usual gap" mostly come back (60% on CDNOW). For a regular
	// customer (gaps varying by less than RhythmRegularCV, standard deviation over mean)
	// that margin is at most RhythmMarginCap × their usual gap.
	RhythmPopulationFactor float64 `json:"rhythm_population_factor" yaml:"rhythm_population_factor"`
	RhythmRegularCV        float64 `json:"rhythm_regular_cv" yaml:"rhythm_regular_cv"`
	RhythmMarginCap        float64 `json:"rhythm_margin_cap" yaml:"rhythm_margin_cap"`
	// YearlySlackDays recognises a yearly rhythm below RhythmMinVisits: a gap of whole
	// years give or take this many days (45), every other gap that too or shorter than
	// twice as many; judged with a usual gap of a year (a summer guest). 0: off.
	YearlySlackDays int `json:"yearly_slack_days" yaml:"yearly_slack_days"`
	// DueFactor: due when the days since the last visit exceed DueFactor × the usual gap.
	DueFactor float64 `json:"due_factor" yaml:"due_factor"`
	// MinGapDays is the least gap any rule calls lapsed (28): a week's holiday is no lapse.
	MinGapDays int `json:"min_gap_days" yaml:"min_gap_days"`
	// LostFactor and LostAfterDays: lost when the days away exceed LostFactor × the lapse
	// gap or LostAfterDays.
	LostFactor    float64 `json:"lost_factor" yaml:"lost_factor"`
	LostAfterDays int     `json:"lost_after_days" yaml:"lost_after_days"`
	// Recall maps a service name (matched regardless of case and surrounding spaces) to
	// its recall interval in days; the recall rule calls lapsed beyond RecallTolerance ×
	// the interval since the latest such visit.
	Recall          map[string]int `json:"recall" yaml:"recall"`
	RecallTolerance float64        `json:"recall_tolerance" yaml:"recall_tolerance"`
	// PAliveLapsed and PAliveDue are the model rule's thresholds on the chance of a visit
	// within ReturnWindowDays (P(alive) alone when 0). The window, because P(alive) stays
	// high for ever when the fit says customers rarely drop out, while the chance of a
	// visit falls with the time away; 365 and 0.2 won on CDNOW, the grocery log and the
	// sample practice alike.
	PAliveLapsed     float64 `json:"p_alive_lapsed" yaml:"p_alive_lapsed"`
	PAliveDue        float64 `json:"p_alive_due" yaml:"p_alive_due"`
	ReturnWindowDays int     `json:"return_window_days" yaml:"return_window_days"`
	// PopulationQuantile: the population rule calls lapsed beyond this quantile of every
	// customer's gaps; their median is the expected time to come back.
	PopulationQuantile float64 `json:"population_quantile" yaml:"population_quantile"`
	// PopulationStratumMinGaps: the population rule uses the gaps after the last visit's
	// service when at least this many came back (a summer guest against the summer
	// guests, not the business travellers). 0: off.
	PopulationStratumMinGaps int `json:"population_stratum_min_gaps" yaml:"population_stratum_min_gaps"`
	// A course of treatment is a block of CourseMinVisits to CourseMaxVisits visit days,
	// each within CourseMaxGap days of the previous, of one service (one of
	// CourseServices, when named), with a median gap of at most CourseMedianGap. When the
	// last visits are such a block, it is over (CourseEndDays or Tolerance × its usual
	// gap), no appointment after it was cancelled or missed, and the customer has fewer
	// than RhythmMinVisits visits outside courses, they are due a follow-up, not a
	// win-back. 6, as a physiotherapy prescription covers 6 treatments as a rule.
	// CourseMinVisits 0: off.
	CourseMinVisits int      `json:"course_min_visits" yaml:"course_min_visits"`
	CourseMaxVisits int      `json:"course_max_visits" yaml:"course_max_visits"`
	CourseMaxGap    int      `json:"course_max_gap_days" yaml:"course_max_gap_days"`
	CourseMedianGap int      `json:"course_median_gap_days" yaml:"course_median_gap_days"`
	CourseEndDays   int      `json:"course_end_days" yaml:"course_end_days"`
	CourseServices  []string `json:"course_services" yaml:"course_services"`
}

// DefaultConfig returns the documented defaults (see [Config]).
func DefaultConfig() Config {
	return Config{
		RhythmMinVisits:          4,
		RhythmQuantile:           0.8,
		Tolerance:                1.5,
		RhythmPopulationFactor:   2,
		RhythmRegularCV:          0.3,
		RhythmMarginCap:          4,
		YearlySlackDays:          45,
		DueFactor:                1.0,
		MinGapDays:               28,
		LostFactor:               3,
		LostAfterDays:            730,
		Recall:                   map[string]int{"Prophylaxe": 182, "PZR": 182},
		RecallTolerance:          1.5,
		PAliveLapsed:             0.2,
		ReturnWindowDays:         365,
		PAliveDue:                0.5,
		PopulationQuantile:       0.9,
		PopulationStratumMinGaps: 50,
		CourseMinVisits:          6,
		CourseMaxVisits:          20,
		CourseMaxGap:             21,
		CourseMedianGap:          10,
		CourseEndDays:            14,
	}
}

// Validate reports the first field of c that makes no sense, as the config file names it.
func (c Config) Validate() error {
	checks := []check{
		intAtLeast("rhythm_min_visits", c.RhythmMinVisits, 2, "at least 2 (one gap)"),
		share("rhythm_quantile", c.RhythmQuantile),
		number("tolerance", c.Tolerance, 1, "a number of at least 1"),
		number("rhythm_population_factor", c.RhythmPopulationFactor, 0, "0 (off) or a positive number"),
		number("rhythm_margin_cap", c.RhythmMarginCap, 0, "0 or a positive number"),
		number("rhythm_regular_cv", c.RhythmRegularCV, 0, "0 or a positive number"),
		check{"yearly_slack_days", c.YearlySlackDays, c.YearlySlackDays >= 0 && c.YearlySlackDays < daysPerYear/4, "0 (off) or more, below 91"},
		intAtLeast("return_window_days", c.ReturnWindowDays, 0, "0 (off) or more"),
		positive("due_factor", c.DueFactor),
		intAtLeast("min_gap_days", c.MinGapDays, 0, "0 or more"),
		number("lost_factor", c.LostFactor, 1, "a number of at least 1"),
		intAtLeast("lost_after_days", c.LostAfterDays, 1, "1 or more"),
		number("recall_tolerance", c.RecallTolerance, 1, "a number of at least 1"),
		{"p_alive_lapsed", c.PAliveLapsed, c.PAliveLapsed > 0 && c.PAliveLapsed < 1, "in (0, 1)"},
		{"p_alive_due", c.PAliveDue, c.PAliveDue >= c.PAliveLapsed && c.PAliveDue < 1,
			fmt.Sprintf("in [p_alive_lapsed (%v), 1)", c.PAliveLapsed)},
		share("population_quantile", c.PopulationQuantile),
		intAtLeast("population_stratum_min_gaps", c.PopulationStratumMinGaps, 0, "0 (off) or more"),
	}
	if c.CourseMinVisits != 0 { // 0: the course rule is off; its other limits do not matter
		checks = append(checks,
			intAtLeast("course_min_visits", c.CourseMinVisits, 2, "0 (off) or at least 2"),
			intAtLeast("course_max_visits", c.CourseMaxVisits, c.CourseMinVisits,
				fmt.Sprintf("at least course_min_visits (%d)", c.CourseMinVisits)),
			intAtLeast("course_max_gap_days", c.CourseMaxGap, 1, "1 or more"),
			check{"course_median_gap_days", c.CourseMedianGap, c.CourseMedianGap >= 1 && c.CourseMedianGap <= c.CourseMaxGap,
				fmt.Sprintf("in [1, course_max_gap_days (%d)]", c.CourseMaxGap)},
			intAtLeast("course_end_days", c.CourseEndDays, 0, "0 or more"))
	}
	for _, ch := range checks {
		if !ch.ok {
			return fmt.Errorf("%w: %s is %v; it must be %s", ErrConfig, ch.name, ch.value, ch.want)
		}
	}
	return c.validateRecall()
}

// check is one condition a [Config] field must meet.
type check struct {
	name  string // as in the config file
	value any
	ok    bool
	want  string // what it must be, for the error
}

func intAtLeast(name string, v, lo int, want string) check { return check{name, v, v >= lo, want} }

// number checks that v is a finite number of at least lo.
func number(name string, v, lo float64, want string) check {
	return check{name, v, v >= lo && !math.IsInf(v, 0), want}
}

func positive(name string, v float64) check {
	return check{name, v, v > 0 && !math.IsInf(v, 0), "a positive number"}
}

// share checks that v is in (0, 1].
func share(name string, v float64) check { return check{name, v, v > 0 && v <= 1, "in (0, 1]"} }

// validateRecall checks the recall intervals.
func (c Config) validateRecall() error {
	seen := make(map[string]string, len(c.Recall))
	for _, name := range slices.Sorted(maps.Keys(c.Recall)) {
		key := recallKey(name)
		switch {
		case key == "":
			return fmt.Errorf("%w: a recall interval has an empty service name", ErrConfig)
		case c.Recall[name] < 1:
			return fmt.Errorf("%w: the recall interval of %q is %v; it must be 1 day or more", ErrConfig, name, c.Recall[name])
		case seen[key] != "":
			return fmt.Errorf("%w: recall intervals for %q and %q: service names match regardless of case", ErrConfig, seen[key], name)
		}
		seen[key] = name
	}
	return nil
}

// recallKey is how a service name is matched against [Config.Recall].
func recallKey(name string) string { return strings.ToLower(strings.TrimSpace(name)) }
