package field

import (
	"errors"
	"strings"
	"testing"
)

// exact is an unambiguous amount.
func exact(minor int64, s Style, cur string) Amount {
	return Amount{Minor: minor, Alt: minor, Evidence: s, Currency: cur}
}

func TestParseAmountAccepts(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Amount
	}{
		{"a decimal point amount is read", "1234.56", exact(123456, DecimalPoint, "")},
		{"commas group thousands before a decimal point", "1,234.56", exact(123456, DecimalPoint, "")},
		{"dots group thousands before a decimal comma", "1.234,56", exact(123456, DecimalComma, "")},
		{"a decimal comma amount is read", "1234,56", exact(123456, DecimalComma, "")},
		{"several dot groups prove a decimal comma", "1.234.567", exact(123456700, DecimalComma, "")},
		{"several comma groups prove a decimal point", "1,234,567", exact(123456700, DecimalPoint, "")},
		{"a euro sign after the number is read", "12,50 €", exact(1250, DecimalComma, "EUR")},
		{"a euro sign before the number is read", "€ 12,50", exact(1250, DecimalComma, "EUR")},
		{"a euro sign glued to the number is read", "€12.50", exact(1250, DecimalPoint, "EUR")},
		{"a dollar amount with grouping is read", "$1,149.00", exact(114900, DecimalPoint, "USD")},
		{"a pound amount is read", "£9.99", exact(999, DecimalPoint, "GBP")},
		{"a US dollar sign is read", "US$ 20", exact(2000, StyleUnknown, "USD")},
		{"a leading minus is negative", "-12,50", exact(-1250, DecimalComma, "")},
		{"a Unicode minus is negative", "\u221212,50", exact(-1250, DecimalComma, "")},
		{"a trailing minus is negative", "12,50-", exact(-1250, DecimalComma, "")},
		{"a trailing minus after a currency is negative", "12,50 EUR-", exact(-1250, DecimalComma, "EUR")},
		{"a minus before the currency is negative", "-€12.50", exact(-1250, DecimalPoint, "EUR")},
		{"a minus after the currency is negative", "€ -12,50", exact(-1250, DecimalComma, "EUR")},
		{"parentheses are negative", "(33.62)", exact(-3362, DecimalPoint, "")},
		{"parentheses with a currency are negative", "($33.62)", exact(-3362, DecimalPoint, "USD")},
		{"a currency code after the number is read", "126.63 EUR", exact(12663, DecimalPoint, "EUR")},
		{"a currency code before the number is read", "EUR 126,63", exact(12663, DecimalComma, "EUR")},
		{"a lower-case currency code is read", "126,63 eur", exact(12663, DecimalComma, "EUR")},
		{"the word Euro is read", "12,50 Euro", exact(1250, DecimalComma, "EUR")},
		{"Swiss apostrophe grouping is read", "CHF 1'234.50", exact(123450, DecimalPoint, "CHF")},
		{"a typographic apostrophe groups thousands", "1\u2019234.50", exact(123450, DecimalPoint, "")},
		{"Swiss francs written Fr. are read", "Fr. 12.50", exact(1250, DecimalPoint, "CHF")},
		{"Swiss francs written Fr. after the number are read", "12.50 Fr.", exact(1250, DecimalPoint, "CHF")},
		{"a no-break space groups thousands", "1\u00a0234,56", exact(123456, DecimalComma, "")},
		{"a narrow no-break space groups thousands", "1\u202f234,56", exact(123456, DecimalComma, "")},
		{"a thin space groups thousands", "1\u2009234,56 €", exact(123456, DecimalComma, "EUR")},
		{"a space groups thousands", "1 234 567,00", exact(123456700, DecimalComma, "")},
		{"a space-grouped integer proves no style", "1 234", exact(123400, StyleUnknown, "")},
		{"a plus sign is read", "+12.00", exact(1200, DecimalPoint, "")},
		{"zero is read", "0", exact(0, StyleUnknown, "")},
		{"minus zero is zero", "-0", exact(0, StyleUnknown, "")},
		{"an integer proves no style", "1234", exact(123400, StyleUnknown, "")},
		{"a leading decimal point is read", ".5", exact(50, DecimalPoint, "")},
		{"a leading decimal comma is read", ",5", exact(50, DecimalComma, "")},
		{"a trailing decimal point is read", "12.", exact(1200, DecimalPoint, "")},
		{"one decimal is tens of cents", "12,5", exact(1250, DecimalComma, "")},
		{"a third decimal of 5 rounds up", "0,125", exact(13, DecimalComma, "")},
		{"a third decimal of 4 rounds down", "0,124", exact(12, DecimalComma, "")},
		{"rounding is half away from zero for negatives", "-0,125", exact(-13, DecimalComma, "")},
		{"rounding carries into the units", "19.9951", exact(2000, DecimalPoint, "")},
		{"digits beyond the third decimal do not change rounding", "1.23499999", exact(123, DecimalPoint, "")},
		{"four digits before a single separator prove it decimal", "1234.567", exact(123457, DecimalPoint, "")},
		{"a leading zero before three decimals proves a decimal", "0.500", exact(50, DecimalPoint, "")},
		{"a dash for zero cents is not a minus", "12,-", exact(1200, DecimalComma, "")},
		{"two dashes for zero cents with a currency are read", "1.200,-- €", exact(120000, DecimalComma, "EUR")},
		{"an en dash for zero cents is read", "12,–", exact(1200, DecimalComma, "")},
		{"a negative amount with a dash for zero cents is read", "-12,-", exact(-1200, DecimalComma, "")},
		{"spaces around are ignored", "  12,50  ", exact(1250, DecimalComma, "")},
		{"the largest amount is read", "92233720368547757", exact(9223372036854775700, StyleUnknown, "")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAmount([]byte(tt.in))
			if err != nil {
				t.Fatalf("ParseAmount(%q): %v", tt.in, err)
			}
			if got != tt.want {
				t.Errorf("ParseAmount(%q) = %+v, want %+v", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseAmountAmbiguous(t *testing.T) {
	tests := []struct {
		name                  string
		in                    string
		minor, alt            int64
		point, comma, unknown int64 // In(DecimalPoint), In(DecimalComma), In(StyleUnknown)
	}{
		{"a comma before three digits is ambiguous", "1,234", 123400, 123, 123400, 123, 123400},
		{"a dot before three digits is ambiguous", "1.234", 123400, 123, 123, 123400, 123400},
		{"a dot before three digits ending in 5 rounds the decimal reading up", "1.235", 123500, 124, 124, 123500, 123500},
		{"a negative ambiguous amount keeps its sign in both readings", "-12.345 €", -1234500, -1235, -1235, -1234500, -1234500},
		{"three digits before the separator are still ambiguous", "999,999", 99999900, 100000, 99999900, 100000, 99999900},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseAmount([]byte(tt.in))
			if err != nil {
				t.Fatalf("ParseAmount(%q): %v", tt.in, err)
			}
			if !a.Ambiguous() || a.Evidence != StyleUnknown {
				t.Errorf("ParseAmount(%q) = %+v, want ambiguous with no evidence", tt.in, a)
			}
			if a.Minor != tt.minor || a.Alt != tt.alt {
				t.Errorf("ParseAmount(%q) = Minor %d Alt %d, want %d and %d", tt.in, a.Minor, a.Alt, tt.minor, tt.alt)
			}
			if got := a.In(DecimalPoint); got != tt.point {
				t.Errorf("In(DecimalPoint) = %d, want %d", got, tt.point)
			}
			if got := a.In(DecimalComma); got != tt.comma {
				t.Errorf("In(DecimalComma) = %d, want %d", got, tt.comma)
			}
			if got := a.In(StyleUnknown); got != tt.unknown {
				t.Errorf("In(StyleUnknown) = %d, want %d", got, tt.unknown)
			}
		})
	}
}

func TestParseAmountRejects(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"two decimal commas are refused", "1,234,56.78,9", "two decimal separators"},
		{"a dot group after a decimal comma is refused", "1.234,567.89", "two decimal separators"},
		{"commas in wrong places are refused", "12,34,5", "thousands separator in the wrong place"},
		{"a group of two digits is refused", "1.23.456", "thousands separator in the wrong place"},
		{"a first group of four digits is refused", "1234.567.890", "thousands separator in the wrong place"},
		{"Indian grouping is refused", "1,23,456.78", "thousands separator in the wrong place"},
		{"a trailing group separator is refused", "1.234.", "thousands separator in the wrong place"},
		{"two separators in a row are refused", "1,,5", "thousands separator in the wrong place"},
		{"mixed thousands separators are refused", "1 234.567,89", "mixes different thousands separators"},
		{"letters after digits are refused", "12abc", "amount contains letters"},
		{"letters inside are refused", "12a50", "amount contains letters"},
		{"an exponent is refused", "1E+03", "amount contains letters"},
		{"an unknown currency is refused", "12,50 XYZ", "amount contains letters"},
		{"a word is not an amount", "kostenlos", "not an amount"},
		{"a dash alone is not an amount", "-", "amount has no digits"},
		{"a currency alone is not an amount", "€", "amount has no digits"},
		{"a percent sign is refused", "12%", `unexpected character '%'`},
		{"two minus signs are refused", "-12,50-", "more than one minus or plus sign"},
		{"a minus inside parentheses is refused", "(-12,50)", "more than one minus or plus sign"},
		{"an unmatched parenthesis is refused", "(12,50", "unmatched parenthesis"},
		{"two different currencies are refused", "€ 12,50 USD", "two different currencies"},
		{"an amount beyond int64 cents is refused", "92233720368547758", "too large"},
		{"a huge amount is refused", "1000000000000000000000000", "too large"},
		{"a date is not an amount", "05.03.2024", "thousands separator in the wrong place"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseAmount([]byte(tt.in))
			if err == nil {
				t.Fatalf("ParseAmount(%q) = %+v, want an error", tt.in, got)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("ParseAmount(%q) error = %q, want it to contain %q", tt.in, err, tt.want)
			}
			if !errors.Is(err, ErrNotAmount) {
				t.Errorf("ParseAmount(%q) error %v does not wrap ErrNotAmount", tt.in, err)
			}
		})
	}
}

func TestParseAmountEmpty(t *testing.T) {
	for _, in := range []string{"", "  ", "\u00a0"} {
		if _, err := ParseAmount([]byte(in)); err != ErrEmpty {
			t.Errorf("ParseAmount(%q) error = %v, want ErrEmpty", in, err)
		}
	}
}

func TestParseAmountDoesNotAllocate(t *testing.T) {
	for _, in := range []string{"1.234,56", "12,50 €", "$1,149.00", "(33.62)", "1,234", "CHF 1'234.50", "126.63 EUR"} {
		b := []byte(in)
		allocs := testing.AllocsPerRun(100, func() {
			if _, err := ParseAmount(b); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("ParseAmount(%q) allocates %v times", in, allocs)
		}
	}
}

func TestParseDateDoesNotAllocate(t *testing.T) {
	for _, in := range []string{"2024-03-05", "2024-03-05T14:30:00.123+01:00", "05.03.2024 14:30 Uhr",
		"05/03/2024", "19970101", "2. März 2024", "Mon, 2 Sep 2019 10:15:00 +0200", "September 2, 2019 10:15"} {
		b := []byte(in)
		allocs := testing.AllocsPerRun(100, func() {
			if _, err := ParseDate(b); err != nil {
				t.Fatal(err)
			}
		})
		if allocs != 0 {
			t.Errorf("ParseDate(%q) allocates %v times", in, allocs)
		}
	}
}
