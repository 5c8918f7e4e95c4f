package model

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/winback/winback/pkg/visit"
)

func TestParsePeriod(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    Period
		days    float64
		wantErr bool
	}{
		{"day is one day", "day", Days, 1, false},
		{"week is seven days", "week", Weeks, 7, false},
		{"month is a twelfth of a Julian year", "month", Months, 365.25 / 12, false},
		{"a plural is rejected", "weeks", 0, 0, true},
		{"an empty name is rejected", "", 0, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePeriod(tt.in)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParsePeriod(%q) error = %v, want error %v", tt.in, err, tt.wantErr)
			}
			if tt.wantErr {
				return
			}
			if got != tt.want || got.Length() != tt.days || got.String() != tt.in {
				t.Errorf("ParsePeriod(%q) = %v (%v days), want %v (%v days)", tt.in, got, got.Length(), tt.want, tt.days)
			}
		})
	}
}

func TestPeriodRoundTripsThroughJSON(t *testing.T) {
	for _, p := range []Period{Days, Weeks, Months} {
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		var q Period
		if err := json.Unmarshal(b, &q); err != nil || q != p || string(b) != `"`+p.String()+`"` {
			t.Errorf("%v: JSON %s decodes to %v (%v)", p, b, q, err)
		}
	}
	var q Period
	if err := json.Unmarshal([]byte(`"fortnight"`), &q); err == nil {
		t.Error("an unknown period decodes without error")
	}
}

func TestSummarize(t *testing.T) {
	d := visit.DayOf
	tests := []struct {
		name    string
		days    []visit.Day
		amounts []float64
		asOf    visit.Day
		unit    Period
		want    Summary
		zbar    float64
		ok      bool
	}{
		{
			name: "no visit gives no summary",
			asOf: d(2024, 1, 1), unit: Weeks,
		},
		{
			name: "visits after the as-of day do not count",
			days: []visit.Day{d(2024, 2, 1)}, amounts: []float64{10},
			asOf: d(2024, 1, 1), unit: Weeks,
		},
		{
			name: "a single visit is no repeat and its age runs to the as-of day",
			days: []visit.Day{d(2024, 1, 1)}, amounts: []float64{50},
			asOf: d(2024, 1, 15), unit: Weeks,
			want: Summary{X: 0, Tx: 0, T: 2}, ok: true,
		},
		{
			name:    "repeats count the days after the first and zbar averages them",
			days:    []visit.Day{d(2024, 1, 1), d(2024, 1, 8), d(2024, 1, 22), d(2024, 3, 1)},
			amounts: []float64{100, 20, 40, 999},
			asOf:    d(2024, 1, 29), unit: Weeks,
			want: Summary{X: 2, Tx: 3, T: 4}, zbar: 30, ok: true,
		},
		{
			name: "months are 365.25/12 days long",
			days: []visit.Day{d(2023, 1, 1), d(2023, 7, 2)},
			asOf: d(2024, 1, 1), unit: Months,
			want: Summary{X: 1, Tx: 182 / (365.25 / 12), T: 365 / (365.25 / 12)}, ok: true,
		},
		{
			name: "a visit on the as-of day counts",
			days: []visit.Day{d(2024, 1, 1), d(2024, 1, 11)},
			asOf: d(2024, 1, 11), unit: Days,
			want: Summary{X: 1, Tx: 10, T: 10}, ok: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := Summarize(tt.days, tt.asOf, tt.unit)
			if ok != tt.ok || math.Abs(got.X-tt.want.X) > 1e-12 || math.Abs(got.Tx-tt.want.Tx) > 1e-12 || math.Abs(got.T-tt.want.T) > 1e-12 {
				t.Errorf("Summarize = %+v, %v; want %+v, %v", got, ok, tt.want, tt.ok)
			}
			if ok {
				if err := got.Validate(); err != nil {
					t.Errorf("summary does not validate: %v", err)
				}
			}
			if z := RepeatMean(tt.days, tt.amounts, tt.asOf); tt.amounts != nil && z != tt.zbar {
				t.Errorf("RepeatMean = %v, want %v", z, tt.zbar)
			}
		})
	}
}

func TestSummaryValidate(t *testing.T) {
	tests := []struct {
		name string
		s    Summary
		ok   bool
	}{
		{"an ordinary summary is valid", Summary{3, 10, 20}, true},
		{"a new customer is valid", Summary{0, 0, 0}, true},
		{"recency after the end is invalid", Summary{1, 21, 20}, false},
		{"a negative frequency is invalid", Summary{-1, 0, 20}, false},
		{"recency without a repeat is invalid", Summary{0, 5, 20}, false},
		{"NaN is invalid", Summary{math.NaN(), 0, 20}, false},
		{"an infinite age is invalid", Summary{0, 0, math.Inf(1)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.s.Validate(); (err == nil) != tt.ok {
				t.Errorf("Validate(%+v) = %v, want ok %v", tt.s, err, tt.ok)
			}
		})
	}
}

// TestSummarizeReproducesCDNOWSummaries checks the time convention against the published
// summary file: t_x = last − first and T = as-of − first, in days / 7.
func TestSummarizeReproducesCDNOWSummaries(t *testing.T) {
	rows := readCDNOWSummary(t)
	customers := readCDNOWSample(t)
	if len(rows) != 2357 || len(customers) != 2357 {
		t.Fatalf("%d summary rows and %d customers, want 2357", len(rows), len(customers))
	}
	bad := 0
	for i, c := range customers {
		s, ok := Summarize(c.days, cdnowCalEnd, Weeks)
		zbar := RepeatMean(c.days, c.amounts, cdnowCalEnd)
		r := rows[i]
		// The file rounds t_x, T and zbar to 2 decimals.
		if !ok || s.X != r.X || math.Abs(s.Tx-r.Tx) > 0.0051 || math.Abs(s.T-r.T) > 0.0051 || math.Abs(zbar-r.zbar) > 0.0051 {
			if bad++; bad <= 5 {
				t.Errorf("customer %d: got %+v zbar %.4f, file has %+v zbar %.2f", i+1, s, zbar, r.Summary, r.zbar)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d customers differ from the summary file", bad, len(rows))
	}
}
