// Package segment scores customers by recency, frequency and monetary value (RFM scores
// 1–5) and names their segment on the R×F grid (champions, loyal, at risk, ...), with the
// score edges used, how ties were handled, and per segment the customers, medians and
// revenue. Scores are relative to the population; the grid map is replaceable ([NewMap]).
// It is pure and judges nobody: a segment says where a customer stands, not a verdict.
package segment

// Segment is a named region of the R×F grid. The default segments' names are in the
// catalogues of package words (segment.<code>.name); a segment a user defines ([NewMap]'s
// extra) brings its own.
type Segment struct {
	// Code is the stable identifier used in files and configs ("at-risk").
	Code string
	// Name and NameDE are the display names of a user's segment; empty for the defaults.
	Name, NameDE string
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
	{Code: Champions},
	{Code: Loyal},
	{Code: PotentialLoyalists},
	{Code: New},
	{Code: Promising},
	{Code: NeedAttention},
	{Code: AboutToSleep},
	{Code: AtRisk},
	{Code: CantLose},
	{Code: Hibernating},
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
