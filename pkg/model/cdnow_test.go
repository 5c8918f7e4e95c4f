package model

import (
	"bufio"
	"encoding/csv"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/winback/winback/pkg/visit"
)

// The CDNOW reference data (see testdata/cdnow/README.md): calibration to 1997-09-30,
// holdout to 1998-06-30, in weeks.
var (
	cdnowCalEnd     = visit.DayOf(1997, 9, 30)
	cdnowHoldoutEnd = visit.DayOf(1998, 6, 30)
)

const cdnowDir = "../../testdata/cdnow/"

// cdnowCustomer is one customer of CDNOW_sample.txt: distinct purchase days and the amount
// spent on each.
type cdnowCustomer struct {
	days    []visit.Day
	amounts []float64
}

// readCDNOWSample parses CDNOW_sample.txt (master id, sample id, yyyymmdd, CDs, dollars),
// merging same-day purchases. Customers are indexed by sample id − 1.
func readCDNOWSample(t testing.TB) []cdnowCustomer {
	t.Helper()
	f, err := os.Open(cdnowDir + "CDNOW_sample.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []cdnowCustomer
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		fields := strings.Fields(sc.Text())
		if len(fields) == 0 {
			continue
		}
		if len(fields) != 5 {
			t.Fatalf("CDNOW_sample.txt:%d: %d fields", line, len(fields))
		}
		id, err1 := strconv.Atoi(fields[1])
		date, err2 := strconv.Atoi(fields[2])
		amount, err3 := strconv.ParseFloat(fields[4], 64)
		if err1 != nil || err2 != nil || err3 != nil || id < 1 {
			t.Fatalf("CDNOW_sample.txt:%d: bad line %q", line, sc.Text())
		}
		for len(out) < id {
			out = append(out, cdnowCustomer{})
		}
		day := visit.DayOf(date/10000, date/100%100, date%100)
		c := &out[id-1]
		if n := len(c.days); n > 0 && c.days[n-1] == day {
			c.amounts[n-1] += amount
			continue
		}
		if n := len(c.days); n > 0 && c.days[n-1] > day {
			t.Fatalf("CDNOW_sample.txt:%d: dates out of order", line)
		}
		c.days = append(c.days, day)
		c.amounts = append(c.amounts, amount)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// cdnowSummaries returns the exact calibration summaries (in weeks) computed from the
// transactions, and each customer's number of holdout transactions (purchase days after
// the calibration end, up to the holdout end).
func cdnowSummaries(t testing.TB) (cal []Summary, holdout []float64) {
	t.Helper()
	for i, c := range readCDNOWSample(t) {
		s, ok := Summarize(c.days, cdnowCalEnd, Weeks)
		if !ok {
			t.Fatalf("customer %d has no calibration purchase", i+1)
		}
		cal = append(cal, s)
		all, _ := Summarize(c.days, cdnowHoldoutEnd, Weeks)
		holdout = append(holdout, all.X-s.X)
	}
	return cal, holdout
}

// cdnowRow is one row of cdnow_customers_summary_with_transactions.csv.
type cdnowRow struct {
	Summary
	zbar float64
}

func readCDNOWSummary(t testing.TB) []cdnowRow {
	t.Helper()
	f, err := os.Open(cdnowDir + "cdnow_customers_summary_with_transactions.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(records[0], ","); got != "ID,x,t_x,T,zbar" {
		t.Fatalf("unexpected header %q", got)
	}
	var rows []cdnowRow
	for i, rec := range records[1:] {
		var v [4]float64
		for j := range v {
			if v[j], err = strconv.ParseFloat(rec[j+1], 64); err != nil {
				t.Fatalf("row %d: %v", i+2, err)
			}
		}
		rows = append(rows, cdnowRow{Summary{v[0], v[1], v[2]}, v[3]})
	}
	return rows
}
