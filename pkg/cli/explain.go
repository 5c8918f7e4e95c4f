package cli

import (
	"strings"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
)

// explainFormats are the formats of explain: html is a page with the customer's visits
// and their chance of coming back on a timeline.
var explainFormats = []string{"table", "md", "json", "html"}

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

  # the same as a web page, with a timeline of the visits
  winback explain --customer 1227 --lang de -o patient-1227.html testdata/praxis/praxis.csv

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
	o.out.bind(c, explainFormats)
	o.an.bind(c)
	c.Flags().StringVar(&o.customer, "customer", "", "the customer's id, e-mail, phone or pseudonym")
	return c
}

func runExplain(o *explainOptions) error {
	lang, format, err := o.out.prepare(o.a.io, explainFormats, o.files, o.input.rejects)
	if err != nil {
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
	p := o.an.pseudonymizer(o.a.io, format, false, r.Set)
	o.out.private = true // one customer's visits, and their name, phone and e-mail
	return o.out.emit(o.a.io, format, lang, report.ExplainView(r, i, lang, o.an.noun.noun, p))
}

// findCustomer finds a customer by key, by normalised e-mail or phone, or by pseudonym.
func findCustomer(r *analysis.Result, want, key, envKey string) int {
	want = strings.TrimSpace(want)
	for _, k := range []string{want, strings.ToLower(want), "email:" + strings.ToLower(want)} {
		if i := r.Index(k); i >= 0 {
			return i
		}
	}
	if strings.HasPrefix(strings.ToUpper(want), pseudo.Prefix) {
		all := customerKeys(r.Set)()
		keys := func() []string { return all }
		for _, p := range []*pseudo.Pseudonymizer{pseudo.New(key, keys), pseudo.New(envKey, keys), pseudo.FromCustomers(keys)} {
			if key == "" && envKey == "" && !p.FromData {
				continue
			}
			if k := p.Find(want, all); k != "" {
				return r.Index(k)
			}
		}
	}
	return -1
}
