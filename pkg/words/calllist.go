package words

// The working call list's columns and the values the practice fills in. They are one table
// in both languages because the list is read back ("--outcomes") whichever language it was
// written in: a reader matches a header or a value against both.

// Term is one code with its English and German words.
type Term struct {
	Code, EN, DE string
}

// In returns the term's words in the language of c.
func (t Term) In(c *Catalogue) string {
	s := t.EN
	if c.German() {
		s = t.DE
	}
	return nouns[c.noun].replacer(c.lang).Replace(s)
}

// CallListColumns are the call list's columns in order: first what winback fills in, then
// the empty columns the practice fills in on the call (from "called_on" on).
func CallListColumns() []Term {
	return []Term{
		{"rank", "Rank", "Rang"},
		{"group", "Group", "Gruppe"},
		{"id", "{Customer}", "{Customer}"},
		{"name", "Name", "Name"},
		{"phone", "Phone", "Telefon"},
		{"email", "E-mail", "E-Mail"},
		{"contact_preference", "Preferred contact", "Bevorzugter Kontakt"},
		{"last_visit", "Last visit", "Letzter Besuch"},
		{"status", "Status", "Status"},
		{"why", "Why this rank", "Warum oben"},
		{"questions", "Questions", "Fragen"},
		{"called_on", "Called on", "Angerufen am"},
		{"reached", "Reached", "Erreicht"},
		{"answer", "What they said", "Antwort"},
		{"rebooked_on", "Rebooked for", "Neuer Termin"},
		{"do_not_contact", "Do not contact again", "Nicht mehr anrufen"},
		{"note", "Note", "Notiz"},
	}
}

// CallGroups are the call list's groups: win-back calls, follow-ups after a finished
// course, and welcome calls to new customers who first booked through a platform.
func CallGroups() []Term {
	return []Term{
		{"win-back", "win-back", "Rückgewinnung"},
		{"follow-up", "follow-up", "Nachsorge"},
		{"welcome", "welcome", "Willkommen"},
	}
}

// ReachedValues are the answers to "Reached".
func ReachedValues() []Term {
	return []Term{
		{"yes", "yes", "ja"},
		{"no", "no", "nein"},
		{"message", "message", "Nachricht"},
	}
}

// AnswerCategories are what a customer can say on the call, a drop-down in the xlsx list.
// "moved-away" and "deceased" (and "Do not contact again") keep a customer off every later
// list.
func AnswerCategories() []Term {
	return []Term{
		{"moved-away", "moved away", "weggezogen"},
		{"deceased", "deceased", "verstorben"},
		{"health", "health", "Gesundheit"},
		{"price", "price", "Preis"},
		{"waiting-time", "waiting time", "Wartezeit"},
		{"unhappy-treatment", "unhappy with treatment", "unzufrieden mit Behandlung"},
		{"handed-around", "handed around", "weitergereicht"},
		{"forgot", "forgot / no reason", "vergessen / kein Grund"},
		{"will-book", "will book", "bucht wieder"},
		{"other", "other", "Sonstiges"},
	}
}
