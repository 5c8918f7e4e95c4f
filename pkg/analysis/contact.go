package analysis

import "github.com/winback/winback/pkg/field"

// optOut lists contact preferences (folded: lower case, letters and digits only, umlauts
// spelled out) that say the customer does not want to be contacted.
var optOut = map[string]bool{
	"keinkontakt": true, "keinkontaktgewuenscht": true, "keinewerbung": true, "nichtkontaktieren": true,
	"gesperrt": true, "abgemeldet": true, "widerrufen": true, "nein": true, "keine": true,
	"nocontact": true, "donotcontact": true, "dnc": true, "optout": true, "optedout": true,
	"unsubscribed": true, "no": true, "false": true, "0": true, "none": true, "donotcall": true,
}

// ContactAllowed reports whether a customer's recorded contact preference allows a call or
// letter: everything but an explicit refusal ("kein Kontakt", "opt-out", "no"), an empty
// one too.
func ContactAllowed(pref string) bool { return !optOut[field.Fold(pref)] }
