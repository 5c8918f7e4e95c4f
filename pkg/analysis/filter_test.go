package analysis

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/visit"
)

func TestFilterSelectsByTheLastVisit(t *testing.T) {
	set := praxis(t)
	r := run(t, set, set.LatestRecorded)
	all := r.Lapsed()
	// selectBy is the list of a new run narrowed by f.
	selectBy := func(f Filter) ([]int, error) {
		r := run(t, set, set.LatestRecorded)
		if err := r.Narrow(f); err != nil {
			return nil, err
		}
		return r.Lapsed(), nil
	}
	t.Run("the zero filter keeps everyone in order", func(t *testing.T) {
		got, err := selectBy(Filter{})
		if err != nil || !slices.Equal(got, all) {
			t.Errorf("Select = %v, %v; want all %d", len(got), err, len(all))
		}
	})
	for _, f := range []Filter{
		{Staff: "ANJA BERGER"}, {Service: "mld"}, {Location: "Weststadt"}, {Status: "lost"},
		{DueBefore: visit.DayOf(2024, 6, 1)}, {Staff: "Jonas Keller", Status: "lapsed"},
	} {
		t.Run("a filter keeps the ones it names, in the list's order", func(t *testing.T) {
			got, err := selectBy(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) == 0 || len(got) == len(all) {
				t.Fatalf("%+v selects %d of %d", f, len(got), len(all))
			}
			var want []int
			for _, i := range all {
				h, v := &set.Customers[i], &r.Verdicts[i]
				last, _ := lastVisit(h, r.AsOf)
				ok := (f.Staff == "" || strings.EqualFold(set.Staff.Name(last.Staff), f.Staff)) &&
					(f.Service == "" || strings.EqualFold(set.Services.Name(last.Service), f.Service)) &&
					(f.Location == "" || strings.EqualFold(h.Location, f.Location)) &&
					(f.Status == "" || v.Status.String() == f.Status) &&
					(f.DueBefore == 0 || v.ExpectedBack != visit.NoDay && v.ExpectedBack < f.DueBefore)
				if ok {
					want = append(want, i)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("%+v selects %v, want %v", f, got, want)
			}
		})
	}
	t.Run("an unknown name is an error that lists the names there are", func(t *testing.T) {
		_, err := selectBy(Filter{Staff: "Dr. Nobody"})
		var fe *FilterError
		if !errors.As(err, &fe) || !slices.Contains(fe.Known, "Anja Berger") {
			t.Errorf("err = %v", err)
		}
		if _, err := selectBy(Filter{Status: "due"}); err == nil {
			t.Error("--status due: no error; the list holds lapsed and lost customers only")
		}
	})
	t.Run("Narrow leaves the list the filter's and the verdicts whole", func(t *testing.T) {
		r := run(t, set, set.LatestRecorded)
		want, _ := selectBy(Filter{Location: "Mitte"})
		if err := r.Narrow(Filter{Location: "mitte"}); err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(r.Lapsed(), want) || len(r.Verdicts) != len(set.Customers) {
			t.Errorf("after Narrow: %d listed, want %d", len(r.Lapsed()), len(want))
		}
		if len(r.WinBack()) != len(want) {
			t.Fatalf("after Narrow: %d win-back calls for %d listed", len(r.WinBack()), len(want))
		}
		for k, c := range r.WinBack() {
			if c.Index != want[k] {
				t.Errorf("win-back call %d is customer %d's, the list's %d is %d", k, c.Index, k, want[k])
			}
		}
	})
}
