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

// Config holds every threshold of the lapse rules. [DefaultConfig] gives the documented
// defaults; a config file and command-line flags override single fields. All gaps are in
// days, measured between visit days (several visits on one day are one visit day).
//
// Every rule turns its evidence into two gaps: the customer is due once the days since the
// last visit exceed the first, and lapsed once they exceed the second; lapsed customers
// become lost further out (see LostFactor and LostAfterDays).
type Config struct {
	// RhythmMinVisits is the least number of visit days for the own-rhythm rule: 4 visit
	// days give 3 gaps, the fewest from which a customer's habit shows at all. With fewer,
	// the recall, model and population rules decide.
	RhythmMinVisits int `json:"rhythm_min_visits" yaml:"rhythm_min_visits"`
	// RhythmQuantile picks the customer's usual gap: the nearest-rank quantile of their own
	// gaps, 0.8 by default. A high quantile rather than the median, because gaps vary:
	// a patient who alternates weekly and monthly visits has a median of 1–4 weeks but
	// regularly stays away a month, and should not be called lapsed during an ordinary
	// long gap. Nearest rank rather than interpolation, because with 3 to 5 gaps it is the
	// longest or second-longest gap actually seen, never a blend with a one-off break
	// (a 400-day absence among weekly gaps would drag an interpolated quantile to months).
	RhythmQuantile float64 `json:"rhythm_quantile" yaml:"rhythm_quantile"`
	// Tolerance is how far beyond the usual gap a customer may go before they are lapsed:
	// lapsed when the days since the last visit exceed Tolerance × the usual gap (1.5: a
	// customer who usually comes within 6 weeks is lapsed after 9).
	Tolerance float64 `json:"tolerance" yaml:"tolerance"`
	// RhythmPopulationFactor sets the own-rhythm rule's margin against everyone: a customer
	// judged by their own rhythm is lapsed only once the days since the last visit also
	// exceed this many times the population rule's lapse gap (2). Frequent customers'
	// "far beyond their usual gap" is still within what is ordinary for anybody, and they
	// come back: on CDNOW (as of 1997-09-30, 9 months on) 60% of those the rhythm alone
	// flagged came back, more than of any group the days since the last visit would flag
	// at the same count. 0 switches the margin off.
	//
	// For a regular customer, whose gaps vary by less than RhythmRegularCV (0.3: standard
	// deviation over mean), RhythmMarginCap bounds that margin at this many times their
	// usual gap (4): a weekly patient away five weeks is lapsed whatever everyone else
	// does. Irregular gaps (a shop's customers, whose gaps vary about as much as their
	// mean) say little about when the next visit is due.
	RhythmPopulationFactor float64 `json:"rhythm_population_factor" yaml:"rhythm_population_factor"`
	RhythmRegularCV        float64 `json:"rhythm_regular_cv" yaml:"rhythm_regular_cv"`
	RhythmMarginCap        float64 `json:"rhythm_margin_cap" yaml:"rhythm_margin_cap"`
	// YearlySlackDays recognises a yearly rhythm in customers with fewer visits than
	// RhythmMinVisits: when one gap between their visit days is a whole number of years,
	// give or take this many days (45), and every other gap is that too or shorter than
	// twice as many (two visits in one season), they are judged by their own rhythm with a
	// usual gap of a year: due after a year, lapsed after Tolerance years. A summer guest
	// who came in July 2024 and August 2025 is not lapsed in February, whatever the
	// business travellers' gaps. 0 switches it off.
	YearlySlackDays int `json:"yearly_slack_days" yaml:"yearly_slack_days"`
	// DueFactor starts the due window: due when the days since the last visit exceed
	// DueFactor × the usual gap and the customer is not yet lapsed (1.0: due from the day
	// they would normally have been back).
	DueFactor float64 `json:"due_factor" yaml:"due_factor"`
	// MinGapDays is the least gap any rule calls lapsed, 28 days: so that a customer who
	// comes daily or twice a week is not lapsed after a week's holiday, and because a
	// month without a visit is where the owners in DOMAIN.md start to worry about a weekly
	// patient.
	MinGapDays int `json:"min_gap_days" yaml:"min_gap_days"`
	// LostFactor and LostAfterDays mark a lapsed customer lost: when the days since the
	// last visit (for a recall, since the recall service) exceed LostFactor × the lapse gap
	// (3) or LostAfterDays (730, two years). A weekly patient away three months, or anyone
	// away two years, is unlikely to come back by themselves.
	LostFactor    float64 `json:"lost_factor" yaml:"lost_factor"`
	LostAfterDays int     `json:"lost_after_days" yaml:"lost_after_days"`
	// Recall maps a service name to its recall interval in days (a check-up every 6 or 12
	// months). Names match the export's service names exactly but for case and surrounding
	// spaces. The recall rule applies to customers with too few visits for their own rhythm
	// who have had a recall service: lapsed when the days since the latest one exceed
	// RecallTolerance × its interval. The default knows the dental prophylaxis
	// ("Prophylaxe", "PZR"): 182 days.
	Recall          map[string]int `json:"recall" yaml:"recall"`
	RecallTolerance float64        `json:"recall_tolerance" yaml:"recall_tolerance"`
	// PAliveLapsed and PAliveDue are the model rule's thresholds on the chance that the
	// repeat-buying model gives the customer of a visit within ReturnWindowDays (365):
	// P(alive) times the chance that an active customer's next visit falls within the
	// window. Lapsed below 0.2, due below 0.5. With ReturnWindowDays 0 they are thresholds
	// on P(alive) alone.
	//
	// The window rather than P(alive) alone, because P(alive) stays high for ever for
	// customers the fit says rarely drop out (BG/NBD with b ≫ a, a shop's two-visit
	// customers gone two years), while the chance of a visit falls with the time away for
	// everyone. 365 days and 0.2 won against the days since the last visit at the same
	// count on CDNOW, the grocery log and the sample practice alike (see the commit that
	// set them); 0.3 and 0.25 lost on CDNOW, 0.15 on the grocery log.
	PAliveLapsed     float64 `json:"p_alive_lapsed" yaml:"p_alive_lapsed"`
	PAliveDue        float64 `json:"p_alive_due" yaml:"p_alive_due"`
	ReturnWindowDays int     `json:"return_window_days" yaml:"return_window_days"`
	// PopulationQuantile is the population rule's threshold: lapsed when the days since the
	// last visit exceed this quantile (0.9) of every gap between two visit days of every
	// customer: "nine in ten returns happen within this time". The customers' median gap
	// is their expected time to come back.
	PopulationQuantile float64 `json:"population_quantile" yaml:"population_quantile"`
	// PopulationStratumMinGaps stratifies the population rule by service: a customer is
	// judged against the gaps after visits of their last visit's service, when at least
	// this many (50) such gaps came back, else against everyone's. A one-time guest of the
	// summer rooms is compared with the summer guests (back within a year), not with the
	// business travellers (back within weeks). 0 switches it off; without a service
	// column, or with more than 64 services, everyone's gaps are used.
	PopulationStratumMinGaps int `json:"population_stratum_min_gaps" yaml:"population_stratum_min_gaps"`
	// A course of treatment is a block of at least CourseMinVisits (6) and at most
	// CourseMaxVisits (20) visit days, each within CourseMaxGap (21) days of the previous
	// one, all of one service, with a median gap of at most CourseMedianGap (10) days.
	// When the customer's last visits are such a block, the block is over (no visit for
	// CourseEndDays, 14, or Tolerance × its usual gap, whichever is longer), no appointment
	// after it was cancelled or missed, and the customer has fewer than RhythmMinVisits
	// visits outside any course, they are due a follow-up, not a win-back. A customer with
	// a regular history besides the courses (a monthly massage client who had a course of
	// physiotherapy), a weekly patient with one visit of another service among the weekly
	// ones, and a patient who cancelled the appointment after their last visit are judged
	// by the other rules instead.
	//
	// 6 because a German physiotherapy prescription covers 6 treatments as a rule (up to
	// 10 for some diagnoses, 20 for two back to back): five treatments of one kind and then
	// nothing look more like an abandoned course than a finished one. The limits need a
	// service column; without one no course is recognised. CourseMinVisits 0 switches the
	// rule off.
	//
	// CourseServices, when not empty, names the services that come in courses (matched like
	// Recall); by default any service can. A studio whose regulars buy the same class every
	// week, or a salon, may want to name none of theirs: there ten weekly visits and then
	// nothing are a lapse, not the end of a treatment.
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

// Validate reports the first field of c that makes no sense, naming it as the config file
// does.
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
