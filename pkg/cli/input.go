package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/atomicfile"
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
		DateFormat: o.dateFormat, Strict: o.strict, Dedupe: o.dedupe}
	for _, kv := range o.columns {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || strings.TrimSpace(v) == "" {
			return opt, usagef("write it as --column date='Termin' (concept=header or concept=position)", "--column %q: expected concept=header", kv)
		}
		c, err := export.ParseConcept(k)
		if err != nil {
			return opt, &usageError{err: err, hint: "concepts: " + conceptList()}
		}
		if opt.Columns == nil {
			opt.Columns = map[export.Concept]string{}
		}
		opt.Columns[c] = v
	}
	for _, kv := range o.statusMap {
		k, v, ok := strings.Cut(kv, "=")
		if !ok {
			return opt, usagef("write it as --status-map 'erledigt=attended'", "--status-map %q: expected value=status", kv)
		}
		if opt.StatusMap == nil {
			opt.StatusMap = map[string]string{}
		}
		opt.StatusMap[k] = v
	}
	return opt, nil
}

// readExports opens the named files ("-" is standard input), reads them and writes the
// rejects file when asked. Paths named as outputs are refused as inputs elsewhere.
//
// On a terminal, a long read shows its progress on standard error unless --quiet.
func readExports(io_ *IOStreams, paths []string, o *inputOptions) (*export.Result, error) {
	return readExportsFor(io_, paths, o, readFor{})
}

// readFor says what a command does with what it reads.
type readFor struct {
	// noContacts: the command shows no names, e-mails, phones or contact preferences, so
	// the read keeps only whether they are given ([export.Options.WithholdContacts]).
	noContacts bool
}

// readExportsFor is readExports for a command that does what rf says.
func readExportsFor(io_ *IOStreams, paths []string, o *inputOptions, rf readFor) (*export.Result, error) {
	opt, err := o.exportOptions()
	if err != nil {
		return nil, err
	}
	opt.WithholdContacts = rf.noContacts
	var inputs []export.Input
	var total int64
	stdin := false
	for _, p := range paths {
		if p == "-" {
			if stdin {
				return nil, usagef("name standard input once", "- given twice")
			}
			stdin = true
			inputs = append(inputs, export.Input{Name: "<stdin>", R: io_.In})
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, &export.InputError{Err: fmt.Errorf("%w: %v", export.ErrUnreadable, err), Hint: "check the path; use - to read standard input"}
		}
		defer f.Close()
		if st, err := f.Stat(); err == nil && st.IsDir() {
			return nil, &export.InputError{Err: fmt.Errorf("%w: %s is a directory", export.ErrUnreadable, p), Hint: "name the export files inside it, e.g. " + p + "/*.csv"}
		}
		inputs = append(inputs, export.Input{Name: p, R: f})
		if st, err := f.Stat(); err == nil {
			total += st.Size()
		}
	}
	if io_.ErrTTY && !io_.Quiet {
		var read atomic.Int64
		for i := range inputs {
			inputs[i].R = countingReader{r: inputs[i].R, n: &read}
		}
		defer startProgress(io_, reading(&read, total))()
	}
	if o.rejects == "" {
		return export.Read(inputs, opt)
	}
	// The rejected rows go to the file as they are found, not kept; the file is only put
	// in place when the read succeeds.
	var res *export.Result
	var readErr error
	err = atomicfile.Write(o.rejects, 0o600, func(w io.Writer) error {
		rw := newRejectsWriter(w)
		opt.Rejects = rw
		if res, readErr = export.Read(inputs, opt); readErr != nil {
			return readErr
		}
		return rw.close()
	})
	if readErr != nil {
		return nil, readErr
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}
