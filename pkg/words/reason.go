package words

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/reason/facts"
	"github.com/winback/winback/pkg/visit"
)

// The texts of a finding of package reason are templates in the catalogues:
// reason.<code>.evidence[.<variant>], reason.<code>.question[.<variant>] and the phrases
// they include, reason.<code>.<phrase>.<variant>. A template names facts in braces ({day},
// {count}, see [renderer.field]); {:phrase} includes the phrase of the variant the facts
// call for (see [variant]). This package does not import reason, so that reason's tests
// can check its words. Templates are parsed once per catalogue and rendering appends to a
// byte slice without allocating (see [Catalogue.AppendReason]).

// part is a piece of a parsed template: literal text, then the fact or phrase to append
// (none when name is "").
type part struct {
	lit    string
	name   string
	phrase bool // {:name}
}

type template []part

// texts are one language's parsed templates and the words the facts are said with.
type texts struct {
	cat *Catalogue
	// byCode[c][kind][variant]: kind is "evidence", "question" or a phrase's name.
	byCode        map[string]map[string]map[string]template
	labels        map[string]string
	and, or       string
	day           [2]string // one, other: nominative ("Tag", "Tage")
	week, month   [2]string
	daysDat       [2]string
	times         [5]string
	rhythm        map[string]template
	months        [12]string
	unitCancelled [2]string
	unitMissed    [2]string
}

// reasonTexts returns the catalogue's parsed reason templates, parsing them once.
func (c *Catalogue) reasonTexts() *texts {
	c.reasonOnce.Do(func() { c.reasons = parseTexts(c) })
	return c.reasons
}

func parseTexts(c *Catalogue) *texts {
	t := &texts{cat: c, rhythm: map[string]template{},
		byCode: map[string]map[string]map[string]template{}, labels: map[string]string{}}
	pair := func(k string) [2]string { return [2]string{c.T(k + ".one"), c.T(k + ".other")} }
	t.and, t.or = c.T("list.and"), c.T("list.or")
	t.day, t.daysDat = pair("unit.day"), pair("unit.day.dative")
	t.week, t.month = pair("unit.week"), pair("unit.month")
	t.unitCancelled, t.unitMissed = pair("unit.cancellation"), pair("unit.missed")
	for i := 1; i < len(t.times); i++ {
		t.times[i] = c.T("times." + strconv.Itoa(i))
	}
	for i := range t.months {
		t.months[i] = c.T("month." + strconv.Itoa(i+1))
	}
	for _, k := range Keys() {
		rest, ok := strings.CutPrefix(k, "reason.")
		if !ok {
			if r, ok := strings.CutPrefix(k, "rhythm."); ok {
				t.rhythm[r] = parseTemplate(c.T(k))
			}
			continue
		}
		i, spec, ok := strings.Cut(rest, ".")
		if !ok {
			continue // reason.lift
		}
		kind, variant, _ := strings.Cut(spec, ".")
		if kind == "label" {
			t.labels[i] = c.T(k)
			continue
		}
		if t.byCode[i] == nil {
			t.byCode[i] = map[string]map[string]template{}
		}
		if t.byCode[i][kind] == nil {
			t.byCode[i][kind] = map[string]template{}
		}
		t.byCode[i][kind][variant] = parseTemplate(c.T(k))
	}
	return t
}

// parseTemplate cuts s at its {fact} and {:phrase} names.
func parseTemplate(s string) template {
	var t template
	for {
		i := strings.IndexByte(s, '{')
		j := strings.IndexByte(s[max(i, 0):], '}')
		if i < 0 || j < 0 {
			return append(t, part{lit: s})
		}
		name := s[i+1 : i+j]
		p := part{lit: s[:i], name: name}
		if n, ok := strings.CutPrefix(name, ":"); ok {
			p.name, p.phrase = n, true
		}
		t = append(t, p)
		s = s[i+j+1:]
	}
}

// renderer appends the texts of one finding.
type renderer struct {
	t *texts
	c string // the finding's code
	f *facts.Facts
}

// appendTemplate appends tp with its facts and phrases filled in.
func (r *renderer) appendTemplate(b []byte, tp template) []byte {
	for _, p := range tp {
		b = append(b, p.lit...)
		switch {
		case p.name == "":
		case p.phrase:
			b = r.appendTemplate(b, r.t.byCode[r.c][p.name][variant(r.c, p.name, r.f)])
		default:
			b = r.field(b, p.name)
		}
	}
	return b
}

// variant returns the variant of the template or phrase kind of code c the facts f call
// for; "" for the one template of a kind without variants.
func variant(c string, kind string, f *facts.Facts) string {
	if v, ok := variants[c]; ok {
		return v(kind, f)
	}
	return ""
}

// variants choose, by finding code, the variant of a template or phrase kind the facts
// call for.
var variants = map[string]func(kind string, f *facts.Facts) string{
	"platform-only":         platformOnlyVariant,
	"course-finished":       courseFinishedVariant,
	"price-up":              priceUpVariant,
	"long-wait":             longWaitVariant,
	"referral":              referralVariant,
	"one-visit":             oneVisitVariant,
	"no-contact-preference": noContactPreferenceVariant,
	"staff-switch":          staffSwitchVariant,
}

func platformOnlyVariant(kind string, f *facts.Facts) string {
	switch {
	case f.Count == 1:
		return "one"
	case f.Count == 2 && kind == "evidence":
		return "two"
	}
	return "other"
}

func courseFinishedVariant(kind string, f *facts.Facts) string {
	if f.Count < 2 {
		return "single"
	}
	return "series"
}

func priceUpVariant(kind string, f *facts.Facts) string {
	switch kind {
	case "visits":
		return oneOther(f.Count)
	case "costs":
		lo, hi := minMax(f.Recent)
		switch {
		case len(f.Recent) == 1:
			return "one"
		case lo == hi:
			return "same"
		}
		return "range"
	}
	return ""
}

func longWaitVariant(kind string, f *facts.Facts) string {
	switch kind {
	case "appointments":
		return oneOther(f.Count)
	case "wait":
		if lo, hi := minMax(f.Recent); lo == hi {
			return "same"
		}
		return "range"
	case "usual":
		if days(f.Usual) == 0 {
			return "same-day"
		}
		return "days"
	}
	return ""
}

func referralVariant(kind string, f *facts.Facts) string {
	switch kind {
	case "visits":
		switch {
		case f.Count == 1:
			return "one"
		case f.Count > 1:
			return "other"
		}
		return "none"
	case "evidence", "question":
		// A doctor or clinic refers a patient (an Überweisung); anyone else recommends.
		if referredByDoctor(f.Referrer) {
			return "doctor"
		}
		return "person"
	}
	return ""
}

// doctorWords are parts of a referrer's name that show a doctor, practice or clinic.
var doctorWords = []string{"dr.", "dr ", "med.", "praxis", "mvz", "klinik", "krankenhaus", "arzt", "ärzt",
	"orthopäd", "chirurg", "clinic", "hospital", "doctor", "physician", "surgery", "m.d."}

// referredByDoctor reports whether a referrer's name reads as a doctor's, a practice's or
// a clinic's.
func referredByDoctor(referrer string) bool {
	for _, w := range doctorWords {
		for i := 0; i+len(w) <= len(referrer); i++ { // case-insensitive, without a copy
			if strings.EqualFold(referrer[i:i+len(w)], w) {
				return true
			}
		}
	}
	return false
}

func oneVisitVariant(kind string, f *facts.Facts) string {
	if kind == "via" {
		if len(f.Channels) > 0 {
			return "channel"
		}
		return "none"
	}
	return ""
}

func noContactPreferenceVariant(kind string, f *facts.Facts) string {
	if kind == "known" {
		switch {
		case !f.ContactColumns:
			return "unknown"
		case f.HasPhone && f.HasEmail:
			return "both"
		case f.HasPhone:
			return "phone"
		case f.HasEmail:
			return "email"
		}
		return "neither"
	}
	return ""
}

func staffSwitchVariant(kind string, f *facts.Facts) string {
	others := staffOthers(f)
	switch kind {
	case "evidence":
		if f.BeforeOf == 0 {
			return "no-usual"
		}
		return "usual"
	case "question":
		if f.BeforeOf != 0 && others == 1 {
			return "one"
		}
		return "many"
	case "people":
		if len(f.Staff) > 0 {
			return "named"
		}
		return "count"
	case "before":
		if f.Before == f.BeforeOf {
			return "all"
		}
		return "some"
	case "usual-person":
		if len(f.Staff) > 0 {
			return "named"
		}
		return "same"
	case "last":
		if f.Count == f.Of {
			return "all"
		}
		return "some"
	case "others":
		switch {
		case len(f.Staff) > 0:
			return "named"
		case others == 1:
			return "one"
		}
		return "many"
	}
	return ""
}

func oneOther(n int) string {
	if n == 1 {
		return "one"
	}
	return "other"
}

// staffOthers is the number of people other than the usual one in the last visits.
func staffOthers(f *facts.Facts) int {
	others := f.People
	if f.BeforeOf != 0 && f.Count < f.Of {
		others-- // the usual person is among the People
	}
	return others
}

// field appends the fact name of the finding.
func (r *renderer) field(b []byte, name string) []byte {
	f, t := r.f, r.t
	switch name {
	case "day":
		return t.appendDate(b, f.Day)
	case "from":
		return t.appendDate(b, f.From)
	case "from-month":
		return t.appendMonthYear(b, f.From)
	case "service":
		return appendParen(b, f.Service)
	case "count":
		return appendInt(b, f.Count)
	case "of":
		return appendInt(b, f.Of)
	case "people":
		return appendInt(b, f.People)
	case "others":
		return appendInt(b, staffOthers(f))
	case "before":
		return appendInt(b, f.Before)
	case "before-of":
		return appendInt(b, f.BeforeOf)
	case "total":
		return appendInt(b, f.Cancelled+f.Missed)
	case "usual-days":
		return appendCount(b, days(f.Usual), t.day)
	case "usual-days-dative":
		return appendCount(b, days(f.Usual), t.daysDat)
	case "recent":
		return appendList(b, f.Recent, t.and, appendInt64)
	}
	return r.shapedField(b, name)
}

// shapedField appends the facts of the finding that are worked out or spelled with their
// units, and a name that is no fact as it stands.
func (r *renderer) shapedField(b []byte, name string) []byte {
	f, t := r.f, r.t
	switch name {
	case "recent-unit": // the unit after the recent gaps: "1 Tag", "24, 34 und 45 Tage"
		if len(f.Recent) == 1 && f.Recent[0] == 1 {
			return append(b, t.day[0]...)
		}
		return append(b, t.day[1]...)
	case "max-span":
		_, hi := minMax(f.Recent)
		return t.appendSpan(b, float64(hi))
	case "usual-span":
		return t.appendSpan(b, f.Usual)
	case "rhythm":
		return t.appendRhythm(b, f.Usual)
	case "channel":
		return append(b, f.Channels[0]...)
	case "channels":
		return appendList(b, f.Channels, t.or, appendString)
	case "staff":
		return appendList(b, f.Staff, t.and, appendString)
	case "usual-staff":
		return append(b, f.UsualStaff...)
	case "referrer":
		return append(b, f.Referrer...)
	case "stop": // a period, unless the text so far ends with one ("Dr. med.", "GmbH.")
		if len(b) > 0 && b[len(b)-1] == '.' {
			return b
		}
		return append(b, '.')
	case "lo", "hi":
		lo, hi := minMax(f.Recent)
		if name == "hi" {
			lo = hi
		}
		return t.cat.appendMoney(b, lo, true)
	case "last":
		return t.cat.appendMoney(b, f.Recent[len(f.Recent)-1], true)
	case "usual-amount":
		return t.cat.appendMoney(b, money.Round(f.Usual), true)
	case "lo-days", "hi-days":
		lo, hi := minMax(f.Recent)
		if name == "hi-days" {
			lo = hi
		}
		return strconv.AppendInt(b, lo, 10)
	case "wait-days":
		lo, _ := minMax(f.Recent)
		return appendCount(b, int(lo), t.day)
	case "contacts": // "2 cancellations and 1 missed appointment"
		if f.Cancelled > 0 {
			b = appendCount(b, f.Cancelled, t.unitCancelled)
		}
		if f.Missed > 0 {
			if f.Cancelled > 0 {
				b = append(b, ' ')
				b = append(b, t.and...)
				b = append(b, ' ')
			}
			b = appendCount(b, f.Missed, t.unitMissed)
		}
		return b
	}
	return append(b, "{"+name+"}"...) // a template names a fact that does not exist: show it
}

func appendInt(b []byte, n int) []byte { return strconv.AppendInt(b, int64(n), 10) }

// appendDate appends d as 12.03.2025 (German, as [visit.Day.German]; nothing for
// [visit.NoDay]) or 12 March 2025 (English).
func (t *texts) appendDate(b []byte, d visit.Day) []byte {
	if t.cat.German() {
		return d.AppendGerman(b)
	}
	y, m, dd := d.Date()
	b = appendInt(b, dd)
	b = append(b, ' ')
	b = append(b, t.months[m-1]...)
	b = append(b, ' ')
	return appendInt(b, y)
}

// appendMonthYear appends d as "März 2025" or "March 2025".
func (t *texts) appendMonthYear(b []byte, d visit.Day) []byte {
	y, m, _ := d.Date()
	b = append(b, t.months[m-1]...)
	b = append(b, ' ')
	return appendInt(b, y)
}

// appendCount appends n with the singular or plural noun: "1 visit", "3 visits".
func appendCount(b []byte, n int, unit [2]string) []byte {
	b = appendInt(b, n)
	b = append(b, ' ')
	if n == 1 {
		return append(b, unit[0]...)
	}
	return append(b, unit[1]...)
}

func days(d float64) int { return int(math.Round(d)) }

// appendSpan appends a length of time in the nominative: "10 days", "6 weeks", "3 months".
// Under two weeks in days, under 60 days in weeks.
func (t *texts) appendSpan(b []byte, d float64) []byte {
	n := days(d)
	switch {
	case n < 14:
		return appendCount(b, n, t.day)
	case n < 60:
		return appendCount(b, days(d/7), t.week)
	}
	return appendCount(b, days(d/30.44), t.month)
}

// appendRhythm appends a usual gap between visits: "about twice a week", "about every 3
// weeks" (the catalogue's rhythm.* templates, {n} and {times} filled in).
func (t *texts) appendRhythm(b []byte, gap float64) []byte {
	var key string
	n := 0
	switch {
	case gap < 1.5:
		key = "daily"
	case gap < 5.5:
		key, n = "per-week", min(4, days(7/gap))
	case gap < 10.5:
		key = "weekly"
	case gap < 60:
		key, n = "every-weeks", days(gap/7)
	case gap < 300:
		key, n = "every-months", days(gap/30.44)
	case gap < 550:
		key = "yearly"
	default:
		key, n = "every-years", days(gap/365.25)
	}
	for _, p := range t.rhythm[key] {
		b = append(b, p.lit...)
		switch p.name {
		case "n":
			b = appendInt(b, n)
		case "times":
			b = append(b, t.times[n]...)
		}
	}
	return b
}

// appendList appends items as "A, B and C" (conj "and"/"und"/"or"/"oder"), each as add
// appends it.
func appendList[T any](b []byte, items []T, conj string, add func([]byte, T) []byte) []byte {
	for i, s := range items {
		switch {
		case i == 0:
		case i < len(items)-1:
			b = append(b, ", "...)
		default:
			b = append(b, ' ')
			b = append(b, conj...)
			b = append(b, ' ')
		}
		b = add(b, s)
	}
	return b
}

func appendString(b []byte, s string) []byte { return append(b, s...) }

func appendInt64(b []byte, n int64) []byte { return strconv.AppendInt(b, n, 10) }

// appendParen appends " (s)", or nothing for an empty s.
func appendParen(b []byte, s string) []byte {
	if s == "" {
		return b
	}
	b = append(b, " ("...)
	b = append(b, s...)
	return append(b, ')')
}

// minMax returns the smallest and largest of vs (0, 0 for none).
func minMax(vs []int64) (lo, hi int64) {
	if len(vs) == 0 {
		return 0, 0
	}
	return slices.Min(vs), slices.Max(vs)
}

// ReasonLabel returns the short label of a reason code ("last appointment cancelled"),
// or the code itself when unknown: the lift table's rows and the short reasons column.
func (c *Catalogue) ReasonLabel(code string) string {
	if s, ok := c.reasonTexts().labels[code]; ok {
		return s
	}
	return code
}

// AppendReason appends the evidence and then the question of a finding with the given
// code and facts to b, and returns the extended slice and the evidence's length: the
// evidence is out[len(b):len(b)+evLen], the question follows it. It makes no string, and
// a b with room for the texts allocates nothing ([Catalogue.Reason] appends into a buffer
// on the stack). It appends nothing for an unknown code.
func (c *Catalogue) AppendReason(b []byte, code string, f *facts.Facts) (out []byte, evLen int) {
	t := c.reasonTexts()
	kinds, ok := t.byCode[code]
	if !ok {
		return b, 0
	}
	r := renderer{t: t, c: code, f: f}
	start := len(b)
	b = r.appendTemplate(b, kinds["evidence"][variant(code, "evidence", f)])
	evLen = len(b) - start
	b = r.appendTemplate(b, kinds["question"][variant(code, "question", f)])
	return b, evLen
}

// Reason returns the evidence and the question of a finding with the given code and
// facts.
func (c *Catalogue) Reason(code string, f *facts.Facts) (evidence, question string) {
	var buf [512]byte
	out, n := c.AppendReason(buf[:0], code, f)
	s := string(out)
	return s[:n], s[n:]
}

// LiftText says a row of the lift table in words: "last appointment cancelled: 31 % of
// lapsed, 6 % of active".
func (c *Catalogue) LiftText(code string, lapsedShare, activeShare float64) string {
	pct := func(x float64) int { return int(math.Round(100 * x)) }
	return c.F("reason.lift", c.ReasonLabel(code), pct(lapsedShare), pct(activeShare))
}
