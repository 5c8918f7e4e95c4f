package cli

import (
	"slices"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/words"
)

// nounOptions binds --noun: what the texts call customers.
type nounOptions struct {
	flag string
	// noun is flag's noun, else the one the export's column names suggest, once
	// [nounOptions.resolve] has seen them.
	noun words.Noun
}

func (o *nounOptions) bind(c *cobra.Command) {
	c.Flags().StringVar(&o.flag, "noun", "", "what the texts call customers: customers, patients, guests or clients (default: from the export's column names, e.g. Patienten-Nr. gives patients)")
	c.RegisterFlagCompletionFunc("noun", fixedChoices("customers", "patients", "guests", "clients"))
}

// check validates --noun, before any export is read.
func (o *nounOptions) check() error {
	if o.flag == "" {
		return nil
	}
	n, err := words.ParseNoun(o.flag)
	if err != nil {
		return usagef("use --noun customers, patients, guests or clients", "%v", err)
	}
	o.noun = n
	return nil
}

// resolve sets the noun from the exports' column names unless --noun gave one, and
// returns it.
func (o *nounOptions) resolve(r *export.Summary) words.Noun {
	if o.noun == "" {
		o.noun = words.NounFromColumns(columnNames(r))
	}
	return o.noun
}

// columnNames returns the headers of the exports' columns, the customer column's first:
// what the customer noun is guessed from.
func columnNames(r *export.Summary) []string {
	var names []string
	for _, f := range r.Files {
		if c, ok := f.Concepts["customer"]; ok && f.Header {
			names = append(names, c.Header)
		}
	}
	for _, f := range r.Files {
		if !f.Header {
			continue
		}
		from := len(names)
		for _, c := range f.Concepts {
			names = append(names, c.Header)
		}
		slices.Sort(names[from:]) // the map's order is random
		names = append(names, f.Unused...)
	}
	return names
}
