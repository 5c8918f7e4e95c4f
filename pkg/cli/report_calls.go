package cli

import (
	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/outreach"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
)

// runCalls is what a run knows of the calls: the previous state, the stable key, and the
// plan made from them and the filled lists.
type runCalls struct {
	previous *report.Report
	prevKey  *pseudo.Pseudonymizer
	key      *pseudo.Pseudonymizer
	plan     *outreach.Plan
	outreach *report.Outreach
}

// readCalls loads the previous state and the key, reads the filled lists, and keeps the
// customers they hold off r's lists.
func (o *reportOptions) readCalls(files *atomicfile.Set, r *analysis.Result) (*runCalls, error) {
	prev, err := o.loadPrevious(r)
	if err != nil {
		return nil, err
	}
	c := &runCalls{}
	if c.key, err = o.stableKey(files, prev, customerKeys(r.Set)); err != nil {
		return nil, err
	}
	if prev != nil { // what "since last time" compares with
		c.previous = &report.Report{Version: report.Version, AsOf: prev.AsOf, Pseudonymized: prev.Pseudonymized, Statuses: prev.Statuses()}
		if prev.Pseudonymized {
			c.prevKey = c.key
		}
	}
	if o.state == "" && !o.calls.active(prev) {
		return c, nil
	}
	if c.plan, c.outreach, err = o.calls.plan(o.a.io, r, prev, c.key); err != nil {
		return nil, err
	}
	if !o.calls.active(prev) {
		c.outreach.Told = nil
	}
	return c, nil
}
