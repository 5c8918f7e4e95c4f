package reason

import (
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/reason/facts"
)

// The stable codes of the signals, in catalogue order.
const (
	LastCancelled       = "last-cancelled"
	LastNoShow          = "last-no-show"
	StaffSwitch         = "staff-switch"
	Slowing             = "slowing"
	OneVisit            = "one-visit"
	PlatformOnly        = "platform-only"
	PriceUp             = "price-up"
	LongWait            = "long-wait"
	Referral            = "referral"
	LoyalLost           = "loyal-lost"
	ManyContacts        = "many-contacts"
	NoContactPreference = "no-contact-preference"
	CourseFinished      = "course-finished"
)

// code indexes the catalogue.
type code int

const (
	cLastCancelled code = iota
	cLastNoShow
	cStaffSwitch
	cSlowing
	cOneVisit
	cPlatformOnly
	cPriceUp
	cLongWait
	cReferral
	cLoyalLost
	cManyContacts
	cNoContactPreference
	cCourseFinished
	numCodes
)

// catalogue describes each signal: its code, its default weight and the columns it needs
// (nil: dates suffice). Its label and texts are in package words (reason.<code>.*).
var catalogue = [numCodes]struct {
	code     string
	weight   float64
	needsCol func(history.Columns) bool
}{
	cLastCancelled:       {LastCancelled, 0.9, func(c history.Columns) bool { return c.Status }},
	cLastNoShow:          {LastNoShow, 0.9, func(c history.Columns) bool { return c.Status }},
	cStaffSwitch:         {StaffSwitch, 0.7, func(c history.Columns) bool { return c.Staff }},
	cSlowing:             {Slowing, 0.6, nil},
	cOneVisit:            {OneVisit, 0.6, nil},
	cPlatformOnly:        {PlatformOnly, 0.5, func(c history.Columns) bool { return c.Channel }},
	cPriceUp:             {PriceUp, 0.65, func(c history.Columns) bool { return c.Amount }},
	cLongWait:            {LongWait, 0.7, func(c history.Columns) bool { return c.BookedAt }},
	cReferral:            {Referral, 0.4, func(c history.Columns) bool { return c.Referrer }},
	cLoyalLost:           {LoyalLost, 0.85, nil},
	cManyContacts:        {ManyContacts, 0.8, func(c history.Columns) bool { return c.Status }},
	cNoContactPreference: {NoContactPreference, 0.2, func(c history.Columns) bool { return c.ContactPreference }},
	cCourseFinished:      {CourseFinished, 0.75, nil},
}

func codeOf(s string) (code, bool) {
	for i := range catalogue {
		if catalogue[i].code == s {
			return code(i), true
		}
	}
	return 0, false
}

// Unavailable returns, in catalogue order, the codes of the signals an export with the
// given columns cannot show: their detectors are skipped. [CourseFinished] is always
// available: it follows the verdict.
func Unavailable(cols history.Columns) []string {
	var out []string
	for _, c := range catalogue {
		if c.needsCol != nil && !c.needsCol(cols) {
			out = append(out, c.code)
		}
	}
	return out
}

// Finding is one hint in a customer's history: something to ask about, with the facts that
// raised it. Package words says its evidence (the facts, for the person making the call)
// and its question (addressed to the customer, German in Sie-form); both name the facts.
type Finding struct {
	Code   string  `json:"code"`
	Weight float64 `json:"weight"`
	Facts  Facts   `json:"facts"`
}

// Facts are the figures behind a [Finding] (see [facts.Facts] for which code fills which).
type Facts = facts.Facts
