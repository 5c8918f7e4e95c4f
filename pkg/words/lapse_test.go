package words

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/calls"
	"github.com/winback/winback/pkg/lapse"
)

// TestAppendFIsWhatFWrites fills every text the explanations and the calls' why texts
// take through appendF with strings, byte slices and ints, and compares with F.
func TestAppendFIsWhatFWrites(t *testing.T) {
	verb := regexp.MustCompile(`%(\[\d\])?[sd]`)
	for _, lang := range []string{"en", "de"} {
		c := For(lang)
		for _, key := range Keys() {
			if !strings.HasPrefix(key, "lapse.") && !strings.HasPrefix(key, "calls.why.") {
				continue
			}
			kinds := map[int]string{} // the verb of each argument
			next := 0
			for _, m := range verb.FindAllStringSubmatch(c.T(key), -1) {
				if m[1] != "" {
					next = int(m[1][1] - '1')
				}
				kinds[next] = m[0][len(m[0])-1:]
				next++
			}
			if len(kinds) == 0 {
				continue // a text taken as it stands (T), "under 1%"
			}
			var strs, bytes []any
			for i := range len(kinds) {
				if kinds[i] == "d" {
					strs, bytes = append(strs, 1000*i+7), append(bytes, 1000*i+7)
				} else {
					strs, bytes = append(strs, fmt.Sprintf("arg %d", i)), append(bytes, fmt.Appendf(nil, "arg %d", i))
				}
			}
			want := c.F(key, strs...)
			for _, args := range [][]any{strs, bytes} {
				if got := string(c.appendF([]byte(nil), key, args...)); got != want {
					t.Errorf("%s %s: appendF gives %q, F %q", lang, key, got, want)
				}
			}
		}
	}
}

// TestExplanationsMakeOneString checks that an explanation and a why text allocate only
// the string they return.
func TestExplanationsMakeOneString(t *testing.T) {
	c := For("de")
	v := lapse.Verdict{Status: lapse.Lapsed, Rule: lapse.RuleCourse, Visits: 9, UsualGap: 45, CurrentGap: 100,
		Basis: lapse.Basis{Service: "Krankengymnastik", CourseVisits: 6}}
	k := calls.Call{Away: 400, Chance: 0.153, Value: 1932379, Recoverable: 290106, LongLost: true, Outranks: true}
	if a := testing.AllocsPerRun(10, func() { c.Explanation(&v) }); a != 1 {
		t.Errorf("Explanation: %v allocations, want 1", a)
	}
	if a := testing.AllocsPerRun(10, func() { c.WinBackWhy(&k, true) }); a != 1 {
		t.Errorf("WinBackWhy: %v allocations, want 1", a)
	}
}
