package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
	catalogue "github.com/winback/winback/pkg/words"
)

// Inspection is what winback inspect shows of an export: how it was read, the default
// as-of date and the first rejected rows.
type Inspection struct {
	Export       *export.Summary
	TakenOn      history.TakenOn
	FirstRejects []export.RowError
	// RejectsFile is where all rejected rows were written ("" for nowhere).
	RejectsFile string
	// Width is the terminal's width the table form fits (0: not a terminal).
	Width int
	// Lang is the language of the texts: "de" or "en" (see [catalogue.For]); Noun what
	// they call customers where the language has a word for each (German: Patienten).
	Lang string
	Noun catalogue.Noun
}

// WriteJSON writes the inspection as JSON. Its keys and codes are the same in every
// language; the texts the reader wrote for a person (the day/month order, the decimal
// style, a rejected row's reason) are in the inspection's language.
func (in *Inspection) WriteJSON(w io.Writer) error {
	cat := catalogue.For(in.Lang)
	r := *in.Export
	r.DateOrder, r.BookedAtOrder, r.DecimalStyle = readerText(cat, r.DateOrder), readerText(cat, r.BookedAtOrder), readerText(cat, r.DecimalStyle)
	first := append([]export.RowError{}, in.FirstRejects...)
	for i := range first {
		first[i].Reason = rejectReason(cat, &first[i])
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(inspectJSON{Summary: r, AsOf: asOfDoc(in.TakenOn), FirstRejects: first})
}

// WriteTable writes the inspection for a terminal.
func (in *Inspection) WriteTable(w io.Writer) error {
	ew := &ErrWriter{w: w, width: in.Width}
	writeInspect(ew, catalogue.ForNoun(in.Lang, in.Noun), in)
	return ew.err
}

// inspectJSON is the JSON document of inspect: the reader's report plus the first rejects.
type inspectJSON struct {
	export.Summary
	AsOf         asOfJSON          `json:"default_as_of"`
	FirstRejects []export.RowError `json:"first_rejects"`
}

// writeInspect writes the report for a terminal; the tables make their cells safe
// (terminal), the lines between them go through [SafeText] themselves.
func writeInspect(w *ErrWriter, cat *catalogue.Catalogue, in *Inspection) {
	r := in.Export
	for i := range r.Files {
		writeInspectFile(w, cat, &r.Files[i])
	}
	w.terminal([]string{cat.T("inspect.summary"), ""}, inspectSummary(cat, r, in.TakenOn))
	writeStatuses(w, cat, r.Statuses)
	writeRejects(w, cat, in)
}

// writeInspectFile writes how one file was read: its facts and its columns.
func writeInspectFile(w *ErrWriter, cat *catalogue.Catalogue, f *export.FileReport) {
	t := cat.T
	fmt.Fprintln(w, cat.F("inspect.file", SafeText(f.Name)))
	header := t("inspect.header-no")
	if f.Header {
		header = t("inspect.header-yes")
	}
	facts := [][]string{
		{t("inspect.encoding"), readerWords(cat, f.Encoding, "inspect.with-bom")},
		{t("inspect.delimiter"), f.Delimiter},
		{t("inspect.header-row"), header},
	}
	if f.Profile != "" {
		facts = append(facts, []string{t("inspect.profile"), cat.Code("inspect.profile.", f.Profile)})
	}
	var layouts []string
	for _, l := range f.DateLayouts {
		layouts = append(layouts, fmt.Sprintf("%s (%d)", readerWords(cat, l.Layout, "inspect.layout-or"), l.Count))
	}
	facts = append(facts, []string{t("inspect.date-forms"), strings.Join(layouts, ", ")})
	if key := "inspect.orders." + f.Orders; f.Orders != "" && cat.Has(key) {
		o := t(key)
		if _, has := f.Concepts["order"]; has {
			o = cat.F("inspect.order-visit", o)
		}
		facts = append(facts, []string{t("inspect.order-rows"), o})
	}
	w.terminal([]string{t("inspect.fact"), t("inspect.value")}, facts)
	var cols [][]string
	for _, name := range conceptOrder(f.Concepts) {
		c := f.Concepts[name]
		cols = append(cols, []string{cat.Code("inspect.concept.", name), strconv.Itoa(c.Column), headerText(cat, f, c.Header), cat.Code("inspect.by.", c.By)})
	}
	w.terminal([]string{t("inspect.concept"), t("inspect.column"), t("inspect.header"), t("inspect.found-by")}, cols)
	if len(f.Unused) > 0 {
		unused := make([]string, len(f.Unused))
		for i, h := range f.Unused {
			unused[i] = headerText(cat, f, h)
		}
		fmt.Fprintln(w, wrapLines(cat.F("inspect.unused", SafeText(strings.Join(unused, ", "))), w.width))
	}
	fmt.Fprintln(w)
}

// inspectSummary is the summary table's rows: customers, dates, the as-of date and the
// row accounting.
func inspectSummary(cat *catalogue.Catalogue, r *export.Summary, taken history.TakenOn) [][]string {
	t := cat.T
	kind := cat.Code("inspect.key.", r.KeyKind)
	key := kind
	if len(r.Files) > 0 {
		concept := strings.TrimSuffix(r.KeyKind, " id") // "customer id" is the customer column
		if c, ok := r.Files[0].Concepts[concept]; ok {
			key += " (" + headerText(cat, &r.Files[0], c.Header) + ")"
		}
	}
	summary := [][]string{
		{t("inspect.customers"), strconv.Itoa(r.Customers)},
		{t("inspect.customer-key"), key},
		{t("inspect.dates"), cat.F("inspect.date-range", r.FirstDay, r.LastDay)},
		{t("inspect.latest-recorded"), cmp.Or(r.LatestRecorded, t("inspect.none-recorded"))},
	}
	summary = append(summary, asOfFacts(cat, taken)...)
	summary = append(summary, [][]string{
		{t("inspect.date-order"), readerText(cat, r.DateOrder)},
		{t("inspect.decimal-style"), readerText(cat, r.DecimalStyle)},
		{t("inspect.lines"), fmt.Sprint(r.Lines)},
		{t("inspect.rows"), cat.F("inspect.rows-sum", r.Rows, r.Accepted, r.Rejected, r.Blank, r.Duplicates)},
	}...)
	if r.Orders > 0 {
		summary = append(summary, []string{t("inspect.orders"), cat.F("inspect.orders-sum", r.Orders, r.CancelledOrders)})
	}
	if r.KeyFallback > 0 {
		summary = append(summary, []string{t("inspect.key-fallback"), cat.F("inspect.key-fallback-sum", r.KeyFallback, kind)})
		if r.Joined > 0 {
			summary = append(summary, []string{t("inspect.joined"), cat.F("inspect.joined-sum", r.Joined)})
		}
	}
	if r.Recoded > 0 {
		summary = append(summary, []string{t("inspect.recoded"), cat.F("inspect.recoded-sum", r.Recoded)})
	}
	if r.BookedAtUnreadable > 0 {
		summary = append(summary, []string{t("inspect.booking-dates"), cat.F("inspect.booking-dates-sum", r.BookedAtUnreadable)})
	}
	return summary
}

// writeStatuses writes the status values seen and what each was taken to mean.
func writeStatuses(w *ErrWriter, cat *catalogue.Catalogue, statuses []export.StatusCount) {
	if len(statuses) == 0 {
		return
	}
	t := cat.T
	var rows [][]string
	unknown := 0
	for _, s := range statuses {
		means := cat.Code("event.", s.Status)
		if !s.Known {
			means += t("inspect.unknown-status")
			unknown++
		}
		rows = append(rows, []string{s.Value, means, strconv.Itoa(s.Count)})
	}
	fmt.Fprintln(w)
	w.terminal([]string{t("inspect.status-value"), t("inspect.taken-as"), t("inspect.status-rows")}, rows)
	if unknown > 0 {
		fmt.Fprintln(w, t("inspect.unknown-note"))
	}
}

// writeRejects writes how many rows were rejected, why, and the first of them.
func writeRejects(w *ErrWriter, cat *catalogue.Catalogue, in *Inspection) {
	r, total := in.Export, in.Export.Rejected
	if total == 0 {
		return
	}
	t := cat.T
	fmt.Fprintf(w, "\n%s", cat.F("inspect.rejected", total))
	var reasons []string
	for _, k := range slices.Sorted(maps.Keys(r.RejectsByReason)) {
		reasons = append(reasons, fmt.Sprintf("%s %d", cat.Code("reject.", k), r.RejectsByReason[k]))
	}
	fmt.Fprintf(w, " (%s)\n", strings.Join(reasons, ", "))
	var rows [][]string
	for i := range in.FirstRejects {
		e := &in.FirstRejects[i]
		where := fmt.Sprintf("%s:%d", e.File, e.Line)
		col := ""
		if e.Column > 0 {
			col = fmt.Sprintf("%d %s", e.Column, e.Header)
		}
		rows = append(rows, []string{where, col, rejectReason(cat, e), export.Shorten(e.Value)})
	}
	w.terminal([]string{t("inspect.where"), t("inspect.column"), t("inspect.reason"), t("inspect.value")}, rows)
	if in.RejectsFile != "" {
		fmt.Fprintln(w, cat.F("inspect.rejects-in", in.RejectsFile))
	} else if total > len(in.FirstRejects) {
		fmt.Fprintln(w, t("inspect.rejects-flag"))
	}
}

// rejectReason is why e was rejected in cat's language: in English the reader's own words,
// which name the figures (day 31 does not exist in April); in another language the
// catalogue's text for its code.
func rejectReason(cat *catalogue.Catalogue, e *export.RowError) string {
	if !cat.German() || !cat.Has("reject."+e.Code) {
		return e.Reason
	}
	return cat.T("reject." + e.Code)
}

// readerWords replaces in s, a name package export or field wrote in English ("UTF-8 with
// BOM", "dd/mm/yyyy or mm/dd/yyyy"), the English text of key with cat's.
func readerWords(cat *catalogue.Catalogue, s, key string) string {
	if !cat.German() {
		return s
	}
	return strings.ReplaceAll(s, catalogue.For("en").T(key), cat.T(key))
}

// headerText is the header h of f's column in cat's language: a file without a header
// row has its columns named by number ("column 3").
func headerText(cat *catalogue.Catalogue, f *export.FileReport, h string) string {
	var n int
	if f.Header || !cat.German() {
		return h
	}
	if _, err := fmt.Sscanf(h, catalogue.For("en").T("inspect.column-n"), &n); err != nil {
		return h
	}
	return cat.F("inspect.column-n", n)
}

// readerTexts are the catalogue's texts of the descriptions package export writes in
// English (export.Summary's DateOrder, BookedAtOrder and DecimalStyle).
var readerTexts = []string{"inspect.no-ambiguous", "inspect.day-first", "inspect.month-first",
	"inspect.decimal-comma", "inspect.decimal-point", "inspect.whole-amounts"}

// readerText says a description of package export in cat's language: the English text
// it wrote, found in the English catalogue, with the clauses it may add ("from
// --date-format", the values written the other way); a text it does not know stays as it is.
func readerText(cat *catalogue.Catalogue, s string) string {
	if !cat.German() || s == "" {
		return s
	}
	en := catalogue.For("en")
	head, tail := s, ""
	if h, ok := strings.CutSuffix(s, en.T("inspect.from-flag")); ok {
		head, tail = h, cat.T("inspect.from-flag")
	} else if h, rest, ok := strings.Cut(s, "; "); ok {
		var n int
		if _, err := fmt.Sscanf("; "+rest, en.T("inspect.mixed-decimals"), &n); err != nil {
			return s
		}
		head, tail = h, cat.F("inspect.mixed-decimals", n)
	}
	for _, k := range readerTexts {
		if en.T(k) == head {
			return cat.T(k) + tail
		}
	}
	return s
}

// conceptOrder lists the mapped concepts in the order of the concept list.
func conceptOrder(m map[string]export.ColumnRef) []string {
	var names []string
	for c := export.Concept(0); ; c++ {
		n := c.String()
		if strings.HasPrefix(n, "concept(") {
			break
		}
		if _, ok := m[n]; ok {
			names = append(names, n)
		}
	}
	return names
}

// OutlierText names the first three dates [history.Set.TakenOn] set aside, by day and
// status and, with withKey, by customer: a warning names none, as standard error ends up
// in cron mails and the key may be a phone number.
func OutlierText(out []history.Outlier, withKey bool) string {
	return outlierText(catalogue.For("en"), out, withKey)
}

func outlierText(cat *catalogue.Catalogue, out []history.Outlier, withKey bool) string {
	var parts []string
	for _, o := range out[:min(len(out), 3)] {
		who := cat.T("inspect.a-row")
		if withKey {
			who = cat.F("inspect.customer", SafeText(o.Key))
		}
		status := cat.Code("event.", o.Status.String())
		if o.Booked != visit.NoDay && o.Booked > o.Day {
			parts = append(parts, cat.F("inspect.booked-on", who, o.Booked, status, o.Day))
		} else {
			parts = append(parts, cat.F("inspect.dated", who, o.Day, status))
		}
	}
	text := strings.Join(parts, ", ")
	if len(out) > 3 {
		text += cat.F("inspect.and-more", len(out)-3)
	}
	return text
}

// EvidenceText says what the as-of date was read from.
func EvidenceText(t history.TakenOn) string { return evidenceText(catalogue.For("en"), t) }

func evidenceText(cat *catalogue.Catalogue, t history.TakenOn) string {
	switch t.By {
	case history.ByBooking:
		return cat.T("inspect.by-booking")
	case history.ByOutcome:
		return cat.T("inspect.by-outcome")
	}
	return cat.T("inspect.by-nothing")
}

// asOfFacts are the lines of inspect's summary that say how the default as-of date was
// chosen and why.
func asOfFacts(cat *catalogue.Catalogue, t history.TakenOn) [][]string {
	label := cat.T("inspect.default-as-of")
	if t.Day == visit.NoDay {
		return [][]string{{label, cat.T("inspect.no-as-of")}}
	}
	facts := [][]string{{label, cat.F("inspect.as-of", t.Day, evidenceText(cat, t))}}
	if t.FutureAttended == 1 {
		facts = append(facts, []string{"", cat.T("inspect.future-one")})
	} else if t.FutureAttended > 1 {
		facts = append(facts, []string{"", cat.F("inspect.future-other", t.FutureAttended)})
	}
	if len(t.Outliers) > 0 {
		facts = append(facts, []string{"", cat.F("inspect.set-aside", outlierText(cat, t.Outliers, true))})
	}
	return facts
}

// asOfJSON is how inspect --format json says the default as-of date was chosen.
type asOfJSON struct {
	// Date is the default as-of date ("" when the data has none); By says what it was
	// read from: "booking_date" or "recorded_outcome".
	Date string `json:"date"`
	By   string `json:"by"`
	// FutureAttended counts later appointments marked attended, taken as booked.
	FutureAttended int `json:"future_attended"`
	// SetAside lists the dates far beyond the rest, which were not taken.
	SetAside []asOfOutlier `json:"set_aside"`
}

type asOfOutlier struct {
	Customer string `json:"customer"`
	Date     string `json:"date"`
	Booked   string `json:"booked,omitempty"`
	Status   string `json:"status"`
}

func asOfDoc(t history.TakenOn) asOfJSON {
	js := asOfJSON{FutureAttended: t.FutureAttended, SetAside: []asOfOutlier{}}
	if t.Day != visit.NoDay {
		js.Date = t.Day.String()
	}
	switch t.By {
	case history.ByBooking:
		js.By = "booking_date"
	case history.ByOutcome:
		js.By = "recorded_outcome"
	}
	for _, o := range t.Outliers {
		oj := asOfOutlier{Customer: o.Key, Date: o.Day.String(), Status: o.Status.String()}
		if o.Booked != visit.NoDay {
			oj.Booked = o.Booked.String()
		}
		js.SetAside = append(js.SetAside, oj)
	}
	return js
}
