package visitgen

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"

	"github.com/winback/winback/pkg/visit"
)

// MonthlyConfig describes the practice of [WriteMonthly]: one history, exported twice.
type MonthlyConfig struct {
	Seed     uint64
	Patients int
	Start    visit.Day
	// First and Second are the as-of dates of the two exports.
	First, Second visit.Day
	BookAhead     int
	// WonBack is how many patients are planted who are lapsed on First and come back by
	// Second.
	WonBack          int
	PriceRise        visit.Day
	PriceRisePercent float64
}

// DefaultMonthlyConfig returns the scenario shipped in testdata/praxis: 150 patients,
// exports on 2025-05-31 and 2025-06-30, 10 of them won back in June.
func DefaultMonthlyConfig() MonthlyConfig {
	return MonthlyConfig{
		Seed:             1,
		Patients:         150,
		Start:            visit.DayOf(2023, 1, 1),
		First:            visit.DayOf(2025, 5, 31),
		Second:           visit.DayOf(2025, 6, 30),
		BookAhead:        42,
		WonBack:          10,
		PriceRise:        visit.DayOf(2024, 7, 1),
		PriceRisePercent: 6,
	}
}

func (c MonthlyConfig) praxis() PraxisConfig {
	return PraxisConfig{
		Seed: c.Seed, Patients: c.Patients - c.WonBack, Start: c.Start, AsOf: c.Second,
		BookAhead: c.BookAhead, PriceRise: c.PriceRise, PriceRisePercent: c.PriceRisePercent,
	}
}

func (c MonthlyConfig) validate() error {
	switch {
	case c.WonBack < 1 || c.WonBack > c.Patients/5:
		return fmt.Errorf("%w: won-back %d not in [1, patients/5]", ErrConfig, c.WonBack)
	case c.Second-c.First < 20 || c.Second-c.First > 92:
		return fmt.Errorf("%w: %s to %s: the second export must be 20 to 92 days after the first",
			ErrConfig, c.First, c.Second)
	case c.First-c.Start < 540:
		return fmt.Errorf("%w: start %s to first as-of %s is shorter than 540 days", ErrConfig, c.Start, c.First)
	}
	return c.praxis().validate()
}

// LapseRule is the rule the monthly scenario is planted against: on an as-of date, a
// patient is lapsed when they have no appointment booked (as the export of that day shows
// it), have visited before, and the days since their last visit exceed both twice their
// usual gap (the median gap between visit days; zero with a single visit) and 42 days.
const LapseRule = "no booked appointment, and days since the last visit > max(2 × median gap between visit days, 42)"

// monthView is a patient as the first export shows them and what the month after brings.
type monthView struct {
	last     visit.Day // last visit on or before the first as-of
	gap      int
	usual    float64
	booked   bool      // a booked appointment shows in the first export
	back     visit.Day // first visit after the first as-of, up to the second; NoDay if none
	lapsed   bool      // lapsed by LapseRule on the first as-of
	clear    bool      // lapsed with a wide margin: gap ≥ max(3 × usual, 56)
	doubtful bool      // close enough to the rule that another reasonable rule may differ
}

func viewMonth(p *patient, first, second visit.Day, bookAhead int) monthView {
	v := monthView{last: visit.NoDay, back: visit.NoDay}
	att := p.attendedDays(first)
	for _, a := range p.appts {
		if a.day > first && a.booked <= first && a.day <= first+visit.Day(bookAhead) {
			v.booked = true
		}
		if a.day > first && a.day <= second && a.status == visit.Attended && v.back == visit.NoDay {
			v.back = a.day
		}
	}
	if len(att) == 0 || v.booked {
		return v
	}
	v.last = att[len(att)-1]
	v.gap = int(first - v.last)
	v.usual, _ = usualGap(att)
	g := float64(v.gap)
	v.lapsed = g > 2*v.usual && g > 42
	v.clear = g >= 3*v.usual && g >= 56
	v.doubtful = !v.clear && g > 1.5*v.usual && g >= 35
	return v
}

// MonthlyStats describes what [WriteMonthly] wrote.
type MonthlyStats struct {
	First, Second Stats
	WonBack       int
}

// WriteMonthly writes two exports of one practice, as taken on cfg.First and on
// cfg.Second (the second repeats the first's history and adds the month after), and to
// wonBack the patients lapsed on First by [LapseRule] who visited again by Second. Those
// are exactly the planted ones: the generator redraws any other patient who would come
// back after a gap the rule calls lapsed or nearly so.
func WriteMonthly(first, second, wonBack io.Writer, cfg MonthlyConfig) (MonthlyStats, error) {
	var st MonthlyStats
	if err := cfg.validate(); err != nil {
		return st, err
	}
	kinds := quotas(cfg.Patients - cfg.WonBack)
	for range cfg.WonBack {
		kinds = append(kinds, kWonBack)
	}
	accept := func(p *patient) bool {
		v := viewMonth(p, cfg.First, cfg.Second, cfg.BookAhead)
		if p.kind == kWonBack {
			return v.clear && v.back != visit.NoDay
		}
		return v.back == visit.NoDay || !v.lapsed && !v.doubtful
	}
	pc := cfg.praxis()
	pc.Patients = cfg.Patients
	pr, err := generate(pc, kinds, cfg.First, accept)
	if err != nil {
		return st, err
	}
	if st.First, err = pr.writeExport(first, cfg.First); err != nil {
		return st, err
	}
	if st.Second, err = pr.writeExport(second, cfg.Second); err != nil {
		return st, err
	}
	out := csv.NewWriter(wonBack) // its errors stick: out.Error tells after Flush
	out.Write([]string{"patient_id", "last_visit", "gap_days", "usual_gap_days", "returned_on"})
	for _, p := range pr.patients {
		v := viewMonth(p, cfg.First, cfg.Second, cfg.BookAhead)
		if !v.lapsed || v.back == visit.NoDay {
			continue
		}
		if p.kind != kWonBack {
			return st, fmt.Errorf("patient %d came back without being planted (generator bug)", p.id)
		}
		st.WonBack++
		out.Write([]string{
			strconv.Itoa(p.id), v.last.String(), strconv.Itoa(v.gap),
			strconv.FormatFloat(v.usual, 'f', -1, 64), v.back.String(),
		})
	}
	out.Flush()
	if err := out.Error(); err != nil {
		return st, fmt.Errorf("write won-back list: %w", err)
	}
	if st.WonBack != cfg.WonBack {
		return st, fmt.Errorf("%d patients came back, %d were planted (generator bug)", st.WonBack, cfg.WonBack)
	}
	return st, nil
}
