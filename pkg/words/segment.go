package words

import (
	"strconv"
	"strings"

	"github.com/winback/winback/pkg/segment"
)

// ScaleNote says how a scale handled ties, from its [segment.Ties]: "60 % of customers
// have 1 visit; they all score F1; scores F2–F5 split the rest".
func (c *Catalogue) ScaleNote(sc *segment.Scale) string {
	t := &sc.Ties
	m := sc.Measure
	letter := m.Letter()
	n := int64(sc.Customers)
	switch t.Kind {
	case segment.TiesNoCustomers, segment.TiesNoAmounts, segment.TiesExact:
		return c.T("ties." + string(t.Kind))
	case segment.TiesOneCustomer:
		return c.F("ties.one-customer", c.scaleValue(m, t.Values[0].Value), letter)
	case segment.TiesAllEqual:
		return c.F("ties.all-equal", n, c.scaleValue(m, t.Values[0].Value), letter)
	case segment.TiesFewValues:
		parts := make([]string, len(t.Values))
		for i, v := range t.Values {
			parts[i] = c.F("ties.few-values.part", c.scaleValue(m, v.Value), letter, v.Score)
		}
		return c.F("ties.few-values", t.Distinct, c.T("measure."+m.String()), strings.Join(parts, ", "), c.scoreList(letter, t.Scores))
	case segment.TiesCrowded:
		big := make([]string, len(t.Values))
		for i, v := range t.Values {
			key := "ties.crowded.next"
			if i == 0 {
				key = "ties.crowded.first"
			}
			big[i] = c.F(key, sharePercent(v.Customers, n), c.scaleValue(m, v.Value), letter, v.Score)
		}
		return c.F("ties.crowded.rest", strings.Join(big, "; "), c.scoreList(letter, t.Scores))
	case segment.TiesShared:
		return c.F("ties.shared", sharePercent(t.Smallest, n), sharePercent(t.Largest, n))
	case segment.TiesUneven:
		return c.F("ties.uneven", n, sharePercent(t.Smallest, n), sharePercent(t.Largest, n))
	}
	return ""
}

// scaleValue names a value of measure m: "2 visits", "a recency of 3 days", "a spend
// of 12.50".
func (c *Catalogue) scaleValue(m segment.Measure, v int64) string {
	switch m {
	case segment.Recency:
		return c.Plural("value.recency", int(v))
	case segment.Frequency:
		return c.Plural("value.frequency", int(v))
	case segment.Monetary:
		return c.F("value.monetary", string(c.appendMoney(nil, v, false)))
	}
	return strconv.FormatInt(v, 10)
}

// sharePercent formats c of n as a whole percentage ("62 %"), never rounding a part to 0
// or 100.
func sharePercent(c, n int64) string {
	p := (200*c + n) / (2 * n)
	switch {
	case p == 0 && c > 0:
		return "<1 %"
	case p == 100 && c < n:
		return ">99 %"
	}
	return strconv.FormatInt(p, 10) + " %"
}

// scoreList names scores compactly: "F2–F5", "F2 and F4", "F1, F3–F4 and F5".
func (c *Catalogue) scoreList(letter string, scores []segment.Score) string {
	var runs []string
	for i := 0; i < len(scores); {
		j := i
		for j+1 < len(scores) && scores[j+1] == scores[j]+1 {
			j++
		}
		one := func(s segment.Score) string { return letter + strconv.Itoa(int(s)) }
		switch {
		case j == i:
			runs = append(runs, one(scores[i]))
		case j == i+1:
			runs = append(runs, one(scores[i]), one(scores[j]))
		default:
			runs = append(runs, one(scores[i])+"–"+one(scores[j]))
		}
		i = j + 1
	}
	switch len(runs) {
	case 0:
		return c.T("list.none")
	case 1:
		return runs[0]
	}
	return strings.Join(runs[:len(runs)-1], ", ") + " " + c.T("list.and") + " " + runs[len(runs)-1]
}

// SegmentName names a segment: a user's segment by the name it was given (its NameDE in
// German, when given), a default segment by the catalogue (segment.<code>.name); the code
// when there is neither.
func (c *Catalogue) SegmentName(s segment.Segment) string {
	switch name, ok := c.msgs["segment."+s.Code+".name"]; {
	case c.German() && s.NameDE != "":
		return s.NameDE
	case s.Name != "":
		return s.Name
	case ok:
		return name
	}
	return s.Code
}
