package words

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestCataloguesHaveTheSameKeys(t *testing.T) {
	for k := range en {
		if _, ok := de[k]; !ok {
			t.Errorf("%q is in en.txt but not in de.txt", k)
		}
	}
	for k := range de {
		if _, ok := en[k]; !ok {
			t.Errorf("%q is in de.txt but not in en.txt", k)
		}
	}
}

func TestTemplatesTakeTheSameArguments(t *testing.T) {
	verbs := func(s string) []string {
		var out []string
		for i := 0; i < len(s)-1; i++ {
			if s[i] == '%' && s[i+1] != ' ' {
				out = append(out, s[i:i+2])
				i++
			}
		}
		slices.Sort(out)
		return out
	}
	for k, e := range en {
		if !slices.Equal(verbs(e), verbs(de[k])) {
			t.Errorf("%q: en has %v, de has %v", k, verbs(e), verbs(de[k]))
		}
	}
}

func TestFormatsByLanguage(t *testing.T) {
	de, en := For("de-DE"), For("en")
	day := time.Date(2025, time.January, 7, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct{ name, got, want string }{
		{"german money groups with dots and a decimal comma", de.Money(115455), "1.154,55"},
		{"english money groups with commas", en.Money(115455), "1,154.55"},
		{"negative money keeps its sign", de.Money(-5), "-0,05"},
		{"german integers group thousands", de.Int(1238), "1.238"},
		{"german percentages have a space", de.Percent(0.314), "31 %"},
		{"english percentages have none", en.Percent(0.314), "31%"},
		{"german decimals have a comma", de.Decimal(0.612, 4), "0,6120"},
		{"german dates are dd.mm.yyyy", de.Date(day), "07.01.2025"},
		{"english dates are ISO", en.Date(day), "2025-01-07"},
		{"german short months end with a period", de.ShortMonthYear(2025, time.January), "Jan. 2025"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
}

func TestNounsFillTheTexts(t *testing.T) {
	for _, tt := range []struct {
		lang string
		noun Noun
		want string
	}{
		{"de", Customers, "Kunden"},
		{"de", Patients, "Patientinnen und Patienten"},
		{"de", Guests, "Gäste"},
		{"de", Clients, "Klientinnen und Klienten"},
		{"en", Patients, "Patients"},
	} {
		t.Run(tt.lang+" "+string(tt.noun), func(t *testing.T) {
			c := ForNoun(tt.lang, tt.noun)
			for k, s := range c.msgs {
				if strings.ContainsAny(s, "{}") && strings.Contains(s, "{customer") {
					t.Errorf("%q still has a placeholder: %q", k, s)
				}
			}
			if got := c.T("report.Customers"); got != tt.want {
				t.Errorf("report.Customers = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNounFromColumns(t *testing.T) {
	for _, tt := range []struct {
		cols []string
		want Noun
	}{
		{[]string{"Patientennr.", "Datum"}, Patients},
		{[]string{"patient id", "date"}, Patients},
		{[]string{"Gast", "Anreise"}, Guests},
		{[]string{"guest_name", "check-in"}, Guests},
		{[]string{"Klient", "Termin"}, Clients},
		{[]string{"client id", "date"}, Clients},
		{[]string{"Kundennr.", "Datum"}, Customers},
		{nil, Customers},
	} {
		if got := NounFromColumns(tt.cols); got != tt.want {
			t.Errorf("NounFromColumns(%q) = %s, want %s", tt.cols, got, tt.want)
		}
	}
}

func TestParseNounRejectsUnknownNamesWithTheKnownOnes(t *testing.T) {
	if n, err := ParseNoun("Patienten"); err == nil || n != "" {
		// "Patienten" alone is not one of the forms; the error lists them
		if n != Patients {
			t.Errorf("ParseNoun(Patienten) = %q, %v", n, err)
		}
	}
	if _, err := ParseNoun("users"); err == nil || !strings.Contains(err.Error(), "customers, patients, guests, clients") {
		t.Errorf("ParseNoun(users): %v", err)
	}
	if n, err := ParseNoun("Guests"); err != nil || n != Guests {
		t.Errorf("ParseNoun(Guests) = %q, %v", n, err)
	}
}
