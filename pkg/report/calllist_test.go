package report_test

import (
	"bytes"
	"encoding/csv"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/winback/winback/pkg/report"
	catalogue "github.com/winback/winback/pkg/words"
)

// callList is the sample practice's call list with every group, in lang.
func callList(t *testing.T, lang string) *report.CallList {
	t.Helper()
	set := praxis(t)
	r := run(t, set, set.LatestRecorded)
	l, err := report.NewCallList(r, report.CallListOptions{Lang: lang, Noun: catalogue.Patients, FollowUps: true, Welcome: true})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestTheGermanCallListOpensInColumns parses the German csv as German Excel does: a byte
// order mark, then ';'-separated fields, with the umlauts intact. Every row has a why and
// a question; the top ten win-back calls lapsed within the last year, or say why a
// longer-gone one outranks them; the three groups are there.
func TestTheGermanCallListOpensInColumns(t *testing.T) {
	l := callList(t, "de")
	var b bytes.Buffer
	if err := l.Write(&b, "csv"); err != nil {
		t.Fatal(err)
	}
	golden(t, "calllist_de.csv", b.Bytes())
	text, ok := bytes.CutPrefix(b.Bytes(), []byte("\uFEFF"))
	if !ok {
		t.Fatal("no byte order mark")
	}
	cr := csv.NewReader(bytes.NewReader(text))
	cr.Comma = ';'
	rows, err := cr.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	cols := catalogue.CallListColumns()
	col := map[string]int{}
	for i, c := range cols {
		col[c.Code] = i
		want := c.DE
		if c.Code == "id" {
			want = "Patient/in"
		}
		if rows[0][i] != want {
			t.Errorf("column %d is %q, want %q", i, rows[0][i], want)
		}
	}
	groups := map[string]int{}
	asOf := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	umlauts := false
	for k, row := range rows[1:] {
		groups[row[col["group"]]]++
		if row[col["why"]] == "" || row[col["questions"]] == "" {
			t.Errorf("row %d without why or question: %q", k+1, row)
		}
		if strings.ContainsAny(row[col["name"]], "äöüÄÖÜß") {
			umlauts = true
		}
		if k < 10 {
			last, err := time.Parse("02.01.2006", row[col["last_visit"]])
			if err != nil {
				t.Fatal(err)
			}
			if asOf.Sub(last) > 365*24*time.Hour && !strings.Contains(row[col["why"]], "Steht wegen des Werts") {
				t.Errorf("rank %s: last visit %s over a year ago, and the list does not say why it ranks there: %s", row[0], row[col["last_visit"]], row[col["why"]])
			}
		}
		for _, c := range cols[col["called_on"]:] {
			if row[col[c.Code]] != "" {
				t.Errorf("row %d: the practice's column %s is not empty", k+1, c.Code)
			}
		}
	}
	if !umlauts {
		t.Error("no name with an umlaut: were they lost?")
	}
	for _, g := range []string{"Rückgewinnung", "Nachsorge", "Willkommen"} {
		if groups[g] == 0 {
			t.Errorf("no row of the group %s: %v", g, groups)
		}
	}
}

func TestTheEnglishCallListIsPlainCSV(t *testing.T) {
	l := callList(t, "en")
	var b bytes.Buffer
	if err := l.Write(&b, "csv"); err != nil {
		t.Fatal(err)
	}
	golden(t, "calllist_en.csv", b.Bytes())
	if bytes.HasPrefix(b.Bytes(), []byte("\uFEFF")) {
		t.Error("a byte order mark in the English list")
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(rows[0], ","); !strings.HasPrefix(got, "Rank,Group,Patient,Name,Phone") {
		t.Errorf("header %s", got)
	}
}

// TestTheCallListWorkbookHasTheDropDown reads the German xlsx back: the header, the
// umlauts, and the drop-downs of "Erreicht" and "Antwort" with the German words.
func TestTheCallListWorkbookHasTheDropDown(t *testing.T) {
	l := callList(t, "de")
	var b bytes.Buffer
	if err := l.Write(&b, "xlsx"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Anrufe")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != l.Len()+1 || rows[0][0] != "Rang" || rows[0][13] != "Antwort" {
		t.Fatalf("%d rows, header %q", len(rows), rows[0])
	}
	if rows[1][1] != "Rückgewinnung" {
		t.Errorf("first row's group %q", rows[1][1])
	}
	dvs, err := f.GetDataValidations("Anrufe")
	if err != nil {
		t.Fatal(err)
	}
	var lists []string
	for _, dv := range dvs {
		lists = append(lists, dv.Sqref+" "+dv.Formula1)
	}
	all := strings.Join(lists, "\n")
	for _, want := range []string{"N2:N", "weggezogen", "unzufrieden mit Behandlung", "vergessen / kein Grund", "M2:M", "Nachricht"} {
		if !strings.Contains(all, want) {
			t.Errorf("drop-downs %q lack %q", all, want)
		}
	}
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if u := flag.Lookup("update"); u != nil && u.Value.String() == "true" { // writer_test.go's flag
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file; rerun with -update after checking the diff", name)
	}
}
