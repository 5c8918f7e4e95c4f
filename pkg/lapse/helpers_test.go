package lapse_test

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/visit"
)

// readExport reads one export with winback's own reader.
func readExport(t testing.TB, name string, r io.Reader) *history.Set {
	t.Helper()
	res, err := export.Read([]export.Input{{Name: name, R: r}}, export.Options{})
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return res.Set
}

func readExportFile(t testing.TB, path string) *history.Set {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return readExport(t, path, f)
}

// readTruth reads a truth CSV into one map per row, keyed by the header.
func readTruth(t testing.TB, data []byte) []map[string]string {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, h := range rows[0] {
			m[h] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// confusion counts verdict statuses by true state.
type confusion map[string]map[lapse.Status]int

func (c confusion) add(state string, s lapse.Status) {
	if c[state] == nil {
		c[state] = map[lapse.Status]int{}
	}
	c[state][s]++
}

var allStatuses = []lapse.Status{lapse.Booked, lapse.Active, lapse.Due, lapse.FollowUp, lapse.Lapsed, lapse.Lost, lapse.NotSeen}

// String prints the table: one row per true state, one column per status.
func (c confusion) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%-16s", "truth \\ status")
	for _, s := range allStatuses {
		fmt.Fprintf(&b, "%10s", s)
	}
	states := make([]string, 0, len(c))
	for st := range c {
		states = append(states, st)
	}
	slices.Sort(states)
	for _, st := range states {
		fmt.Fprintf(&b, "\n%-16s", st)
		for _, s := range allStatuses {
			fmt.Fprintf(&b, "%10d", c[st][s])
		}
	}
	return b.String()
}

// precisionRecall returns the precision and recall of "missing" (lapsed or lost) against
// the true state want.
func (c confusion) precisionRecall(want string) (precision, recall float64, tp, fp, fn int) {
	for st, row := range c {
		for s, n := range row {
			switch {
			case s.Missing() && st == want:
				tp += n
			case s.Missing():
				fp += n
			case st == want:
				fn += n
			}
		}
	}
	return float64(tp) / float64(tp+fp), float64(tp) / float64(tp+fn), tp, fp, fn
}

// assessAll judges every customer of set as of asOf through an [lapse.Assessor], as the
// analysis does, and returns the verdicts in the order of set.Customers.
func assessAll(set *history.Set, asOf visit.Day, cfg lapse.Config, m *lapse.Models) []lapse.Verdict {
	a := lapse.NewAssessor(set, asOf, cfg, m)
	out := make([]lapse.Verdict, len(set.Customers))
	w := a.Worker()
	var events []history.Event
	for i := range set.Customers {
		events = set.Customers[i].AppendEvents(events[:0])
		w.Assess(i, events, &out[i])
	}
	return out
}

// missing returns the lapsed and lost of vs.
func missing(vs []lapse.Verdict) []lapse.Verdict {
	var out []lapse.Verdict
	for _, v := range vs {
		if v.Status.Missing() {
			out = append(out, v)
		}
	}
	return out
}
