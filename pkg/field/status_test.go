package field

import (
	"strings"
	"testing"

	"github.com/winback/winback/pkg/visit"
)

func TestParseStatus(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want visit.Status
	}{
		{"completed is attended", "Completed", visit.Attended},
		{"checked in with a hyphen is attended", "Checked-In", visit.Attended},
		{"Booking.com's ok is booked: past stays are visits, future ones bookings", "ok", visit.Booked},
		{"Stripe's Succeeded is attended", "Succeeded", visit.Attended},
		{"Shopify's partially_refunded is attended", "partially_refunded", visit.Attended},
		{"erschienen is attended", "erschienen", visit.Attended},
		{"durchgeführt with umlaut is attended", "Durchgeführt", visit.Attended},
		{"durchgefuehrt spelled out is attended", "durchgefuehrt", visit.Attended},
		{"DURCHGEFÜHRT in capitals is attended", "DURCHGEFÜHRT", visit.Attended},
		{"cancelled is cancelled", "Cancelled", visit.Cancelled},
		{"the American spelling is cancelled", "canceled", visit.Cancelled},
		{"Booking.com's cancelled_by_guest is cancelled", "cancelled_by_guest", visit.Cancelled},
		{"Booking.com's cancelled_by_hotel is cancelled", "cancelled_by_hotel", visit.Cancelled},
		{"Square's CANCELLED_BY_SELLER is cancelled", "CANCELLED_BY_SELLER", visit.Cancelled},
		{"a late cancel is cancelled", "Late Cancel", visit.Cancelled},
		{"rescheduled is cancelled", "rescheduled", visit.Cancelled},
		{"Stripe's Refunded is cancelled", "Refunded", visit.Cancelled},
		{"Stripe's Failed is cancelled", "Failed", visit.Cancelled},
		{"abgesagt is cancelled", "abgesagt", visit.Cancelled},
		{"abgesagt durch Patient is cancelled", "Abgesagt durch Patient", visit.Cancelled},
		{"kurzfristig abgesagt is cancelled", "kurzfristig abgesagt", visit.Cancelled},
		{"storniert is cancelled", "Storniert", visit.Cancelled},
		{"verschoben is cancelled", "verschoben", visit.Cancelled},
		{"no show with a space is a no-show", "No Show", visit.NoShow},
		{"no-show with a hyphen is a no-show", "no-show", visit.NoShow},
		{"noshow in one word is a no-show", "NOSHOW", visit.NoShow},
		{"Booking.com's no_show is a no-show", "no_show", visit.NoShow},
		{"DNA is a no-show", "DNA", visit.NoShow},
		{"did not attend is a no-show", "Did not attend", visit.NoShow},
		{"missed is a no-show", "missed", visit.NoShow},
		{"nicht erschienen is a no-show", "nicht erschienen", visit.NoShow},
		{"Nicht erschienen with punctuation is a no-show", " Nicht erschienen! ", visit.NoShow},
		{"unentschuldigt gefehlt is a no-show", "unentschuldigt gefehlt", visit.NoShow},
		{"ausgeblieben is a no-show", "Ausgeblieben", visit.NoShow},
		{"nicht wahrgenommen is a no-show, not attended", "nicht wahrgenommen", visit.NoShow},
		{"versäumt is a no-show", "versäumt", visit.NoShow},
		{"booked is booked", "Booked", visit.Booked},
		{"confirmed is booked", "Confirmed", visit.Booked},
		{"bestätigt is booked", "bestätigt", visit.Booked},
		{"BESTÄTIGT in capitals is booked", "BESTÄTIGT", visit.Booked},
		{"bestaetigt spelled out is booked", "bestaetigt", visit.Booked},
		{"pending is booked", "pending", visit.Booked},
		{"geplant is booked", "geplant", visit.Booked},
		{"offen is booked", "offen", visit.Booked},
		{"a no-break space inside is ignored", "no\u00a0show", visit.NoShow},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ParseStatus([]byte(tt.in))
			if !ok {
				t.Fatalf("ParseStatus(%q) is unknown, want %v", tt.in, tt.want)
			}
			if got != tt.want {
				t.Errorf("ParseStatus(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
	for _, in := range []string{"", "  ", "-", "maybe", "cancel", "show up later", "erschien",
		strings.Repeat("a", 100)} {
		t.Run("the value "+in+" is unknown", func(t *testing.T) {
			if s, ok := ParseStatus([]byte(in)); ok {
				t.Errorf("ParseStatus(%q) = %v, want unknown", in, s)
			}
		})
	}
}

func TestStatusVocabularyHasNoDuplicates(t *testing.T) {
	seen := map[string]string{}
	for _, w := range statusWords {
		var buf [keyLen]byte
		word, prefix := strings.CutSuffix(w.Word, " *")
		n, _ := normalizeKey(&buf, []byte(word))
		key := string(buf[:n])
		if prefix {
			key += "*"
		}
		if prev, ok := seen[key]; ok {
			t.Errorf("%q and %q are the same word once normalised", prev, w.Word)
		}
		seen[key] = w.Word
		if s, ok := ParseStatus([]byte(word)); !ok || s != w.Status {
			if !prefix {
				t.Errorf("ParseStatus(%q) = %v, %v, want %v", word, s, ok, w.Status)
			}
		}
		if prefix {
			if s, ok := ParseStatus([]byte(word + " x")); !ok || s != w.Status {
				t.Errorf("ParseStatus(%q) = %v, %v, want %v", word+" x", s, ok, w.Status)
			}
		}
	}
}

func TestParseFlag(t *testing.T) {
	tests := []struct {
		in        string
		value, ok bool
	}{
		{"yes", true, true}, {"Y", true, true}, {"Ja", true, true}, {"j", true, true},
		{"TRUE", true, true}, {"wahr", true, true}, {"1", true, true}, {"x", true, true},
		{"X", true, true}, {"✓", true, true}, {"✔", true, true}, {" ja. ", true, true},
		{"no", false, true}, {"N", false, true}, {"nein", false, true}, {"false", false, true},
		{"Falsch", false, true}, {"0", false, true},
		{"", false, false}, {" ", false, false}, {"-", false, false}, {"n/a", false, false},
		{"vielleicht", false, false}, {"2", false, false},
	}
	for _, tt := range tests {
		name := "the flag " + tt.in + " is "
		switch {
		case !tt.ok:
			name += "unknown"
		case tt.value:
			name += "yes"
		default:
			name += "no"
		}
		t.Run(name, func(t *testing.T) {
			value, ok := ParseFlag([]byte(tt.in))
			if value != tt.value || ok != tt.ok {
				t.Errorf("ParseFlag(%q) = %v, %v, want %v, %v", tt.in, value, ok, tt.value, tt.ok)
			}
		})
	}
}

func TestParseStatusAndFlagDoNotAllocate(t *testing.T) {
	for _, in := range []string{"Completed", "nicht erschienen", "cancelled_by_guest", "BESTÄTIGT"} {
		b := []byte(in)
		if allocs := testing.AllocsPerRun(100, func() { ParseStatus(b) }); allocs != 0 {
			t.Errorf("ParseStatus(%q) allocates %v times", in, allocs)
		}
	}
	b := []byte("Ja")
	if allocs := testing.AllocsPerRun(100, func() { ParseFlag(b) }); allocs != 0 {
		t.Errorf("ParseFlag allocates %v times", allocs)
	}
}
