// Package report is winback's output: the monthly report as data, and every format it and
// every other command's [View] are written in. [Build] makes a [Report] from an
// [analysis.Result] in one language; the [Writer] of [NewWriter] writes it as a terminal
// table, Markdown, JSON, CSV, HTML or XLSX, one file per format. Values from the data are
// escaped for HTML and Markdown and made safe for a terminal ([SafeText]) and a
// spreadsheet ([SafeCSV]).
package report

// Version is the version of the [Report] JSON schema; it changes when a field changes
// meaning or disappears.
const Version = 1

// Report is everything the report says. Dates are ISO yyyy-mm-dd; money is in currency
// units (the export's currency, unknown to winback) as float64 with two decimals; shares
// are 0..1.
type Report struct {
	Version int    `json:"version"`
	Lang    string `json:"lang"` // de or en: the language of names, questions and labels
	// Noun is what the texts call customers ("patients", ...); empty for customers.
	Noun string `json:"noun,omitempty"`
	AsOf string `json:"as_of"`
	// Files are the exports read (base names).
	Files []string `json:"files"`
	// Pseudonymized: ids are pseudonyms; names, e-mails and phones are left out.
	Pseudonymized bool `json:"pseudonymized"`
	// HasAmounts is false when the export has no amounts (then money fields are 0).
	HasAmounts bool `json:"has_amounts"`

	Summary  Summary      `json:"summary"`
	Quality  Quality      `json:"data_quality"`
	Since    *Since       `json:"since_last_time,omitempty"`
	Segments SegmentsPart `json:"segments"`
	// Lapsed are the lapsed and lost customers, ranked. Formats for people show the first
	// LapsedShown; json, csv and xlsx hold all (see [Report.NumLapsed]).
	Lapsed      []Customer `json:"lapsed"`
	LapsedShown int        `json:"lapsed_shown"`
	// FollowUps are the customers whose course of treatment ended; Welcome the new ones
	// whose first visit was booked through a platform; FirstTimers what became of those,
	// month by month.
	FollowUps   []Customer      `json:"follow_ups,omitempty"`
	Welcome     []Customer      `json:"welcome,omitempty"`
	FirstTimers []FirstTimerRow `json:"platform_first_timers,omitempty"`
	// Filter are the flags that narrowed the list, as given (--staff 'Anja Berger').
	Filter string `json:"filter,omitempty"`
	// Lift: what the reasons say about the business.
	Lift []LiftRow `json:"reasons_lift"`
	// Unavailable lists the signals the export's columns cannot show, with why.
	Unavailable []string    `json:"signals_not_available"`
	Trends      []MonthRow  `json:"monthly_trend"`
	Cohorts     []CohortRow `json:"cohorts"`
	Mix         []MixRow    `json:"channels_and_services"`
	Recency     []Bin       `json:"recency_histogram"`
	Model       ModelPart   `json:"model"`
	// Reliability is the lapse backtest ("How reliable is this?"), when the run made one.
	Reliability *Reliability `json:"reliability,omitempty"`
	// Statuses maps every customer's id to their lapse status, for the next run's "since
	// last time". Only in JSON.
	Statuses map[string]string `json:"statuses"`

	// Answers and Calling: what the filed calls say (--outcomes, --state).
	Answers *AnswersPart `json:"what_customers_told_us,omitempty"`
	Calling *CallingPart `json:"does_calling_work,omitempty"`

	// charts makes, once, what only the HTML's charts draw; nil for one read back from JSON.
	charts func() *chartData

	// src is what the lapsed customers not yet in Lapsed are filled in from; nil for a
	// report read back from JSON.
	src *source
}

// Summary is the report's first section.
type Summary struct {
	Customers int `json:"customers"`
	// ByStatus counts customers per status: booked, active, due, follow-up, lapsed, lost.
	ByStatus map[string]int `json:"by_status"`
	// Revenue12m is the total of the last 12 months' visits; ValueAtRisk the lapsed and lost
	// customers' values at risk.
	Revenue12m  float64 `json:"revenue_last_12_months"`
	ValueAtRisk float64 `json:"value_at_risk"`
}

// Quality is the data-quality line.
type Quality struct {
	Rows       int    `json:"rows"`
	Accepted   int    `json:"accepted"`
	Rejected   int    `json:"rejected"`
	Blank      int    `json:"blank"`
	Duplicates int    `json:"duplicates"`
	RejectsOut string `json:"rejects_file,omitempty"`
	// AfterAsOf counts the appointments after the as-of date, left out as nothing shows
	// they were booked by then. They are among the accepted rows.
	AfterAsOf int `json:"after_as_of,omitempty"`
	// FirstDate and LastDate span the data.
	FirstDate string `json:"first_date"`
	LastDate  string `json:"last_date"`
}

// Since compares with an earlier run's report ("since last time").
type Since struct {
	PreviousAsOf string   `json:"previous_as_of"`
	NewlyLapsed  []string `json:"newly_lapsed"`
	StillLapsed  []string `json:"still_lapsed"`
	WonBack      []string `json:"won_back"`
	// WinBackRate is won back ÷ lapsed last time.
	WinBackRate float64  `json:"win_back_rate"`
	NewlyDue    []string `json:"newly_due"`
}

// SegmentsPart is the R×F grid and the segment table.
type SegmentsPart struct {
	// Grid[r-1][f-1] counts customers with scores R=r, F=f.
	Grid [5][5]int    `json:"grid"`
	Rows []SegmentRow `json:"table"`
}

// SegmentRow is one segment.
type SegmentRow struct {
	Code            string  `json:"code"`
	Name            string  `json:"name"`
	Customers       int     `json:"customers"`
	Share           float64 `json:"share"`
	MedianRecency   float64 `json:"median_recency_days"`
	MedianFrequency float64 `json:"median_frequency"`
	Revenue         float64 `json:"revenue"`
	RevenueShare    float64 `json:"revenue_share"`
}

// Customer is one lapsed or lost customer.
type Customer struct {
	ID string `json:"id" csv:"id"`
	// Contact details: empty when pseudonymized or not asked for.
	Name              string `json:"name,omitempty" csv:"name"`
	Phone             string `json:"phone,omitempty" csv:"phone"`
	Email             string `json:"email,omitempty" csv:"email"`
	ContactPreference string `json:"contact_preference,omitempty" csv:"contact_preference"`

	Segment     string  `json:"segment" csv:"segment"`
	Status      string  `json:"status" csv:"status"`
	LastVisit   string  `json:"last_visit" csv:"last_visit"`
	Visits      int     `json:"visits" csv:"visits"`
	UsualGap    float64 `json:"usual_gap_days" csv:"usual_gap_days"`
	Overdue     int     `json:"days_overdue" csv:"days_overdue"`
	ValueAtRisk float64 `json:"value_at_risk" csv:"value_at_risk"`
	// PAlive is -1 without a usable model.
	PAlive float64 `json:"p_alive" csv:"p_alive"`
	// Rule is the plain-language lapse explanation, in the report's language.
	Rule    string   `json:"rule" csv:"rule"`
	Reasons []Reason `json:"reasons" csv:"-"`
	// Questions joins the top questions, for CSV and tables.
	Questions string `json:"-" csv:"questions"`
	// Why says why the customer ranks where they do; ChanceBack is the chance that one
	// away that long comes back within a year, -1 for follow-ups and welcome calls.
	Why        string  `json:"why,omitempty" csv:"why"`
	ChanceBack float64 `json:"chance_back" csv:"chance_back"`
}

// Reason is one hint to ask about, in the report's language.
type Reason struct {
	Code     string  `json:"code"`
	Weight   float64 `json:"weight"`
	Evidence string  `json:"evidence"`
	Question string  `json:"question"`
}

// LiftRow compares how often a signal occurs among lapsed and among active customers.
type LiftRow struct {
	Code        string  `json:"code"`
	Label       string  `json:"label"`
	Lapsed      int     `json:"lapsed"`
	LapsedShare float64 `json:"lapsed_share"`
	Active      int     `json:"active"`
	ActiveShare float64 `json:"active_share"`
	// Lift is LapsedShare ÷ ActiveShare (0 when the signal never occurs among active ones).
	Lift float64 `json:"lift"`
}

// MonthRow is one month of the trend: customers with a visit (active), first visits (new),
// customers who became lapsed, and lapsed customers who came back.
type MonthRow struct {
	Month    string `json:"month"` // yyyy-mm
	Active   int    `json:"active"`
	New      int    `json:"new"`
	Lapsed   int    `json:"lapsed"`
	Returned int    `json:"returned"`
}

// CohortRow is the retention of the customers whose first visit fell in one period: the
// share with a visit After[i] months or more after their first.
type CohortRow struct {
	Cohort    string    `json:"cohort"` // yyyy-mm or yyyy-Qn
	Customers int       `json:"customers"`
	After     []int     `json:"after_months"` // e.g. 1, 3, 6, 12
	Retained  []float64 `json:"retained"`     // share per After; -1 when not yet observable
}

// MixRow is one channel or service among active and lapsed customers' last visits.
type MixRow struct {
	Kind        string  `json:"kind"` // channel or service
	Name        string  `json:"name"`
	Active      int     `json:"active"`
	ActiveShare float64 `json:"active_share"`
	Lapsed      int     `json:"lapsed"`
	LapsedShare float64 `json:"lapsed_share"`
}

// Bin is one bar of the recency histogram.
type Bin struct {
	Label     string `json:"label"` // e.g. "0–30"
	FromDays  int    `json:"from_days"`
	ToDays    int    `json:"to_days"` // exclusive; -1 for the open last bin
	Customers int    `json:"customers"`
}

// ModelPart says how lapse was decided and how well the model fits.
type ModelPart struct {
	Decided map[string]int `json:"decided_by_rule"` // customers per lapse rule
	// Model is "BG/NBD", "Pareto/NBD" or "" when none was usable; Note says why.
	Model  string             `json:"model"`
	Note   string             `json:"note,omitempty"`
	Params map[string]float64 `json:"params,omitempty"`
	// Backtest compares predicted and actual visits in a holdout period.
	Backtest *Backtest `json:"backtest,omitempty"`
}

// Backtest is the holdout comparison by calibration frequency.
type Backtest struct {
	CalibrationEnd string        `json:"calibration_end"`
	HoldoutEnd     string        `json:"holdout_end"`
	Bins           []BacktestBin `json:"bins"`
	Actual         float64       `json:"actual_total"`
	Predicted      float64       `json:"predicted_total"`
	Error          float64       `json:"relative_error"`
}

// BacktestBin is one calibration-frequency bin of the backtest.
type BacktestBin struct {
	Frequency string  `json:"frequency"` // "0" … "6", "7+"
	Customers int     `json:"customers"`
	Actual    float64 `json:"actual_mean"`
	Predicted float64 `json:"predicted_mean"`
}
