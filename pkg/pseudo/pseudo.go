// Package pseudo replaces customer ids with stable pseudonyms, so a report can be shown on
// a projector without showing who the patients are. A pseudonym is a keyed hash
// (HMAC-SHA256) of the customer's key: the same key gives the same pseudonym next month,
// and whoever holds the key and the export can find the customer behind a pseudonym
// ([Pseudonymizer.Find]); without the key it cannot be reversed.
package pseudo

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"slices"
	"strings"
)

// Prefix starts every pseudonym, so they are not mistaken for real ids.
const Prefix = "P-"

// crockford is Crockford's base32 alphabet: no I, L, O, U, easy to read aloud.
var crockford = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// Pseudonymizer turns customer keys into pseudonyms.
type Pseudonymizer struct {
	key []byte
	// FromData is set when the key was derived from the data (no key given): pseudonyms
	// are then stable for the same export but change when the customers change.
	FromData bool
}

// New returns a Pseudonymizer with a secret key (from --key or WINBACK_KEY).
func New(key string) *Pseudonymizer { return &Pseudonymizer{key: []byte(key)} }

// FromCustomers derives a key from the customer keys themselves, for runs without a secret
// key: deterministic, but anyone with the same export can recompute the pseudonyms.
func FromCustomers(keys []string) *Pseudonymizer {
	h := sha256.New()
	sorted := slices.Clone(keys) // of the right size: slices.Sorted grows one as it collects
	slices.Sort(sorted)
	for _, k := range sorted {
		h.Write([]byte(k))
		h.Write([]byte{0})
	}
	return &Pseudonymizer{key: h.Sum(nil), FromData: true}
}

// Name returns the pseudonym of a customer key: "P-" and eight base32 characters (40 bits;
// among 300,000 customers two share one with a chance of about 4 %, which nothing checks
// yet: [Pseudonymizer.Find] returns the first).
func (p *Pseudonymizer) Name(key string) string {
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(key))
	return Prefix + crockford.EncodeToString(m.Sum(nil)[:5])
}

// Find returns the key among keys whose pseudonym is name (case-insensitive), or "".
func (p *Pseudonymizer) Find(name string, keys []string) string {
	name = strings.ToUpper(strings.TrimSpace(name))
	for _, k := range keys {
		if p.Name(k) == name {
			return k
		}
	}
	return ""
}

// Draw returns a number in [0, 1) drawn from the key and a customer's key, for a purpose
// (e.g. "control"): the same for the same key every month, and unrelated to the
// pseudonym and to other purposes.
func (p *Pseudonymizer) Draw(purpose, key string) float64 {
	m := hmac.New(sha256.New, p.key)
	m.Write([]byte(purpose))
	m.Write([]byte{0})
	m.Write([]byte(key))
	return float64(binary.BigEndian.Uint64(m.Sum(nil))>>11) / (1 << 53)
}

// KeyCheck returns a pseudonym that tells whether a later run uses the same key, without
// telling the key: a state file keeps it.
func (p *Pseudonymizer) KeyCheck() string { return p.Name("\x00key-check") }

// NewKey returns a new random secret key (32 random bytes, base32).
func NewKey() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return strings.ToLower(crockford.EncodeToString(b)), nil
}
