package reason

// Config holds the thresholds of the detectors, the weights and the channel names; start
// from [DefaultConfig].
type Config struct {
	// ShowStaff names staff in the evidence; off by default: a hint is not a judgement of
	// a person.
	ShowStaff bool

	// Weights by code; a code not in the map gets its default weight. Disabled codes are
	// not detected at all.
	Weights  map[string]float64
	Disabled []string

	// PlatformChannels and DirectChannels are the channel names (or parts of names) that
	// mean an online platform and a direct booking; see [Classify] for how they match.
	PlatformChannels, DirectChannels []string

	// staff-switch: among the last StaffWindow visits with a known staff member, at least
	// StaffMinOthers were not with the usual person (more than half of at least
	// StaffMinEarlier earlier visits), or, without one, StaffMinPeople different people.
	StaffWindow, StaffMinOthers, StaffMinEarlier, StaffMinPeople int

	// slowing: each of the last SlowingGaps gaps between visit days is at least
	// SlowingFactor times the median of the earlier gaps (at least SlowingMinEarlier of
	// them), and the last gap at least SlowingLastFactor times it and SlowingMinDays longer.
	SlowingGaps, SlowingMinEarlier   int
	SlowingFactor, SlowingLastFactor float64
	SlowingMinDays                   int

	// price-up: each of the last PriceRecent visits with an amount cost at least
	// PriceFactor times the median of the earlier ones (at least PriceMinEarlier).
	PriceRecent, PriceMinEarlier int
	PriceFactor                  float64

	// long-wait: a booking's wait is the days from the booking day to its first
	// appointment. Each of the last WaitRecent waits is at least WaitFactor times the
	// median of the earlier ones (at least WaitMinEarlier) and WaitMinExtraDays longer.
	WaitRecent, WaitMinEarlier int
	WaitFactor                 float64
	WaitMinExtraDays           int

	// platform-only: every booking through a platform, and at least PlatformMinVisits
	// visit days.
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

// DefaultConfig returns the defaults.
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
