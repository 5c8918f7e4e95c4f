package reason

import (
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
)

// detect returns the findings of h, one of set's customers, through a [Detector], as the
// analysis finds them.
func detect(h *history.History, set *history.Set, v lapse.Verdict, asOf visit.Day, cfg Config) []Finding {
	return NewDetector(set, cfg).Worker().Detect(h, h.AppendEvents(nil), &v, asOf)
}

// detectAll returns the findings of every customer of set, in set's order; verdicts[i] is
// set.Customers[i]'s, or verdicts is nil for none.
func detectAll(set *history.Set, verdicts []lapse.Verdict, asOf visit.Day, cfg Config) [][]Finding {
	d := NewDetector(set, cfg).Worker()
	out := make([][]Finding, len(set.Customers))
	var events []history.Event
	for i := range set.Customers {
		var v lapse.Verdict
		if verdicts != nil {
			v = verdicts[i]
		}
		h := &set.Customers[i]
		events = h.AppendEvents(events[:0])
		// Kept as they are: the findings share the worker's memory, not their elements.
		out[i] = d.Detect(h, events, &v, asOf)
	}
	return out
}

// codes returns every signal's code in catalogue order.
func codes() []string {
	out := make([]string, numCodes)
	for i := range catalogue {
		out[i] = catalogue[i].code
	}
	return out
}

// defaultWeight returns a code's weight under [DefaultConfig].
func defaultWeight(c string) float64 { return DefaultConfig().Weights[c] }

// requires reports whether a code's detector needs an optional column (false for an
// unknown code).
func requires(c string) bool {
	i, ok := codeOf(c)
	return ok && catalogue[i].needsCol != nil
}
