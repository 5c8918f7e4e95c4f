package cli

import (
	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/pseudo"
)

// privacyOptions are the flags that choose between customer ids and pseudonyms, the same
// for every command that lists customers.
type privacyOptions struct {
	pseudo bool
	key    string
	// cmd tells an explicit --pseudonymize=false from the default.
	cmd *cobra.Command
}

func (o *privacyOptions) bind(c *cobra.Command) {
	o.cmd = c
	c.Flags().BoolVar(&o.pseudo, "pseudonymize", false, "show customers as stable pseudonyms and leave out names, e-mails and phones (default for --format md and html; --pseudonymize=false shows the ids)")
	c.Flags().StringVar(&o.key, "key", "", "secret key for the pseudonyms (default: $WINBACK_KEY); the same key gives the same pseudonyms next month")
}

// pseudonymizedByDefault is the one rule for every command: html and md, which get
// projected, printed and sent around, show pseudonyms; the owner's working outputs ids.
func pseudonymizedByDefault(format string) bool { return format == "html" || format == "md" }

// pseudonymize decides for one output in format: --pseudonymize when given (flag or
// config), else the format's default ([pseudonymizedByDefault]), which --with-contacts
// turns off. Ids that are e-mails, phones or names are pseudonyms in every format unless
// the contact details are asked for.
func (o *privacyOptions) pseudonymize(format string, withContacts bool, set *history.Set) bool {
	switch {
	case o.pseudo:
		return true
	case personalKeys(set) && !withContacts:
		return true
	case o.cmd != nil && o.cmd.Flags().Changed("pseudonymize"): // --pseudonymize=false
		return false
	}
	return !withContacts && pseudonymizedByDefault(format)
}

// pseudonymizer returns the pseudonymizer for an output in format, or nil for real ids.
func (o *privacyOptions) pseudonymizer(io *IOStreams, format string, withContacts bool, set *history.Set) *pseudo.Pseudonymizer {
	if !o.pseudonymize(format, withContacts, set) {
		return nil
	}
	return o.keyed(io, customerKeys(set))
}

// personalKeys reports whether the set's customers are keyed by personal data (e-mail,
// phone or name) instead of an id.
func personalKeys(set *history.Set) bool {
	switch set.KeyKind {
	case "email", "phone", "name":
		return true
	}
	return false
}

// keyed returns the pseudonymizer of --key or WINBACK_KEY, or, without either, one keyed
// by all the customers' keys, so that every command gives a customer the same pseudonym
// for the same export.
func (o *privacyOptions) keyed(io *IOStreams, keys pseudo.Keys) *pseudo.Pseudonymizer {
	key := o.key
	if key == "" {
		key = io.Getenv("WINBACK_KEY")
	}
	if key == "" {
		return pseudo.FromCustomers(keys)
	}
	return pseudo.New(key, keys)
}

// customerKeys lists the keys of a set's customers, in the set's order, when asked.
func customerKeys(set *history.Set) pseudo.Keys {
	return func() []string {
		keys := make([]string, len(set.Customers))
		for i := range set.Customers {
			keys[i] = set.Customers[i].Key
		}
		return keys
	}
}
