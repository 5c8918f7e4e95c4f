package export

import (
	"strings"
	"testing"
)

// TestHeadersOfRealSoftwareAreMapped names, per export, the headers its software writes and
// the column each concept must take without flags.
func TestHeadersOfRealSoftwareAreMapped(t *testing.T) {
	tests := []struct {
		what    string
		header  string
		profile string
		want    map[Concept]string
	}{
		{"an online grocery's purchase log (BTYDplus groceryElog)", "cust,date", "",
			map[Concept]string{Customer: "cust", Date: "date"}},
		{"CDNOW master", "customer_id,date,number_of_cds,dollar_value", "",
			map[Concept]string{Customer: "customer_id", Date: "date", Amount: "dollar_value"}},
		{"a shop's invoice lines (UCI Online Retail)", "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country", "",
			map[Concept]string{Customer: "CustomerID", Date: "InvoiceDate"}},
		{"medical appointments with no-shows (Kaggle)", "PatientId,AppointmentID,Gender,ScheduledDay,AppointmentDay,Age,Neighbourhood,No-show", "",
			map[Concept]string{Customer: "PatientId", Date: "AppointmentDay", BookedAt: "ScheduledDay", NoShowFlag: "No-show"}},
		{"Stripe payments, newer dashboard", "id,Created date (UTC),Amount,Amount Refunded,Currency,Status,Customer ID,Customer Email,Description", "Stripe payments",
			map[Concept]string{Customer: "Customer ID", Date: "Created date (UTC)", Amount: "Amount", Email: "Customer Email", Status: "Status"}},
		{"WooCommerce orders", "order_id,order_date,status,order_total,billing_first_name,billing_last_name,billing_email,billing_phone", "",
			map[Concept]string{Date: "order_date", Amount: "order_total", Email: "billing_email", Phone: "billing_phone", Status: "status"}},
		{"Calendly events with a price", "Invitee Name,Invitee Email,Event Type Name,Start Date & Time,Event Price,Canceled", "",
			map[Concept]string{Email: "Invitee Email", Date: "Start Date & Time", Amount: "Event Price", CancelledFlag: "Canceled"}},
		{"Acuity appointments", "Start Time,First Name,Last Name,Email,Type,Calendar,Appointment Price,Date Scheduled,Label", "Acuity appointments",
			map[Concept]string{Date: "Start Time", Status: "Label", Amount: "Appointment Price", BookedAt: "Date Scheduled", Staff: "Calendar"}},
	}
	for _, tt := range tests {
		t.Run(tt.what, func(t *testing.T) {
			header := strings.Split(tt.header, ",")
			m, err := mapColumns(header, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			if m.profile != tt.profile {
				t.Errorf("recognised as %q, want %q", m.profile, tt.profile)
			}
			for c, h := range tt.want {
				got := "(none)"
				if m.has(c) {
					got = header[m.idx[c]]
				}
				if got != h {
					t.Errorf("%s is %s, want %s", c, got, h)
				}
			}
		})
	}
}
