package outcome

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/charmap"
)

const enList = `Rank,Group,Customer,Name,Phone,E-mail,Preferred contact,Last visit,Status,Why this rank,Questions,Called on,Reached,What they said,Rebooked for,Do not contact again,Note
1,win-back,1001,Anna,+49 30 1,,,2025-01-02,lapsed,recent,Ask?,2025-06-03,yes,price,2025-06-20,,booked
2,win-back,1002,Bert,,,,2025-01-02,lapsed,recent,Ask?,,,,,,
3,win-back,1003,Cleo,,,,2025-01-02,lost,old,Ask?,2025-06-04,no,,,x,
4,win-back,1004,Dora,,,,2025-01-02,lost,old,Ask?,2025-13-04,yes,,,,
5,win-back,1005,Emil,,,,2025-01-02,lost,old,Ask?,2025-06-04,maybe,,,,
6,win-back,,Fritz,,,,2025-01-02,lost,old,Ask?,2025-06-04,yes,,,,
7,win-back,1007,Gina,,,,2025-01-02,lost,old,Ask?,2025-06-04,yes,too far,,,
8,win-back,1008,Hans,,,,2025-01-02,lost,old,Ask?,,,moved away,,,
`

const deList = "\ufeffRang;Gruppe;Patient/in;Name;Telefon;E-Mail;Bevorzugter Kontakt;Letzter Besuch;Status;Warum oben;Fragen;Angerufen am;Erreicht;Antwort;Neuer Termin;Nicht mehr anrufen;Notiz\n" +
	"1;Rückgewinnung;P-ABCDEFGH;Jörg Müller;+49 30 1;;;02.01.2025;überfällig;kürzlich;Frage?;3.6.25;ja;Wartezeit;20.06.2025;;Grüße\n" +
	"2;Rückgewinnung;P-ABCDEFGJ;Änne;;;;02.01.2025;überfällig;kürzlich;Frage?;03.06.2025;Nachricht;vergessen;;;\n" +
	"3;Rückgewinnung;P-ABCDEFGK;Özil;;;;02.01.2025;überfällig;kürzlich;Frage?;03.06.2025;nein;;;ja;\n"

func TestReadEnglish(t *testing.T) {
	res, err := Read("calls.csv", strings.NewReader(enList))
	if err != nil {
		t.Fatal(err)
	}
	if res.Rows != 8 || res.NotCalled != 1 || len(res.Outcomes)+res.NotCalled+len(res.Rejects) != res.Rows {
		t.Fatalf("rows %d, not called %d, used %d, rejected %v", res.Rows, res.NotCalled, len(res.Outcomes), res.Rejects)
	}
	want := []Outcome{
		{ID: "1001", CalledOn: "2025-06-03", Reached: "yes", Answer: "price", RebookedOn: "2025-06-20", File: "calls.csv", Line: 2},
		{ID: "1003", CalledOn: "2025-06-04", Reached: "no", DoNotContact: true, File: "calls.csv", Line: 4},
		{ID: "1008", Answer: "moved-away", File: "calls.csv", Line: 9},
	}
	if len(res.Outcomes) != len(want) {
		t.Fatalf("outcomes %+v", res.Outcomes)
	}
	for i := range want {
		if res.Outcomes[i] != want[i] {
			t.Errorf("outcome %d: %+v, want %+v", i, res.Outcomes[i], want[i])
		}
	}
	lines := map[int]string{5: "Called on", 6: "Reached", 7: "column is empty", 8: "What they said"}
	if len(res.Rejects) != len(lines) {
		t.Fatalf("rejects %v", res.Rejects)
	}
	for _, r := range res.Rejects {
		if r.File != "calls.csv" || !strings.Contains(r.String(), lines[r.Line]) {
			t.Errorf("reject %v: want line %d about %q", r, r.Line, lines[r.Line])
		}
	}
	if !res.Outcomes[2].Never() || !res.Outcomes[1].Never() || res.Outcomes[0].Never() {
		t.Error("Never: do-not-contact and moved away never again; the rest may be called")
	}
}

func checkGerman(t *testing.T, res *Result) {
	t.Helper()
	if len(res.Rejects) > 0 || len(res.Outcomes) != 3 {
		t.Fatalf("outcomes %+v rejects %v", res.Outcomes, res.Rejects)
	}
	o := res.Outcomes
	if o[0].ID != "P-ABCDEFGH" || o[0].CalledOn != "2025-06-03" || o[0].Reached != "yes" || o[0].Answer != "waiting-time" || o[0].RebookedOn != "2025-06-20" {
		t.Errorf("first %+v", o[0])
	}
	if o[1].Reached != "message" || o[1].Answer != "forgot" || !o[2].DoNotContact || o[2].Reached != "no" {
		t.Errorf("rest %+v", o[1:])
	}
}

func TestReadGerman(t *testing.T) {
	res, err := Read("anrufe.csv", strings.NewReader(deList))
	if err != nil {
		t.Fatal(err)
	}
	checkGerman(t, res)
	// Saved again by German Excel: Windows-1252, no BOM.
	cp, err := charmap.Windows1252.NewEncoder().String(strings.TrimPrefix(deList, "\ufeff"))
	if err != nil {
		t.Fatal(err)
	}
	res, _ = Read("anrufe.csv", strings.NewReader(cp))
	checkGerman(t, res)
}

func TestReadXLSX(t *testing.T) {
	f := excelize.NewFile()
	rows := strings.Split(strings.TrimSpace(strings.TrimPrefix(deList, "\ufeff")), "\n")
	for i, line := range rows {
		cells := strings.Split(line, ";")
		vals := make([]any, len(cells))
		for j, c := range cells {
			vals[j] = c
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &vals); err != nil {
			t.Fatal(err)
		}
	}
	// A date typed into Excel is a number with a date format.
	if err := f.SetCellValue("Sheet1", "L3", 45811.0); err != nil { // 2025-06-03
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	res, err := Read("anrufe.xlsx", &b)
	if err != nil {
		t.Fatal(err)
	}
	checkGerman(t, res)
}

func TestNotACallList(t *testing.T) {
	res, err := Read("x.csv", strings.NewReader("a,b\n1,2\n3,4\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Rejects) != 1 || res.Rejects[0].Line != 1 || res.Rows != 1 || !strings.Contains(res.Rejects[0].String(), "2 rows") {
		t.Fatalf("%+v", res)
	}
	res, _ = Read("x.xlsx", strings.NewReader("not a zip"))
	if len(res.Rejects) != 1 {
		t.Fatalf("%+v", res)
	}
}

func FuzzRead(f *testing.F) {
	f.Add([]byte(enList))
	f.Add([]byte(deList))
	f.Add([]byte("Customer;Called on\n\"1;2025-01-01\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := Read("f.csv", bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if n := len(res.Outcomes) + res.NotCalled + len(res.Rejects); n != res.Rows {
			t.Fatalf("rows %d, accounted %d", res.Rows, n)
		}
		for _, o := range res.Outcomes {
			if o.ID == "" || (o.CalledOn == "" && !o.Never()) {
				t.Fatalf("outcome %+v", o)
			}
		}
		for _, r := range res.Rejects {
			if r.Line < 1 || strings.HasPrefix(r.String(), "outcome.") || strings.Contains(r.String(), "%!") {
				t.Fatalf("reject %+v", r)
			}
		}
	})
}
