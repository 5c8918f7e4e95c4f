package pseudo

import (
	"fmt"
	"strings"
	"testing"
)

func TestPseudonymsAreStableKeyedAndReadable(t *testing.T) {
	a, b := New("secret"), New("secret")
	if a.Name("K-1001") != b.Name("K-1001") {
		t.Error("same key, same customer: pseudonyms differ")
	}
	if a.Name("K-1001") == New("other").Name("K-1001") {
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
	p := New("secret")
	keys := []string{"K-1", "K-2", "K-3"}
	if got := p.Find(strings.ToLower(p.Name("K-2")), keys); got != "K-2" {
		t.Errorf("Find = %q", got)
	}
	if got := New("wrong").Find(p.Name("K-2"), keys); got != "" {
		t.Errorf("Find with the wrong key = %q", got)
	}
}

func TestKeyFromDataIsDeterministic(t *testing.T) {
	a := FromCustomers([]string{"b", "a"})
	b := FromCustomers([]string{"a", "b"})
	if !a.FromData || a.Name("a") != b.Name("a") {
		t.Error("data-derived key depends on order")
	}
	if a.Name("a") == FromCustomers([]string{"a", "c"}).Name("a") {
		t.Error("data-derived key does not depend on the customers")
	}
}

func TestNoCollisionsAmongManyCustomers(t *testing.T) {
	p := New("k")
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
