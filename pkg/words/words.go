// Package words holds every sentence, label, column header, status, rule and segment name
// winback shows, one catalogue per language (en.txt, de.txt, with the same keys) keyed by
// message codes, and formats numbers, dates, months and money for the language. Analysis
// packages return codes and facts; the output side asks a [Catalogue] for the words.
//
// Texts name the customer noun as {customers}, {Customers}, {customer} and {Customer},
// replaced by the catalogue's [Noun]; other texts are fmt templates filled by [Catalogue.F].
package words

import (
	"fmt"
	"strings"
	"sync"
)

// Catalogue is the texts of one language for one customer noun. Its methods are safe for
// concurrent use.
type Catalogue struct {
	lang string // "de" or "en"
	noun Noun
	msgs map[string]string

	reasonOnce sync.Once
	reasons    *texts // the reason templates, parsed (see reason.go)
}

var (
	catalogues = map[string]map[string]string{"en": en, "de": de}
	buildOnce  sync.Once
	built      map[[2]string]*Catalogue // by language and noun, read only once built
)

// For returns the catalogue of the language lang for the default noun, customers: German
// when lang starts with "de" (any case: "de", "de-DE", "de_AT.UTF-8"), English otherwise.
func For(lang string) *Catalogue { return ForNoun(lang, Customers) }

// ForNoun returns the catalogue of lang (as [For]) that calls customers noun; an unknown
// noun gives customers. The catalogues are made once, all of them; ForNoun takes no lock
// and is safe for concurrent use (a report asks for each lapsed customer).
func ForNoun(lang string, noun Noun) *Catalogue {
	buildOnce.Do(buildAll)
	l := "en"
	if German(lang) {
		l = "de"
	}
	if c, ok := built[[2]string{l, string(noun)}]; ok {
		return c
	}
	return built[[2]string{l, string(Customers)}]
}

func buildAll() {
	built = map[[2]string]*Catalogue{}
	for l, msgs := range catalogues {
		for _, noun := range Nouns() {
			c := &Catalogue{lang: l, noun: noun, msgs: make(map[string]string, len(msgs))}
			r := nouns[noun].replacer(l)
			for key, s := range msgs {
				if strings.Contains(s, "{") {
					s = r.Replace(s)
				}
				c.msgs[key] = s
			}
			built[[2]string{l, string(noun)}] = c
		}
	}
}

// German reports whether lang asks for German texts: it starts with "de", as "de",
// "de-DE" and "de_AT.UTF-8" do. Everything else gets English.
func German(lang string) bool {
	return len(lang) >= 2 && strings.EqualFold(lang[:2], "de")
}

// Lang returns the catalogue's language: "de" or "en".
func (c *Catalogue) Lang() string { return c.lang }

// German reports whether the catalogue is the German one.
func (c *Catalogue) German() bool { return c.lang == "de" }

// Noun returns the customer noun the catalogue's texts use.
func (c *Catalogue) Noun() Noun { return c.noun }

// T returns the text with the given key. A key missing from the catalogue is a bug; T
// returns the key itself so that it shows, and the tests catch it.
func (c *Catalogue) T(key string) string {
	if s, ok := c.msgs[key]; ok {
		return s
	}
	return key
}

// Has reports whether the catalogue has a text with the given key.
func (c *Catalogue) Has(key string) bool {
	_, ok := c.msgs[key]
	return ok
}

// F fills the template with the given key with args, as fmt.Sprintf does.
func (c *Catalogue) F(key string, args ...any) string {
	return fmt.Sprintf(c.T(key), args...)
}

// Plural returns the text key+".one" when n is 1 and key+".other" otherwise, filled with
// n and args as [Catalogue.F] fills it: "1 customer", "3 customers".
func (c *Catalogue) Plural(key string, n int, args ...any) string {
	return fmt.Sprintf(c.T(pluralKey(key, n)), append([]any{n}, args...)...)
}

// Count returns the text key+".one" when n is 1 and key+".other" otherwise, with its %s
// filled by n as [Catalogue.Int] writes it: "1 Zeile gelesen", "11.934 Zeilen gelesen".
// Use it, not a text with a fixed plural, wherever a count can be 1.
func (c *Catalogue) Count(key string, n int) string {
	return fmt.Sprintf(c.T(pluralKey(key, n)), c.Int(n))
}

func pluralKey(key string, n int) string {
	if n == 1 {
		return key + ".one"
	}
	return key + ".other"
}

// Code says a code of the kind prefix ("status.", "segment.") in the catalogue's words:
// the text status.<code>, or segment.<code>.name; the code itself when there is none.
func (c *Catalogue) Code(prefix, code string) string {
	if s, ok := c.msgs[prefix+code]; ok {
		return s
	}
	if s, ok := c.msgs[prefix+code+".name"]; ok {
		return s
	}
	return code
}

// Keys returns the keys of the English catalogue (every catalogue has the same ones).
func Keys() []string {
	out := make([]string, 0, len(en))
	for k := range en {
		out = append(out, k)
	}
	return out
}
