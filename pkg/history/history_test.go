package history_test

import (
	"strings"
	"testing"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

var d = visit.DayOf

func TestSummarizeSplitsPastAndFutureAtTheAsOfDate(t *testing.T) {
	h := history.History{Key: "K1", Events: []history.Event{
		{Day: d(2025, 1, 6), Status: visit.Attended, Amount: 2540},
		{Day: d(2025, 1, 13), Status: visit.Cancelled},
		{Day: d(2025, 1, 20), Status: visit.Booked, Amount: 2540}, // past, outcome never recorded: a visit
		{Day: d(2025, 2, 3), Status: visit.NoShow},
		{Day: d(2025, 3, 3), Status: visit.Attended}, // after as-of: a booking
		{Day: d(2025, 3, 10), Status: visit.Cancelled},
	}}
	s := h.Summarize(d(2025, 2, 28))
	want := history.Summary{First: d(2025, 1, 6), Last: d(2025, 1, 20), Visits: 2, Spend: 5080, NextBooked: d(2025, 3, 3)}
	want.ByStatus[visit.Attended], want.ByStatus[visit.Cancelled], want.ByStatus[visit.NoShow] = 2, 1, 1
	if s != want {
		t.Errorf("got  %+v\nwant %+v", s, want)
	}
	if n := len(h.Visits(d(2025, 2, 28))); n != 2 {
		t.Errorf("visits = %d", n)
	}
	if n := len(h.Past(d(2025, 2, 28))); n != 4 {
		t.Errorf("past events = %d", n)
	}
}

func TestFindAndSymbols(t *testing.T) {
	s := history.NewSymbols()
	kg := s.Intern("KG")
	if s.Intern("KG") != kg || s.Name(kg) != "KG" || s.Name(0) != "" || s.Len() != 2 {
		t.Errorf("symbols: %v %q", kg, s.Name(kg))
	}
	set := &history.Set{Customers: []history.History{{Key: "A"}, {Key: "B"}, {Key: "C"}}}
	if h := set.Find("B"); h == nil || h.Key != "B" {
		t.Errorf("Find(B) = %v", h)
	}
	if set.Find("BB") != nil {
		t.Error("Find(BB) found something")
	}
}

func TestContactDetailsAreTheLatestByDate(t *testing.T) {
	// Rows out of date order; the phone changes, the e-mail is missing in the latest row, the
	// referrer is the first one named.
	in := `Kundennr;Datum;Telefon;E-Mail;Überweiser
K1;10.03.2025;030 222;neu@example.org;Dr. B
K1;10.01.2025;030 111;alt@example.org;Dr. A
K1;10.04.2025;030 333;;
K1;10.04.2025;030 444;;
`
	res, err := export.Read([]export.Input{{Name: "k.csv", R: strings.NewReader(in)}}, export.Options{Workers: 2, BlockSize: 40})
	if err != nil {
		t.Fatal(err)
	}
	h := res.Set.Find("K1")
	if h == nil || h.Phone != "030 444" || h.Email != "neu@example.org" || h.Referrer != "Dr. A" {
		t.Errorf("contact = %+v", h)
	}
}
