package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/state"
)

// hold keeps off r's lists whom the filed calls (--outcomes, and those in the latest
// state of --state) and the control group keep off, for a command that writes no state.
func (o *outreachOptions) hold(io *IOStreams, an *analysisOptions, r *analysis.Result) error {
	var prev *state.State
	keys := customerKeys(r.Set)
	key := an.keyed(io, keys)
	if o.state != "" {
		path, err := latestState(o.state, r.AsOf.String()+"~") // this month's own run too
		if err != nil {
			return err
		}
		if path != "" {
			b, err := os.ReadFile(path)
			if err != nil {
				return fmt.Errorf("state: %w", err)
			}
			if prev, err = state.Parse(b); err != nil {
				return usagef("name the --state directory of the monthly report", "%s: %v", path, err)
			}
		}
		if b, err := os.ReadFile(filepath.Join(o.state, keyFile)); key.FromData && err == nil {
			key = pseudo.New(strings.TrimSpace(string(b)), keys)
		}
		if prev != nil && prev.Pseudonymized && (key.FromData || prev.KeyCheck != "" && prev.KeyCheck != key.KeyCheck()) {
			return usagef("give the --key (or WINBACK_KEY) the report was written with", "the state in %s holds pseudonyms, and no key was found to match them", o.state)
		}
	}
	if !o.active(prev) {
		return nil
	}
	_, _, err := o.plan(io, r, prev, key)
	return err
}
