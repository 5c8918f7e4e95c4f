package reason

import "strings"

// TopQuestions returns the questions of the n heaviest findings (fs as [Detect] orders
// them) in the language lang, joined by a space: the text for the call list's question
// column. "" when there are none.
func TopQuestions(fs []Finding, lang string, n int) string {
	return top(fs, n, " ", func(f Finding) string { _, q := f.In(lang); return q })
}

// TopEvidence returns the evidence of the n heaviest findings in the language lang,
// joined by a space: the call list's evidence column.
func TopEvidence(fs []Finding, lang string, n int) string {
	return top(fs, n, " ", func(f Finding) string { ev, _ := f.In(lang); return ev })
}

// TopLabels returns the [Label]s of the n heaviest findings joined by "; ": the short
// reasons column of the lapsed table, e.g. "last appointment cancelled; only one visit".
func TopLabels(fs []Finding, lang string, n int) string {
	return top(fs, n, "; ", func(f Finding) string { return Label(f.Code, lang) })
}

func top(fs []Finding, n int, sep string, text func(Finding) string) string {
	var b strings.Builder
	for i, f := range fs {
		if i == n {
			break
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(text(f))
	}
	return b.String()
}
