package words

import (
	"fmt"
	"slices"
	"strings"
)

// Noun is what a business calls its customers; texts name them with it.
type Noun string

// The nouns texts can use.
const (
	Customers Noun = "customers"
	Patients  Noun = "patients"
	Guests    Noun = "guests"
	Clients   Noun = "clients"
)

// nounForms are the words for a [Noun]: plural and singular, in English and German.
type nounForms struct {
	en, enOne string // lower case
	de, deOne string
}

var nouns = map[Noun]nounForms{
	Customers: {"customers", "customer", "Kunden", "Kunde"},
	Patients:  {"patients", "patient", "Patientinnen und Patienten", "Patient/in"},
	Guests:    {"guests", "guest", "Gäste", "Gast"},
	Clients:   {"clients", "client", "Klientinnen und Klienten", "Klient/in"},
}

// replacer fills the noun placeholders of lang's texts.
func (f nounForms) replacer(lang string) *strings.Replacer {
	if lang == "de" {
		return strings.NewReplacer("{customers}", f.de, "{Customers}", f.de, "{customer}", f.deOne, "{Customer}", f.deOne)
	}
	return strings.NewReplacer("{customers}", f.en, "{Customers}", upperFirst(f.en), "{customer}", f.enOne, "{Customer}", upperFirst(f.enOne))
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Nouns returns the known nouns, customers first.
func Nouns() []Noun { return []Noun{Customers, Patients, Guests, Clients} }

// ParseNoun returns the [Noun] named s ("patients"; the singular and German plurals are
// accepted too), or an error that lists the known ones.
func ParseNoun(s string) (Noun, error) {
	t := strings.ToLower(strings.TrimSpace(s))
	for _, n := range Nouns() {
		f := nouns[n]
		if t == f.en || t == f.enOne || t == strings.ToLower(f.de) || t == strings.ToLower(f.deOne) {
			return n, nil
		}
	}
	names := make([]string, 0, 4)
	for _, n := range Nouns() {
		names = append(names, string(n))
	}
	return "", fmt.Errorf("unknown noun %q: use one of %s", s, strings.Join(names, ", "))
}

// NounFromColumns guesses the noun from an export's column names: a column naming
// patients (Patient, Patientennr., patient id) gives [Patients], guests (Gast, guest)
// [Guests], clients (Klient, client) [Clients], anything else [Customers]. The first
// column that names one wins.
func NounFromColumns(columns []string) Noun {
	for _, c := range columns {
		c = strings.ToLower(c)
		switch {
		case strings.Contains(c, "patient"):
			return Patients
		case strings.Contains(c, "gast"), strings.Contains(c, "gäste"), strings.Contains(c, "guest"):
			return Guests
		case strings.Contains(c, "klient"), strings.Contains(c, "client"):
			return Clients
		}
	}
	return Customers
}

// Valid reports whether n is a known noun.
func (n Noun) Valid() bool { return slices.Contains(Nouns(), n) }
