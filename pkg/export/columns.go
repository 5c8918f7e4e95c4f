package export

import (
	"fmt"

	"github.com/winback/winback/pkg/field"

	"github.com/winback/winback/pkg/visit"
	"slices"
	"strconv"
	"strings"
)

// Concept is what a column means to winback.
type Concept uint8

// The concepts a column can map to. The first fourteen are public (their names are the
// keys of inspect's JSON and of --column); the rest help build them.
const (
	Customer Concept = iota
	Date
	Status
	Amount
	Service
	Staff
	Channel
	BookedAt
	Referrer
	Location
	Name
	Email
	Phone
	ContactPreference
	FirstName
	LastName
	Time
	NoShowFlag
	CancelledFlag
	// Order is the order, invoice or appointment number: the rows of one order are one
	// purchase (see [history.Row.Order]).
	Order
	// Quantity is a line's quantity; with a unit price as the amount, the line is worth
	// quantity × unit price, and a negative quantity is a return.
	Quantity
	// Refunded is the part of a payment's amount given back.
	Refunded
	// OnlineFlag is a yes/no column saying the appointment was booked online; without a
	// channel column it becomes the channel, "online" (a platform) or "direct".
	OnlineFlag
	numConcepts
)

var conceptNames = [numConcepts]string{
	"customer", "date", "status", "amount", "service", "staff", "channel", "booked_at",
	"referrer", "location", "name", "email", "phone", "contact_preference",
	"first_name", "last_name", "time", "no_show", "cancelled", "order", "quantity", "refunded",
	"booked_online",
}

// String returns the concept's stable name, e.g. "booked_at".
func (c Concept) String() string {
	if c < numConcepts {
		return conceptNames[c]
	}
	return "concept(" + strconv.Itoa(int(c)) + ")"
}

// ParseConcept returns the concept with the given name.
func ParseConcept(s string) (Concept, error) {
	k := strings.ReplaceAll(strings.ToLower(strings.TrimSpace(s)), "-", "_")
	if i := slices.Index(conceptNames[:], k); i >= 0 {
		return Concept(i), nil
	}
	return 0, fmt.Errorf("%w: unknown concept %q (known: %s)", ErrUsage, s, strings.Join(conceptNames[:], ", "))
}

// normHeader folds a header for matching (see [field.Fold]): "Patienten-Nr." → "patientennr".
func normHeader(h string) string { return field.Fold(h) }

// alias ranks: lower is better; a concept takes its best-ranked column.
type alias struct {
	concept Concept
	rank    int
}

// aliasText lists the folded header names each concept is known by, best first; the rank
// is the line's position, for headers several concepts claim ("created at": a Shopify
// order's date, an appointment export's booking date).
var aliasText = []struct {
	concept Concept
	names   []string
}{
	{Customer, words("customerid kundennr kundennummer kundenid kdnr kdnummer patientid patientennr patientennummer patientenid patnr patientnr patientno patientnumber clientid clientnr clientno clientnumber customerno customernumber customernr guestid gastnr gastnummer memberid mitgliedsnr mitgliedsnummer mitgliedernr accountid accountnumber userid contactid kontaktid kundenreferenz customerreferenceid klientennr klientid")},
	{Customer, words("customer client patient kunde gast guest member mitglied klient cust")},
	{Date, words("date datum termin termindatum behandlungsdatum besuchsdatum leistungsdatum behandlungstag visitdate appointmentdate appointmentday bookingday servicedate treatmentdate checkin checkindate arrival arrivaldate anreise anreisedatum orderdate transactiondate saledate invoicedate scheduleddate")},
	{Date, words("starttime startdatetime startdateandtime start startdate begin beginn appointment appointmenttime appointmentstart datetime dateandtime zeitpunkt von terminbeginn termin1 eventdate eventstart eventstartdatetime eventstartdate")},
	{Date, words("createdutc createddateutc created createdat createddate createdon paidat paymentdate rechnungsdatum belegdatum")},
	{Status, words("status state appointmentstatus terminstatus bookingstatus buchungsstatus reservationstatus orderstatus visitstatus zustand terminzustand")},
	{Status, words("financialstatus paymentstatus zahlungsstatus")},
	{Amount, words("amount price total revenue umsatz betrag preis honorar gesamtbetrag gesamt summe bruttobetrag brutto endbetrag rechnungsbetrag zahlbetrag totalcollected totalprice amountpaid paidamount appointmentprice grosssales netsales sales value wert kosten gebuehr fee charge charged umsatzbrutto dollarvalue ordertotal eventprice invoiceamount ordertotalamount")},
	{Amount, words("lineamount linetotal positionsbetrag subtotal netto nettobetrag lineitemprice itemprice unitprice einzelpreis")},
	{Service, words("service services servicename treatment treatments appointmenttype eventtypename eventtype type leistung leistungen leistungsart behandlung behandlungsart terminart art heilmittel therapie therapieart roomtype unittype zimmer zimmertyp zimmerkategorie kategorie category item itemname product productname lineitemname artikel position bezeichnung wohnung apartment unterkunft description")},
	{Staff, words("staff staffname staffmember employee employeename practitioner therapist provider stylist doctor dentist teammember assignedto host hostname calendar resource behandler behandlerin therapeut therapeutin mitarbeiter mitarbeiterin arzt aerztin zahnarzt zahnaerztin friseur friseurin kalender ressource bearbeiter bearbeiterin")},
	{Channel, words("channel source bookedvia bookingchannel bookingsource salechannel saleschannel origin kanal buchungsweg buchungskanal quelle herkunft terminquelle bookingmethod buchungsart scheduledby sourcename portal utmsource")},
	{BookedAt, words("bookedat bookedon bookingdate bookingtime booked buchungsdatum gebuchtam buchungszeitpunkt angelegtam angelegt erstelltam erstellt vereinbartam terminvereinbartam reservierungsdatum reserviertam datescheduled scheduledat scheduledon scheduledday recorddate eventcreateddatetime")},
	{BookedAt, words("createdutc createddateutc created createdat createddate createdon datecreated")},
	{Referrer, words("referrer referredby referral referringdoctor referringphysician referringprovider ueberweiser zuweiser ueberweisenderarzt verordner verordnenderarzt empfohlenvon empfehlung")},
	{Location, words("location branch store site shop outlet venue locationname standort filiale praxis niederlassung geschaeft studio salon")},
	{Name, words("name customername clientname patientname fullname kundenname patientenname guestname guestnames bookedby inviteename billingname vollername")},
	{FirstName, words("firstname givenname vorname inviteefirstname firstnamebilling clientfirstname")},
	{LastName, words("lastname surname familyname nachname familienname inviteelastname lastnamebilling clientlastname")},
	{Email, words("email emailaddress mail eMail customeremail clientemail inviteeemail emailadresse mailadresse billingemail emailbilling")},
	{Phone, words("phone phonenumber telephone tel mobile mobilephone cell cellphone telefon telefonnummer handy mobil mobilnummer telnr rufnummer billingphone textremindernumber phonebilling customerphone clientphone clientmobile")},
	{ContactPreference, words("contactpreference preferredcontact preferredcontactmethod contactmethod contactchannel acceptsmarketing acceptsemailmarketing marketingconsent consent optin kontaktweg kontaktart kontaktpraeferenz bevorzugterkontakt einwilligung werbeeinwilligung erinnerungper erinnerung inviteeacceptedmarketingemails")},
	{Time, words("time uhrzeit zeit starttimeonly terminzeit beginnzeit")},
	{NoShowFlag, words("noshow nichterschienen markedasnoshow noshowed ausgeblieben")},
	{OnlineFlag, words("bookedonline onlinebooking onlinebooked onlinegebucht onlinebuchung onlinetermin")},
	{CancelledFlag, words("cancelled canceled cancelledat canceledat cancellationdate cancelationdate storniert storniertam abgesagt abgesagtam stornodatum")},
	{Order, words("orderno ordernumber orderid ordernr invoiceno invoicenumber invoiceid invoicenr invoice rechnungsnr rechnungsnummer bestellnr bestellnummer auftragsnr auftragsnummer belegnr belegnummer appointmentid bookingid booknumber bookingnumber reservationid reservationnumber buchungsnr buchungsnummer terminid terminnr reservierungsnr reservierungsnummer")},
	{Quantity, words("quantity qty menge anzahl stueckzahl lineitemquantity itemquantity")},
	{Refunded, words("amountrefunded")},
}

func words(s string) []string { return strings.Fields(strings.ToLower(s)) }

// aliases maps a folded header to the concepts that may claim it, best first.
var aliases = func() map[string][]alias {
	m := map[string][]alias{}
	for line, a := range aliasText {
		for pos, n := range a.names {
			m[n] = append(m[n], alias{a.concept, line*100 + pos})
		}
	}
	for _, as := range m {
		slices.SortFunc(as, func(a, b alias) int { return a.rank - b.rank })
	}
	return m
}()

// profile is a well-known export whose headers need more than the generic aliases.
type profile struct {
	name      string
	signature []string                // folded headers that must all be present
	mapping   map[Concept]string      // folded header per concept; "" leaves the concept unmapped
	statuses  map[string]visit.Status // status values particular to this export (folded)
}

var profiles = []profile{
	{
		// One row per line item; "Name" is the order number (#1001), "Id" the order id.
		name:      "Shopify orders",
		signature: []string{"financialstatus", "lineitemname"},
		mapping: map[Concept]string{
			Customer: "", Name: "billingname", Date: "createdat", BookedAt: "",
			Amount: "total", Service: "lineitemname", Status: "financialstatus",
			CancelledFlag: "cancelledat", Phone: "billingphone", ContactPreference: "acceptsmarketing",
			Staff: "employee", Location: "location", Channel: "source", Order: "name",
		},
	},
	{
		// Transactions: "Event Type" says Payment or Refund; a refund is not a visit.
		name:      "Square transactions",
		signature: []string{"totalcollected", "eventtype", "transactionid"},
		mapping: map[Concept]string{
			Customer: "customerid", Name: "customername", Date: "date", Time: "time",
			Amount: "totalcollected", Status: "eventtype", Staff: "staffname", Location: "location",
			Service: "description", Channel: "channel",
		},
		statuses: map[string]visit.Status{"payment": visit.Attended, "refund": visit.Cancelled},
	},
	// The dashboard's older export names the date "Created (UTC)", the newer one
	// "Created date (UTC)".
	stripePayments("createdutc"),
	stripePayments("createddateutc"),
	{
		// Appointments: "Label" is the status the practice sets (Checked In, No Show); the
		// generic names would leave it unused.
		name:      "Acuity appointments",
		signature: []string{"appointmentprice", "datescheduled", "label"},
		mapping:   map[Concept]string{Status: "label"},
	},
	{
		// Reservations: the guest who booked has no id and often no e-mail in the export.
		name:      "Booking.com reservations",
		signature: []string{"booknumber", "checkin"},
		mapping: map[Concept]string{
			Customer: "", Name: "bookedby", Date: "checkin", BookedAt: "bookedon",
			Amount: "price", Status: "status", Service: "unittype", Phone: "phonenumber",
		},
	},
	{
		// Advanced Order Export for WooCommerce: one row per product. The status is
		// WooCommerce's label in the shop's language: "Processing" is a paid order, "On hold"
		// and "Pending payment" await payment; the plugin's own column labels stay English.
		name:      "WooCommerce orders",
		signature: []string{"ordertotalamount", "emailbilling"},
		mapping:   map[Concept]string{Service: "itemname"},
		statuses: map[string]visit.Status{
			"processing": visit.Attended, "onhold": visit.Booked, "pendingpayment": visit.Booked,
			"draft":         visit.Booked,
			"inbearbeitung": visit.Attended, "inwartestellung": visit.Booked, "zahlungausstehend": visit.Booked,
			"rueckerstattet": visit.Cancelled, "fehlgeschlagen": visit.Cancelled,
		},
	},
	{
		// Channel manager reservations (Smoobu, German UI): "Gast" is the guest's name, not
		// an id; "Portal" is where the guest booked.
		name:      "Smoobu reservations",
		signature: []string{"anreise", "abreise", "portal"},
		mapping:   map[Concept]string{Customer: "", Name: "gast", Channel: "portal", Service: "wohnung"},
	},
	{
		// Salon marketplace appointments: "Client" is a name; the e-mail is the key.
		name:      "Treatwell appointments",
		signature: []string{"client", "treatment", "bookingsource"},
		mapping:   map[Concept]string{Customer: "", Name: "client"},
	},
	{
		// Appointment list: "Client" is a name (there is no client id), "Scheduled Date" the
		// appointment and "Created Date" the booking.
		name:      "Fresha appointments",
		signature: []string{"ref", "scheduleddate", "teammember"},
		mapping:   map[Concept]string{Customer: "", Name: "client", Date: "scheduleddate", BookedAt: "createddate"},
	},
	{
		// Online booking platform: "Patient" is a name; the e-mail is the key.
		name:      "jameda appointments",
		signature: []string{"patient", "versicherung", "gebuchtam"},
		mapping:   map[Concept]string{Customer: "", Name: "patient"},
	},
	{
		// Physiotherapy appointments: "Arzt" is the prescribing doctor (the referrer), the
		// therapist is the staff.
		name:      "Physiotherapy appointments",
		signature: []string{"heilmittel", "arzt"},
		mapping:   map[Concept]string{Referrer: "arzt", Staff: "therapeut"},
	},
	{
		// Dental fee lines, one row per fee number: "Name" is the surname.
		name:      "Dental fee lines",
		signature: []string{"gebnr", "gebdatum"},
		mapping:   map[Concept]string{Name: "", LastName: "name"},
	},
}

// stripePayments is the profile of Stripe's payments export with the date column date.
func stripePayments(date string) profile {
	return profile{
		name:      "Stripe payments",
		signature: []string{date, "amountrefunded"},
		mapping: map[Concept]string{
			Customer: "customerid", Email: "customeremail", Date: date, BookedAt: "",
			Amount: "amount", Status: "status", Service: "description", Name: "customerdescription",
			// An invoice's payment attempts share its "Invoice ID": a failed one and the one
			// that went through are not one order with the first's status.
			Order: "",
		},
	}
}

// columnMap says which field holds which concept (-1: none).
type columnMap struct {
	idx     [numConcepts]int
	profile string
	// how each column was chosen, per concept: "header", "profile", "flag", "content"
	how [numConcepts]string
	// statuses are the profile's own status values
	statuses map[string]visit.Status
}

func (m *columnMap) has(c Concept) bool { return m.idx[c] >= 0 }

// mapColumns maps a header row to concepts: the overrides of --column first, then a known
// export's profile, then the generic aliases; dateOK tells whether a column's sampled
// values read as dates (a "Start Time" may hold times).
func mapColumns(header []string, overrides map[Concept]string, dateOK func(col int) bool) (*columnMap, error) {
	cm := &columnMapper{m: &columnMap{}, header: header, folded: make([]string, len(header)), taken: make([]bool, len(header))}
	for i := range cm.m.idx {
		cm.m.idx[i] = -1
	}
	for i, h := range header {
		cm.folded[i] = normHeader(h)
	}
	fixed := map[Concept]bool{}
	for c, h := range overrides {
		if err := cm.override(c, h); err != nil {
			return nil, err
		}
		fixed[c] = true
	}
	cm.profile(fixed)
	cm.aliases(fixed, dateOK)
	return cm.m, nil
}

// columnMapper is a header row being mapped to concepts.
type columnMapper struct {
	m      *columnMap
	header []string
	folded []string // the headers, normalised
	taken  []bool   // columns assigned a concept
}

func (cm *columnMapper) assign(c Concept, col int, how string) {
	cm.m.idx[c] = col
	cm.taken[col] = true
	cm.m.how[c] = how
}

// override assigns c the column named h (a header or a 1-based position) by --column.
func (cm *columnMapper) override(c Concept, h string) error {
	col := -1
	if n, err := strconv.Atoi(strings.TrimSpace(h)); err == nil {
		if n < 1 || n > len(cm.header) {
			return fmt.Errorf("%w: --column %s=%s: the file has columns 1 to %d", ErrUsage, c, h, len(cm.header))
		}
		col = n - 1
	} else {
		want := normHeader(h)
		for i, f := range cm.folded {
			if f == want || cm.header[i] == h {
				col = i
				break
			}
		}
		if col < 0 {
			return fmt.Errorf("%w: --column %s=%s: no such column (columns: %s)", ErrUsage, c, Shorten(h), headerList(cm.header))
		}
	}
	cm.assign(c, col, "flag")
	return nil
}

// profile applies the first export profile the header matches to the concepts not fixed.
func (cm *columnMapper) profile(fixed map[Concept]bool) {
	for _, p := range profiles {
		if !cm.hasAll(p.signature) {
			continue
		}
		cm.m.profile = p.name
		cm.m.statuses = p.statuses
		for c, name := range p.mapping {
			if fixed[c] {
				continue
			}
			fixed[c] = true
			if name == "" {
				continue
			}
			if col := cm.find(name); col >= 0 {
				cm.assign(c, col, "profile")
			}
		}
		return
	}
}

// hasAll reports whether the header has every one of names (normalised).
func (cm *columnMapper) hasAll(names []string) bool {
	for _, s := range names {
		if !slices.Contains(cm.folded, s) {
			return false
		}
	}
	return true
}

// find returns the first column not yet taken whose normalised header is name, or -1.
func (cm *columnMapper) find(name string) int {
	for i, f := range cm.folded {
		if f == name && !cm.taken[i] {
			return i
		}
	}
	return -1
}

// aliases lets each concept not fixed take its best-ranked column by the generic aliases.
func (cm *columnMapper) aliases(fixed map[Concept]bool, dateOK func(col int) bool) {
	type claim struct {
		col, rank int
	}
	claims := make([][]claim, numConcepts)
	for i, f := range cm.folded {
		for _, a := range aliases[f] {
			claims[a.concept] = append(claims[a.concept], claim{i, a.rank})
		}
	}
	for c := range claims {
		slices.SortStableFunc(claims[c], func(a, b claim) int { return a.rank - b.rank })
	}
	order := []Concept{Customer, Date, Status, Amount, Email, Phone, FirstName, LastName, Name, Service, Staff, Channel, BookedAt, Referrer, Location, ContactPreference, Time, NoShowFlag, CancelledFlag, Order, Quantity, Refunded, OnlineFlag}
	for _, c := range order {
		if fixed[c] || cm.m.has(c) {
			continue
		}
		for _, cl := range claims[c] {
			if cm.taken[cl.col] || (c == Date || c == BookedAt) && dateOK != nil && !dateOK(cl.col) {
				continue
			}
			cm.assign(c, cl.col, "header")
			break
		}
	}
}

// amountKind is what the amount column of an order-line export holds.
type amountKind uint8

const (
	lineAmount amountKind = iota // the row's own amount: an order's rows add up
	unitPrice                    // the price of one unit: the row is worth quantity × price
	orderTotal                   // the whole order's total, on its rows again or on the first only
)

// amountKind tells whether the amount column is a unit price or an order total.
func (m *columnMap) amountKind(header []string) amountKind {
	if !m.has(Amount) {
		return lineAmount
	}
	h := normHeader(header[m.idx[Amount]])
	switch {
	case m.has(Quantity) && slices.Contains(words("unitprice einzelpreis stueckpreis itemprice itemcost lineitemprice price preis"), h):
		return unitPrice
	case m.has(Order) && (m.profile == "Shopify orders" || slices.Contains(words("ordertotalamount ordertotal ordertotalprice totalorder bestellsumme"), h)):
		return orderTotal
	}
	return lineAmount
}

// keyKind names the column that identifies customers: an id, else e-mail, phone or name.
func (m *columnMap) keyKind() (Concept, string) {
	switch {
	case m.has(Customer):
		return Customer, "customer id"
	case m.has(Email):
		return Email, "email"
	case m.has(Phone):
		return Phone, "phone"
	case m.has(Name) || m.has(LastName):
		return Name, "name"
	}
	return Customer, ""
}
