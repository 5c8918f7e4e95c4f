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

// addState adds this run's state in --state to files.
func (o *reportOptions) addState(files *atomicfile.Set, st *state.State) error {
	if err := os.MkdirAll(o.state, 0o700); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	path := filepath.Join(o.state, statePrefix+st.AsOf+".json")
	return files.Add(path, 0o600, func(w io.Writer) error { return state.Write(w, st) })
}
