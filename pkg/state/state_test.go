package state

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/outcome"
)

func TestStateRoundTripAndOldForm(t *testing.T) {
	s := &State{AsOf: "2025-06-30", Pseudonymized: true, KeyCheck: "P-00000000", Control: 0.1,
		Customers: []Customer{{ID: "P-2", Status: "lost", Since: "2025-05-30", Group: Control}, {ID: "P-1", Status: "active"}},
		Outcomes:  []outcome.Outcome{{ID: "P-2", CalledOn: "2025-06-02", Answer: "price", File: "calls.csv", Line: 3}}}
	var b bytes.Buffer
	if err := Write(&b, s); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "calls.csv") {
		t.Error("the state names the file an outcome came from")
	}
	back, err := Parse(b.Bytes())
	if err != nil || back.Customers[0].ID != "P-1" || back.Statuses()["P-2"] != "lost" || back.Outcomes[0].Answer != "price" || back.Control != 0.1 {
		t.Fatalf("%v %+v", err, back)
	}
	old := `{"version": 1, "as_of": "2025-05-30", "pseudonymized": false, "summary": {"customers": 2}, "statuses": {"1001": "lapsed", "1002": "active"}, "lapsed": [{"id": "1001", "name": "Anna"}]}`
	o, err := Parse([]byte(old))
	if err != nil || o.AsOf != "2025-05-30" || o.Statuses()["1001"] != "lapsed" || len(o.Customers) != 2 {
		t.Fatalf("old form: %v %+v", err, o)
	}
	for _, bad := range []string{`{"hello": "world"}`, `not json`, `{"version": 1, "statuses": {}, "summary": {"customers": 3}}`, `{"winback_state": 99}`} {
		if _, err := Parse([]byte(bad)); err == nil {
			t.Errorf("%s: no error", bad)
		} else if bad == `{"hello": "world"}` && !errors.Is(err, ErrNotState) {
			t.Errorf("%s: %v", bad, err)
		}
	}
}
