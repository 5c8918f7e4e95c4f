package reason

import (
	"fmt"
	"testing"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/words"
)

// largePraxis returns n customers made of the praxis fixture's patients, copied under new
// keys (the copies share their events, which the detectors only read), and verdicts from
// the truth file.
func largePraxis(b *testing.B, n int) (*history.Set, []lapse.Verdict) {
	b.Helper()
	set, truth, _ := praxis(b)
	base := truthVerdicts(set, truth, false)
	large := *set
	large.Customers = make([]history.History, n)
	verdicts := make([]lapse.Verdict, n)
	for i := range large.Customers {
		h := set.Customers[i%len(set.Customers)]
		h.Key = fmt.Sprintf("%s-%06d", h.Key, i)
		large.Customers[i] = h
		verdicts[i] = base[i%len(base)]
		verdicts[i].Key = h.Key
	}
	return &large, verdicts
}

// BenchmarkDetectAll runs every detector on 300,000 customers (about 25 appointment days
// each) with both languages' texts.
func BenchmarkDetectAll(b *testing.B) {
	set, verdicts := largePraxis(b, 300_000)
	_, _, asOf := praxis(b)
	cfg := DefaultConfig()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		detectAll(set, verdicts, asOf, cfg)
	}
	b.ReportMetric(float64(len(set.Customers))*float64(b.N)/b.Elapsed().Seconds(), "customers/s")
}

// BenchmarkDetect runs every detector on one patient at a time, as winback explain does.
func BenchmarkDetect(b *testing.B) {
	set, truth, asOf := praxis(b)
	verdicts := truthVerdicts(set, truth, false)
	cfg := DefaultConfig()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		detect(&set.Customers[i], set, verdicts[i], asOf, cfg)
		i = (i + 1) % len(set.Customers)
	}
}

// BenchmarkLift compares the signals of 300,000 customers.
func BenchmarkLift(b *testing.B) {
	set, verdicts := largePraxis(b, 300_000)
	_, _, asOf := praxis(b)
	findings := detectAll(set, verdicts, asOf, DefaultConfig())
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Lift(verdicts, findings)
	}
}

// BenchmarkRenderOne renders the texts of one language for every finding of 20,000
// customers, as the lapsed list's JSON and the call list do: words.Catalogue.Reason, and
// AppendReason into one reused buffer.
func BenchmarkRenderOne(b *testing.B) {
	set, verdicts := largePraxis(b, 20_000)
	_, _, asOf := praxis(b)
	var fs []Finding
	for _, cf := range detectAll(set, verdicts, asOf, DefaultConfig()) {
		fs = append(fs, cf...)
	}
	for _, lang := range []string{"en", "de"} {
		b.Run(lang, func(b *testing.B) {
			n := 0
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range fs {
					ev, q := inLang(f, lang)
					n += len(ev) + len(q)
				}
			}
			if n == 0 {
				b.Fatal("no texts")
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(fs)), "ns/finding")
		})
		// AppendReason into one reused buffer.
		b.Run(lang+"/append", func(b *testing.B) {
			c := words.For(lang)
			n := 0
			buf := make([]byte, 0, 4096)
			b.ReportAllocs()
			for b.Loop() {
				for i := range fs {
					buf, _ = c.AppendReason(buf[:0], fs[i].Code, &fs[i].Facts)
					n += len(buf)
				}
			}
			if n == 0 {
				b.Fatal("no texts")
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(fs)), "ns/finding")
		})
	}
}
