package cli

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/report"
)

type inspectOptions struct {
	io     *IOStreams
	input  inputOptions
	format string
	show   int
	files  []string
}

func newInspectCmd(a *app, runF func(*inspectOptions) error) *cobra.Command {
	o := &inspectOptions{io: a.io}
	c := &cobra.Command{
		Use:   "inspect FILE...",
		Short: "Show how an export was understood: encoding, columns, dates, statuses, rows",
		Long: `Inspect reads one or more exports and shows what winback made of them: the encoding and
delimiter, which column became which concept and which were left unused, the date format
and decimal style, the status values and how they were mapped, what identifies a customer,
the date range, the number of customers, the row accounting (read = accepted + rejected +
blank + duplicate) and the first rejected rows with their reasons.

Run it first on an export you have not seen before. Everything it detects can be
overridden with a flag, and the same flags work for every other command.`,
		Example: `  # a German practice export
  winback inspect testdata/praxis/praxis.csv

  # twelve monthly exports at once, overlapping rows count once
  winback inspect exports/2025-*.csv

  # the same facts as JSON, for scripts
  winback inspect --format json export.csv

  # a headerless file: say which column is which
  winback inspect --no-header --column customer=1 --column date=3 --column amount=5 data.txt`,
		Args: cobra.ArbitraryArgs,
		RunE: a.runE(&o.files, func() error {
			if o.format != "table" && o.format != "json" {
				return usagef("use --format table or --format json", "unknown format %q", o.format)
			}
			if runF != nil {
				return runF(o)
			}
			return runInspect(o)
		}),
	}
	o.input.bind(c)
	c.Flags().StringVar(&o.format, "format", "table", "output format: table or json")
	c.Flags().IntVar(&o.show, "show-rejects", 10, "how many rejected rows to show")
	c.RegisterFlagCompletionFunc("format", fixedChoices("table", "json"))
	return c
}

// inspectJSON is the JSON document of inspect: the reader's report plus the first rejects.
type inspectJSON struct {
	export.Report
	AsOf         asOfJSON          `json:"default_as_of"`
	FirstRejects []export.RowError `json:"first_rejects"`
}

func runInspect(o *inspectOptions) error {
	if err := checkOutputs(o.io, o.files, o.input.rejects); err != nil {
		return err
	}
	res, err := readExports(o.io, o.files, &o.input)
	if err != nil {
		return err
	}
	first := res.Rejects[:min(len(res.Rejects), max(o.show, 0))]
	taken := res.Set.TakenOn()
	if o.format == "json" {
		enc := json.NewEncoder(o.io.Out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(inspectJSON{Report: res.Report, AsOf: asOfDoc(taken), FirstRejects: append([]export.RowError{}, first...)}); err != nil {
			return stdoutError(err)
		}
		return nil
	}
	ew := &errWriter{w: o.io.Out}
	if err := writeInspect(ew, &res.Report, taken, first, res.Report.Rejected, o.input.rejects); err != nil {
		return err
	}
	if ew.err != nil {
		return stdoutError(ew.err)
	}
	return nil
}

// ordersText says what [export.FileReport.Orders] means.
var ordersText = map[string]string{
	"lines":       "the amounts of its rows added",
	"unit_price":  "quantity × unit price",
	"order_total": "the order total counted once",
}

// writeInspect writes the report for a terminal; the tables make their cells safe
// ([report.Terminal]), the lines between them go through [report.SafeText] themselves.
func writeInspect(w io.Writer, r *export.Report, taken history.TakenOn, first []export.RowError, total int, rejectsFile string) error {
	for _, f := range r.Files {
		fmt.Fprintf(w, "File %s\n", report.SafeText(f.Name))
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
		if err := report.Terminal(w, []string{"fact", "value"}, facts, nil); err != nil {
			return err
		}
		var cols [][]string
		for _, name := range conceptOrder(f.Concepts) {
			c := f.Concepts[name]
			cols = append(cols, []string{name, strconv.Itoa(c.Column), c.Header, c.By})
		}
		if err := report.Terminal(w, []string{"concept", "column", "header", "found by"}, cols, nil); err != nil {
			return err
		}
		if len(f.Unused) > 0 {
			fmt.Fprintf(w, "Unused columns: %s\n", report.SafeText(strings.Join(f.Unused, ", ")))
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
	if err := report.Terminal(w, []string{"summary", ""}, summary, nil); err != nil {
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
		if err := report.Terminal(w, []string{"status value", "taken as", "rows"}, rows, nil); err != nil {
			return err
		}
		if unknown > 0 {
			fmt.Fprintln(w, "Unknown status values count as attended; say otherwise with --status-map 'value=cancelled'.")
		}
	}
	if total > 0 {
		fmt.Fprintf(w, "\nRejected rows: %d", total)
		var reasons []string
		for _, k := range sortedKeys(r.RejectsByReason) {
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
		if err := report.Terminal(w, []string{"where", "column", "reason", "value"}, rows, nil); err != nil {
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

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}
