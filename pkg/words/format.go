package words

import (
	"math"
	"strconv"
	"strings"
	"time"
)

// Numbers, dates and money by language: German groups thousands with '.', writes decimal
// commas, "31 %" and 12.03.2025; English writes 1,234.56, "31%" and 2025-03-12 (an ISO
// date, as the English outputs always had). Money has no currency symbol: winback does
// not know the currency.

// Int formats an integer with thousands grouping: 1.238 or 1,238.
func (c *Catalogue) Int(n int) string { return string(c.appendGrouped(nil, int64(n))) }

// Money formats minor units (cents): 1.154,55 or 1,154.55.
func (c *Catalogue) Money(minor int64) string { return string(c.appendMoney(nil, minor, true)) }

// appendMoney appends minor units with two decimals and no currency symbol, thousands
// grouped or not: 1.154,55 or 1,154.55; 1154,55 or 1154.55.
func (c *Catalogue) appendMoney(b []byte, minor int64, grouped bool) []byte {
	if minor < 0 {
		b = append(b, '-')
		minor = -minor
	}
	if grouped {
		b = c.appendGrouped(b, minor/100)
	} else {
		b = strconv.AppendInt(b, minor/100, 10)
	}
	dec := byte('.')
	if c.German() {
		dec = ','
	}
	frac := minor % 100
	return append(b, dec, byte('0'+frac/10), byte('0'+frac%10))
}

// appendGrouped appends n with thousands grouping: 1.238 or 1,238.
func (c *Catalogue) appendGrouped(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	sep := byte(',')
	if c.German() {
		sep = '.'
	}
	var buf [20]byte
	digits := strconv.AppendInt(buf[:0], n, 10)
	for i, d := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b = append(b, sep)
		}
		b = append(b, d)
	}
	return b
}

// Percent formats a share 0..1 as a whole percentage: "31 %" or "31%"; "–" for NaN.
func (c *Catalogue) Percent(share float64) string { return string(c.appendPercent(nil, share)) }

func (c *Catalogue) appendPercent(b []byte, share float64) []byte {
	if math.IsNaN(share) {
		return append(b, "–"...)
	}
	b = strconv.AppendInt(b, int64(math.Round(share*100)), 10)
	if c.German() {
		return append(b, " %"...)
	}
	return append(b, '%')
}

// Decimal formats x with the given number of decimals: 0,6120 or 0.6120.
func (c *Catalogue) Decimal(x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if c.German() {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Date formats a day: 12.03.2025 or 2025-03-12.
func (c *Catalogue) Date(t time.Time) string {
	if c.German() {
		return t.Format("02.01.2006")
	}
	return t.Format(time.DateOnly)
}

// Month returns the name of a month: "März" or "March".
func (c *Catalogue) Month(m time.Month) string {
	return c.T("month." + strconv.Itoa(int(m)))
}

// ShortMonthYear formats a month of a year short: "Jan. 2025" or "Jan 2025".
func (c *Catalogue) ShortMonthYear(y int, m time.Month) string {
	return c.T("month.short."+strconv.Itoa(int(m))) + " " + strconv.Itoa(y)
}
