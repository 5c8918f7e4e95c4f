package cli

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/outreach"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
	"github.com/winback/winback/pkg/state"
)

// The files kept in --state: each run's state, the key beside them, and the old form of a
// state (a whole report JSON), still read.
const (
	statePrefix    = "winback-state-"
	oldStatePrefix = "winback-report-"
	keyFile        = "winback.key"
)

// latestState names the latest state in dir before asOf ("" when none).
func latestState(dir, asOf string) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("state: %w", err)
	}
	path, latest := "", ""
	for _, e := range entries {
		n := e.Name()
		date, ok := strings.CutPrefix(n, statePrefix)
		if !ok {
			date, ok = strings.CutPrefix(n, oldStatePrefix)
		}
		date, json := strings.CutSuffix(date, ".json")
		if !ok || !json {
			continue
		}
		switch {
		case date > asOf:
			// A cron job given last month's export again would report old news as new.
			return "", usagef("check that the export is the new one, or keep an older month's rerun apart with another --state directory",
				"--state %s holds a run as of %s, after this run's as-of date %s", dir, date, asOf)
		case date < asOf && (date > latest || date == latest && strings.HasPrefix(n, statePrefix)):
			path, latest = filepath.Join(dir, n), date
		}
	}
	return path, nil
}

// loadPrevious reads --previous, or the latest state in --state before this as-of date.
func (o *reportOptions) loadPrevious(r *analysis.Result) (*state.State, error) {
	path := o.previous
	if path == "" && o.state != "" {
		var err error
		if path, err = latestState(o.state, r.AsOf.String()); err != nil || path == "" {
			return nil, err
		}
	}
	if path == "" {
		return nil, nil
	}
	hint := "name the JSON written by an earlier 'winback report -o FILE.json', or a state file"
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, usagef(hint, "--previous: %v", err)
	}
	prev, err := state.Parse(b)
	if errors.Is(err, state.ErrNotState) {
		return nil, usagef(hint, "%s is not a winback report", path)
	} else if errors.Is(err, state.ErrNoStatuses) {
		return nil, usagef(hint, "%s %v", path, err)
	} else if err != nil {
		return nil, usagef(hint, "%s: %v", path, err)
	}
	if prev.AsOf > r.AsOf.String() {
		return nil, usagef("name the report of an earlier run, or give --as-of", "%s is a report as of %s, after this run's as-of date %s", path, prev.AsOf, r.AsOf)
	}
	return prev, nil
}

// stableKey returns the pseudonymizer of --key or WINBACK_KEY, else that of the key kept
// in --state, made (and added to files) when there is none and no earlier state needs
// one. Without either, that of the data ([privacyOptions.keyed]).
func (o *reportOptions) stableKey(files *atomicfile.Set, prev *state.State, keys []string) (*pseudo.Pseudonymizer, error) {
	key := o.an.keyed(o.a.io, keys)
	if key.FromData && o.state != "" {
		path := filepath.Join(o.state, keyFile)
		b, err := os.ReadFile(path)
		switch {
		case err == nil && strings.TrimSpace(string(b)) != "":
			key = pseudo.New(strings.TrimSpace(string(b)))
		case prev != nil && prev.Pseudonymized:
			return nil, usagef(fmt.Sprintf("give the --key (or WINBACK_KEY, or key: in the config file) it was written with, or put the key back in %s", path),
				"the state in %s holds pseudonyms, and no key was found to match them", o.state)
		default:
			k, err := pseudo.NewKey()
			if err != nil {
				return nil, err
			}
			if err := os.MkdirAll(o.state, 0o700); err != nil {
				return nil, fmt.Errorf("state: %w", err)
			}
			if err := files.Add(path, 0o600, func(w io.Writer) error { _, err := fmt.Fprintln(w, k); return err }); err != nil {
				return nil, err
			}
			key = pseudo.New(k)
		}
	}
	if prev != nil && prev.Pseudonymized {
		if key.FromData || prev.KeyCheck != "" && prev.KeyCheck != key.KeyCheck() {
			return nil, usagef("give the --key (or WINBACK_KEY) the earlier run was written with", "the previous run's pseudonyms were made with another key; comparing needs the same key")
		}
	}
	return key, nil
}

// previousReport is what "since last time" compares with.
func previousReport(prev *state.State, key *pseudo.Pseudonymizer) (*report.Report, *pseudo.Pseudonymizer) {
	if prev == nil {
		return nil, nil
	}
	rep := &report.Report{Version: report.Version, AsOf: prev.AsOf, Pseudonymized: prev.Pseudonymized, Statuses: prev.Statuses()}
	if prev.Pseudonymized {
		return rep, key
	}
	return rep, nil
}

// addState adds this run's state in --state to files.
func (o *reportOptions) addState(files *atomicfile.Set, st *state.State) error {
	if err := os.MkdirAll(o.state, 0o700); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	path := filepath.Join(o.state, statePrefix+st.AsOf+".json")
	return files.Add(path, 0o600, func(w io.Writer) error { return state.Write(w, st) })
}

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
	c.previous, c.prevKey = previousReport(prev, c.key)
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
