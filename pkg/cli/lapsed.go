package cli

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/gocarina/gocsv"
	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/words"
)

type lapsedOptions struct {
	a        *app
	input    inputOptions
	out      outputOptions
	an       analysisOptions
	summary  bool
	contacts string
	top      int
	files    []string
}

func newLapsedCmd(a *app) *cobra.Command {
	o := &lapsedOptions{a: a}
	c := &cobra.Command{
		Use:   "lapsed FILE...",
		Short: "List the customers who stopped coming, ranked by value at risk, with what to ask them",
		Long: `Lapsed lists the customers who are past the point where they would normally have come
back (lapsed) or long gone (lost), most value at risk first: their segment, last visit,
usual rhythm, how long overdue, the value of a year of their visits, and the top hints from
their history as questions to ask — never a verdict on why they left.

A customer is judged by, in order: a booked appointment (not lapsed); a finished course
of treatment (a follow-up, not a win-back); their own rhythm when they have enough
visits; the recall interval of their service (--recall); otherwise the repeat-buying
model's P(alive) when a model fits the data, else everyone's gaps. The thresholds are
flags (and config keys) with the defaults shown below.

--summary shows what the hints say about the business: how much more common each is among
lapsed customers than among active ones. --contacts writes the call list for a mail merge:
name, phone, e-mail, contact preference, the question and the evidence; customers whose
data says they do not want to be contacted are left out and counted.`,
		Example: `  # who to call this week, in German
  winback lapsed --lang de testdata/praxis/praxis.csv

  # the call list for a mail merge, and the patterns behind the losses
  winback lapsed --contacts anrufliste.csv --summary testdata/praxis/praxis.csv

  # in a workshop: pseudonyms instead of patients, a stricter rule
  winback lapsed --pseudonymize --tolerance 2 testdata/praxis/praxis.csv`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error { return runLapsed(o) }),
	}
	o.input.bind(c)
	o.out.bind(c, report.ViewFormats)
	o.an.bind(c)
	c.Flags().BoolVar(&o.summary, "summary", false, "show how often each hint occurs among lapsed and among active customers")
	c.Flags().StringVar(&o.contacts, "contacts", "", "write the call list to this CSV file (personal data: written with permissions 0600)")
	c.Flags().IntVar(&o.top, "top", 50, "how many customers the table lists (csv and json list all)")
	return c
}

// lapsedJSON is the JSON document of lapsed.
type lapsedJSON struct {
	Version   int               `json:"version"`
	AsOf      string            `json:"as_of"`
	Lapsed    []report.Customer `json:"customers"`
	Lift      []report.LiftRow  `json:"reasons_lift,omitempty"`
	NotInData []string          `json:"signals_not_available"`
	ByStatus  map[string]int    `json:"by_status"`
	Model     string            `json:"model_note"`
}

// WriteJSON writes the document with its customers encoded one at a time.
func (j lapsedJSON) WriteJSON(w io.Writer) error {
	list := j.Lapsed
	j.Lapsed = nil
	return report.JSONWithList(w, j, "customers", list)
}

// callRow is one line of the call list.
type callRow struct {
	ID                string `csv:"id"`
	Name              string `csv:"name"`
	Phone             string `csv:"phone"`
	Email             string `csv:"email"`
	ContactPreference string `csv:"contact_preference"`
	Status            string `csv:"status"`
	LastVisit         string `csv:"last_visit"`
	ValueAtRisk       string `csv:"value_at_risk"`
	Question          string `csv:"question"`
	Evidence          string `csv:"evidence"`
}

func runLapsed(o *lapsedOptions) error {
	lang, err := o.out.language(o.a.io)
	if err != nil {
		return err
	}
	format, err := o.out.formatName(report.ViewFormats)
	if err != nil {
		return err
	}
	if err := checkOutputs(o.a.io, o.files, o.out.output, o.input.rejects, o.contacts); err != nil {
		return err
	}
	if o.contacts != "" && o.an.pseudo {
		return usagef("write the call list without --pseudonymize: it is for calling people", "--contacts and --pseudonymize exclude each other")
	}
	o.an.contacts = o.contacts != "" // only the call list shows them
	_, r, err := analyse(o.a, o.files, &o.input, &o.out, &o.an)
	if err != nil {
		return err
	}
	p := o.an.pseudonymizer(o.a.io, format, false, customerKeys(r.Set))
	rep := report.Build(r, report.BuildOptions{Lang: lang, Pseudonyms: p, Contacts: false, Shown: o.top, Defer: true, LapsedOnly: true, Noun: o.an.noun.noun})
	// The table lists the first --top customers; csv and json all of them.
	shown := o.top
	if shown < 0 || format == "csv" || format == "json" {
		shown = rep.NumLapsed()
	}
	rep.CompleteLapsed(shown)
	js := lapsedJSON{Version: 1, AsOf: rep.AsOf, Lapsed: rep.Lapsed, NotInData: rep.Unavailable, ByStatus: rep.Summary.ByStatus, Model: rep.Model.Note}
	if js.Lapsed == nil {
		js.Lapsed = []report.Customer{}
	}
	if o.summary {
		js.Lift = rep.Lift
	}
	// The call list and -o are replaced together (see atomicfile.Set).
	var files atomicfile.Set
	defer files.Abort()
	var n, skipped int
	if o.contacts != "" {
		if n, skipped, err = addCallList(&files, o.contacts, r, lang); err != nil {
			return err
		}
	}
	out := &report.View{Page: lapsedDoc(rep, lang, o.summary), JSON: js, CSV: rep.Lapsed}
	if err := o.out.add(&files, o.a.io, format, lang, out); err != nil {
		return err
	}
	if err := files.Commit(); err != nil {
		return err
	}
	if o.contacts != "" && !o.a.io.Quiet && o.a.io.ErrTTY { // a cron job mails whatever is on stderr
		fmt.Fprintf(o.a.io.ErrOut, "winback: call list %s: %d customers", o.contacts, n)
		if skipped > 0 {
			fmt.Fprintf(o.a.io.ErrOut, "; %d left out because they do not want to be contacted", skipped)
		}
		fmt.Fprintln(o.a.io.ErrOut)
	}
	return nil
}

func lapsedDoc(rep *report.Report, lang string, summary bool) *report.Page {
	cat := words.ForNoun(lang, words.Noun(rep.Noun))
	t := cat.T
	doc := &report.Page{Title: t("cli.lapsed-customers")}
	doc.Facts = []report.Fact{
		{Label: t("cli.as-of"), Value: isoText(rep.AsOf, lang)},
		{Label: t("cli.customers"), Value: report.Int(rep.Summary.Customers, lang)},
		{Label: t("cli.lapsed"), Value: report.Int(rep.Summary.ByStatus["lapsed"], lang)},
		{Label: t("cli.lost"), Value: report.Int(rep.Summary.ByStatus["lost"], lang)},
	}
	if rep.HasAmounts {
		doc.Facts = append(doc.Facts, report.Fact{Label: t("cli.value-at-risk-12-months"), Value: report.Money(money.Round(rep.Summary.ValueAtRisk*100), lang)})
	}
	model := t("cli.none-usable-judged-by-own-and")
	if rep.Model.Model != "" {
		model = rep.Model.Model
	}
	doc.Facts = append(doc.Facts, report.Fact{Label: t("cli.model"), Value: model})
	tab := report.Table{Columns: []string{"id", t("cli.segment"), t("cli.last-visit"), t("cli.usual-rhythm-and-now"), t("cli.overdue"), t("cli.value-at-risk"), t("cli.ask-about")},
		Numeric: []bool{false, false, false, false, true, true, false}}
	for i, c := range rep.Lapsed { // the first LapsedShown are complete
		if i == rep.LapsedShown {
			break
		}
		value := "–"
		if rep.HasAmounts {
			value = report.Money(money.Round(c.ValueAtRisk*100), lang)
		}
		labels := make([]string, 0, 3)
		for j, rs := range c.Reasons {
			if j == 3 {
				break
			}
			labels = append(labels, cat.ReasonLabel(rs.Code))
		}
		tab.Rows = append(tab.Rows, []string{c.ID, c.Segment, isoText(c.LastVisit, lang), c.Rule, days(c.Overdue, lang), value, joinLabels(labels)})
	}
	if n := rep.NumLapsed(); rep.LapsedShown >= 0 && n > rep.LapsedShown {
		tab.Notes = append(tab.Notes, fmt.Sprintf(t("cli.n-more-all-are-in-format"), n-rep.LapsedShown))
	}
	if rep.NumLapsed() == 0 {
		tab.Notes = append(tab.Notes, t("cli.nobody-is-lapsed-as-of-this"))
	}
	if rep.Pseudonymized {
		tab.Notes = append(tab.Notes, pseudonymNote(cat))
	}
	doc.Tables = append(doc.Tables, tab)
	doc.Notes = append(doc.Notes, words.For(lang).F("note.model", rep.Model.Note))
	if summary {
		lt := report.Table{Title: t("cli.what-the-hints-say-about-the"),
			Columns: []string{t("cli.hint"), t("cli.among-lapsed"), t("cli.among-active"), t("cli.times-as-common")},
			Numeric: []bool{false, true, true, true}}
		for _, l := range rep.Lift {
			lift := "–"
			if l.Lift > 0 {
				lift = report.Decimal(l.Lift, 1, lang)
			} else if l.Lapsed > 0 {
				lift = t("cli.only-among-lapsed")
			}
			lt.Rows = append(lt.Rows, []string{l.Label, report.Percent(l.LapsedShare, lang) + " (" + strconv.Itoa(l.Lapsed) + ")", report.Percent(l.ActiveShare, lang) + " (" + strconv.Itoa(l.Active) + ")", lift})
		}
		doc.Tables = append(doc.Tables, lt)
	}
	if len(rep.Unavailable) > 0 {
		labels := make([]string, len(rep.Unavailable))
		for i, code := range rep.Unavailable {
			labels[i] = cat.ReasonLabel(code)
		}
		doc.Notes = append(doc.Notes, t("cli.hints-not-available-in-this-export")+joinLabels(labels))
	}
	return doc
}

func joinLabels(l []string) string {
	s := ""
	for i, x := range l {
		if i > 0 {
			s += "; "
		}
		s += x
	}
	return s
}

func days(n int, lang string) string {
	if n <= 0 {
		return "–"
	}
	return words.For(lang).F("cli.n-days", report.Int(n, lang))
}

func isoText(iso, lang string) string {
	if lang != "de" || len(iso) != 10 {
		return iso
	}
	return iso[8:10] + "." + iso[5:7] + "." + iso[0:4]
}

// addCallList adds the call list of lapsed and lost customers to files, leaving out those
// who do not want to be contacted; it returns how many were written and left out.
func addCallList(files *atomicfile.Set, path string, r *analysis.Result, lang string) (written, skipped int, err error) {
	if r.Set.ContactsWithheld {
		return 0, 0, errors.New("the export was read without contact details (a bug: the command did not ask for them)")
	}
	var rows []callRow
	cat := words.For(lang)
	for _, i := range r.Lapsed() {
		h := &r.Set.Customers[i]
		if !analysis.ContactAllowed(h.ContactPreference) {
			skipped++
			continue
		}
		v := r.Verdicts[i]
		rows = append(rows, callRow{
			ID: h.Key, Name: h.Name, Phone: h.Phone, Email: h.Email, ContactPreference: h.ContactPreference,
			Status: v.Status.String(), LastVisit: v.LastVisit.String(), ValueAtRisk: fmt.Sprintf("%.2f", float64(v.ValueAtRisk)/100),
			Question: topReasons(cat, r.Findings[i], 2, true), Evidence: topReasons(cat, r.Findings[i], 2, false),
		})
	}
	if rows == nil {
		rows = []callRow{}
	}
	err = files.Add(path, 0o600, func(w io.Writer) error {
		cw := report.NewSafeCSV(w, false)
		if lang == "de" {
			cw.Words(words.For(lang))
		}
		if err := gocsv.MarshalCSV(rows, cw); err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	})
	return len(rows), skipped, err
}

// topReasons joins the questions (or, when not questions, the evidence) of the n heaviest
// findings with a space: the call list's question and evidence columns.
func topReasons(c *words.Catalogue, fs []reason.Finding, n int, questions bool) string {
	var b strings.Builder
	for i := range fs {
		if i == n {
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		ev, q := c.Reason(fs[i].Code, &fs[i].Facts)
		if questions {
			ev = q
		}
		b.WriteString(ev)
	}
	return b.String()
}
