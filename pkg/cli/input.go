package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/export"
)

// inputOptions are the flags of every command that reads exports.
type inputOptions struct {
	encoding   string
	delimiter  string
	noHeader   bool
	columns    []string
	dateFormat string
	statusMap  []string
	strict     bool
	dedupe     bool
	rejects    string
}

func (o *inputOptions) bind(c *cobra.Command) {
	f := c.Flags()
	f.StringVar(&o.encoding, "encoding", "", "input encoding (utf-8, utf-16le, utf-16be, windows-1252, iso-8859-1, ...); detected when empty")
	f.StringVar(&o.delimiter, "delimiter", "", "field delimiter: , ; tab | or whitespace; detected when empty")
	f.BoolVar(&o.noHeader, "no-header", false, "the files have no header row; name columns by position with --column date=3")
	f.StringArrayVar(&o.columns, "column", nil, "map a column to a concept: --column customer='Kd.-Nr' (repeatable; concepts: "+conceptList()+")")
	f.StringVar(&o.dateFormat, "date-format", "", "day/month order of ambiguous dates: dd/mm/yyyy, mm/dd/yyyy, dmy, mdy or ymd")
	f.StringArrayVar(&o.statusMap, "status-map", nil, "say what a status value means: --status-map 'erledigt=attended' (attended, cancelled, no-show, booked; repeatable)")
	f.BoolVar(&o.strict, "strict", false, "stop at the first bad row or unknown status value instead of skipping it")
	f.BoolVar(&o.dedupe, "dedupe", false, "drop a row identical to an earlier row of the same file (kept by default unless the file has an order or appointment number)")
	f.StringVar(&o.rejects, "rejects", "", "write the rejected rows with their reasons to this CSV file")
	c.RegisterFlagCompletionFunc("encoding", fixedChoices("utf-8", "utf-16le", "utf-16be", "windows-1252", "iso-8859-1", "iso-8859-15"))
	c.RegisterFlagCompletionFunc("delimiter", fixedChoices(",", ";", "tab", "|", "whitespace"))
	c.RegisterFlagCompletionFunc("date-format", fixedChoices("dd/mm/yyyy", "mm/dd/yyyy", "dd.mm.yyyy", "yyyy-mm-dd"))
}

func conceptList() string {
	var names []string
	for c := export.Customer; c <= export.ContactPreference; c++ {
		names = append(names, c.String())
	}
	return strings.Join(names, ", ")
}

func fixedChoices(choices ...string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return choices, cobra.ShellCompDirectiveNoFileComp
	}
}

// exportOptions validates the flags into the reader's options.
func (o *inputOptions) exportOptions() (export.Options, error) {
	opt := export.Options{Encoding: o.encoding, Delimiter: o.delimiter, NoHeader: o.noHeader,
		DateFormat: o.dateFormat, Strict: o.strict, Dedupe: o.dedupe,
		Columns: map[export.Concept]string{}, StatusMap: map[string]string{}}
	for _, kv := range o.columns {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(v) == "" {
			return opt, usagef("write it as --column date='Termin' (concept=header or concept=position)", "--column %q: expected concept=header", kv)
		}
		c, err := export.ParseConcept(k)
		if err != nil {
			return opt, &usageError{err: err, hint: "concepts: " + conceptList()}
		}
		opt.Columns[c] = v
	}
	for _, kv := range o.statusMap {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return opt, usagef("write it as --status-map 'erledigt=attended'", "--status-map %q: expected value=status", kv)
		}
		opt.StatusMap[k] = v
	}
	return opt, nil
}
