package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzPipeline runs the whole of `winback report --format json -o FILE` on fuzzed exports.
// Whatever the export holds (refunds, amounts beyond any bill, dates centuries out, customers
// keyed by id, e-mail or phone in one file, rows that cannot be read), the run ends with exit
// 0 or 2, never 1 and never a panic; exit 2 comes with a message; a failed run leaves no file
// behind; and every row written is accounted for, checked against counts the test keeps
// itself while it writes the export.
//
// With raw set, the bytes are the export itself; otherwise they drive a generator of
// well-formed `;`-separated rows, so that the test knows how many rows it wrote.
func FuzzPipeline(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, false)
	f.Add([]byte("refund \x05\x05\x05 \x15\x25\x35\x45\x55\x65\x75\x85"), false)
	f.Add(bytes.Repeat([]byte{3, 17, 200, 41, 9, 250}, 20), false)
	f.Add([]byte{1, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6, 6}, false)
	f.Add([]byte{0, 2, 0, 1, 8, 0, 0, 0, 8, 0}, false)
	f.Add([]byte("Kundennr;Datum;Betrag\nK1;01.02.2024;-5,00\nK1;01.03.2024;(33,62)\nK1;01.04.2024;1\n"), true)
	f.Add([]byte("id,date,amount\n1,2024-01-01,90000000000000000\n1,2024-02-01,90000000000000000\n"), true)
	f.Add([]byte("Kundennr;Datum\n\"K1;01.02.2024\nK2;01.02.2024\n"), true)
	f.Fuzz(func(t *testing.T, data []byte, raw bool) {
		dir := t.TempDir()
		in := filepath.Join(dir, "export.csv")
		out := filepath.Join(dir, "report.json")
		var args []string
		var want *rowCounts
		if raw {
			if err := os.WriteFile(in, data, 0o600); err != nil {
				t.Fatal(err)
			}
			args = []string{"report", "--format", "json", "-o", out, in}
		} else {
			export, counts, asOf := generateExport(data)
			if err := os.WriteFile(in, export, 0o600); err != nil {
				t.Fatal(err)
			}
			want = &counts
			args = []string{"report", "--format", "json", "-o", out, in}
			if asOf != "" {
				args = append(args, "--as-of", asOf)
			}
		}
		s, _, stdout, stderr := testStreams()
		code := Main(args, s)
		switch code {
		case ExitOK:
		case ExitUsage:
			if !strings.Contains(stderr.String(), "winback: error: ") {
				t.Fatalf("exit 2 without a message; stderr:\n%s", stderr)
			}
		default:
			t.Fatalf("exit %d, want 0 or 2; stderr:\n%s\nexport:\n%s", code, stderr, readBack(t, in))
		}
		if code != ExitOK {
			left, _ := os.ReadDir(dir)
			for _, e := range left {
				if e.Name() != "export.csv" {
					t.Fatalf("a failed run left %s behind", e.Name())
				}
			}
			return
		}
		if stdout.Len() != 0 {
			t.Fatalf("report -o printed to standard output:\n%s", stdout)
		}
		b, err := os.ReadFile(out)
		if err != nil {
			t.Fatalf("exit 0 without the output file: %v", err)
		}
		var rep struct {
			Summary struct {
				Revenue     float64 `json:"revenue_last_12_months"`
				ValueAtRisk float64 `json:"value_at_risk"`
			}
			DataQuality struct {
				Rows, Accepted, Rejected, Blank, Duplicates int
			} `json:"data_quality"`
		}
		if err := json.Unmarshal(b, &rep); err != nil {
			t.Fatalf("the report is not JSON: %v", err)
		}
		q := rep.DataQuality
		if q.Rows != q.Accepted+q.Rejected+q.Blank+q.Duplicates {
			t.Fatalf("rows %d != accepted %d + rejected %d + blank %d + duplicates %d", q.Rows, q.Accepted, q.Rejected, q.Blank, q.Duplicates)
		}
		if q.Accepted < 0 || q.Rejected < 0 || q.Blank < 0 || q.Duplicates < 0 {
			t.Fatalf("negative count in %+v", q)
		}
		if want == nil {
			return
		}
		if q.Rows != want.lines {
			t.Fatalf("report counts %d rows, the export has %d", q.Rows, want.lines)
		}
		if q.Blank != want.blank {
			t.Fatalf("report counts %d blank rows, the export has %d", q.Blank, want.blank)
		}
		if q.Duplicates > want.repeats {
			t.Fatalf("report counts %d duplicates, the export repeats only %d rows", q.Duplicates, want.repeats)
		}
		if q.Rejected < want.badDates {
			t.Fatalf("report rejects %d rows, but %d distinct rows have no readable date", q.Rejected, want.badDates)
		}
		if !want.refunds && (rep.Summary.Revenue < 0 || rep.Summary.ValueAtRisk < 0) {
			t.Fatalf("no amount is negative, but revenue is %v and value at risk %v", rep.Summary.Revenue, rep.Summary.ValueAtRisk)
		}
	})
}

// rowCounts are what generateExport knows of the rows it wrote.
type rowCounts struct {
	lines    int  // data lines after the header
	blank    int  // lines with every field empty
	repeats  int  // non-blank lines identical to an earlier line
	badDates int  // distinct non-blank lines whose date cannot be read
	refunds  bool // some amount is negative
}

// generateExport turns fuzz bytes into a German-style export: a header and up to 80 rows
// whose customer is keyed by number, e-mail or phone (or only the contact columns), with
// dates in and far out of range or unreadable, and amounts that include refunds, the
// accounting form (33,62) and sums beyond any bill. It returns the file, what it knows of
// its rows, and an --as-of date to use ("" for the default).
func generateExport(data []byte) ([]byte, rowCounts, string) {
	next := func() int {
		if len(data) == 0 {
			return 0
		}
		b := data[0]
		data = data[1:]
		return int(b)
	}
	asOf := []string{"", "", "2024-06-30", "1990-01-01", "2200-01-01", "31.05.2024"}[next()%6]
	var b strings.Builder
	b.WriteString("Kundennr;E-Mail;Telefon;Datum;Betrag;Status\n")
	var c rowCounts
	seen := map[string]bool{}
	rows := next() % 81
	for i := 0; i < rows; i++ {
		k, d, a, s := next(), next(), next(), next()
		n := k % 13
		var id, email, phone string
		switch (k / 13) % 5 {
		case 0, 1:
			id = fmt.Sprintf("K%d", n)
		case 2:
			email = fmt.Sprintf("kunde%d@example.org", n)
		case 3:
			phone = fmt.Sprintf("+49 170 %07d", n)
		case 4:
			id = fmt.Sprintf("K%d", n)
			email = fmt.Sprintf("kunde%d@example.org", n)
		}
		day := 1 + d%28
		date, readable := "", true
		switch (d / 28) % 9 {
		case 0, 1, 2, 3:
			date = fmt.Sprintf("%02d.%02d.%d", day, 1+(d+i)%12, 2023+(d+i)%3)
		case 4:
			date = fmt.Sprintf("%d-%02d-%02d", 2023+(d+i)%3, 1+(d+i)%12, day)
		case 5:
			date = []string{"01.01.2150", "31.12.1899", "29.02.2100", "01.01.0001"}[d%4]
		case 6:
			date, readable = []string{"32.13.2024", "gestern", "2024-02-30", "99.99.9999"}[d%4], false
		case 7:
			date, readable = "", false
		case 8:
			date = fmt.Sprintf("%02d.%02d.%d 14:30", day, 1+d%12, 2024)
		}
		amount := []string{
			"", "12,50", "45,00", "1.234,56", "-5,00", "(33,62)", "0", "abc",
			"90000000000000000", "9,99 €", "-90000000000000000", "1e9", "  7,5 ", "€ 80,00",
		}[a%14]
		if strings.HasPrefix(amount, "-") || strings.HasPrefix(amount, "(") {
			c.refunds = true
		}
		status := []string{"", "", "", "erschienen", "abgesagt", "nicht erschienen", "storniert", "geplant", "??"}[s%9]
		if s%31 == 30 {
			id, email, phone, date, amount, status = "", "", "", "", "", ""
			readable = true
		}
		line := strings.Join([]string{id, email, phone, date, amount, status}, ";")
		c.lines++
		switch {
		case id == "" && email == "" && phone == "" && date == "" && amount == "" && status == "":
			c.blank++
		case seen[line]:
			c.repeats++
		default:
			seen[line] = true
			if !readable {
				c.badDates++
			}
		}
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return []byte(b.String()), c, asOf
}

func readBack(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) > 4000 {
		b = b[:4000]
	}
	return string(b)
}
