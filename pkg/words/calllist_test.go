package words

import "testing"

func TestCallListTermsSayTheNounAndDifferPerLanguage(t *testing.T) {
	de, en := ForNoun("de", Patients), ForNoun("en", Patients)
	cols := CallListColumns()
	if got := cols[2].In(de); got != "Patient/in" {
		t.Errorf("id column in German for patients = %q", got)
	}
	if got := cols[2].In(en); got != "Patient" {
		t.Errorf("id column in English for patients = %q", got)
	}
	seen := map[string]bool{}
	for _, ts := range [][]Term{cols, CallGroups(), ReachedValues(), AnswerCategories()} {
		for _, term := range ts {
			if term.Code == "" || term.EN == "" || term.DE == "" || seen[term.Code] {
				t.Errorf("term %+v is incomplete or its code repeats", term)
			}
			seen[term.Code] = true
		}
	}
}
