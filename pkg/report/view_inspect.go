package report

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// Inspection is what winback inspect shows of an export: how it was read, the default
// as-of date and the first rejected rows.
type Inspection struct {
	Export       *export.Report
	TakenOn      history.TakenOn
	FirstRejects []export.RowError
	// RejectsFile is where all rejected rows were written ("" for nowhere).
	RejectsFile string
	// Width is the terminal's width the table form fits (0: not a terminal).
	Width int
}

// WriteJSON writes the inspection as JSON.
func (in *Inspection) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(inspectJSON{Report: *in.Export, AsOf: asOfDoc(in.TakenOn), FirstRejects: append([]export.RowError{}, in.FirstRejects...)})
}

// WriteTable writes the inspection for a terminal.
func (in *Inspection) WriteTable(w io.Writer) error {
	ew := &errWriter{w: w}
	if err := writeInspect(ew, in.Width, in.Export, in.TakenOn, in.FirstRejects, in.Export.Rejected, in.RejectsFile); err != nil {
		return err
	}
	return ew.err
}

// inspectJSON is the JSON document of inspect: the reader's report plus the first rejects.
type inspectJSON struct {
	export.Report
	AsOf         asOfJSON          `json:"default_as_of"`
	FirstRejects []export.RowError `json:"first_rejects"`
}

// ordersText says what [export.FileReport.Orders] means.
var ordersText = map[string]string{
	"lines":       "the amounts of its rows added",
	"unit_price":  "quantity × unit price",
	"order_total": "the order total counted once",
}

// writeInspect writes the report for a terminal; the tables make their cells safe
// (terminal), the lines between them go through [SafeText] themselves.
func writeInspect(w io.Writer, width int, r *export.Report, taken history.TakenOn, first []export.RowError, total int, rejectsFile string) error {
	for _, f := range r.Files {
		fmt.Fprintf(w, "File %s\n", SafeText(f.Name))
		facts := [][]string{
			{"encoding", f.Encoding},
			{"delimiter", f.Delimiter},
			{"header row", yesNo(f.Header, "yes", "no (columns numbered)")},
		}
		if f.Profile != "" {
			facts = append(facts, []string{"recognised as", f.Profile})
		}
		var layouts []string
		for _, l := range f.DateLayouts {
			layouts = append(layouts, fmt.Sprintf("%s (%d)", l.Layout, l.Count))
		}
		facts = append(facts, []string{"date forms", strings.Join(layouts, ", ")})
		if o, ok := ordersText[f.Orders]; ok {
			if _, has := f.Concepts["order"]; has {
				o = "one visit per order or appointment number; " + o
			}
			facts = append(facts, []string{"rows of an order", o})
		}
		if err := terminal(w, width, []string{"fact", "value"}, facts, nil); err != nil {
			return err
		}
		var cols [][]string
		for _, name := range conceptOrder(f.Concepts) {
			c := f.Concepts[name]
			cols = append(cols, []string{name, strconv.Itoa(c.Column), c.Header, c.By})
		}
		if err := terminal(w, width, []string{"concept", "column", "header", "found by"}, cols, nil); err != nil {
			return err
		}
		if len(f.Unused) > 0 {
			fmt.Fprintln(w, wrapLines("Unused columns: "+SafeText(strings.Join(f.Unused, ", ")), width))
		}
		fmt.Fprintln(w)
	}
	key := r.KeyKind
	if len(r.Files) > 0 {
		if c, ok := r.Files[0].Concepts[keyConcept(r.KeyKind)]; ok {
			key += " (" + c.Header + ")"
		}
	}
	summary := [][]string{
		{"customers", strconv.Itoa(r.Customers)},
		{"customer key", key},
		{"dates", fmt.Sprintf("%s to %s", r.FirstDay, r.LastDay)},
		{"latest recorded", cmp.Or(r.LatestRecorded, "none (no visit, cancellation or no-show is recorded)")},
	}
	summary = append(summary, asOfFacts(taken)...)
	summary = append(summary, [][]string{
		{"day/month order", r.DateOrder},
		{"decimal style", r.DecimalStyle},
		{"physical lines", fmt.Sprint(r.Lines)},
		{"rows", fmt.Sprintf("%d read = %d accepted + %d rejected + %d blank + %d duplicate", r.Rows, r.Accepted, r.Rejected, r.Blank, r.Duplicates)},
	}...)
	if r.Orders > 0 {
		summary = append(summary, []string{"orders", fmt.Sprintf("%d (%d cancelled)", r.Orders, r.CancelledOrders)})
	}
	if r.KeyFallback > 0 {
		summary = append(summary, []string{"key fallback", fmt.Sprintf("%d rows had no %s and were identified by e-mail, phone or name", r.KeyFallback, r.KeyKind)})
		if r.Joined > 0 {
			summary = append(summary, []string{"joined", fmt.Sprintf("%d of them were the customers of other rows with the same e-mail or phone", r.Joined)})
		}
	}
	if r.Recoded > 0 {
		summary = append(summary, []string{"recoded", fmt.Sprintf("%d fields were not UTF-8 and were read as Windows-1252", r.Recoded)})
	}
	if r.BookedAtUnreadable > 0 {
		summary = append(summary, []string{"booking dates", fmt.Sprintf("%d unreadable (rows kept without lead time)", r.BookedAtUnreadable)})
	}
	if err := terminal(w, width, []string{"summary", ""}, summary, nil); err != nil {
		return err
	}
	if len(r.Statuses) > 0 {
		var rows [][]string
		unknown := 0
		for _, s := range r.Statuses {
			means := s.Status
			if !s.Known {
				means += " (unknown value: assumed)"
				unknown++
			}
			rows = append(rows, []string{s.Value, means, strconv.Itoa(s.Count)})
		}
		fmt.Fprintln(w)
		if err := terminal(w, width, []string{"status value", "taken as", "rows"}, rows, nil); err != nil {
			return err
		}
		if unknown > 0 {
			fmt.Fprintln(w, "Unknown status values count as attended; say otherwise with --status-map 'value=cancelled'.")
		}
	}
	if total > 0 {
		fmt.Fprintf(w, "\nRejected rows: %d", total)
		var reasons []string
		for _, k := range sortedMapKeys(r.RejectsByReason) {
			reasons = append(reasons, fmt.Sprintf("%s %d", k, r.RejectsByReason[k]))
		}
		fmt.Fprintf(w, " (%s)\n", strings.Join(reasons, ", "))
		var rows [][]string
		for _, e := range first {
			where := fmt.Sprintf("%s:%d", e.File, e.Line)
			col := ""
			if e.Column > 0 {
				col = fmt.Sprintf("%d %s", e.Column, e.Header)
			}
			rows = append(rows, []string{where, col, e.Reason, export.Shorten(e.Value)})
		}
		if err := terminal(w, width, []string{"where", "column", "reason", "value"}, rows, nil); err != nil {
			return err
		}
		if rejectsFile != "" {
			fmt.Fprintf(w, "All rejected rows are in %s.\n", rejectsFile)
		} else if total > len(first) {
			fmt.Fprintln(w, "Write all of them with --rejects FILE.")
		}
	}
	return nil
}

func keyConcept(kind string) string {
	switch kind {
	case "customer id":
		return "customer"
	}
	return kind
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

func yesNo(b bool, yes, no string) string {
	if b {
		return yes
	}
	return no
}

func sortedMapKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// OutlierText names the dates [history.Set.TakenOn] set aside, the first three, by day
// and status and, with withKey, by customer. A warning names no customer: standard error
// ends up in cron mails and on the projector, and the key may be a phone number or an
// e-mail; inspect, which shows the export's rows anyway, does.
func OutlierText(out []history.Outlier, withKey bool) string {
	var parts []string
	for _, o := range out[:min(len(out), 3)] {
		who := "a row"
		if withKey {
			who = "customer " + SafeText(o.Key)
		}
		if o.Booked != visit.NoDay && o.Booked > o.Day {
			parts = append(parts, fmt.Sprintf("%s booked on %s (%s on %s)", who, o.Booked, o.Status, o.Day))
		} else {
			parts = append(parts, fmt.Sprintf("%s dated %s (%s)", who, o.Day, o.Status))
		}
	}
	text := strings.Join(parts, ", ")
	if len(out) > 3 {
		text += fmt.Sprintf(" and %d more", len(out)-3)
	}
	return text
}

// EvidenceText says what the as-of date was read from.
func EvidenceText(t history.TakenOn) string {
	switch t.By {
	case history.ByBooking:
		return "the latest booking date"
	case history.ByOutcome:
		return "the latest recorded visit, cancellation or no-show"
	}
	return "no date in the data"
}

// asOfFacts are the lines of inspect's summary that say how the default as-of date was
// chosen and why.
func asOfFacts(t history.TakenOn) [][]string {
	if t.Day == visit.NoDay {
		return [][]string{{"default as-of", "none: no booking date and no recorded visit; name it with --as-of"}}
	}
	facts := [][]string{{"default as-of", fmt.Sprintf("%s, %s", t.Day, EvidenceText(t))}}
	if t.FutureAttended > 0 {
		what := "1 later appointment marked attended is"
		if t.FutureAttended > 1 {
			what = fmt.Sprintf("%d later appointments marked attended are", t.FutureAttended)
		}
		facts = append(facts, []string{"", what + " taken as booked: the export was taken before their day"})
	}
	if len(t.Outliers) > 0 {
		facts = append(facts, []string{"", "set aside, more than a year beyond the rest: " + OutlierText(t.Outliers, true)})
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
