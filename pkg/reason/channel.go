package reason

import (
	"strings"
	"unicode"
)

// ChannelKind says whether a booking channel is an online platform or direct.
type ChannelKind uint8

// The channel kinds. A channel that matches neither list is [ChannelOther]: it is not a
// platform, so a customer who used it was not platform-only.
const (
	ChannelOther ChannelKind = iota
	ChannelDirect
	ChannelPlatform
)

// DefaultPlatformChannels returns the channel names that mean an online platform, a third
// party between the customer and the business.
func DefaultPlatformChannels() []string {
	return []string{
		"online", "online-portal", "portal", "online-buchung", "onlinebuchung", "onlinetermin",
		"internet", "app",
		"Doctolib", "Jameda", "samedi",
		"Booking.com", "booking", "Expedia", "Airbnb", "HRS", "HolidayCheck", "Trivago",
		"Treatwell", "Fresha", "Planity", "OpenTable", "TheFork",
		"eBay", "Amazon", "Etsy", "Zalando", "Otto", "Kaufland", "Avocadostore",
	}
}

// DefaultDirectChannels returns the channel names that mean a direct booking: phone,
// front desk, walk-in, e-mail, letter, messages, and the business's own website, web
// store or app. When a name holds words of both kinds, the longer match wins: "Online
// (Website)" and "Praxis-App" are direct, "Doctolib-App" is a platform.
func DefaultDirectChannels() []string {
	return []string{
		"direct", "direkt", "phone", "telephone", "call", "telefon", "telefonisch", "anruf",
		"front desk", "reception", "empfang", "rezeption", "tresen", "counter",
		"walk-in", "laufkundschaft", "in person", "persönlich", "vor Ort",
		"e-mail", "mail", "brief", "letter", "fax", "SMS", "WhatsApp",
		"Praxis", "practice", "salon", "studio", "shop", "store", "laden", "filiale",
		"website", "webseite", "homepage", "own website", "eigene Website",
		"web", "webshop", "web store", "online shop", "onlineshop",
	}
}

// tokens splits a name into lower-case runs of letters and digits: "Booking.com" is
// [booking com], "Walk-In" is [walk in].
func tokens(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// matchLen returns the length of pattern's letters and digits when some run of
// consecutive name tokens spells the pattern (ignoring case, spaces and punctuation),
// else 0. So "walk-in" matches "Walkin" and "Walk-in Kunde", "e-mail" matches "Email",
// and "web" matches "Web" and "Web-Buchung" but not "Website".
func matchLen(nameTokens []string, pattern string) int {
	p := strings.Join(tokens(pattern), "")
	if p == "" {
		return 0
	}
	for i := range nameTokens {
		run := ""
		for j := i; j < len(nameTokens) && len(run) < len(p); j++ {
			run += nameTokens[j]
			if run == p {
				return len(p)
			}
		}
	}
	return 0
}

// Classify says whether the channel name means an online platform or a direct booking,
// given the two lists of names. A pattern matches when consecutive words of the name
// spell it, ignoring case, spaces and punctuation; the longer match wins, a tie is direct.
func Classify(name string, platform, direct []string) ChannelKind {
	nt := tokens(name)
	if len(nt) == 0 {
		return ChannelOther
	}
	best := func(ps []string) int {
		m := 0
		for _, p := range ps {
			m = max(m, matchLen(nt, p))
		}
		return m
	}
	p, d := best(platform), best(direct)
	switch {
	case p == 0 && d == 0:
		return ChannelOther
	case p > d:
		return ChannelPlatform
	}
	return ChannelDirect
}
