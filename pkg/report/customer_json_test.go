package report

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
)

func TestCustomerJSONIsWhatMarshalWrites(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	texts := []string{"", "C123", "Müller, Jörg", `say "hi" \ there`, "<b>&amp;</b>", "tab\tnew\nline\rcr",
		"\b\f\x00\x01\x1f\x7f", "bad \xff\xfe utf-8 \xe2\x82", "line\u2028para\u2029end", "€ 12,50 — ok", "😀 emoji"}
	floats := []float64{0, math.Copysign(0, -1), 1, -1, 0.1, 2.5, 123456789.123, 1e-6, 9.99e-7, 1e-9, -3e-12,
		1e20, 1e21, 1.5e300, -1e21, 0.333, 5e-324, math.MaxFloat64}
	text := func() string { return texts[rng.IntN(len(texts))] + texts[rng.IntN(len(texts))] }
	float := func() float64 {
		if rng.IntN(3) == 0 {
			return rng.NormFloat64() * math.Pow(10, float64(rng.IntN(40)-20))
		}
		return floats[rng.IntN(len(floats))]
	}
	for i := range 5000 {
		c := Customer{ID: text(), Name: text(), Phone: text(), Email: text(), ContactPreference: text(),
			Segment: text(), Status: text(), LastVisit: text(), Visits: rng.IntN(200) - 5, UsualGap: float(),
			Overdue: rng.IntN(1 << 20), ValueAtRisk: float(), PAlive: float(), Rule: text(), Questions: text()}
		switch i % 3 {
		case 1:
			c.Reasons = []Reason{}
		case 2:
			for range 1 + rng.IntN(4) {
				c.Reasons = append(c.Reasons, Reason{Code: text(), Weight: float(), Evidence: text(), Question: text()})
			}
		}
		want, err := json.Marshal(&c)
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.AppendJSON([]byte("before"))
		if err != nil || string(got) != "before"+string(want) {
			t.Fatalf("customer %+v:\n got %s (%v)\nwant %s", c, got, err, want)
		}
	}
	bad := Customer{Reasons: []Reason{{Weight: math.NaN()}}}
	if _, err := bad.AppendJSON(nil); err == nil {
		t.Error("a NaN weight was encoded")
	}
}

// The report's numbers are mostly rounded to a few decimals, which appendJSONFloat writes
// by a shortcut: it must write what encoding/json writes, at the shortcut's edges too.
func TestJSONFloatIsWhatMarshalWrites(t *testing.T) {
	check := func(f float64) {
		t.Helper()
		want, err := json.Marshal(f)
		if err != nil {
			return // not finite
		}
		if got := appendJSONFloat([]byte("x"), f); string(got) != "x"+string(want) {
			t.Fatalf("%v (%b): got %s, want %s", f, math.Float64bits(f), got[1:], want)
		}
	}
	rng := rand.New(rand.NewPCG(5, 6))
	for range 200000 {
		scale := math.Pow(10, float64(rng.IntN(16)))
		n := math.Round((rng.Float64()*2 - 1) * scale)
		for _, div := range []float64{1, 10, 100, 1000, 10000} {
			f := n / div
			check(f)
			check(math.Nextafter(f, math.Inf(1)))
			check(math.Nextafter(f, math.Inf(-1)))
			check(math.Round(f*1000) / 1000)
		}
	}
	for _, f := range []float64{0, math.Copysign(0, -1), 0.001, -0.001, 0.0005, 0.1 + 0.2, 1e9 - 0.001, 1e9 + 0.001,
		999999999.999, 1e12 / 1000, 1e12/1000 - 0.001, 123456789012.345, 4503599627370.495, 1.5e-7, 1e21} {
		check(f)
		check(-f)
	}
}

func FuzzJSONFloat(f *testing.F) {
	for _, v := range []float64{0, 1.5, 0.001, 42307.5, -3.25, 1e-7, 1e21} {
		f.Add(v)
	}
	f.Fuzz(func(t *testing.T, v float64) {
		want, err := json.Marshal(v)
		if err != nil {
			return
		}
		if got := appendJSONFloat(nil, v); string(got) != string(want) {
			t.Fatalf("%v: got %s, want %s", v, got, want)
		}
		r := math.Round(v*100) / 100 // as the report rounds money
		if want, err := json.Marshal(r); err == nil {
			if got := appendJSONFloat(nil, r); string(got) != string(want) {
				t.Fatalf("%v: got %s, want %s", r, got, want)
			}
		}
	})
}

// appendJSONString skips plain text eight bytes at a time: every byte that needs escaping
// must be found at every position in a word.
func TestJSONStringIsWhatMarshalWrites(t *testing.T) {
	alphabet := []string{"a", "Z", " ", "~", "\x7f", "\"", "\\", "<", ">", "&", "\x00", "\x1f", "\n", "ä", "\u2028", "\xff", "€", "!", "?", "=", "%", "'"}
	rng := rand.New(rand.NewPCG(7, 8))
	for range 100000 {
		var s string
		for range rng.IntN(40) {
			if rng.IntN(4) == 0 {
				s += alphabet[rng.IntN(len(alphabet))]
			} else {
				s += string(rune('a' + rng.IntN(26)))
			}
		}
		want, _ := json.Marshal(s)
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Fatalf("%q: got %s, want %s", s, got[1:], want)
		}
	}
}
