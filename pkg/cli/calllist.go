package cli

import (
	"fmt"
	"github.com/spf13/cobra"
	"io"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/calls"
	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/report"
	catalogue "github.com/winback/winback/pkg/words"
)

// callListOptions are the call list's file (--contacts) and the groups it holds besides
// the win-back calls.
type callListOptions struct {
	path               string
	followUps, welcome bool
}

// bind binds the call list's flags of the lapsed command.
func (o *callListOptions) bind(c *cobra.Command) {
	c.Flags().StringVar(&o.path, "contacts", "", "write the call list to this .csv or .xlsx file (personal data: written with permissions 0600)")
	c.Flags().BoolVar(&o.followUps, "follow-ups", false, "the call list also holds the follow-ups: customers whose course of treatment ended")
	c.Flags().BoolVar(&o.welcome, "welcome", false, "the call list also holds the welcome calls: new customers whose first visit was booked through a platform")
}

// bindCalls binds the thresholds of the call plan (config keys as the flags).
func bindCalls(f *pflag.FlagSet, c *calls.Config) {
	*c = calls.DefaultConfig()
	f.Float64Var(&c.HalfLifeDays, "return-half-life", c.HalfLifeDays, "call list: where the data hold too few customers away that long, the chance of coming back halves every this many days")
	f.IntVar(&c.FollowUpDays, "follow-up-days", c.FollowUpDays, "call list: ask how it is going when a course of treatment ended at most this many days ago")
	f.IntVar(&c.WelcomeDays, "welcome-days", c.WelcomeDays, "call list: welcome new customers whose first visit, booked through a platform, was at most this many days ago")
}

// check refuses a call list that is neither .csv nor .xlsx, before the exports are read.
func (o callListOptions) check() error {
	if o.path == "" {
		return nil
	}
	if _, err := report.CallListFormat(o.path); err != nil {
		return usagef("write the call list as .csv or .xlsx: --contacts calls.xlsx", "%v", err)
	}
	return nil
}

// addCallList adds the call list of r to files (personal data: 0600), in the format of
// its extension (checked before the read), and warns on stderr when the export has no names.
func addCallList(io_ *IOStreams, files *atomicfile.Set, o callListOptions, exp *export.Result, r *analysis.Result, lang string, noun catalogue.Noun) (*report.CallList, error) {
	format, _ := report.CallListFormat(o.path)
	l, err := report.NewCallList(r, report.CallListOptions{Lang: lang, Noun: noun, FollowUps: o.followUps, Welcome: o.welcome})
	if err != nil {
		return nil, err
	}
	if !r.Set.Columns.Name && !io_.Quiet {
		fmt.Fprintln(io_.ErrOut, noNamesWarning(o.path, exp))
	}
	return l, files.Add(o.path, 0o600, func(w io.Writer) error { return l.Write(w, format) })
}

// noNamesWarning says that the call list has ids but no names, and which columns of the
// exports could hold the names: the column taken as the customer when its header is a
// word for a person (Client, Patient, Kunde), and the columns nothing took.
func noNamesWarning(path string, exp *export.Result) string {
	var cands []string
	for _, f := range exp.Summary.Files {
		if c, ok := f.Concepts["customer"]; ok && personWord(c.Header) {
			cands = append(cands, fmt.Sprintf("%q (taken as the customer id)", c.Header))
		}
		for _, u := range f.Unused {
			cands = append(cands, fmt.Sprintf("%q", u))
		}
	}
	cands = slices.Compact(cands)
	msg := fmt.Sprintf("winback: warning: call list %s: no column was taken as the name, so the list has ids only", path)
	if len(cands) > 0 {
		msg += "; columns that could hold the names: " + strings.Join(cands, ", ")
	}
	return msg + "\nwinback: hint: name the column: --column name='HEADER'"
}

// personWord reports whether a header is a word for the person rather than their number.
func personWord(h string) bool {
	switch strings.ToLower(strings.TrimSpace(h)) {
	case "client", "klient", "klientin", "patient", "patientin", "kunde", "kundin", "customer", "gast", "guest", "member", "mitglied":
		return true
	}
	return false
}

// reportCallList says on a terminal how many customers the call list holds, by group, and
// how many were left out.
func reportCallList(io_ *IOStreams, path string, l *report.CallList) {
	if io_.Quiet || !io_.ErrTTY { // a cron job mails whatever is on stderr
		return
	}
	fmt.Fprintf(io_.ErrOut, "winback: call list %s: %d customers", path, l.Len())
	for _, g := range []calls.Group{calls.WinBack, calls.FollowUp, calls.Welcome} {
		if n := l.ByGroup[g]; n > 0 {
			fmt.Fprintf(io_.ErrOut, "; %d %s", n, g)
		}
	}
	if l.Skipped > 0 {
		fmt.Fprintf(io_.ErrOut, "; %d left out because they do not want to be contacted", l.Skipped)
	}
	if l.Left > 0 {
		fmt.Fprintf(io_.ErrOut, "; %d held back by the answers of earlier calls", l.Left)
	}
	fmt.Fprintln(io_.ErrOut)
}
