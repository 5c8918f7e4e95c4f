package report

import (
	"io"
	"testing"
)

// BenchmarkWrite writes a report of 100,000 lapsed customers and five years of months in
// every format: json, csv and xlsx hold them all, the formats for people the first 50.
func BenchmarkWrite(b *testing.B) {
	r := huge(100_000, 60)
	r.LapsedShown = 50
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			w, err := NewWriter(f, Options{})
			if err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				if err := w.Write(io.Discard, r); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
