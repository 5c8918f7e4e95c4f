package cli

import (
	"errors"
	"strings"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/export"
)

// filterOptions are the flags that narrow the list of lapsed customers to one branch,
// therapist, service, status or due date ([analysis.Filter]).
type filterOptions struct {
	staff, location, service, status, dueBefore string
}

func (o *filterOptions) bind(c *cobra.Command) {
	f := c.Flags()
	f.StringVar(&o.staff, "staff", "", "list only the customers whose last visit was with this staff member")
	f.StringVar(&o.location, "location", "", "list only the customers of this location (their latest one)")
	f.StringVar(&o.service, "service", "", "list only the customers whose last visit was for this service")
	f.StringVar(&o.status, "status", "", "list only the lapsed or only the lost customers")
	f.StringVar(&o.dueBefore, "due-before", "", "list only the customers who were due back before this date (yyyy-mm-dd, or as the export writes dates)")
	c.RegisterFlagCompletionFunc("status", fixedChoices("lapsed", "lost"))
}

// apply narrows r's list of lapsed customers ([analysis.Result.Narrow]).
func (o *filterOptions) apply(r *analysis.Result, rep *export.Summary) error {
	f := analysis.Filter{Staff: o.staff, Location: o.location, Service: o.service, Status: o.status}
	if o.dueBefore != "" {
		d, err := parseDate("due-before", o.dueBefore, rep)
		if err != nil {
			return err
		}
		f.DueBefore = d
	}
	if f.Any() {
		return nil
	}
	err := r.Narrow(f)
	var fe *analysis.FilterError
	if errors.As(err, &fe) {
		if len(fe.Known) == 0 {
			return usagef("leave out --"+fe.Flag+", or map the column with --column "+fe.Flag+"=HEADER", "%v", err)
		}
		known := fe.Known
		more := ""
		if len(known) > 20 {
			known, more = known[:20], ", …"
		}
		return usagef("the data has: "+strings.Join(known, ", ")+more, "%v", err)
	}
	return err
}

// describe returns the filter flags given, as a shell would take them back ("--staff
// 'Anja Berger'"); "" when none is.
func (o *filterOptions) describe() string {
	var parts []string
	for _, f := range []struct{ name, value string }{{"staff", o.staff}, {"location", o.location},
		{"service", o.service}, {"status", o.status}, {"due-before", o.dueBefore}} {
		if f.value != "" {
			parts = append(parts, "--"+f.name+" "+shellQuote(f.value))
		}
	}
	return strings.Join(parts, " ")
}
