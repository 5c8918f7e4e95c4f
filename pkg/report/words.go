package report

import (
	"fmt"

	catalogue "github.com/winback/winback/pkg/words"
)

// words are the texts of a report in one language and noun: the catalogue's "report."
// keys, statuses under "status." and rules under "rule.". Values from the data never go
// through them.
type words struct{ cat *catalogue.Catalogue }

// T returns the catalogue's text for key.
func (w *words) T(key string) string { return w.cat.T(key) }

// statusOrder is the order statuses are listed in, from most to least engaged.
var statusOrder = []string{"booked", "active", "due", "follow-up", "lapsed", "lost"}

// ruleOrder is the order the lapse rules are tried in.
var ruleOrder = []string{"booked", "course", "own-rhythm", "recall", "model", "population", "no-visit"}

// wordsFor returns the texts for a language (anything but German is English) and noun.
func wordsFor(lang string, noun catalogue.Noun) *words {
	return &words{catalogue.ForNoun(lang, noun)}
}

// status returns the label of a status code, or the code itself when unknown.
func (w *words) status(code string) string { return w.cat.Code("status.", code) }

// rule returns the label of a lapse rule, or the code itself when unknown.
func (w *words) rule(code string) string { return w.cat.Code("rule.", code) }

// after labels a cohort column.
func (w *words) after(months int) string {
	if months == 1 {
		return fmt.Sprintf(w.T("report.AfterMonth"), months)
	}
	return fmt.Sprintf(w.T("report.AfterMonths"), months)
}
