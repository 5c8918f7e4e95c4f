// Package segment scores customers by recency, frequency and monetary value (RFM scores
// 1–5) and names their segment on the R×F grid: champions, loyal, at risk, hibernating and
// so on. It reports the score edges it actually used, how ties were handled, and per
// segment the customers, medians and revenue, plus the 5×5 grid counts for a heat map.
//
// Scores are relative: R5 means "among the most recent of this population", not "came
// last week". [Quintiles] explains how ties and small practices are handled. The grid map
// from scores to segments is replaceable ([NewMap]); [DefaultMap] is the widely used one.
//
// The package is pure: it takes customers (and, in [FromHistories], the as-of date) as
// arguments, does no I/O and gives the same result for the same input. It does not decide
// who is lapsed (see package lapse), fit models (see package model) or guess why anyone
// left (see package reason): a segment describes where a customer stands, not a verdict.
package segment

// Segment is a named region of the R×F grid, with names and a one-line description in
// English and German.
type Segment struct {
	// Code is the stable identifier used in files and configs ("at-risk").
	Code string
	// Name and NameDE are the display names.
	Name, NameDE string
	// Description and DescriptionDE say in one line what the segment means and what to do.
	Description, DescriptionDE string
}

// The codes of the default segments, in report order.
const (
	Champions          = "champions"
	Loyal              = "loyal"
	PotentialLoyalists = "potential-loyalists"
	New                = "new"
	Promising          = "promising"
	NeedAttention      = "need-attention"
	AboutToSleep       = "about-to-sleep"
	AtRisk             = "at-risk"
	CantLose           = "cant-lose"
	Hibernating        = "hibernating"
)

var segments = []Segment{
	{
		Code: Champions, Name: "Champions", NameDE: "Top-Kunden",
		Description:   "Came recently and come often: thank them, ask for feedback and referrals.",
		DescriptionDE: "Waren kürzlich da und kommen oft: danken, um Rückmeldung und Empfehlungen bitten.",
	},
	{
		Code: Loyal, Name: "Loyal", NameDE: "Treue Kunden",
		Description:   "Come often and were here not long ago: keep it personal and agree the next visit.",
		DescriptionDE: "Kommen oft und waren vor nicht langer Zeit da: persönlich bleiben, den nächsten Termin vereinbaren.",
	},
	{
		Code: PotentialLoyalists, Name: "Potential loyalists", NameDE: "Potenziell treue Kunden",
		Description:   "Came recently, a few times: invite them to come regularly (next appointment, recall, membership).",
		DescriptionDE: "Waren kürzlich einige Male da: zu regelmäßigen Besuchen einladen (Folgetermin, Recall, Abo).",
	},
	{
		Code: New, Name: "New", NameDE: "Neukunden",
		Description:   "First visit very recently: ask about the first impression and offer a second appointment.",
		DescriptionDE: "Erster Besuch vor Kurzem: nach dem ersten Eindruck fragen und einen zweiten Termin anbieten.",
	},
	{
		Code: Promising, Name: "Promising", NameDE: "Vielversprechende Kunden",
		Description:   "One visit, not long ago: ask how it went and offer the next appointment before they drift away.",
		DescriptionDE: "Ein Besuch, noch nicht lange her: fragen, wie es war, und einen Termin anbieten, bevor sie abwandern.",
	},
	{
		Code: NeedAttention, Name: "Need attention", NameDE: "Brauchen Aufmerksamkeit",
		Description:   "Middling recency and frequency: get in touch before they slip and ask what they need.",
		DescriptionDE: "Mittlere Aktualität und Häufigkeit: melden, bevor sie abrutschen, und fragen, was sie brauchen.",
	},
	{
		Code: AboutToSleep, Name: "About to sleep", NameDE: "Drohen einzuschlafen",
		Description:   "Few visits and not seen for a while: a friendly reminder now, with a date to offer.",
		DescriptionDE: "Wenige Besuche und länger nicht da: jetzt freundlich erinnern und einen Termin anbieten.",
	},
	{
		Code: AtRisk, Name: "At risk", NameDE: "Gefährdete Kunden",
		Description:   "Came often but not for a long time: contact them personally and ask what got in the way.",
		DescriptionDE: "Kamen oft, aber lange nicht mehr: persönlich melden und fragen, was dazwischengekommen ist.",
	},
	{
		Code: CantLose, Name: "Can't lose them", NameDE: "Dürfen wir nicht verlieren",
		Description:   "Among the most frequent, but gone for a long time: the owner should call them personally.",
		DescriptionDE: "Gehörten zu den häufigsten, sind aber lange nicht mehr da: die Inhaberin oder der Inhaber ruft persönlich an.",
	},
	{
		Code: Hibernating, Name: "Hibernating", NameDE: "Eingeschlafene Kunden",
		Description:   "Few visits, long ago: a low-cost reminder, asking whether they still need you.",
		DescriptionDE: "Wenige Besuche, lange her: kostengünstig erinnern und fragen, ob noch Bedarf besteht.",
	},
}

// Segments returns the ten default segments in report order, champions first and
// hibernating last. The slice is new.
func Segments() []Segment { return append([]Segment(nil), segments...) }

// Lookup returns the default segment with the given code.
func Lookup(code string) (Segment, bool) {
	for _, s := range segments {
		if s.Code == code {
			return s, true
		}
	}
	return Segment{}, false
}
