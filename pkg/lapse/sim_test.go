package lapse_test

import (
	"bytes"
	"testing"

	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visitgen"
	"github.com/winback/winback/pkg/words"
)

// TestKnownDropouts is the known-dropout test of the analysis issue. The scenario is
// visitgen's default (DefaultSimConfig, seed 1; see testdata/sim/README.md): 5,000
// customers of a studio drawn from BG/NBD with purchase rates λ ~ Gamma(r = 6, α = 6) per
// week (about one visit a week, 90 % between 0.44 and 1.75) and a dropout chance after
// each repeat visit of p ~ Beta(2, 200) (1 % on average), entering in the first half of
// 2023 and watched to 2024-12-31, with cancelled and missed appointments between visits
// and Gamma-Gamma spends. About half drop out within the window, spread over the two
// years. The export is read with winback's own reader, the models are fitted in weeks and
// every customer is assessed with the default configuration as of the end date; a
// customer counts as found when lapsed or lost, and as truly dropped when the truth file
// has a dropout day on or before the end date. Precision and recall must both be at least
// 0.8.
func TestKnownDropouts(t *testing.T) {
	cfg := visitgen.DefaultSimConfig()
	if testing.Short() {
		cfg.Customers = 1000
	}
	var exp, truth bytes.Buffer
	if _, err := visitgen.Simulate(&exp, &truth, cfg); err != nil {
		t.Fatal(err)
	}
	set := readExport(t, "sim.csv", &exp)
	m, err := lapse.FitModels(set, cfg.End, model.Weeks)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("models: %s; BG/NBD %+v (true r = %g, α = %g, a = %g, b = %g)", words.For("en").ModelNote(m), m.BGNBD.Params, cfg.R, cfg.Alpha, cfg.A, cfg.B)
	verdicts := assessAll(set, cfg.End, lapse.DefaultConfig(), m)
	byKey := make(map[string]lapse.Verdict, len(verdicts))
	for _, v := range verdicts {
		byKey[v.Key] = v
	}
	conf := confusion{}
	rules := confusion{}
	for _, row := range readTruth(t, truth.Bytes()) {
		v, ok := byKey[row["customer_id"]]
		if !ok {
			t.Fatalf("no verdict for customer %s", row["customer_id"])
		}
		state := "alive"
		if row["dropout_day"] != "" {
			state = "dropped"
		}
		conf.add(state, v.Status)
		rules.add(state+"/"+v.Rule.String(), v.Status)
	}
	precision, recall, tp, fp, fn := conf.precisionRecall("dropped")
	t.Logf("%d customers; confusion (rows: truth, columns: verdict):\n%s", len(verdicts), conf)
	t.Logf("by rule:\n%s", rules)
	t.Logf("dropped: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", precision, recall, tp, fp, fn)
	if precision < 0.8 || recall < 0.8 {
		t.Errorf("dropped customers found with precision %.3f and recall %.3f, want both ≥ 0.8", precision, recall)
	}
}
