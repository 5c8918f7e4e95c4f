package reason_test

import (
	"fmt"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/reason"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// A patient came every week, then cancelled an appointment and never came back.
func ExampleDetector() {
	set := &history.Set{Services: history.NewSymbols(), Staff: history.NewSymbols(), Channels: history.NewSymbols(),
		Columns: history.Columns{Status: true, Service: true, Channel: true, ContactPreference: true}}
	kg, phone := set.Services.Intern("KG"), set.Channels.Intern("Telefon")
	h := history.History{Key: "1001", Contact: &history.Contact{Preference: "Telefon"}}
	var evs []history.Event
	for d := visit.DayOf(2025, 1, 6); d <= visit.DayOf(2025, 2, 10); d += 14 {
		evs = append(evs, history.Event{Day: d, Service: kg, Channel: phone, Lead: history.NoLead, Status: visit.Attended})
	}
	evs = append(evs, history.Event{Day: visit.DayOf(2025, 2, 17), Service: kg, Channel: phone,
		Lead: history.NoLead, Status: visit.Cancelled})
	h.SetEvents(evs...)
	set.Customers = []history.History{h}

	v := lapse.Verdict{Key: "1001", Status: lapse.Lapsed}
	d := reason.NewDetector(set, reason.DefaultConfig()).Worker()
	c := &set.Customers[0]
	for _, f := range d.Detect(c, c.AppendEvents(nil), &v, visit.DayOf(2025, 6, 30)) {
		ev, q := words.For("de").Reason(f.Code, &f.Facts) // package words says the facts
		fmt.Printf("%s (%.2f)\n%s\n%s\n", f.Code, f.Weight, ev, q)
	}
	fmt.Println(reason.Unavailable(set.Columns))
	// Output:
	// last-cancelled (0.90)
	// Letzter Termin am 17.02.2025 (KG) abgesagt; seitdem kein neuer Termin.
	// Ihr letzter Termin am 17.02.2025 wurde abgesagt – ist etwas dazwischengekommen? Sollen wir Ihnen einen neuen Termin vorschlagen?
	// [staff-switch price-up long-wait referral]
}

func ExampleClassify() {
	p, d := reason.DefaultPlatformChannels(), reason.DefaultDirectChannels()
	kinds := map[reason.ChannelKind]string{reason.ChannelPlatform: "platform", reason.ChannelDirect: "direct", reason.ChannelOther: "other"}
	for _, name := range []string{"Doctolib", "Online-Portal", "Booking.com", "Website", "Praxis-App", "Walk-In", "Partner X"} {
		fmt.Printf("%s: %s\n", name, kinds[reason.Classify(name, p, d)])
	}
	// Output:
	// Doctolib: platform
	// Online-Portal: platform
	// Booking.com: platform
	// Website: direct
	// Praxis-App: direct
	// Walk-In: direct
	// Partner X: other
}

func ExampleLift() {
	verdicts := []lapse.Verdict{{Status: lapse.Lapsed}, {Status: lapse.Lapsed}, {Status: lapse.Active}, {Status: lapse.Active}}
	findings := [][]reason.Finding{{{Code: reason.LastCancelled}}, nil, nil, nil}
	for _, r := range reason.Lift(verdicts, findings) {
		fmt.Println(words.For("en").LiftText(r.Code, r.LapsedShare, r.ActiveShare))
		fmt.Println(words.For("de").LiftText(r.Code, r.LapsedShare, r.ActiveShare))
	}
	// Output:
	// last appointment cancelled: 50 % of lapsed, 0 % of active
	// letzter Termin abgesagt: 50 % der Weggebliebenen, 0 % der Aktiven
}
