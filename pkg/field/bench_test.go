package field

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/winback/winback/pkg/visit"
)

var benchDates = []string{
	"2024-03-05", "2024-03-05T14:30:00.123+01:00", "19970101", "05.03.2024", "05.03.2024 14:30 Uhr",
	"05/03/2024", "9/2/2019 10:15 am", "September 2, 2019 10:15", "2. März 2024",
	"Mon, 2 Sep 2019 10:15:00 +0200",
}

var benchAmounts = []string{
	"1234.56", "1.234,56", "12,50 €", "$1,149.00", "(33.62)", "1,234", "CHF 1'234.50", "0",
}

var benchStatuses = []string{"Completed", "nicht erschienen", "cancelled_by_guest", "BESTÄTIGT", "unknown"}

func BenchmarkParseDate(b *testing.B) {
	for _, s := range benchDates {
		in := []byte(s)
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				if _, err := ParseDate(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkParseAmount(b *testing.B) {
	for _, s := range benchAmounts {
		in := []byte(s)
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				if _, err := ParseAmount(in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkParseStatus(b *testing.B) {
	for _, s := range benchStatuses {
		in := []byte(s)
		b.Run(s, func(b *testing.B) {
			for b.Loop() {
				ParseStatus(in)
			}
		})
	}
}

func BenchmarkParseFlag(b *testing.B) {
	in := []byte("Ja")
	for b.Loop() {
		ParseFlag(in)
	}
}

// germanColumn generates n cells of a German practice export: dates as dd.mm.yyyy with
// an occasional time, amounts with a decimal comma, grouping and currency.
func germanColumn(n int) (dates, amounts [][]byte) {
	r := rand.New(rand.NewPCG(1, 2))
	dates = make([][]byte, n)
	amounts = make([][]byte, n)
	for i := range n {
		d := visit.Day(18000 + r.IntN(3000))
		dates[i] = []byte(d.German())
		if r.IntN(4) == 0 {
			dates[i] = fmt.Appendf(dates[i], " %02d:%02d", r.IntN(24), r.IntN(60))
		}
		cents := r.IntN(300000)
		switch r.IntN(3) {
		case 0:
			amounts[i] = fmt.Appendf(nil, "%d,%02d", cents/100, cents%100)
		case 1:
			amounts[i] = fmt.Appendf(nil, "%d,%02d €", cents/100, cents%100)
		default:
			if cents >= 100000 {
				amounts[i] = fmt.Appendf(nil, "%d.%03d,%02d", cents/100000, cents/100%1000, cents%100)
			} else {
				amounts[i] = fmt.Appendf(nil, "%d,%02d", cents/100, cents%100)
			}
		}
	}
	return dates, amounts
}

// BenchmarkGermanColumn parses a generated column of 100,000 rows; ns/op is per row.
func BenchmarkGermanColumn(b *testing.B) {
	dates, amounts := germanColumn(100_000)
	for i := 0; b.Loop(); i++ {
		k := i % len(dates)
		if _, err := ParseDate(dates[k]); err != nil {
			b.Fatal(err)
		}
		if _, err := ParseAmount(amounts[k]); err != nil {
			b.Fatal(err)
		}
	}
}
