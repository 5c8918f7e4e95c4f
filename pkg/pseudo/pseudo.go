// Package pseudo replaces customer ids with stable pseudonyms, so a report can be shown on
// a projector without showing who the patients are. A pseudonym is a keyed hash
// (HMAC-SHA256) of the customer's key: the same key gives the same pseudonym next month,
// and whoever holds the key and the export can find the customer behind a pseudonym
// ([Pseudonymizer.Find]); without the key it cannot be reversed.
package pseudo

import (
	"cmp"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base32"
	"encoding/binary"
	"hash"
	"slices"
	"strings"
	"sync"
)

// Prefix starts every pseudonym, so they are not mistaken for real ids.
const Prefix = "P-"

// crockford is Crockford's base32 alphabet: no I, L, O, U, easy to read aloud.
var crockford = base32.NewEncoding("0123456789ABCDEFGHJKMNPQRSTVWXYZ").WithPadding(base32.NoPadding)

// Pseudonymizer turns customer keys into pseudonyms.
type Pseudonymizer struct {
	// key gives the secret key. h, made from it on first use, is reused under mu: after
	// its first Reset an HMAC keeps the state of its key's pads, so each pseudonym hashes
	// only the customer's key (a fifth of the cost of a new HMAC each time).
	key func() []byte
	mu  sync.Mutex
	h   hash.Hash
	// keys are the customers; long, made from them on the first [Pseudonymizer.Name],
	// holds those whose short pseudonym another customer's key shares.
	keys func() []string
	once sync.Once
	long map[string]bool
	// FromData is set when the key was derived from the data (no key given): pseudonyms
	// are then stable for the same export but change when the customers change.
	FromData bool
}

// Keys lists the customers' keys. A [Pseudonymizer] lists them once, when it first
// needs them: a report that shows ids never does.
type Keys func() []string

// once returns keys listed once (none when nil).
func (keys Keys) once() func() []string {
	if keys == nil {
		return func() []string { return nil }
	}
	return sync.OnceValue(keys)
}

// New returns the Pseudonymizer of a secret key (from --key or WINBACK_KEY) for the
// customers with keys (see [Pseudonymizer.Name]).
func New(key string, keys Keys) *Pseudonymizer {
	return &Pseudonymizer{key: func() []byte { return []byte(key) }, keys: keys.once()}
}

// FromCustomers derives a key from the customer keys themselves, for runs without a secret
// key: deterministic, but anyone with the same export can recompute the pseudonyms. The
// key is derived when first needed (a report that shows ids needs none).
func FromCustomers(keys Keys) *Pseudonymizer {
	list := keys.once()
	derive := func() []byte {
		h := sha256.New()
		sorted := slices.Clone(list()) // of the right size: slices.Sorted grows one as it collects
		slices.Sort(sorted)
		for _, k := range sorted {
			h.Write([]byte(k))
			h.Write([]byte{0})
		}
		return h.Sum(nil)
	}
	return &Pseudonymizer{key: derive, keys: list, FromData: true}
}

// mac is the HMAC-SHA256 of the parts' concatenation.
func (p *Pseudonymizer) mac(parts ...string) [sha256.Size]byte {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.h == nil {
		p.h = hmac.New(sha256.New, p.key())
	}
	p.h.Reset()
	for _, s := range parts {
		p.h.Write([]byte(s))
	}
	var out [sha256.Size]byte
	p.h.Sum(out[:0])
	return out
}

// shortBytes is the length of a pseudonym's hash: 40 bits, eight characters.
const shortBytes = 5

// shared returns the keys whose first [shortBytes] of the hash another key has too.
func (p *Pseudonymizer) shared(keys []string) map[string]bool {
	type short struct {
		hash uint64
		i    int
	}
	all := make([]short, len(keys))
	for i, k := range keys {
		s := p.mac(k)
		all[i] = short{binary.BigEndian.Uint64(s[:8]) >> (64 - 8*shortBytes), i}
	}
	slices.SortFunc(all, func(a, b short) int { return cmp.Compare(a.hash, b.hash) })
	long := map[string]bool{}
	for j := 1; j < len(all); j++ {
		a, b := keys[all[j-1].i], keys[all[j].i]
		if all[j-1].hash == all[j].hash && a != b {
			long[a], long[b] = true, true
		}
	}
	return long
}

// Name returns the pseudonym of a customer key: "P-" and eight base32 characters (40
// bits). Among 300,000 customers two share those with a chance of about 4 %; the customers
// given to [New] or [FromCustomers] that would share one get thirteen characters (64 bits)
// instead, so that no two of them ever share a pseudonym. A new customer next month can
// lengthen an old customer's pseudonym that way; the old one is then not found, never
// taken for the other.
func (p *Pseudonymizer) Name(key string) string {
	p.once.Do(func() { p.long = p.shared(p.keys()) })
	s := p.mac(key)
	if p.long[key] {
		return Prefix + crockford.EncodeToString(s[:8])
	}
	return Prefix + crockford.EncodeToString(s[:shortBytes])
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
	s := p.mac(purpose, "\x00", key)
	return float64(binary.BigEndian.Uint64(s[:8])>>11) / (1 << 53)
}

// KeyCheck returns a pseudonym that tells whether a later run uses the same key, without
// telling the key: a state file keeps it.
func (p *Pseudonymizer) KeyCheck() string {
	s := p.mac("\x00key-check")
	return Prefix + crockford.EncodeToString(s[:shortBytes])
}

// NewKey returns a new random secret key (32 random bytes, base32).
func NewKey() (string, error) {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return strings.ToLower(crockford.EncodeToString(b)), nil
}
