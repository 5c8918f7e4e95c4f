package export

import (
	"math/rand/v2"
	"testing"
)

func TestFieldEndFindsTheFirstDelimiterOrNewline(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	// Bytes around the ones that matter: the delimiters, newline, their neighbours, 0x00,
	// 0x80 and 0xFF, which trip up careless tests for a zero byte.
	alphabet := []byte{',', ';', '\t', '\n', '\r', '"', 'a', 0, 0x7f, 0x80, 0xff, '+', '-', 0x0b, 0x09, 0x2d}
	for range 2000 {
		b := make([]byte, rng.IntN(40))
		for k := range b {
			b[k] = alphabet[rng.IntN(len(alphabet))]
		}
		for _, d := range []byte{',', ';', '\t', '|'} {
			for i := 0; i <= len(b); i++ {
				want := i
				for want < len(b) && b[want] != d && b[want] != '\n' {
					want++
				}
				if got := fieldEnd(b, i, d); got != want {
					t.Fatalf("fieldEnd(%q, %d, %q) = %d, want %d", b, i, d, got, want)
				}
			}
		}
	}
}
