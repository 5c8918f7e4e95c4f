package field_test

import (
	"fmt"

	"github.com/winback/winback/pkg/field"
)

func ExampleParseDate() {
	for _, cell := range []string{"05.03.2024 14:30 Uhr", "2. März 2024", "05/03/2024", "03/13/2024", "31.04.2024"} {
		d, err := field.ParseDate([]byte(cell))
		if err != nil {
			fmt.Printf("%-22q error: %v\n", cell, err)
			continue
		}
		fmt.Printf("%-22q %v (%s) ambiguous=%v day-first=%v month-first=%v evidence=%v\n",
			cell, d.Day, d.Layout, d.Ambiguous(), d.In(field.DayFirst), d.In(field.MonthFirst), d.Evidence)
	}
	// Output:
	// "05.03.2024 14:30 Uhr" 2024-03-05 (dd.mm.yyyy) ambiguous=false day-first=2024-03-05 month-first=2024-03-05 evidence=unknown
	// "2. März 2024"         2024-03-02 (month name (2. März 2024)) ambiguous=false day-first=2024-03-02 month-first=2024-03-02 evidence=unknown
	// "05/03/2024"           2024-03-05 (dd/mm/yyyy or mm/dd/yyyy) ambiguous=true day-first=2024-03-05 month-first=2024-05-03 evidence=unknown
	// "03/13/2024"           2024-03-13 (dd/mm/yyyy or mm/dd/yyyy) ambiguous=false day-first=2024-03-13 month-first=2024-03-13 evidence=month first
	// "31.04.2024"           error: day 31 does not exist in April
}

func ExampleParseAmount() {
	for _, cell := range []string{"1.234,56 €", "$1,149.00", "12,50-", "(33.62)", "1,234", "12,34,5"} {
		a, err := field.ParseAmount([]byte(cell))
		if err != nil {
			fmt.Printf("%-12q error: %v\n", cell, err)
			continue
		}
		fmt.Printf("%-12q %d cents %q evidence=%v ambiguous=%v comma-column=%d\n",
			cell, a.Minor, a.Currency, a.Evidence, a.Ambiguous(), a.In(field.DecimalComma))
	}
	// Output:
	// "1.234,56 €" 123456 cents "EUR" evidence=decimal comma ambiguous=false comma-column=123456
	// "$1,149.00"  114900 cents "USD" evidence=decimal point ambiguous=false comma-column=114900
	// "12,50-"     -1250 cents "" evidence=decimal comma ambiguous=false comma-column=-1250
	// "(33.62)"    -3362 cents "" evidence=decimal point ambiguous=false comma-column=-3362
	// "1,234"      123400 cents "" evidence=unknown ambiguous=true comma-column=123
	// "12,34,5"    error: amount has a thousands separator in the wrong place
}

func ExampleParseStatus() {
	for _, cell := range []string{"Nicht erschienen", "cancelled_by_guest", "Bestätigt", "Abgeschlossen", "vielleicht"} {
		s, ok := field.ParseStatus([]byte(cell))
		if !ok {
			fmt.Printf("%s: unknown\n", cell)
			continue
		}
		fmt.Printf("%s: %v\n", cell, s)
	}
	// Output:
	// Nicht erschienen: no-show
	// cancelled_by_guest: cancelled
	// Bestätigt: booked
	// Abgeschlossen: attended
	// vielleicht: unknown
}
