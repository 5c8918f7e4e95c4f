package lapse_test

import (
	"os"
	"testing"

	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// TestPraxis assesses the shipped physiotherapy practice (testdata/praxis: 400 patients,
// 2023-01-01 to 2025-06-30, with planted truth) with the default configuration and models
// in weeks, and checks the verdicts against the truth: dropped patients are found (lapsed
// or lost) with recall and precision of at least 0.8, patients after a finished course get
// a follow-up, booked ones are booked, and few active ones are called lapsed.
func TestPraxis(t *testing.T) {
	set := readExportFile(t, "../../testdata/praxis/praxis.csv")
	truthBytes, err := os.ReadFile("../../testdata/praxis/praxis_truth.csv")
	if err != nil {
		t.Fatal(err)
	}
	asOf := visit.DayOf(2025, 6, 30)
	m, err := lapse.FitModels(set, asOf, model.Weeks)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("models: %s", words.For("en").ModelNote(m))
	verdicts := assessAll(set, asOf, lapse.DefaultConfig(), m)
	byKey := map[string]lapse.Verdict{}
	for _, v := range verdicts {
		byKey[v.Key] = v
	}
	conf := confusion{}
	rules := confusion{}
	for _, row := range readTruth(t, truthBytes) {
		v, ok := byKey[row["patient_id"]]
		if !ok {
			t.Fatalf("no verdict for patient %s", row["patient_id"])
		}
		conf.add(row["state"], v.Status)
		rules.add(row["state"]+"/"+v.Rule.String(), v.Status)
		if testing.Verbose() && (row["state"] == "dropped") != v.Status.Missing() {
			t.Logf("%s %s (%s): %s %s: %s", v.Key, row["state"], row["story"], v.Status, v.Rule, words.For("en").Explanation(&v))
		}
	}
	t.Logf("confusion (rows: truth, columns: verdict):\n%s", conf)
	t.Logf("by rule:\n%s", rules)
	precision, recall, tp, fp, fn := conf.precisionRecall("dropped")
	t.Logf("dropped: precision %.3f, recall %.3f (tp %d, fp %d, fn %d)", precision, recall, tp, fp, fn)
	if precision < 0.8 || recall < 0.8 {
		t.Errorf("dropped patients found with precision %.3f and recall %.3f, want both ≥ 0.8", precision, recall)
	}
	share := func(state string, s lapse.Status) float64 {
		n := 0
		for _, c := range conf[state] {
			n += c
		}
		return float64(conf[state][s]) / float64(n)
	}
	if got := share("course-finished", lapse.FollowUp); got < 0.9 {
		t.Errorf("%.0f%% of the patients after a finished course get a follow-up, want ≥ 90%%", 100*got)
	}
	if got := share("booked", lapse.Booked); got != 1 {
		t.Errorf("%.0f%% of the booked patients are booked, want all", 100*got)
	}
	if got := share("active", lapse.Lapsed) + share("active", lapse.Lost); got > 0.1 {
		t.Errorf("%.0f%% of the active patients are called lapsed or lost, want ≤ 10%%", 100*got)
	}
}
