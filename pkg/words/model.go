package words

import (
	"strings"

	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
)

// ModelNote says which repeat-buying model the predictions come from and why the others
// are not used, from the facts of m: "predictions from Pareto/NBD; spend per visit is each
// customer's mean, Gamma-Gamma is not usable: ...".
func (c *Catalogue) ModelNote(m *lapse.Models) string {
	var b strings.Builder
	switch m.Chosen {
	case lapse.ChoseParetoNBD:
		b.WriteString(c.T("model.note.pareto"))
	case lapse.ChoseBGNBD:
		b.WriteString(c.F("model.note.bgnbd", c.WhyNot("Pareto/NBD", m.ParetoNBD.Fit.Flags, m.ParetoNBD.Failed, m.ParetoNBD.WhyNot)))
	default:
		pn := c.WhyNot("Pareto/NBD", m.ParetoNBD.Fit.Flags, m.ParetoNBD.Failed, m.ParetoNBD.WhyNot)
		b.WriteString(c.F("model.note.none", pn))
		if bg := c.WhyNot("BG/NBD", m.BGNBD.Fit.Flags, m.BGNBD.Failed, m.BGNBD.WhyNot); bg != pn {
			b.WriteString(c.F("model.note.none.bgnbd", bg))
		}
	}
	if g := m.GammaGamma; g != nil {
		switch {
		case g.Usable:
			if m.Chosen != lapse.ChoseNone {
				b.WriteString(c.T("model.note.spend.gammagamma"))
			}
		case g.Failed || m.Chosen != lapse.ChoseNone:
			b.WriteString(c.F("model.note.spend.mean", c.WhyNot("Gamma-Gamma", g.Fit.Flags, g.Failed, g.WhyNot)))
		}
		if k := m.RefundsLeftOut; k > 0 {
			b.WriteString(c.Plural("model.note.refunds", k))
		}
	}
	return b.String()
}

// WhyNot says why the fit of the model named name is not usable. English quotes the
// model package's own reasons (english, with their figures); other languages say it by
// the kinds of the flags, once each.
func (c *Catalogue) WhyNot(name string, flags []model.Flag, failed bool, english string) string {
	if !c.German() {
		return english
	}
	if failed {
		return c.T("model.fit-failed")
	}
	var parts []string
	seen := map[model.FlagKind]bool{}
	for _, f := range flags {
		if seen[f.Kind] {
			continue
		}
		seen[f.Kind] = true
		if c.Has("model.flag." + string(f.Kind)) {
			parts = append(parts, c.F("model.flag."+string(f.Kind), name))
		}
	}
	if len(parts) == 0 {
		parts = append(parts, c.F("model.flag.not-converged", name))
	}
	return strings.Join(parts, "; ")
}

// Period names a model's time unit: "Woche" or "week".
func (c *Catalogue) Period(p model.Period) string { return c.Code("period.", p.String()) }
