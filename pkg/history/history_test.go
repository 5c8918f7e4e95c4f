package history_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/money"
	"github.com/winback/winback/pkg/visit"
)

var d = visit.DayOf

func TestSummarizeSplitsPastAndFutureAtTheAsOfDate(t *testing.T) {
	h := historyOf("K1", []history.Event{
		{Day: d(2025, 1, 6), Status: visit.Attended, Amount: 2540},
		{Day: d(2025, 1, 13), Status: visit.Cancelled},
		{Day: d(2025, 1, 20), Status: visit.Booked, Amount: 2540}, // past, outcome never recorded: a visit
		{Day: d(2025, 2, 3), Status: visit.NoShow},
		{Day: d(2025, 3, 3), Status: visit.Attended}, // after as-of: a booking
		{Day: d(2025, 3, 10), Status: visit.Cancelled},
	}...)
	s := h.Summarize(d(2025, 2, 28))
	want := history.Summary{First: d(2025, 1, 6), Last: d(2025, 1, 20), Visits: 2, Spend: 5080, NextBooked: d(2025, 3, 3)}
	want.ByStatus[visit.Attended], want.ByStatus[visit.Cancelled], want.ByStatus[visit.NoShow] = 2, 1, 1
	if s != want {
		t.Errorf("got  %+v\nwant %+v", s, want)
	}
	n := 0
	for range h.VisitDays(d(2025, 2, 28)) {
		n++
	}
	if n != 2 {
		t.Errorf("visit days = %d", n)
	}
	if n := h.NumPast(d(2025, 2, 28)); n != 4 {
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
	if h == nil || h.Details().Phone != "030 444" || h.Details().Email != "neu@example.org" || h.Referrer != "Dr. A" {
		t.Errorf("contact = %+v", h)
	}
}

func TestWithheldContactsAreGivenAsTheTextsWouldBe(t *testing.T) {
	// Each customer's details as rows out of date order: the latest non-empty value
	// decides, and a later empty one, or one of spaces only (the reader trims no-break
	// spaces too), changes nothing.
	in := "Kundennr;Datum;Name;Telefon;E-Mail;Kontaktweg\n" +
		"K1;10.03.2025;Anna;030 222;a@example.org;\n" +
		"K1;10.01.2025;;030 111;;Telefon\n" +
		"K1;10.04.2025;;\u00a0;;\n" + // the latest phone is blank: 030 222 stays
		"K2;10.01.2025;\u00a0;;;\u00a0\n" +
		"K2;10.02.2025;Ölmann;;b@example.org;\n" +
		"K3;10.01.2025;;;;\n" +
		"K4;10.02.2025;;;c@example.org;\n" +
		"K4;10.01.2025;;;\u00a0;\n" + // blank, but earlier than the given one
		"K4;10.02.2025;Dora;;;E-Mail\n"
	read := func(withhold bool) *history.Set {
		res, err := export.Read([]export.Input{{Name: "k.csv", R: strings.NewReader(in)}},
			export.Options{Workers: 2, BlockSize: 64, WithholdContacts: withhold})
		if err != nil {
			t.Fatal(err)
		}
		return res.Set
	}
	full, withheld := read(false), read(true)
	if full.ContactsWithheld || !withheld.ContactsWithheld {
		t.Fatalf("ContactsWithheld: %v read in full, %v withheld", full.ContactsWithheld, withheld.ContactsWithheld)
	}
	details := []history.Detail{history.DetailName, history.DetailEmail, history.DetailPhone, history.DetailContactPreference}
	want := map[string][4]bool{ // name, e-mail, phone, preference
		"K1": {true, true, true, true},
		"K2": {true, true, false, false},
		"K3": {false, false, false, false},
		"K4": {true, true, false, true},
	}
	for i := range full.Customers {
		f, w := &full.Customers[i], &withheld.Customers[i]
		if f.Key != w.Key {
			t.Fatalf("customer %d: %q read in full, %q withheld", i, f.Key, w.Key)
		}
		if w.Contact != nil {
			t.Errorf("%s: withheld texts kept: %+v", w.Key, w)
		}
		for k, dt := range details {
			if f.Has(dt) != want[f.Key][k] || w.Has(dt) != want[f.Key][k] {
				t.Errorf("%s: detail %d given %v read in full, %v withheld; want %v", f.Key, dt, f.Has(dt), w.Has(dt), want[f.Key][k])
			}
		}
		if !slices.Equal(f.AppendEvents(nil), w.AppendEvents(nil)) {
			t.Errorf("%s: events differ", f.Key)
		}
	}
	// A history made by hand has its details by their texts.
	h := history.History{Key: "X", Contact: &history.Contact{Phone: " 0301 ", Preference: " "}}
	if !h.Has(history.DetailPhone) || h.Has(history.DetailContactPreference) || h.Has(history.DetailEmail) {
		t.Errorf("hand-made history: phone %v, preference %v, e-mail %v", h.Has(history.DetailPhone),
			h.Has(history.DetailContactPreference), h.Has(history.DetailEmail))
	}
}

func TestEventsKeepEveryValueThroughPacking(t *testing.T) {
	// Histories keep events packed in 16 bytes; what comes out must be what went in, at
	// the edges of every field: amounts beyond an int32, negative ones, the earliest and
	// latest days the date parsers accept, every status, the extreme lead times.
	evs := []history.Event{
		{Day: d(1900, 1, 1), Status: visit.Attended, Amount: -1 << 40, Lead: history.NoLead},
		{Day: d(1900, 1, 1), Status: visit.Booked, Amount: 1<<31 - 1, Lead: 32767, Service: 65535},
		{Day: d(2024, 2, 29), Status: visit.Cancelled, Amount: -1 << 31, Staff: 7, Channel: 65535},
		{Day: d(2199, 12, 31), Status: visit.NoShow, Amount: 1 << 62, Lead: -32767},
	}
	h := historyOf("K", evs...)
	got := h.AppendEvents(nil)
	for i := range evs {
		if got[i] != evs[i] || h.At(i) != evs[i] {
			t.Errorf("event %d: got %+v, want %+v", i, got[i], evs[i])
		}
	}
	if h.Len() != len(evs) || h.NumPast(d(1900, 1, 1)) != 2 || h.NumPast(visit.NoDay) != 0 || h.NumPast(d(2199, 12, 31)) != 4 {
		t.Errorf("Len %d, NumPast %d %d %d", h.Len(), h.NumPast(d(1900, 1, 1)), h.NumPast(visit.NoDay), h.NumPast(d(2199, 12, 31)))
	}
}

func TestLargeAmountsAddUpThroughTheReader(t *testing.T) {
	// Two order lines of one day whose sum passes an int32 of cents, and a single large one.
	in := "Customer;Date;Amount\nA;01.02.2024;15000000,00\nA;01.02.2024;9000000,00\nB;02.02.2024;-30000000,50\nB;03.02.2024;12,50\n"
	res, err := export.Read([]export.Input{{Name: "big.csv", R: strings.NewReader(in)}}, export.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a := res.Set.Find("A").At(0).Amount; a != 2_400_000_000 {
		t.Errorf("A's amount = %d, want 2400000000", a)
	}
	b := res.Set.Find("B")
	if b.At(0).Amount != -3_000_000_050 || b.At(1).Amount != 1250 {
		t.Errorf("B's amounts = %d, %d", b.At(0).Amount, b.At(1).Amount)
	}
}

func TestVisitDaysAreTheDaysOfTheVisits(t *testing.T) {
	h := historyOf("K1", []history.Event{
		{Day: d(2025, 1, 6), Status: visit.Attended, Amount: 5000},
		{Day: d(2025, 1, 6), Status: visit.Booked, Amount: 3_000_000_000}, // two visits on one day; a big amount
		{Day: d(2025, 1, 13), Status: visit.Cancelled},
		{Day: d(2025, 1, 20), Status: visit.Booked, Amount: -250},
		{Day: d(2025, 2, 3), Status: visit.NoShow},
		{Day: d(2025, 3, 3), Status: visit.Attended, Amount: 7},
	}...)
	for _, asOf := range []visit.Day{d(2024, 12, 31), d(2025, 1, 6), d(2025, 2, 28), d(2025, 3, 3), d(2026, 1, 1)} {
		var want, got []visit.Day
		var visits []history.Event
		for _, e := range h.Events() {
			if e.IsVisit(asOf) {
				visits = append(visits, e)
			}
		}
		for _, e := range visits {
			want = append(want, e.Day)
		}
		for day := range h.VisitDays(asOf) {
			got = append(got, day)
		}
		if !slices.Equal(got, want) {
			t.Errorf("as of %v: got %v, want %v", asOf, got, want)
		}
		got = got[:0]
		var amounts, wantAmounts []int64
		for day, a := range h.VisitDays(asOf) {
			got, amounts = append(got, day), append(amounts, a)
		}
		for _, e := range visits {
			wantAmounts = append(wantAmounts, e.Amount)
		}
		if !slices.Equal(got, want) || !slices.Equal(amounts, wantAmounts) {
			t.Errorf("as of %v: amounts on %v %v, want %v %v", asOf, got, amounts, want, wantAmounts)
		}
	}
	for range h.VisitDays(d(2026, 1, 1)) {
		break // stopping early must not panic
	}
}

// TestRowsOfOneVisitAddUpWithoutWrappingAround gives a builder two rows of one visit
// (order lines) of 9e16 euros each, 9e18 cents, whose sum is beyond an int64: the visit's
// amount is held at the largest amount, and so is the customer's spend with another
// such visit, instead of wrapping around to a negative amount.
func TestRowsOfOneVisitAddUpWithoutWrappingAround(t *testing.T) {
	const huge = 9_000_000_000_000_000_000
	b := history.NewBuilder()
	for i, day := range []visit.Day{d(2024, 2, 1), d(2024, 2, 1), d(2024, 3, 1)} {
		b.Add(history.Row{Key: []byte("A"), Day: day, Booked: visit.NoDay, Amount: huge, Status: visit.Attended, Hash: uint64(i + 1)})
	}
	set := history.Merge(b)
	h := set.Find("A")
	if h == nil || h.Len() != 2 {
		t.Fatalf("history %+v, want two visits of A", h)
	}
	if a := h.At(0).Amount; a != money.Max {
		t.Errorf("two rows of 9e18 cents add up to %d, want %d", a, int64(money.Max))
	}
	if s := h.Summarize(d(2024, 12, 31)).Spend; s != money.Max {
		t.Errorf("spend %d, want %d", s, int64(money.Max))
	}
}

// TestJoinMergesOneHistoryIntoAnother joins B into A: their visits on one day become one
// with the amounts added, A keeps its contact details and gains those it lacked, and B is
// gone.
func TestJoinMergesOneHistoryIntoAnother(t *testing.T) {
	b := history.NewBuilder()
	add := func(key, phone string, day visit.Day, amount int64, hash uint64) {
		b.Add(history.Row{Key: []byte(key), Day: day, Booked: visit.NoDay, Amount: amount, Status: visit.Attended, Phone: []byte(phone), Hash: hash})
	}
	add("a@example.com", "", d(2024, 1, 5), 1000, 1)
	add("a@example.com", "", d(2024, 3, 1), 500, 2)
	add("phone:301234567", "030 1234567", d(2024, 3, 1), 700, 3)
	add("phone:301234567", "030 1234567", d(2024, 2, 1), 200, 4)
	set := history.Merge(b)
	set.Join(map[int]int{1: 0})
	if len(set.Customers) != 1 {
		t.Fatalf("%d customers after the join, want 1", len(set.Customers))
	}
	h := &set.Customers[0]
	var got []int64
	for _, e := range h.Events() {
		got = append(got, e.Amount)
	}
	if h.Key != "a@example.com" || h.Details().Phone != "030 1234567" || !slices.Equal(got, []int64{1000, 200, 1200}) {
		t.Errorf("joined history %s (phone %q) with amounts %v; want a@example.com, 030 1234567, [1000 200 1200]", h.Key, h.Details().Phone, got)
	}
}

// historyOf returns a history made by hand: key and events, sorted by day, then status.
func historyOf(key string, evs ...history.Event) history.History {
	h := history.History{Key: key}
	h.SetEvents(evs...)
	return h
}
