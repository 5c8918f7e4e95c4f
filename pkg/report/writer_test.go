package report

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/gocarina/gocsv"

	catalogue "github.com/winback/winback/pkg/words"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func write(t testing.TB, format string, opt Options, r *Report) []byte {
	t.Helper()
	w, err := NewWriter(format, opt)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := w.Write(&b, r); err != nil {
		t.Fatalf("%s: %v", format, err)
	}
	return b.Bytes()
}

func TestNewWriter(t *testing.T) {
	for _, f := range Formats {
		t.Run("knows "+f, func(t *testing.T) {
			if _, err := NewWriter(f, Options{}); err != nil {
				t.Fatal(err)
			}
		})
	}
	t.Run("rejects an unknown format naming the known ones", func(t *testing.T) {
		_, err := NewWriter("pdf", Options{})
		if err == nil || !strings.Contains(err.Error(), `"pdf"`) || !strings.Contains(err.Error(), "table, md, json, csv, html, xlsx") {
			t.Fatalf("got %v", err)
		}
	})
}

func TestFormatFor(t *testing.T) {
	for path, want := range map[string]string{
		"report.html": "html", "r.HTM": "html", "calls.csv": "csv", "r.xlsx": "xlsx", "r.md": "md",
		"r.markdown": "md", "r.txt": "table", "r.json": "json", "r.pdf": "", "report": "",
	} {
		if got := FormatFor(path); got != want {
			t.Errorf("FormatFor(%q) = %q, want %q", path, got, want)
		}
	}
}

// TestGolden compares every text format in both languages with testdata/golden; run
// go test ./pkg/report -update to rewrite them after a deliberate change.
func TestGolden(t *testing.T) {
	cases := []struct {
		name, format string
		opt          Options
		lang         string
	}{
		{"practice_en.txt", "table", Options{}, "en"},
		{"practice_de.txt", "table", Options{}, "de"},
		{"practice_en.md", "md", Options{}, "en"},
		{"practice_de.md", "md", Options{}, "de"},
		{"practice_en.json", "json", Options{}, "en"},
		{"practice_de.json", "json", Options{}, "de"},
		{"practice_en.csv", "csv", Options{}, "en"},
		{"practice_de_excel.csv", "csv", Options{Excel: true}, "de"},
		{"practice_en.html", "html", Options{}, "en"},
		{"practice_de.html", "html", Options{}, "de"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := write(t, c.format, c.opt, practice(c.lang))
			path := filepath.Join("testdata", "golden", c.name)
			if *update {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./pkg/report -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file; rerun with -update after checking the diff:\n%s", c.name, firstDiff(got, want))
			}
		})
	}
}

func firstDiff(got, want []byte) string {
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return ""
}

func itoa(i int) string { b, _ := json.Marshal(i); return string(b) }

func TestEveryFormatIsDeterministic(t *testing.T) {
	for _, f := range Formats {
		t.Run(f+" gives the same bytes twice", func(t *testing.T) {
			a := write(t, f, Options{}, practice("de"))
			b := write(t, f, Options{}, practice("de"))
			if !bytes.Equal(a, b) {
				t.Fatal("two runs differ")
			}
		})
	}
}

func TestJSONHoldsTheWholeReport(t *testing.T) {
	r := practice("en")
	var back Report
	if err := json.Unmarshal(write(t, "json", Options{}, r), &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(&back, r) {
		t.Fatal("the report read back from its JSON differs from the original")
	}
	if back.Version != Version || len(back.Lapsed) != 40 {
		t.Fatalf("version %d, %d lapsed", back.Version, len(back.Lapsed))
	}
}

func TestJSONIsWhatTheEncoderWrites(t *testing.T) {
	hostile := practice("en")
	hostile.Lapsed[0].ID = "\n  \"lapsed\": null,\n"
	for _, id := range []string{"<", ">", "&", "\"", "\\", "\x01", "\x7f", "\u2028", "\xff", "é"} { // each escaped, or not
		hostile.Statuses["K-"+id] = "lapsed"
	}
	for name, r := range map[string]*Report{
		"a practice": practice("de"), "an empty report": {}, "no lapsed customers": {Lapsed: []Customer{}},
		"an id that looks like the splice point": hostile,
	} {
		t.Run(name, func(t *testing.T) {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent("", "  ")
			if err := enc.Encode(r); err != nil {
				t.Fatal(err)
			}
			got := write(t, "json", Options{}, r)
			if got := indentLapsed(t, got); !bytes.Equal(got, want.Bytes()) {
				t.Fatalf("differs from json.Encoder:\n%s", firstDiff(got, want.Bytes()))
			}
			if lines := bytes.Count(got, []byte("\n    {\"id\":")); lines != len(r.Lapsed) {
				t.Errorf("%d lines of a lapsed customer, want %d", lines, len(r.Lapsed))
			}
		})
	}
}

// indentLapsed is a JSON report with its lapsed customers, written one a line, indented as
// json.Encoder indents them.
func indentLapsed(t *testing.T, doc []byte) []byte {
	t.Helper()
	var out bytes.Buffer
	for line := range bytes.Lines(doc) {
		if !bytes.HasPrefix(line, []byte(`    {"`)) {
			out.Write(line)
			continue
		}
		end := bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte(","))
		out.WriteString("    ")
		if err := json.Indent(&out, end[4:], "    ", "  "); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		out.Write(line[len(end):])
	}
	return out.Bytes()
}

func TestHTMLEscapesEveryValue(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		t.Run("in "+lang, func(t *testing.T) {
			out := string(write(t, "html", Options{}, practice(lang)))
			for _, bad := range []string{"<script", "<img", "onerror=alert(1)>", `"><img`} {
				if strings.Contains(out, bad) {
					t.Errorf("the HTML contains %q unescaped", bad)
				}
			}
			for _, good := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"} {
				if !strings.Contains(out, good) {
					t.Errorf("the HTML lacks the escaped %q", good)
				}
			}
		})
	}
}

func TestHTMLIsSelfContained(t *testing.T) {
	out := string(write(t, "html", Options{}, practice("en")))
	// Every reference must stay inside the page: an anchor or a data: URL.
	refs := regexp.MustCompile(`(?i)\b(src|href|action|poster|srcset|data)\s*=\s*"([^"]*)"`)
	for _, m := range refs.FindAllStringSubmatch(out, -1) {
		if !strings.HasPrefix(m[2], "#") && !strings.HasPrefix(m[2], "data:") {
			t.Errorf("the HTML refers to %s=%q", m[1], m[2])
		}
	}
	for _, bad := range []string{"url(", "@import", "@font-face", "<script", "<iframe", "<object", "<embed"} {
		if strings.Contains(out, bad) {
			t.Errorf("the HTML contains %q", bad)
		}
	}
	if !strings.Contains(out, `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:`) {
		t.Error("no Content-Security-Policy that forbids requests")
	}
	for _, id := range []string{`id="rf-heatmap"`, `id="recency-histogram"`, `id="monthly-trend"`, `id="cohort-heatmap"`, `id="lapsed-table"`, "@media print", "@page"} {
		if !strings.Contains(out, id) {
			t.Errorf("the HTML lacks %s", id)
		}
	}
}

func TestHTMLFollowsTheContentOrder(t *testing.T) {
	out := string(write(t, "html", Options{}, practice("en")))
	last := -1
	for _, id := range []string{"summary", "since", "segments", "lapsed", "reasons", "trends", "mix", "model"} {
		i := strings.Index(out, `<section id="`+id+`">`)
		if i < 0 || i < last {
			t.Fatalf("section %s at %d, after the previous one at %d", id, i, last)
		}
		last = i
	}
}

func TestHTMLSaysWhenNamesAreHidden(t *testing.T) {
	r := practice("de")
	r.Pseudonymized = true
	for i := range r.Lapsed {
		r.Lapsed[i].Name, r.Lapsed[i].Phone, r.Lapsed[i].Email, r.Lapsed[i].ContactPreference = "", "", "", ""
	}
	out := string(write(t, "html", Options{}, r))
	if !strings.Contains(out, "Namen verborgen: Pseudonyme") {
		t.Fatal("no visible note that names are hidden")
	}
	if strings.Contains(out, "Kontaktdaten: nicht weitergeben") {
		t.Fatal("a pseudonymised report warns of personal data")
	}
	out = string(write(t, "html", Options{}, practice("en")))
	if strings.Contains(out, "Names hidden") || !strings.Contains(out, "Contains names and contact details") {
		t.Fatal("a report with names must warn, not claim pseudonyms")
	}
}

func TestHTMLStaysSmallWhateverTheNumberOfCustomers(t *testing.T) {
	r := huge(300_000, 60)
	for _, c := range []struct {
		name  string
		shown int
	}{{"with the report's list length", 100}, {"when the report asks for every customer", 300_000}} {
		t.Run(c.name, func(t *testing.T) {
			r.LapsedShown = c.shown
			out := write(t, "html", Options{}, r)
			t.Logf("HTML for %d lapsed customers and %d months: %d bytes", len(r.Lapsed), len(r.Trends), len(out))
			if len(out) >= 5_000_000 {
				t.Fatalf("the HTML has %d bytes, over 5 MB", len(out))
			}
			if !bytes.Contains(out, []byte("300.000")) || !bytes.Contains(out, []byte("CSV-, JSON- und XLSX-Ausgabe")) {
				t.Fatal("no note that the full list is elsewhere")
			}
		})
	}
}

func TestListsForPeopleAreCapped(t *testing.T) {
	r := practice("en")
	for _, f := range []string{"table", "md", "html"} {
		t.Run(f+" shows the report's 25 and says where the rest are", func(t *testing.T) {
			out := string(write(t, f, Options{}, r))
			if !strings.Contains(out, "Showing the first 25 of 40") {
				t.Fatal("no cap note")
			}
			if strings.Contains(out, r.Lapsed[25].ID) || !strings.Contains(out, r.Lapsed[24].ID) {
				t.Fatal("the list is not cut after 25")
			}
		})
		t.Run(f+" follows MaxLapsed", func(t *testing.T) {
			out := string(write(t, f, Options{MaxLapsed: 5}, r))
			if !strings.Contains(out, "Showing the first 5 of 40") || strings.Contains(out, r.Lapsed[5].ID) {
				t.Fatal("MaxLapsed ignored")
			}
		})
	}
}

func TestMarkdownEscapesEveryValue(t *testing.T) {
	out := string(write(t, "md", Options{}, practice("en")))
	for _, bad := range []string{"<script>", "<img", "[link](x)", "*Stern*", "| *"} {
		if strings.Contains(out, bad) {
			t.Errorf("the Markdown contains %q unescaped", bad)
		}
	}
	if !strings.Contains(out, `\*Stern\*`) || !strings.Contains(out, "&lt;script&gt;") {
		t.Error("escaped values missing")
	}
}

func TestTableKeepsTerminalEscapesOut(t *testing.T) {
	out := string(write(t, "table", Options{}, practice("en")))
	if strings.ContainsRune(out, '\x1b') {
		t.Fatal("an escape sequence from the data reached the terminal")
	}
	if strings.Contains(out, "CUSTOMER") || !strings.Contains(out, "Customer") {
		t.Fatal("headers must not be upper-cased")
	}
}

func TestCSV(t *testing.T) {
	t.Run("holds every lapsed customer with its questions and neutralised formulas", func(t *testing.T) {
		r := practice("en")
		// A report read back from JSON has no joined questions; the CSV fills them in.
		var back Report
		if err := json.Unmarshal(write(t, "json", Options{}, r), &back); err != nil {
			t.Fatal(err)
		}
		out := string(write(t, "csv", Options{}, &back))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 41 {
			t.Fatalf("%d lines, want a header and 40 customers", len(lines))
		}
		if !strings.HasPrefix(lines[0], "id,name,phone,email,contact_preference,segment,status,last_visit,visits,usual_gap_days,days_overdue,value_at_risk,p_alive,rule,questions") {
			t.Fatalf("header %s", lines[0])
		}
		if !strings.Contains(out, `"'=HYPERLINK(`) {
			t.Error("formula not neutralised")
		}
		if !strings.Contains(lines[1], "What got in the way?") {
			t.Errorf("questions missing: %s", lines[1])
		}
		if !strings.Contains(lines[10], ",-1,") {
			t.Errorf("a p_alive of -1 must stay a number: %s", lines[10])
		}
	})
	t.Run("for a German Excel has a BOM, semicolons and decimal commas only in numbers", func(t *testing.T) {
		r := practice("de")
		r.Lapsed[0].ID = "12.5"
		out := string(write(t, "csv", Options{Excel: true}, r))
		if !strings.HasPrefix(out, "\uFEFFKennung;Name;") { // German headers (words csv.*)
			t.Fatalf("starts %q", out[:20])
		}
		line := strings.Split(out, "\n")[1]
		if !strings.HasPrefix(line, "12.5;") || !strings.Contains(line, ";2860;") || !strings.Contains(line, ";0,08;") {
			t.Fatalf("first row %s", line)
		}
		if !strings.Contains(strings.Split(out, "\n")[2], ";2798,3;") {
			t.Fatalf("second row %s", strings.Split(out, "\n")[2])
		}
	})
}

func TestAnEmptyReportWritesInEveryFormat(t *testing.T) {
	for _, lang := range []string{"en", "de"} {
		for _, f := range Formats {
			t.Run(f+" in "+lang, func(t *testing.T) {
				out := write(t, f, Options{}, &Report{Version: Version, Lang: lang})
				if len(out) == 0 {
					t.Fatal("nothing written")
				}
			})
		}
	}
	out := string(write(t, "html", Options{}, &Report{Lang: "en"}))
	if !strings.Contains(out, "No lapsed customers.") || strings.Contains(out, "monthly-trend") {
		t.Fatal("an empty report should say there are no lapsed customers and draw no trend")
	}
}

// TestCSVInChunksIsTheWholeEncoding checks that the csv written a chunk of customers at a
// time, some of them complete and the rest filled in as they are written, is what gocsv
// writes of all the customers at once, plain and for a German Excel.
func TestCSVInChunksIsTheWholeEncoding(t *testing.T) {
	full := huge(5000, 3) // several blocks of inBlocks
	full.Lapsed[7].ID = "=SUM(A1)"
	full.Lapsed[600].Reasons = nil
	for _, excel := range []bool{false, true} {
		whole := bytes.Buffer{}
		if excel {
			whole.WriteString("\uFEFF")
		}
		sw := NewSafeCSV(&whole, excel).DecimalColumns(csvDecimalColumns...)
		if full.Lang == "de" {
			sw.Words(catalogue.For("de"))
		}
		if err := gocsv.MarshalCSV(customersForCSV(slices.Clone(full.Lapsed)), sw); err != nil {
			t.Fatal(err)
		}
		sw.Flush()

		r := *full
		r.Lapsed = full.Lapsed[:300] // the first 300 complete, as a page shows them
		r.src = &source{n: len(full.Lapsed), fill: func(i int, c *Customer, _ *texts) { *c = full.Lapsed[i] }}
		got := write(t, "csv", Options{Excel: excel}, &r)
		if !bytes.Equal(got, whole.Bytes()) {
			t.Errorf("excel %v: the csv in chunks differs from the whole encoding", excel)
		}
		if n := bytes.Count(got, []byte("\n")); n < 5001 {
			t.Errorf("excel %v: %d lines for 5000 customers", excel, n)
		}
	}
}
