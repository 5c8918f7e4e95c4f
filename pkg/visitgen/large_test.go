package visitgen

import (
	"io"
	"testing"
)

func BenchmarkWriteLarge(b *testing.B) {
	cfg := DefaultLargeConfig()
	cfg.Rows, cfg.Customers = 500_000, 30_000
	st, err := WriteLarge(io.Discard, cfg)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Bytes)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := WriteLarge(io.Discard, cfg); err != nil {
			b.Fatal(err)
		}
	}
}
