package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

type explainOptions struct {
	a        *app
	input    inputOptions
	out      outputOptions
	an       analysisOptions
	customer string
	files    []string
}

func newExplainCmd(a *app) *cobra.Command {
	o := &explainOptions{a: a}
	c := &cobra.Command{
		Use:   "explain FILE... --customer ID",
		Short: "Tell one customer's story: visits, rhythm, the lapse decision and what to ask",
		Long: `Explain shows one customer's story for the owner before a call: every appointment with its
status, service, staff, channel and amount; their usual rhythm and what the model expects;
which lapse rule decided and why; and each hint from their history with its evidence and
the question it suggests.

--customer takes the customer's id as in the export (or their e-mail or phone when the
export identifies customers by those), or a pseudonym from a --pseudonymize run together
with the same --key.`,
		Example: `  # before calling patient 1227
  winback explain --customer 1227 --lang de testdata/praxis/praxis.csv

  # the customer behind a pseudonym shown in a workshop
  WINBACK_KEY=… winback explain --customer P-7F3Q9XA2 export.csv`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error {
			if strings.TrimSpace(o.customer) == "" {
				return usagef("name the customer with --customer ID", "no customer given")
			}
			return runExplain(o)
		}),
	}
	o.input.bind(c)
	o.out.bind(c, []string{"table", "md", "json"})
	o.an.bind(c)
	c.Flags().StringVar(&o.customer, "customer", "", "the customer's id, e-mail, phone or pseudonym")
	return c
}

// explainJSON is the JSON document of explain.
type explainJSON struct {
	Version int           `json:"version"`
	AsOf    string        `json:"as_of"`
	ID      string        `json:"id"`
	Segment string        `json:"segment"`
	Verdict lapse.Verdict `json:"verdict"`
	// Explanation says what decided the verdict, in the output's language.
	Explanation string        `json:"explanation"`
	LastVisit   string        `json:"last_visit"`
	Expected    string        `json:"expected_back,omitempty"`
	Next        string        `json:"next_booked,omitempty"`
	Timeline    []timelineRow `json:"timeline"`
	Reasons     []reasonJSON  `json:"reasons"`
	// Model says which model the verdict rests on and why the others are not used, as
	// lapsed's model_note.
	Model string `json:"model_note"`
}

// reasonJSON is a finding in the output's language, as the lapsed list's JSON shows it.
type reasonJSON struct {
	Code     string  `json:"code"`
	Weight   float64 `json:"weight"`
	Evidence string  `json:"evidence"`
	Question string  `json:"question"`
}

// reasonsJSON says fs in the words of c; nil for none.
func reasonsJSON(c *words.Catalogue, fs []reason.Finding) []reasonJSON {
	if len(fs) == 0 {
		return nil
	}
	out := make([]reasonJSON, len(fs))
	for i := range fs {
		ev, q := c.Reason(fs[i].Code, &fs[i].Facts)
		out[i] = reasonJSON{Code: fs[i].Code, Weight: fs[i].Weight, Evidence: ev, Question: q}
	}
	return out
}

type timelineRow struct {
	Date     string `json:"date"`
	Status   string `json:"status"`
	Service  string `json:"service,omitempty"`
	Staff    string `json:"staff,omitempty"`
	Channel  string `json:"channel,omitempty"`
	Amount   string `json:"amount,omitempty"`
	LeadDays *int   `json:"lead_days,omitempty"`
}

func runExplain(o *explainOptions) error {
	lang, err := o.out.language(o.a.io)
	if err != nil {
		return err
	}
	format, err := o.out.formatName([]string{"table", "md", "json"})
	if err != nil {
		return err
	}
	if err := checkOutputs(o.a.io, o.files, o.out.output, o.input.rejects); err != nil {
		return err
	}
	o.an.contacts = true // explain shows one customer's details in full
	_, r, err := analyse(o.a, o.files, &o.input, &o.out, &o.an)
	if err != nil {
		return err
	}
	i := findCustomer(r, o.customer, o.an.key, o.a.io.Getenv("WINBACK_KEY"))
	if i < 0 && o.out.cut.Customers > 0 {
		return usagef("use the id as in the export (winback lapsed lists them), or name a later --as-of: customers who only came later are left out", "no customer %q in the data as of %s", o.customer, r.AsOf)
	}
	if i < 0 {
		return usagef("use the id as in the export (winback lapsed lists them), or a pseudonym with the same --key", "no customer %q in the data", o.customer)
	}
	h := &r.Set.Customers[i]
	v := r.Verdicts[i]
	cat := o.an.catalogue(lang)
	t := cat.T
	id := h.Key
	p := o.an.pseudonymizer(o.a.io, format, false, customerKeys(r.Set))
	if p != nil {
		id = p.Name(h.Key)
	}
	js := explainJSON{Version: 2, AsOf: r.AsOf.String(), ID: id, Segment: r.SegmentOf(i), Verdict: v,
		LastVisit: v.LastVisit.String(), Reasons: reasonsJSON(cat, r.Findings[i]), Model: cat.ModelNote(r.Models)}
	if v.ExpectedBack != visit.NoDay {
		js.Expected = v.ExpectedBack.String()
	}
	if v.NextBooked != visit.NoDay {
		js.Next = v.NextBooked.String()
	}
	doc := &report.Page{Title: fmt.Sprintf(t("cli.customer-x"), id)}
	explanation := cat.Explanation(&v)
	js.Explanation = explanation
	doc.Facts = []report.Fact{
		{Label: t("cli.as-of"), Value: dayText(r.AsOf, lang)},
		{Label: t("cli.status"), Value: t("explain.status." + v.Status.String())},
		{Label: t("cli.why"), Value: explanation + " (" + cat.F("explain.rule", cat.T("rule."+v.Rule.String())) + ")"},
		{Label: t("cli.segment"), Value: report.SegmentName(r, r.SegmentOf(i), lang)},
		{Label: t("cli.visits"), Value: report.Int(v.Visits, lang)},
	}
	if v.LastVisit != visit.NoDay {
		doc.Facts = append(doc.Facts, report.Fact{Label: t("cli.last-visit"), Value: dayText(v.LastVisit, lang)})
	}
	if v.ExpectedBack != visit.NoDay {
		doc.Facts = append(doc.Facts, report.Fact{Label: t("cli.expected-back-by"), Value: dayText(v.ExpectedBack, lang)})
	}
	if v.NextBooked != visit.NoDay {
		doc.Facts = append(doc.Facts, report.Fact{Label: t("cli.next-appointment"), Value: dayText(v.NextBooked, lang)})
	}
	if v.PAlive >= 0 {
		doc.Facts = append(doc.Facts, report.Fact{Label: cat.T("report.PAlive"), Value: report.Percent(v.PAlive, lang)})
	}
	if r.Set.Columns.Amount {
		doc.Facts = append(doc.Facts, report.Fact{Label: t("cli.value-of-the-next-12-months"), Value: report.Money(v.ValueAtRisk, lang) + " (" + cat.T("value-source."+v.ValueSource.String()) + ")"})
	}
	if p == nil {
		if h.Name != "" {
			doc.Facts = append(doc.Facts, report.Fact{Label: t("cli.name"), Value: h.Name})
		}
		for _, f := range [][2]string{{t("cli.phone"), h.Phone}, {t("cli.e-mail"), h.Email}, {t("cli.contact-preference"), h.ContactPreference}, {t("cli.referred-by"), h.Referrer}} {
			if f[1] != "" {
				doc.Facts = append(doc.Facts, report.Fact{Label: f[0], Value: f[1]})
			}
		}
	}
	tl := report.Table{Title: t("cli.appointments"),
		Columns: []string{t("cli.date"), t("cli.status"), t("cli.service"), t("cli.staff"), t("cli.channel"), t("cli.amount"), t("cli.booked-days-ahead")},
		Numeric: []bool{false, false, false, false, false, true, true}}
	for _, e := range h.Events() {
		row := timeline(r.Set, e, r.AsOf, lang)
		js.Timeline = append(js.Timeline, row)
		lead := ""
		if row.LeadDays != nil {
			lead = fmt.Sprint(*row.LeadDays)
		}
		tl.Rows = append(tl.Rows, []string{isoText(row.Date, lang), statusText(row.Status, lang), row.Service, row.Staff, row.Channel, row.Amount, lead})
	}
	doc.Tables = append(doc.Tables, tl)
	rt := report.Table{Title: t("cli.what-to-ask-about"), Columns: []string{t("cli.hint"), t("cli.evidence"), t("cli.question")}}
	for _, f := range r.Findings[i] {
		ev, q := cat.Reason(f.Code, &f.Facts)
		rt.Rows = append(rt.Rows, []string{cat.ReasonLabel(f.Code), ev, q})
	}
	if len(rt.Rows) == 0 {
		rt.Notes = append(rt.Notes, t("cli.no-hints-in-this-customers-history"))
	}
	doc.Tables = append(doc.Tables, rt)
	doc.Notes = append(doc.Notes, cat.F("note.model", cat.ModelNote(r.Models)))
	o.out.private = true // one customer's visits, and their name, phone and e-mail
	return o.out.emit(o.a.io, format, lang, &report.View{Page: doc, JSON: js})
}

// findCustomer finds a customer by key, by normalised e-mail or phone, or by pseudonym.
func findCustomer(r *analysis.Result, want, key, envKey string) int {
	want = strings.TrimSpace(want)
	if i := r.Index(want); i >= 0 {
		return i
	}
	for _, k := range []string{strings.ToLower(want), "email:" + strings.ToLower(want)} {
		if i := r.Index(k); i >= 0 {
			return i
		}
	}
	if strings.HasPrefix(strings.ToUpper(want), pseudo.Prefix) {
		keys := make([]string, len(r.Set.Customers))
		for i := range r.Set.Customers {
			keys[i] = r.Set.Customers[i].Key
		}
		for _, p := range []*pseudo.Pseudonymizer{pseudo.New(key), pseudo.New(envKey), pseudo.FromCustomers(keys)} {
			if key == "" && envKey == "" && !p.FromData {
				continue
			}
			if k := p.Find(want, keys); k != "" {
				return r.Index(k)
			}
		}
	}
	return -1
}

func timeline(set *history.Set, e history.Event, asOf visit.Day, lang string) timelineRow {
	st := e.Status.String()
	if e.IsBooking(asOf) {
		st = "booked"
	} else if e.IsVisit(asOf) {
		st = "attended"
	}
	row := timelineRow{Date: e.Day.String(), Status: st, Service: set.Services.Name(e.Service), Staff: set.Staff.Name(e.Staff), Channel: set.Channels.Name(e.Channel)}
	if set.Columns.Amount && e.Amount != 0 {
		row.Amount = report.Money(e.Amount, lang)
	}
	if e.Lead != history.NoLead {
		l := int(e.Lead)
		row.LeadDays = &l
	}
	return row
}

// statusText says an event's status ("attended", "cancelled", "no-show", "booked").
func statusText(s, lang string) string {
	return words.For(lang).Code("event.", s)
}
