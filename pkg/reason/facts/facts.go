// Package facts holds the figures behind a finding of package reason, which finds them;
// package words says them.
package facts

import (
	"encoding/json"

	"github.com/winback/winback/pkg/visit"
)

// Facts are the figures behind a finding of package reason. Which fields a code fills:
//
//   - last-cancelled, last-no-show: Day (the appointment), Service.
//   - staff-switch: Count of the last Of visits not with the usual person, People
//     (different staff among them), Before of BeforeOf earlier visits with the usual
//     person, Day (last visit); Staff and UsualStaff only with reason.Config.ShowStaff.
//   - slowing: Recent (the last gaps in days), Usual (the median gap before them), From
//     (the visit where the growing gaps began), Day (last visit).
//   - one-visit: Day, Service, Channels (the channel it was booked through, when known).
//   - platform-only: Count (bookings with a known channel), Channels (their names, most
//     used first), Day (last visit).
//   - price-up: Count and Recent (the last amounts, minor units), Usual (the median
//     before them), Service, Day (last visit).
//   - long-wait: Count and Recent (the last bookings' waits in days), Usual (the median
//     before them), Day (the last of those appointments).
//   - referral: Referrer, Count (visits), Day (last visit).
//   - loyal-lost: Count (visit days), From (first visit), Day (last visit), Usual (median
//     gap in days).
//   - many-contacts: Cancelled, Missed, From and Day (first and last of them).
//   - no-contact-preference: HasPhone, HasEmail (on record), Day (last visit).
//   - course-finished: Count (visits of the series), Service, From, Day (its first and
//     last visit), Usual (median gap in days).
//
// Dates a code does not use are [visit.NoDay].
type Facts struct {
	Day, From          visit.Day
	Count, Of          int
	People             int
	Before, BeforeOf   int
	Recent             []int64
	Usual              float64
	Cancelled, Missed  int
	Service            string
	Channels           []string
	Staff              []string
	UsualStaff         string
	Referrer           string
	HasPhone, HasEmail bool

	// ContactColumns says whether the export had a phone or e-mail column at all.
	ContactColumns bool
}

// MarshalJSON writes the facts with ISO dates, leaving out what a code does not use.
func (f Facts) MarshalJSON() ([]byte, error) {
	iso := func(d visit.Day) string {
		if d == visit.NoDay {
			return ""
		}
		return d.String()
	}
	return json.Marshal(struct {
		Day        string   `json:"day,omitempty"`
		From       string   `json:"from,omitempty"`
		Count      int      `json:"count,omitempty"`
		Of         int      `json:"of,omitempty"`
		People     int      `json:"people,omitempty"`
		Before     int      `json:"before,omitempty"`
		BeforeOf   int      `json:"before_of,omitempty"`
		Recent     []int64  `json:"recent,omitempty"`
		Usual      float64  `json:"usual,omitempty"`
		Cancelled  int      `json:"cancelled,omitempty"`
		Missed     int      `json:"missed,omitempty"`
		Service    string   `json:"service,omitempty"`
		Channels   []string `json:"channels,omitempty"`
		Staff      []string `json:"staff,omitempty"`
		UsualStaff string   `json:"usual_staff,omitempty"`
		Referrer   string   `json:"referrer,omitempty"`
		HasPhone   bool     `json:"has_phone,omitempty"`
		HasEmail   bool     `json:"has_email,omitempty"`
	}{iso(f.Day), iso(f.From), f.Count, f.Of, f.People, f.Before, f.BeforeOf, f.Recent, f.Usual,
		f.Cancelled, f.Missed, f.Service, f.Channels, f.Staff, f.UsualStaff, f.Referrer, f.HasPhone, f.HasEmail})
}
