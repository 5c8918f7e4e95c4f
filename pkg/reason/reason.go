package reason

import (
	"encoding/json"
	"strings"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
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

// catalogue describes each signal: its code, the column it needs and its default weight.
// Its label and texts are in the catalogues of package words (reason.<code>.*).
var catalogue = [numCodes]struct {
	code     string
	column   string // the optional column the detector needs; "" when dates suffice
	weight   float64
	needsCol func(history.Columns) bool
}{
	cLastCancelled: {LastCancelled, "status", 0.9,
		func(c history.Columns) bool { return c.Status }},
	cLastNoShow: {LastNoShow, "status", 0.9,
		func(c history.Columns) bool { return c.Status }},
	cStaffSwitch: {StaffSwitch, "staff", 0.7,
		func(c history.Columns) bool { return c.Staff }},
	cSlowing:  {Slowing, "", 0.6, nil},
	cOneVisit: {OneVisit, "", 0.6, nil},
	cPlatformOnly: {PlatformOnly, "channel", 0.5,
		func(c history.Columns) bool { return c.Channel }},
	cPriceUp: {PriceUp, "amount", 0.65,
		func(c history.Columns) bool { return c.Amount }},
	cLongWait: {LongWait, "booked at", 0.7,
		func(c history.Columns) bool { return c.BookedAt }},
	cReferral: {Referral, "referrer", 0.4,
		func(c history.Columns) bool { return c.Referrer }},
	cLoyalLost:           {LoyalLost, "", 0.85, nil},
	cManyContacts:        {ManyContacts, "status", 0.8, func(c history.Columns) bool { return c.Status }},
	cNoContactPreference: {NoContactPreference, "contact preference", 0.2, func(c history.Columns) bool { return c.ContactPreference }},
	cCourseFinished:      {CourseFinished, "", 0.75, nil},
}

func codeOf(s string) (code, bool) {
	for i := range catalogue {
		if catalogue[i].code == s {
			return code(i), true
		}
	}
	return 0, false
}

// Codes returns every signal's code in catalogue order.
func Codes() []string {
	out := make([]string, numCodes)
	for i := range catalogue {
		out[i] = catalogue[i].code
	}
	return out
}

// DefaultWeight returns the weight a [Finding] with the given code gets under
// [DefaultConfig], or 0 for an unknown code.
//
// The defaults rank what most likely matters for a call first: a last appointment that was
// cancelled or missed (0.9) and a long, loyal history that ended (0.85) lead; then many
// cancellations in a short time (0.8), a finished series of appointments (0.75: the call is
// a follow-up), being handed to other staff and longer waits (0.7), a higher price (0.65),
// visits growing apart and a single visit (0.6), platform-only booking (0.5), a referral
// (0.4); a missing contact preference (0.2) is worth asking but rarely the story.
func DefaultWeight(c string) float64 {
	if i, ok := codeOf(c); ok {
		return catalogue[i].weight
	}
	return 0
}

// Requires returns the optional column a signal needs ("status", "staff", "channel",
// "amount", "booked at", "referrer" or "contact preference"), or "" when the visit dates
// suffice or the code is unknown.
func Requires(c string) string {
	if i, ok := codeOf(c); ok {
		return catalogue[i].column
	}
	return ""
}

// Unavailable returns, in catalogue order, the codes of the signals an export with the
// given columns cannot show: their detectors are skipped, and a report says "not available
// in this export" ([Requires] names the missing column).
//
// [CourseFinished] is always available: it follows the verdict; its own detection of a
// series of the same service additionally needs the service column.
func Unavailable(cols history.Columns) []string {
	var out []string
	for _, c := range catalogue {
		if c.needsCol != nil && !c.needsCol(cols) {
			out = append(out, c.code)
		}
	}
	return out
}

// Label returns a short human label for a code, in German when lang starts with "de"
// (any case) and in English otherwise; the code itself when unknown. Labels head the lift
// table ("last appointment cancelled: 31 % of lapsed, 6 % of active") and the short
// reasons column.
func Label(c, lang string) string {
	i, ok := codeOf(c)
	if !ok {
		return c
	}
	return textsFor(German(lang)).labels[i]
}

// German reports whether lang asks for German texts: it starts with "de", as "de",
// "de-DE" and "de_AT.UTF-8" do. Everything else gets English.
func German(lang string) bool {
	return len(lang) >= 2 && strings.EqualFold(lang[:2], "de")
}

// Finding is one hint in a customer's history: something to ask about, with the facts that
// raised it. Evidence states the facts for the person making the call; Question is what
// they could ask, addressed to the customer (German in Sie-form). Both name the facts.
type Finding struct {
	Code   string  `json:"code"`
	Weight float64 `json:"weight"`
	Facts  Facts   `json:"facts"`
	// Texts are the finding's texts once [Finding.Render] has filled them, nil before. A
	// large run keeps hundreds of thousands of findings and renders few: the texts live
	// apart, so that a finding without them is 56 bytes smaller. In JSON they stand
	// beside the code, weight and facts (see [Finding.MarshalJSON]).
	Texts *Texts `json:"-"`
}

// MarshalJSON writes the finding's code, weight and facts, and its texts when they are
// rendered.
func (f Finding) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Code   string  `json:"code"`
		Weight float64 `json:"weight"`
		Facts  Facts   `json:"facts"`
		*Texts
	}{f.Code, f.Weight, f.Facts, f.Texts})
}

// Texts are a [Finding]'s evidence and question in English, and EvidenceDE and QuestionDE
// in German.
type Texts struct {
	Evidence   string `json:"evidence"`
	EvidenceDE string `json:"evidence_de"`
	Question   string `json:"question"`
	QuestionDE string `json:"question_de"`
}

// In returns the finding's evidence and question in the language lang (see [German]):
// the stored texts when [Finding.Render] has filled them, otherwise those of that one
// language, rendered from the facts (and not stored, f being a copy).
func (f Finding) In(lang string) (evidence, question string) {
	de := German(lang)
	if f.Texts == nil {
		c, ok := codeOf(f.Code)
		if !ok {
			return "", ""
		}
		return render(c, &f.Facts, de)
	}
	if de {
		return f.Texts.EvidenceDE, f.Texts.QuestionDE
	}
	return f.Texts.Evidence, f.Texts.Question
}

// AppendIn appends the finding's evidence and then its question in the language lang (see
// [German]) to b, the texts [Finding.In] returns, and returns the extended slice and the
// evidence's length: the evidence is out[len(b):len(b)+evidenceLen], the question follows
// it. Unlike In it makes no string: a report that writes many findings can append them
// straight into its output, and a b with room for the texts allocates nothing.
func (f *Finding) AppendIn(b []byte, lang string) (out []byte, evidenceLen int) {
	de := German(lang)
	if f.Texts == nil {
		c, ok := codeOf(f.Code)
		if !ok {
			return b, 0
		}
		return appendText(b, c, &f.Facts, de)
	}
	ev, q := f.Texts.Evidence, f.Texts.Question
	if de {
		ev, q = f.Texts.EvidenceDE, f.Texts.QuestionDE
	}
	b = append(b, ev...)
	return append(b, q...), len(ev)
}

// Render fills the finding's texts from its facts. [DetectAll] leaves them empty for speed
// (most findings only count towards the lift); [Finding.In] renders the language asked
// for, and a caller that marshals findings to JSON calls Render first.
func (f *Finding) Render() {
	c, ok := codeOf(f.Code)
	if !ok {
		return
	}
	t := &Texts{}
	t.Evidence, t.Question = render(c, &f.Facts, false)
	t.EvidenceDE, t.QuestionDE = render(c, &f.Facts, true)
	f.Texts = t
}

// Localized is a [Finding] in one language, as the lapsed list's JSON shows it.
type Localized struct {
	Code     string  `json:"code"`
	Weight   float64 `json:"weight"`
	Evidence string  `json:"evidence"`
	Question string  `json:"question"`
}

// Localize returns f in the language lang (see [German]).
func (f Finding) Localize(lang string) Localized {
	ev, q := f.In(lang)
	return Localized{Code: f.Code, Weight: f.Weight, Evidence: ev, Question: q}
}

// LocalizeAll returns fs in the language lang, in the same order; nil for none.
func LocalizeAll(fs []Finding, lang string) []Localized {
	if len(fs) == 0 {
		return nil
	}
	out := make([]Localized, len(fs))
	for i, f := range fs {
		out[i] = f.Localize(lang)
	}
	return out
}

// Facts are the figures behind a [Finding]. Which fields a code fills:
//
//   - last-cancelled, last-no-show: Day (the appointment), Service.
//   - staff-switch: Count of the last Of visits not with the usual person (or, without a
//     usual person, Of), People (different staff among them), Before of BeforeOf earlier
//     visits with the usual person (0 of 0 when there is none), Day (last visit); Staff and
//     UsualStaff only with [Config.ShowStaff].
//   - slowing: Recent (the last gaps in days), Usual (the median gap before them), From
//     (the visit where the growing gaps began), Day (last visit).
//   - one-visit: Day, Service, Channels (the channel it was booked through, when known).
//   - platform-only: Count (bookings with a known channel), Channels (their names, most
//     used first), Day (last visit).
//   - price-up: Count and Recent (the last visits' amounts in minor units), Usual (the
//     median amount before them), Service, Day (last visit).
//   - long-wait: Count and Recent (days from booking to appointment of the last bookings),
//     Usual (the median before them), Day (the last of those appointments).
//   - referral: Referrer, Count (visits), Day (last visit).
//   - loyal-lost: Count (visit days), From (first visit), Day (last visit), Usual (median
//     gap in days).
//   - many-contacts: Cancelled, Missed, From and Day (first and last of them).
//   - no-contact-preference: HasPhone, HasEmail (whether they are on record), Day (last
//     visit).
//   - course-finished: Count (visits of the series), Service, From, Day (first and last
//     visit of the series), Usual (median gap in days).
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

	// contactColumns says whether the export had a phone or e-mail column at all.
	contactColumns bool
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
