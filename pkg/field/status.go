package field

import (
	"strings"

	"github.com/winback/winback/pkg/visit"
)

// StatusWord is one entry of the status vocabulary: a word as exports write it and the
// [visit.Status] it means. A Word ending in " *" matches every value that starts with the
// rest and something more ("cancelled *" matches "Cancelled by guest").
type StatusWord struct {
	Word   string
	Status visit.Status
}

// statusWords is the vocabulary of [ParseStatus], from booking, payment and practice
// software and what people type. Add a word once, in its common spelling (a test refuses
// duplicates); the doubtful ones are explained at [ParseStatus].
var statusWords = []StatusWord{
	// Attended: the visit took place.
	{"attended", visit.Attended},
	{"completed", visit.Attended},
	{"complete", visit.Attended},
	{"done", visit.Attended},
	{"arrived", visit.Attended},
	{"checked in", visit.Attended},
	{"checked out", visit.Attended},
	{"showed", visit.Attended},
	{"showed up", visit.Attended},
	{"show", visit.Attended},
	{"visited", visit.Attended},
	{"served", visit.Attended},
	{"finished", visit.Attended},
	{"fulfilled", visit.Attended},
	{"ok", visit.Booked},
	{"paid", visit.Attended},
	{"partially paid", visit.Attended},
	{"partially refunded", visit.Attended},
	{"succeeded", visit.Attended},
	{"successful", visit.Attended},
	{"erschienen", visit.Attended},
	{"wahrgenommen", visit.Attended},
	{"abgeschlossen", visit.Attended},
	{"erledigt", visit.Attended},
	{"behandelt", visit.Attended},
	{"anwesend", visit.Attended},
	{"durchgeführt", visit.Attended},
	{"stattgefunden", visit.Attended},
	{"abgerechnet", visit.Attended},
	{"bezahlt", visit.Attended},
	{"eingecheckt", visit.Attended},
	{"ausgecheckt", visit.Attended},

	// Cancelled: called off before it took place.
	{"cancelled", visit.Cancelled},
	{"canceled", visit.Cancelled},
	{"cancellation", visit.Cancelled},
	{"cancelled *", visit.Cancelled}, // cancelled by guest, cancelled (late)
	{"canceled *", visit.Cancelled},
	{"late cancel", visit.Cancelled},
	{"late cancellation", visit.Cancelled},
	{"late canceled", visit.Cancelled},
	{"late cancelled", visit.Cancelled},
	{"rescheduled", visit.Cancelled},
	{"declined", visit.Cancelled},
	{"rejected", visit.Cancelled},
	{"not approved", visit.Cancelled},
	{"refunded", visit.Cancelled},
	{"failed", visit.Cancelled},
	{"void", visit.Cancelled},
	{"voided", visit.Cancelled},
	{"expired", visit.Cancelled},
	{"abgesagt", visit.Cancelled},
	{"abgesagt *", visit.Cancelled}, // abgesagt durch Patient, abgesagt (Praxis)
	{"kurzfristig abgesagt", visit.Cancelled},
	{"absage", visit.Cancelled},
	{"storniert", visit.Cancelled},
	{"storniert *", visit.Cancelled},
	{"storno", visit.Cancelled},
	{"stornierung", visit.Cancelled},
	{"annulliert", visit.Cancelled},
	{"ausgefallen", visit.Cancelled},
	{"verschoben", visit.Cancelled},
	{"abgelehnt", visit.Cancelled},
	{"gelöscht", visit.Cancelled},              // Doctolib: deleted by the practice
	{"entschuldigt", visit.Cancelled},          // excused: the patient called off
	{"abwesend entschuldigt", visit.Cancelled}, // Doctolib
	{"entschuldigt abgesagt", visit.Cancelled},

	// No-show: neither came nor called off.
	{"no show", visit.NoShow},
	{"no show *", visit.NoShow}, // no show (charged)
	{"did not attend", visit.NoShow},
	{"did not show", visit.NoShow},
	{"did not show up", visit.NoShow},
	{"did not arrive", visit.NoShow},
	{"dna", visit.NoShow},
	{"missed", visit.NoShow},
	{"missed appointment", visit.NoShow},
	{"absent", visit.NoShow},
	{"nicht erschienen", visit.NoShow},
	{"nicht erschienen *", visit.NoShow},
	{"nicht wahrgenommen", visit.NoShow},
	{"nicht gekommen", visit.NoShow},
	{"unentschuldigt", visit.NoShow},
	{"unentschuldigt gefehlt", visit.NoShow},
	{"unentschuldigt nicht erschienen", visit.NoShow},
	{"gefehlt", visit.NoShow},
	{"ausgeblieben", visit.NoShow},
	{"abwesend", visit.NoShow},
	{"abwesend unentschuldigt", visit.NoShow}, // Doctolib
	{"versäumt", visit.NoShow},

	// Booked: planned, outcome not recorded yet.
	{"booked", visit.Booked},
	{"scheduled", visit.Booked},
	{"pending", visit.Booked},
	{"upcoming", visit.Booked},
	{"confirmed", visit.Booked},
	{"unconfirmed", visit.Booked},
	{"accepted", visit.Booked},
	{"approved", visit.Booked},
	{"active", visit.Booked},
	{"requested", visit.Booked},
	{"reserved", visit.Booked},
	{"tentative", visit.Booked},
	{"authorized", visit.Booked},
	{"open", visit.Booked},
	{"geplant", visit.Booked},
	{"gebucht", visit.Booked},
	{"bestätigt", visit.Booked},
	{"unbestätigt", visit.Booked},
	{"reserviert", visit.Booked},
	{"vereinbart", visit.Booked},
	{"vorgemerkt", visit.Booked},
	{"angefragt", visit.Booked},
	{"offen", visit.Booked},
}

// keyLen is the longest normalised status key; longer values are unknown.
const keyLen = 48

// statusKeys maps normalised words to statuses; statusPrefixes holds the "… *" entries.
var (
	statusKeys     = map[string]visit.Status{}
	statusPrefixes []statusPrefix
)

type statusPrefix struct {
	key    string
	status visit.Status
}

func init() {
	for _, w := range statusWords {
		var buf [keyLen]byte
		word, prefix := strings.CutSuffix(w.Word, " *")
		n, ok := normalizeKey(&buf, []byte(word))
		if !ok || n == 0 {
			panic("field: status word " + w.Word + " does not normalise")
		}
		if prefix {
			statusPrefixes = append(statusPrefixes, statusPrefix{string(buf[:n]), w.Status})
		} else {
			statusKeys[string(buf[:n])] = w.Status
		}
	}
}

// ParseStatus returns the status a cell names, or false when the word is not in the
// vocabulary. Case, spaces, punctuation and umlauts do not matter ("No_Show", "bestaetigt").
//
// Decisions on words that could go either way:
//   - "confirmed", "bestätigt", "accepted" (Square) and "active" (Calendly) are
//     [visit.Booked]: planned, not taken place (treating a past booking as a visit is
//     the caller's decision).
//   - "open" and "offen" are [visit.Booked]: the outcome is still open.
//   - "ok" (Booking.com) is [visit.Booked]: it is written for future stays too.
//   - "rescheduled" and "verschoben" are [visit.Cancelled]: the new appointment is a row
//     of its own.
//   - "late cancel" and "entschuldigt" (excused) are [visit.Cancelled], not no-shows: the
//     customer did call off. "unentschuldigt" and "abwesend" are [visit.NoShow].
//   - Payment outcomes stand for the order: "paid", "succeeded", "partially refunded" are
//     [visit.Attended]; "refunded", "failed", "voided", "expired" are [visit.Cancelled];
//     "pending" and "authorized" are [visit.Booked].
//   - A word followed by more words matches a few open-ended entries: anything that
//     starts with "cancelled", "canceled", "abgesagt" or "storniert" is cancelled
//     ("cancelled by guest", "abgesagt durch Patient"), anything that starts with
//     "no show" or "nicht erschienen" is a no-show.
func ParseStatus(b []byte) (visit.Status, bool) {
	var buf [keyLen]byte
	n, ok := normalizeKey(&buf, b)
	if !ok || n == 0 {
		return 0, false
	}
	key := buf[:n]
	if s, ok := statusKeys[string(key)]; ok {
		return s, true
	}
	for _, p := range statusPrefixes {
		if len(key) > len(p.key) && string(key[:len(p.key)]) == p.key {
			return p.status, true
		}
	}
	return 0, false
}

// normalizeKey writes b into buf lower-cased, umlauts spelled out, without spaces and
// punctuation; it returns false when the key does not fit.
func normalizeKey(buf *[keyLen]byte, b []byte) (int, bool) {
	n := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		var a, z byte
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			a = c
		case 'A' <= c && c <= 'Z':
			a = c + 'a' - 'A'
		case c < 0x80:
			continue
		case c == 0xC3 && i+1 < len(b) && spelled(b[i+1]) != "":
			i++
			a, z = spelled(b[i])[0], spelled(b[i])[1]
		default:
			if spaceAt(b, i) > 0 { // no-break and thin spaces
				i += spaceAt(b, i) - 1
				continue
			}
			a = c
		}
		if n+2 > keyLen {
			return 0, false
		}
		buf[n] = a
		n++
		if z != 0 {
			buf[n] = z
			n++
		}
	}
	return n, true
}
