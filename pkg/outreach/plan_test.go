package outreach_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/outcome"
	"github.com/winback/winback/pkg/outreach"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/state"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// praxisAt analyses the shipped sample practice, with its contact details, as of a day.
func praxisAt(t *testing.T, asOf visit.Day) *analysis.Result {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "..", "testdata", "praxis", "praxis.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	res, err := export.Read([]export.Input{{Name: "praxis.csv", R: f}}, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	set, _ := res.Set.AsOf(asOf)
	r, err := analysis.Run(set, analysis.Options{AsOf: asOf, Period: model.Weeks, Lapse: lapse.DefaultConfig(), Reasons: reason.DefaultConfig()})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestStateHoldsNoPersonalData(t *testing.T) {
	r := praxisAt(t, visit.DayOf(2025, 6, 30))
	key := pseudo.New("k", nil)
	lapsed := r.Lapsed()
	filed := []outcome.Outcome{{ID: r.Set.Customers[lapsed[0]].Key, CalledOn: "2025-06-01", Reached: "yes", Answer: "price", DoNotContact: true}}
	p := outreach.New(r, nil, filed, outreach.Options{Pseudonyms: key, Control: 0.1, PauseWeeks: 8})
	var b bytes.Buffer
	if err := state.Write(&b, p.State()); err != nil {
		t.Fatal(err)
	}
	js := b.String()
	var private []string
	for i := range r.Set.Customers {
		h := &r.Set.Customers[i]
		private = append(private, `"`+h.Key+`"`, h.Details().Name, h.Details().Phone, h.Details().Email, h.Referrer)
	}
	for k := 1; k < r.Set.Services.Len(); k++ {
		private = append(private, `"`+r.Set.Services.Name(history.Sym(k))+`"`)
	}
	for _, s := range private {
		if s != "" && strings.Contains(js, s) {
			t.Fatalf("the state holds %q", s)
		}
	}
	for _, word := range []string{"amount", "value", "service", "name", "phone", "email", "referr", "note"} {
		if strings.Contains(strings.ToLower(js), word) {
			t.Errorf("the state has a field about %s", word)
		}
	}
	back, err := state.Parse(b.Bytes())
	if err != nil || len(back.Customers) == 0 || len(back.Outcomes) != 1 || !back.Pseudonymized || back.KeyCheck != key.KeyCheck() {
		t.Fatalf("read back: %v %+v", err, back)
	}
}

func TestPlanHoldsAndMatchesPseudonyms(t *testing.T) {
	may, june := praxisAt(t, visit.DayOf(2025, 5, 30)), praxisAt(t, visit.DayOf(2025, 6, 30))
	key := pseudo.New("k", nil)
	o := outreach.Options{Pseudonyms: key, Control: 0.2, PauseWeeks: 8}
	pm := outreach.New(may, nil, nil, o)
	may.Withhold(pm.Hold)
	prev := pm.State()
	var list []string
	for _, i := range may.Lapsed() {
		list = append(list, may.Set.Customers[i].Key)
	}
	if len(list) < 6 {
		t.Fatalf("May lists %d", len(list))
	}
	// Called in June: one by pseudonym (a pseudonymised list), one who moved away, one
	// called with nothing changed since.
	filed := []outcome.Outcome{
		{ID: strings.ToLower(key.Name(list[0])), CalledOn: "2025-06-02", Reached: "yes", DoNotContact: true},
		{ID: list[1], CalledOn: "2025-06-02", Answer: "moved-away"},
		{ID: list[2], CalledOn: "2025-06-02", Reached: "no"},
		{ID: "nobody", CalledOn: "2025-06-02", Reached: "no", File: "f.csv", Line: 9},
	}
	pj := outreach.New(june, prev, filed, o)
	june.Withhold(pj.Hold)
	on := map[string]bool{}
	for _, i := range june.Lapsed() {
		on[june.Set.Customers[i].Key] = true
	}
	for _, k := range list[:2] {
		if on[k] {
			t.Errorf("%s is listed again after no more calls / moving away", k)
		}
	}
	if i := june.Index(list[2]); june.Verdicts[i].LastVisit <= visit.DayOf(2025, 6, 2) && on[list[2]] {
		t.Errorf("%s was called three weeks ago, nothing changed, and is listed again", list[2])
	}
	told := pj.Told()
	if told.Calls != 3 || told.Held[outreach.Never] != 2 || len(told.Unmatched) != 1 || told.Unmatched[0].Line != 9 {
		t.Errorf("told %+v", told)
	}
	// The control group is recorded and stays the same in June, also for a share
	// changed since.
	st := pj.State()
	groups := map[string]string{}
	for _, c := range prev.Customers {
		groups[c.ID] = c.Group
	}
	controls := 0
	for _, c := range st.Customers {
		if groups[c.ID] != "" && c.Group != groups[c.ID] {
			t.Errorf("%s was %s in May, %s in June", c.ID, groups[c.ID], c.Group)
		}
		if c.Group == state.Control {
			controls++
		}
	}
	if controls == 0 || told.Held[outreach.ControlGroup] == 0 {
		t.Errorf("no control group: %d in the state, %d held", controls, told.Held[outreach.ControlGroup])
	}
	for i := range june.Set.Customers {
		if on[june.Set.Customers[i].Key] && groups[key.Name(june.Set.Customers[i].Key)] == state.Control {
			t.Errorf("control customer %s is on the list", june.Set.Customers[i].Key)
		}
	}
	// The same list filed again next month counts once.
	again := outreach.New(june, st, filed, o).Told()
	if again.Calls != 3 || again.CallsMonth != 0 {
		t.Errorf("filed twice: %d calls, %d new", again.Calls, again.CallsMonth)
	}
}

func TestConfirmedHintsExist(t *testing.T) {
	c := words.For("en")
	for _, a := range words.AnswerCategories() {
		for _, code := range []string{"price-up", "long-wait", "many-contacts", "staff-switch", "one-visit", "last-no-show",
			"course-finished", "slowing", "no-contact-preference", "last-cancelled"} {
			if outreach.Confirms(a.Code, code) && !c.Has("reason."+code+".label") {
				t.Errorf("answer %s confirms hint %s, which the catalogue does not know", a.Code, code)
			}
		}
	}
	if !outreach.Confirms("price", "price-up") || outreach.Confirms("will-book", "price-up") {
		t.Error("price confirms price-up; will book confirms nothing")
	}
}
