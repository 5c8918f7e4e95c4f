package history_test

import (
	"fmt"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/visit"
)

// A booking export taken on 10 March 2025: a stay in June, booked that day, already says
// "ok" (attended). The export's day is the latest booking date, and as of that day the
// June stay is a booking. Looking back to 31 January, the June stay (booked later) and
// the purchase on 1 February are left out, as if the export had been cut by hand.
func ExampleSet_AsOf() {
	june, march := visit.DayOf(2025, 6, 2), visit.DayOf(2025, 3, 10)
	set := &history.Set{Customers: []history.History{
		historyOf("guest", history.Event{Day: visit.DayOf(2024, 6, 3), Status: visit.Attended, Lead: 40},
			history.Event{Day: june, Status: visit.Attended, Lead: int16(june - march)}),
		historyOf("shopper", history.Event{Day: visit.DayOf(2025, 1, 8), Status: visit.Attended, Lead: history.NoLead},
			history.Event{Day: visit.DayOf(2025, 2, 1), Status: visit.Attended, Lead: history.NoLead}),
	}}
	t := set.TakenOn()
	fmt.Println("taken on", t.Day, "from a booking date:", t.By == history.ByBooking)
	cut, left := set.AsOf(t.Day)
	fmt.Println("guest's next booking:", cut.Find("guest").Summarize(t.Day).NextBooked, "; left out:", left.Events)
	jan := visit.DayOf(2025, 1, 31)
	cut, left = set.AsOf(jan)
	fmt.Println("as of", jan, "left out:", left.Events, "; guest booked:", cut.Find("guest").Summarize(jan).NextBooked != visit.NoDay)
	// Output:
	// taken on 2025-03-10 from a booking date: true
	// guest's next booking: 2025-06-02 ; left out: 0
	// as of 2025-01-31 left out: 2 ; guest booked: false
}
