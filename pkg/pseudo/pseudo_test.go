package pseudo

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

func TestPseudonymsAreStableKeyedAndReadable(t *testing.T) {
	a, b := New("secret", nil), New("secret", nil)
	if a.Name("K-1001") != b.Name("K-1001") {
		t.Error("same key, same customer: pseudonyms differ")
	}
	if a.Name("K-1001") == New("other", nil).Name("K-1001") {
		t.Error("a different key gives the same pseudonym")
	}
	if a.Name("K-1001") == a.Name("K-1002") {
		t.Error("two customers share a pseudonym")
	}
	n := a.Name("K-1001")
	if !strings.HasPrefix(n, Prefix) || len(n) != len(Prefix)+8 || strings.ContainsAny(n[2:], "ILOU") {
		t.Errorf("pseudonym %q is not P- and 8 Crockford characters", n)
	}
	if strings.Contains(n, "1001") {
		t.Errorf("pseudonym %q shows the id", n)
	}
}

func TestTheKeyHolderCanFindTheCustomer(t *testing.T) {
	p := New("secret", nil)
	keys := []string{"K-1", "K-2", "K-3"}
	if got := p.Find(strings.ToLower(p.Name("K-2")), keys); got != "K-2" {
		t.Errorf("Find = %q", got)
	}
	if got := New("wrong", nil).Find(p.Name("K-2"), keys); got != "" {
		t.Errorf("Find with the wrong key = %q", got)
	}
}

func TestKeyFromDataIsDeterministic(t *testing.T) {
	a := FromCustomers(list("b", "a"))
	b := FromCustomers(list("a", "b"))
	if !a.FromData || a.Name("a") != b.Name("a") {
		t.Error("data-derived key depends on order")
	}
	if a.Name("a") == FromCustomers(list("a", "c")).Name("a") {
		t.Error("data-derived key does not depend on the customers")
	}
}

func TestNoCollisionsAmongManyCustomers(t *testing.T) {
	p := New("k", nil)
	keys := make([]string, 20000)
	for i := range keys {
		keys[i] = fmt.Sprintf("C%06d", i)
	}
	seen := map[string]string{}
	for _, k := range keys {
		if other, ok := seen[p.Name(k)]; ok {
			t.Errorf("%s and %s share the pseudonym %s", other, k, p.Name(k))
		}
		seen[p.Name(k)] = k
	}
}

// K-1310719 and K-1593633 share their first 40 bits under the key "secret" (found by a
// birthday search over the keys K-0, K-1, ...).
func TestCustomersSharingAShortPseudonymGetLongOnes(t *testing.T) {
	keys := []string{"K-1", "K-1310719", "K-2", "K-1593633"}
	short := New("secret", nil)
	if a, b := short.Name(keys[1]), short.Name(keys[3]); a != b || len(a) != len(Prefix)+8 {
		t.Fatalf("the test's keys no longer collide: %s, %s", a, b)
	}
	p := New("secret", list(keys...))
	a, b := p.Name(keys[1]), p.Name(keys[3])
	if a == b || len(a) != len(Prefix)+13 || !strings.HasPrefix(a, short.Name(keys[1])) {
		t.Errorf("colliding customers are named %s and %s, want two 13-character pseudonyms", a, b)
	}
	if p.Name("K-1") != short.Name("K-1") {
		t.Errorf("a customer without a collision is named %s, not %s", p.Name("K-1"), short.Name("K-1"))
	}
	for _, k := range keys {
		if got := p.Find(strings.ToLower(p.Name(k)), keys); got != k {
			t.Errorf("Find(Name(%s)) = %q", k, got)
		}
	}
	if got := p.Find(short.Name(keys[1]), keys); got != "" {
		t.Errorf("the shared short pseudonym is taken for %s", got)
	}
}

// The pseudonyms and draws are HMAC-SHA256 as crypto/hmac computes it, so that the keys
// and state files of earlier versions keep their pseudonyms.
func TestTheHashIsHMACSHA256(t *testing.T) {
	for _, key := range []string{"", "secret", strings.Repeat("k", 64), strings.Repeat("long key ", 12)} {
		p := New(key, nil)
		for _, msg := range []string{"", "K-1001", strings.Repeat("x", 200)} {
			m := hmac.New(sha256.New, []byte(key))
			m.Write([]byte(msg))
			want := Prefix + crockford.EncodeToString(m.Sum(nil)[:5])
			if got := p.Name(msg); got != want {
				t.Errorf("key %q: Name(%q) = %s, crypto/hmac gives %s", key, msg, got, want)
			}
		}
		m := hmac.New(sha256.New, []byte(key))
		m.Write([]byte("control\x00K-1"))
		if got, want := p.Draw("control", "K-1"), float64(binary.BigEndian.Uint64(m.Sum(nil))>>11)/(1<<53); got != want {
			t.Errorf("key %q: Draw = %v, crypto/hmac gives %v", key, got, want)
		}
	}
}

func BenchmarkName(b *testing.B) {
	keys := make([]string, 10000)
	for i := range keys {
		keys[i] = fmt.Sprintf("C%06d", i)
	}
	p := New("secret", list(keys...))
	for b.Loop() {
		for _, k := range keys {
			p.Name(k)
		}
	}
}

// list is the customer keys given.
func list(keys ...string) Keys { return func() []string { return keys } }
