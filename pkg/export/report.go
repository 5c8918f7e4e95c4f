package export

import (
	"cmp"
	"slices"
	"strings"

	"github.com/winback/winback/pkg/field"
)

// SummaryVersion is the version of the [Summary] JSON schema; it changes when a field's
// meaning changes or a field is removed.
const SummaryVersion = 1

// Summary is what reading found out: per file the encoding, dialect and column mapping, and
// over all files the row accounting, statuses seen, customer key and date range. It is the
// content of `winback inspect`.
type Summary struct {
	Version int          `json:"version"`
	Files   []FileReport `json:"files"`
	// Lines counts physical lines (a record with a quoted line end spans several).
	Lines int `json:"lines"`
	// Row accounting: Rows = Accepted + Rejected + Blank + Duplicates.
	Rows       int `json:"rows"`
	Accepted   int `json:"accepted"`
	Rejected   int `json:"rejected"`
	Blank      int `json:"blank"`
	Duplicates int `json:"duplicates"`
	// Orders counts the orders of order-line exports (rows of one order or invoice number
	// are one purchase), CancelledOrders those cancelled (a cancellation or credit invoice).
	Orders          int `json:"orders"`
	CancelledOrders int `json:"cancelled_orders"`
	// RejectsByReason counts rejected rows by RowError.Code.
	RejectsByReason map[string]int `json:"rejects_by_reason"`
	// Customers found, and what identifies them: "customer id", "email", "phone" or "name".
	Customers int    `json:"customers"`
	KeyKind   string `json:"customer_key"`
	// KeyFallback counts rows whose key column was empty and that were identified by their
	// e-mail, phone or name instead (keys "email:...", "phone:...", "name:...").
	KeyFallback int `json:"key_fallback_rows"`
	// Joined counts the customers so identified that were joined to the customer with a key
	// whose rows carry the same e-mail or phone.
	Joined int `json:"joined_customers"`
	// Dates: ISO days; LatestRecorded is the latest day with a recorded outcome (the
	// default as-of date is history.Set.TakenOn's).
	FirstDay       string `json:"first_date"`
	LastDay        string `json:"last_date"`
	LatestRecorded string `json:"latest_recorded_date"`
	DateOrder      string `json:"date_order"`
	BookedAtOrder  string `json:"booked_at_order,omitempty"`
	DecimalStyle   string `json:"decimal_style"`
	// AmountsAmbiguous counts amounts like "1,234" read by the column's decimal style.
	AmountsAmbiguous int `json:"amounts_ambiguous"`
	// BookedAtUnreadable counts booking dates that could not be read; their rows are kept
	// without a lead time.
	BookedAtUnreadable int `json:"booked_at_unreadable"`
	// Recoded counts fields that were not valid UTF-8 and were read as Windows-1252.
	Recoded  int           `json:"recoded_fields"`
	Statuses []StatusCount `json:"statuses"`
}

// StatusCount is one status value seen in the export and what it was taken to mean.
type StatusCount struct {
	Value  string `json:"value"`
	Status string `json:"status"`
	Known  bool   `json:"known"`
	Count  int    `json:"count"`
}

// FileReport describes one input file.
type FileReport struct {
	Name      string `json:"name"`
	Encoding  string `json:"encoding"`
	Delimiter string `json:"delimiter"`
	Header    bool   `json:"header"`
	// HeaderGuessed is set when the first row looked like data, so columns are numbered.
	HeaderGuessed bool   `json:"header_guessed,omitempty"`
	Profile       string `json:"profile,omitempty"`
	KeyKind       string `json:"customer_key"`
	// Concepts maps each concept found to its column.
	Concepts map[string]ColumnRef `json:"concepts"`
	// Unused lists the columns no concept took.
	Unused []string `json:"unused"`
	// Orders says how the rows of an order or invoice number are read, when the file has
	// one (or a quantity): "lines" (one purchase per order, its rows' amounts added),
	// "unit_price" (quantity × unit price added), "order_total" (the order's total, counted
	// once); "" for a file of visits.
	Orders string `json:"orders,omitempty"`
	// DateLayouts lists the date forms seen in the date column, most frequent first.
	DateLayouts []LayoutCount `json:"date_layouts"`

	dateLayouts map[field.Layout]int
}

// ColumnRef is a column by position (1-based) and header, and how it was chosen: "header"
// (its name), "profile" (a known export), "flag" (--column) or "content" (its values).
type ColumnRef struct {
	Column int    `json:"column"`
	Header string `json:"header"`
	By     string `json:"by"`
}

// LayoutCount is a date form and how many values had it.
type LayoutCount struct {
	Layout string `json:"layout"`
	Count  int    `json:"count"`
}

func (f *FileReport) fill(header []string, m *columnMap) {
	f.Concepts = map[string]ColumnRef{}
	used := make([]bool, len(header))
	for c := Concept(0); c < numConcepts; c++ {
		if i := m.idx[c]; i >= 0 {
			f.Concepts[c.String()] = ColumnRef{Column: i + 1, Header: header[i], By: m.how[c]}
			used[i] = true
		}
	}
	f.Unused = []string{}
	for i, h := range header {
		if !used[i] {
			f.Unused = append(f.Unused, h)
		}
	}
}

func (f *FileReport) finish() {
	f.DateLayouts = []LayoutCount{}
	for l, n := range f.dateLayouts {
		f.DateLayouts = append(f.DateLayouts, LayoutCount{Layout: l.String(), Count: n})
	}
	slices.SortFunc(f.DateLayouts, func(a, b LayoutCount) int {
		return cmp.Or(b.Count-a.Count, strings.Compare(a.Layout, b.Layout))
	})
}
