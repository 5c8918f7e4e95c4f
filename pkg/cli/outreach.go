package cli

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/outcome"
	"github.com/winback/winback/pkg/outreach"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/state"
)

// outreachOptions are the flags that read the calls back: the filled call lists, the
// control group and the pause after a call.
type outreachOptions struct {
	outcomes []string
	control  string
	pause    int
	state    string // lapsed --state (report has its own)
}

func (o *outreachOptions) bind(c *cobra.Command) {
	c.Flags().StringArrayVar(&o.outcomes, "outcomes", nil, "a call list the practice filled in (csv or xlsx, either language); repeatable. Who asked for no more calls, moved away or died is never listed again")
	c.Flags().StringVar(&o.control, "control", "", "keep this share of the win-back list uncalled as a control group, e.g. 10% (stable from month to month; needs a key)")
	c.Flags().IntVar(&o.pause, "call-pause-weeks", 8, "a customer called within this many weeks is not listed again unless they visited or their status changed")
}

// share parses --control: "10%", "10" or "0.1".
func (o *outreachOptions) share() (float64, error) {
	s := strings.TrimSpace(o.control)
	if s == "" {
		return 0, nil
	}
	pct := strings.HasSuffix(s, "%")
	x, err := strconv.ParseFloat(strings.TrimSpace(strings.TrimSuffix(s, "%")), 64)
	if err == nil && (pct || x >= 1) {
		x /= 100
	}
	if err != nil || x <= 0 || x > 0.5 {
		return 0, usagef("give a share between 1% and 50%, e.g. --control 10%", "--control %q: not a share of the list", o.control)
	}
	return x, nil
}

// active says whether anything is to be read back or decided.
func (o *outreachOptions) active(prev *state.State) bool {
	return len(o.outcomes) > 0 || o.control != "" || prev != nil && len(prev.Outcomes) > 0
}

// plan reads the filled lists and makes the month's plan, with key the stable key (nil:
// none): it keeps the held customers off r's lists. Bad rows are reported on stderr and
// in the report; they never stop the run.
func (o *outreachOptions) plan(io *IOStreams, r *analysis.Result, prev *state.State, key *pseudo.Pseudonymizer) (*outreach.Plan, *report.Outreach, error) {
	share, err := o.share()
	if err != nil {
		return nil, nil, err
	}
	if share > 0 && (key == nil || key.FromData) {
		return nil, nil, usagef("give --state DIR (it keeps a key beside the state) or --key", "--control needs a stable key: the control group must stay the same from month to month")
	}
	read := &outcome.Result{}
	for _, path := range o.outcomes {
		f, err := os.Open(path)
		if err != nil {
			return nil, nil, usagef("name the call list the practice filled in", "--outcomes: %v", err)
		}
		res, err := outcome.Read(path, f)
		f.Close()
		if err != nil {
			return nil, nil, usagef("name the call list the practice filled in", "--outcomes: %v", err)
		}
		read.Add(res)
	}
	p := outreach.New(r, prev, read.Outcomes, outreach.Options{Pseudonyms: key, Control: share, PauseWeeks: o.pause})
	r.Withhold(p.Hold)
	told := p.Told()
	if !io.Quiet {
		bad := append(append([]outcome.Reject{}, read.Rejects...), told.Unmatched...)
		for k, rj := range bad {
			if k == 10 {
				fmt.Fprintf(io.ErrOut, "winback: outcomes: %d more rows not used (all are in the report)\n", len(bad)-k)
				break
			}
			fmt.Fprintf(io.ErrOut, "winback: outcomes %s (row not used)\n", rj)
		}
	}
	return p, &report.Outreach{Told: told, Effect: p.Effect(), Read: read, Control: share, PauseWeeks: o.pause, Hold: p.Hold}, nil
}
