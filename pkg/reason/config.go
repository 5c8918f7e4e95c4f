package reason

// Config holds the thresholds of the detectors, the weights and the channel names. Start
// from [DefaultConfig] and change what you need: the zero value's thresholds are not
// meaningful defaults.
type Config struct {
	// ShowStaff names staff in the evidence ("with Anna M."). Off by default: the texts
	// end up in shared reports and on projectors, and a hint is not a judgement of a person.
	ShowStaff bool

	// Weights by code; a code not in the map gets its default weight
	// (see [DefaultConfig]). Disabled codes are not
	// detected at all.
	Weights  map[string]float64
	Disabled []string

	// PlatformChannels and DirectChannels are the channel names (or parts of names) that
	// mean an online platform and a direct booking; see [Classify] for how they match.
	PlatformChannels, DirectChannels []string

	// staff-switch: among the last StaffWindow visits with a known staff member, at least
	// StaffMinOthers were not with the customer's usual person (the one who had more than
	// half of at least StaffMinEarlier earlier visits); or, without a
	// usual person, the window had at least StaffMinPeople different people.
	StaffWindow, StaffMinOthers, StaffMinEarlier, StaffMinPeople int

	// slowing: each of the last SlowingGaps gaps between visit days is at least
	// SlowingFactor times the median of the earlier gaps (at least SlowingMinEarlier of
	// them), and the last gap at least SlowingLastFactor times it and SlowingMinDays longer.
	SlowingGaps, SlowingMinEarlier   int
	SlowingFactor, SlowingLastFactor float64
	SlowingMinDays                   int

	// price-up: each of the last PriceRecent visits with an amount cost at least
	// PriceFactor times the median of the earlier ones (at least PriceMinEarlier). One
	// dearer bill is enough by default: a customer who left after it (26.57, then 38.45)
	// is the case the hint is for.
	PriceRecent, PriceMinEarlier int
	PriceFactor                  float64

	// long-wait: the wait of a booking is the days from the booking day to the first
	// appointment booked that day (a series booked in one go is one booking, however far
	// ahead its last appointment lies). Each of the last WaitRecent waits is at least
	// WaitFactor times the median of the earlier ones (at least WaitMinEarlier) and at
	// least WaitMinExtraDays longer (a floor that keeps a wait of 1 day against a usual
	// 0 quiet, not one that hides a wait grown from 2 to 9 days).
	WaitRecent, WaitMinEarlier int
	WaitFactor                 float64
	WaitMinExtraDays           int

	// platform-only: every booking through a platform, and at least PlatformMinVisits
	// visit days: a one-visit customer gets one-visit, which names the channel.
	PlatformMinVisits int
	// loyal-lost: at least LoyalMinVisits visit days spanning at least LoyalMinSpanDays,
	// and the verdict says the customer stopped coming: lapsed, lost or a follow-up.
	LoyalMinVisits, LoyalMinSpanDays int

	// many-contacts: at least ContactsMin cancellations and missed appointments within
	// the ContactsWindowDays before (and including) the customer's last appointment.
	ContactsMin, ContactsWindowDays int

	// course-finished, own detection (the verdict's follow-up status always counts): the
	// last visits form a series of CourseMinVisits to CourseMaxVisits visit days, no gap
	// longer than CourseMaxGapDays, a median gap of at most CourseMaxMedianGap days, at
	// least CourseMinShare of them for one service; the series ended with a visit, nothing
	// is booked, and at least CourseMinEndedDays and two median gaps have passed since.
	CourseMinVisits, CourseMaxVisits, CourseMaxGapDays int
	CourseMaxMedianGap                                 float64
	CourseMinShare                                     float64
	CourseMinEndedDays                                 int
}

// DefaultConfig returns the documented defaults.
//
//	staff-switch   3 of the last 4 visits not with the usual person (usual: more than half
//	               of ≥ 4 earlier visits), or, without one, 3 different people in the last 4
//	slowing        the last 2 gaps each ≥ 1.5 × the earlier median (≥ 2 earlier gaps,
//	               so from 5 visits), the last ≥ 2 × it and ≥ 7 days longer
//	price-up       the last visit ≥ 1.25 × the earlier median (≥ 3 earlier)
//	long-wait      the last 2 waits each ≥ 2 × the earlier median and ≥ 5 days longer
//	               (≥ 3 earlier waits)
//	platform-only  every booking through a platform, ≥ 2 visit days
//	loyal-lost     ≥ 20 visit days over ≥ 365 days, verdict lapsed, lost or follow-up
//	many-contacts  ≥ 3 cancellations or missed appointments within 42 days before the last
//	course-finished  6–20 visit days, gaps ≤ 21 days, median ≤ 10, 80 % one service,
//	               ended ≥ 14 days ago
//
// The channel lists are in [DefaultPlatformChannels] and [DefaultDirectChannels]; Weights
// holds every signal's default weight: a last appointment cancelled or missed 0.9, a
// loyal history that ended 0.85, many cancellations 0.8, a finished course 0.75, another
// staff member and longer waits 0.7, a higher price 0.65, slowing and a single visit 0.6,
// platform-only 0.5, a referral 0.4, no contact preference 0.2.
func DefaultConfig() Config {
	w := make(map[string]float64, numCodes)
	for _, c := range catalogue {
		w[c.code] = c.weight
	}
	return Config{
		Weights:            w,
		PlatformChannels:   DefaultPlatformChannels(),
		DirectChannels:     DefaultDirectChannels(),
		StaffWindow:        4,
		StaffMinOthers:     3,
		StaffMinEarlier:    4,
		StaffMinPeople:     3,
		SlowingGaps:        2,
		SlowingMinEarlier:  2,
		SlowingFactor:      1.5,
		SlowingLastFactor:  2,
		SlowingMinDays:     7,
		PriceRecent:        1,
		PriceMinEarlier:    3,
		PriceFactor:        1.25,
		WaitRecent:         2,
		WaitMinEarlier:     3,
		WaitFactor:         2,
		WaitMinExtraDays:   5,
		PlatformMinVisits:  2,
		LoyalMinVisits:     20,
		LoyalMinSpanDays:   365,
		ContactsMin:        3,
		ContactsWindowDays: 42,
		CourseMinVisits:    6,
		CourseMaxVisits:    20,
		CourseMaxGapDays:   21,
		CourseMaxMedianGap: 10,
		CourseMinShare:     0.8,
		CourseMinEndedDays: 14,
	}
}

// weight returns the configured weight of c.
func (cfg *Config) weight(c code) float64 {
	if w, ok := cfg.Weights[catalogue[c].code]; ok {
		return w
	}
	return catalogue[c].weight
}
