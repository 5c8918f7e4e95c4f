package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/report"
)

// statePrefix names the JSON files kept in --state.
const statePrefix = "winback-report-"

// loadPrevious reads --previous, or the latest report in --state before this as-of date.
func (o *reportOptions) loadPrevious(r *analysis.Result, keys []string) (*report.Report, *pseudo.Pseudonymizer, error) {
	path := o.previous
	if path == "" && o.state != "" {
		entries, err := os.ReadDir(o.state)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return nil, nil, fmt.Errorf("state: %w", err)
		}
		asOf := r.AsOf.String()
		for _, e := range entries {
			n := e.Name()
			if !strings.HasPrefix(n, statePrefix) || !strings.HasSuffix(n, ".json") {
				continue
			}
			switch date := strings.TrimSuffix(strings.TrimPrefix(n, statePrefix), ".json"); {
			case date < asOf:
				path = filepath.Join(o.state, n) // names sort by date; keep the latest
			case date > asOf:
				// A cron job given last month's export again would report old news as new.
				return nil, nil, usagef("check that the export is the new one, or keep an older month's rerun apart with another --state directory",
					"--state %s holds a run as of %s, after this run's as-of date %s", o.state, date, asOf)
			}
		}
		if path == "" {
			return nil, nil, nil
		}
	}
	if path == "" {
		return nil, nil, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, usagef("name the JSON written by an earlier 'winback report -o FILE.json'", "--previous: %v", err)
	}
	var prev report.Report
	if err := json.Unmarshal(b, &prev); err != nil || prev.Version == 0 || prev.Statuses == nil {
		return nil, nil, usagef("name the JSON written by an earlier 'winback report -o FILE.json'", "%s is not a winback report", path)
	}
	if len(prev.Statuses) == 0 && prev.Summary.Customers > 0 {
		return nil, nil, usagef("name the JSON written by an earlier 'winback report -o FILE.json'", "%s holds no customer statuses to compare with", path)
	}
	if prev.AsOf > r.AsOf.String() {
		return nil, nil, usagef("name the report of an earlier run, or give --as-of", "%s is a report as of %s, after this run's as-of date %s", path, prev.AsOf, r.AsOf)
	}
	if prev.Version > report.Version {
		return nil, nil, usagef("use a winback at least as new as the one that wrote it", "%s has report schema version %d; this winback reads up to %d", path, prev.Version, report.Version)
	}
	var pp *pseudo.Pseudonymizer
	if prev.Pseudonymized {
		pp = o.an.keyed(o.a.io, keys)
		if pp.FromData {
			return nil, nil, usagef("give the --key (or WINBACK_KEY) the earlier report was written with", "%s holds pseudonyms; comparing needs the same key", path)
		}
	}
	return &prev, pp, nil
}

// addState adds this run's JSON (real ids, no contact details) in --state to files.
func (o *reportOptions) addState(files *atomicfile.Set, rep *report.Report) error {
	if err := os.MkdirAll(o.state, 0o700); err != nil {
		return fmt.Errorf("state: %w", err)
	}
	path := filepath.Join(o.state, statePrefix+rep.AsOf+".json")
	w, err := report.NewWriter("json", report.Options{})
	if err != nil {
		return err
	}
	return files.Add(path, 0o600, func(f io.Writer) error { return w.Write(f, rep) })
}
