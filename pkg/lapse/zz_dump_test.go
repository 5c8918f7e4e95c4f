package lapse

import (
	"testing"
	"encoding/csv"
	"fmt"
	"os"
	"strings"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/visit"
)

func TestZZDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	f, _ := os.Open("../../testdata/praxis/praxis.csv")
	res, err := export.Read([]export.Input{{Name: "p", R: f}}, export.Options{})
	if err != nil {
		panic(err)
	}
	set := res.Set
	asOf := visit.DayOf(2025, 6, 30)
	tf, _ := os.Open("../../testdata/praxis/praxis_truth.csv")
	rows, _ := csv.NewReader(tf).ReadAll()
	want := map[string]bool{}
	for _, a := range strings.Fields(os.Getenv("DUMP")) {
		want[a] = true
	}
	for _, r := range rows[1:] {
		if !want[r[1]] && !want[r[0]] && !want[r[5]] {
			continue
		}
		h := set.Find(r[0])
		var b strings.Builder
		prev := visit.NoDay
		for _, e := range h.Events {
			if e.Day > asOf {
				fmt.Fprintf(&b, " [%s %s]", e.Day, e.Status)
				continue
			}
			if !e.IsVisit(asOf) {
				fmt.Fprintf(&b, " x%s", e.Status)
				continue
			}
			g := 0
			if prev != visit.NoDay {
				g = int(e.Day - prev)
			}
			prev = e.Day
			fmt.Fprintf(&b, " %d:%s", g, set.Services.Name(e.Service))
		}
		fmt.Printf("%s %s %s last=%s gap=%d |%s\n", r[0], r[1], r[5], r[6], int(asOf-prev), b.String())
	}
}
