package visitgen

import (
	"bytes"
	"math"
	"strconv"
	"testing"
	"time"

	"github.com/winback/winback/pkg/visit"
)

// hyp2f1 is the Gauss hypergeometric function 2F1(a, b; c; z) for 0 <= z < 1, by its series.
func hyp2f1(a, b, c, z float64) float64 {
	term, sum := 1.0, 1.0
	for k := 0.0; k < 1e6; k++ {
		term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z
		sum += term
		if math.Abs(term) < 1e-14*math.Abs(sum) {
			break
		}
	}
	return sum
}

// bgnbdExpected is E[X(t)], the expected repeat purchases of a new customer in (0, t]
// under BG/NBD (Fader, Hardie and Lee 2005, eq. 9).
func bgnbdExpected(r, alpha, a, b, t float64) float64 {
	return (a + b - 1) / (a - 1) * (1 - math.Pow(alpha/(alpha+t), r)*hyp2f1(r, b, a+b-1, t/(alpha+t)))
}

// paretoExpected is E[X(t)] under Pareto/NBD (Schmittlein, Morrison and Colombo 1987).
func paretoExpected(r, alpha, s, beta, t float64) float64 {
	return r * beta / (alpha * (s - 1)) * (1 - math.Pow(beta/(beta+t), s-1))
}

func TestBGNBDExpectationMatchesThePublishedCDNOWValue(t *testing.T) {
	// BTYD walkthrough: E[X(52)] = 1.444004 at the CDNOW estimates.
	got := bgnbdExpected(0.2425945, 4.4136019, 0.7929199, 2.4258881, 52)
	if math.Abs(got-1.444004) > 1e-5 {
		t.Errorf("E[X(52)] = %.6f, want 1.444004", got)
	}
}

// TestSimulatedPurchasesMatchTheModel compares the mean number of repeat purchases of a
// large cohort with the model's expectation at each customer's own observation length.
func TestSimulatedPurchasesMatchTheModel(t *testing.T) {
	start := visit.DayOf(2023, 1, 1)
	bg := DefaultSimConfig()
	bg.Customers, bg.R, bg.Alpha, bg.A, bg.B = 40_000, 1, 4, 2, 4
	bg.EntryDays, bg.End = 91, visit.DayOf(2023, 12, 31)
	pareto := DefaultSimConfig()
	pareto.Model, pareto.UnitDays = ParetoNBD, 1
	pareto.Customers, pareto.R, pareto.Alpha, pareto.S, pareto.Beta = 40_000, 1, 20, 2, 100
	pareto.EntryDays, pareto.End = 60, visit.DayOf(2023, 6, 30)
	for _, tc := range []struct {
		name   string
		cfg    SimConfig
		expect func(T float64) float64
	}{
		{"BG/NBD in weeks", bg, func(T float64) float64 { return bgnbdExpected(bg.R, bg.Alpha, bg.A, bg.B, T) }},
		{"Pareto/NBD in days", pareto, func(T float64) float64 {
			return paretoExpected(pareto.R, pareto.Alpha, pareto.S, pareto.Beta, T)
		}},
	} {
		t.Run(tc.name+" gives the expected mean purchase count", func(t *testing.T) {
			tc.cfg.Start = start
			var truth bytes.Buffer
			_, err := Simulate(nil, &truth, tc.cfg)
			if err != nil {
				t.Fatal(err)
			}
			var sum, sumSq, want float64
			lines := readCSV(t, truth.Bytes())
			for _, c := range lines {
				x, _ := strconv.ParseFloat(c["repeat_purchases"], 64)
				T, _ := strconv.ParseFloat(c["T"], 64)
				sum += x
				sumSq += x * x
				want += tc.expect(T)
			}
			n := float64(len(lines))
			mean, want := sum/n, want/n
			se := math.Sqrt((sumSq/n - mean*mean) / n)
			if math.Abs(mean-want) > 4*se || math.Abs(mean-want) > 0.03*want {
				t.Errorf("mean repeat purchases %.4f, model expects %.4f (standard error %.4f)", mean, want, se)
			}
		})
	}
}

// simHistories reads a simulated export: every customer's purchase days and the last day
// of any row.
func simHistories(t *testing.T, data []byte) (purchases map[string][]visit.Day, lastRow map[string]visit.Day) {
	t.Helper()
	purchases, lastRow = map[string][]visit.Day{}, map[string]visit.Day{}
	for _, r := range readCSV(t, data) {
		tm, err := time.Parse("2006-01-02T15:04", r["Appointment Date"])
		if err != nil {
			t.Fatal(err)
		}
		d := visit.DayFromTime(tm)
		id := r["Customer ID"]
		lastRow[id] = max(lastRow[id], d)
		switch r["Status"] {
		case "Completed":
			if ds := purchases[id]; len(ds) > 0 && ds[len(ds)-1] == d {
				t.Fatalf("customer %s has two purchase rows on %s", id, d)
			}
			purchases[id] = append(purchases[id], d)
		case "Cancelled", "No-show":
		default:
			t.Fatalf("status %q", r["Status"])
		}
	}
	return purchases, lastRow
}

func TestSimulationTruthMatchesExport(t *testing.T) {
	for _, model := range []Model{BGNBD, ParetoNBD} {
		t.Run(string(model)+" truth agrees with the rows", func(t *testing.T) {
			cfg := shippedSimConfig()
			cfg.Model = model
			var exp, truth bytes.Buffer
			if _, err := Simulate(&exp, &truth, cfg); err != nil {
				t.Fatal(err)
			}
			purchases, lastRow := simHistories(t, exp.Bytes())
			for _, c := range readCSV(t, truth.Bytes()) {
				id := c["customer_id"]
				days := purchases[id]
				if strconv.Itoa(len(days)) != c["purchase_days"] || days[len(days)-1].String() != c["last_purchase_day"] {
					t.Errorf("%s: truth says %s purchase days to %s, the export %d to %s",
						id, c["purchase_days"], c["last_purchase_day"], len(days), days[len(days)-1])
				}
				if days[0].String() != c["entry_day"] {
					t.Errorf("%s: entered %s, first purchase %s", id, c["entry_day"], days[0])
				}
				if x, _ := strconv.Atoi(c["repeat_purchases"]); x < len(days)-1 {
					t.Errorf("%s: %d repeat purchases on %d days", id, x, len(days))
				}
				if drop := c["dropout_day"]; drop != "" {
					if lastRow[id].String() > drop {
						t.Errorf("%s: a row on %s after dropping out on %s", id, lastRow[id], drop)
					}
					if model == BGNBD && drop != c["last_purchase_day"] {
						t.Errorf("%s: BG/NBD drops out right after a purchase, not on %s", id, drop)
					}
				}
			}
		})
	}
}

// TestDefaultSimulationIsAFairLapseTest checks the claim of testdata/sim/README.md: in the
// default scenario about half the customers drop out, few of them in the last six weeks,
// and a plain rhythm rule finds them with precision and recall of at least 0.9.
func TestDefaultSimulationIsAFairLapseTest(t *testing.T) {
	cfg := DefaultSimConfig()
	cfg.Customers = 1000
	var exp, truth bytes.Buffer
	st, err := Simulate(&exp, &truth, cfg)
	if err != nil {
		t.Fatal(err)
	}
	purchases, _ := simHistories(t, exp.Bytes())
	var tp, fp, fn, late int
	for _, c := range readCSV(t, truth.Bytes()) {
		days := purchases[c["customer_id"]]
		usual := 0.0
		if len(days) > 1 {
			usual = median(gaps(days))
		}
		gap := float64(cfg.End - days[len(days)-1])
		lapsed := gap > math.Max(2*usual, 42)
		dropped := c["dropout_day"] != ""
		if dropped && c["dropout_day"] > (cfg.End-42).String() {
			late++
		}
		switch {
		case lapsed && dropped:
			tp++
		case lapsed:
			fp++
		case dropped:
			fn++
		}
	}
	precision := float64(tp) / float64(tp+fp)
	recall := float64(tp) / float64(tp+fn)
	share := float64(st.Dropped) / float64(cfg.Customers)
	if precision < 0.9 || recall < 0.9 || share < 0.35 || share > 0.65 || float64(late) > 0.1*float64(st.Dropped) {
		t.Errorf("precision %.3f, recall %.3f, %.0f %% dropped, %d of them in the last six weeks", precision, recall, 100*share, late)
	}
}
