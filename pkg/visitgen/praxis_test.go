package visitgen

import (
	"bytes"
	"encoding/csv"
	"io"
	"maps"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"github.com/winback/winback/pkg/visit"
)

const wantPraxisHeader = "Patienten-Nr.;Nachname;Vorname;Geburtsdatum;Telefon;E-Mail;Kontaktweg;Termin;Uhrzeit;" +
	"Status;Leistung;Behandler/in;Buchungsweg;Gebucht am;Überweiser;Standort;Honorar (€);Bemerkung"

// prow is one decoded row of a praxis export.
type prow struct {
	id, contact, status, service, staff, channel, referrer, note string
	day, booked                                                  visit.Day
	cents                                                        int64 // -1 when empty
	record                                                       string
}

func germanDay(t *testing.T, s string) visit.Day {
	t.Helper()
	tm, err := time.Parse("02.01.2006", s)
	if err != nil {
		t.Fatalf("date %q: %v", s, err)
	}
	return visit.DayFromTime(tm)
}

// readPraxis decodes a praxis export as Windows-1252 and returns its header and rows.
func readPraxis(t *testing.T, data []byte) (string, []prow) {
	t.Helper()
	r := csv.NewReader(charmap.Windows1252.NewDecoder().Reader(bytes.NewReader(data)))
	r.Comma = ';'
	header, err := r.Read()
	if err != nil {
		t.Fatal(err)
	}
	var rows []prow
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		p := prow{
			id: rec[0], contact: rec[6], day: germanDay(t, rec[7]), status: rec[9], service: rec[10],
			staff: rec[11], channel: rec[12], booked: germanDay(t, rec[13]), referrer: rec[14],
			cents: -1, note: rec[17], record: strings.Join(rec, "\x00"),
		}
		if rec[16] != "" {
			units, frac, ok := strings.Cut(rec[16], ",")
			u, err1 := strconv.Atoi(units)
			f, err2 := strconv.Atoi(frac)
			if !ok || err1 != nil || err2 != nil || len(frac) != 2 {
				t.Fatalf("honorar %q is not of the form 12,34", rec[16])
			}
			p.cents = int64(u*100 + f)
		}
		rows = append(rows, p)
	}
	return strings.Join(header, ";"), rows
}

func readCSV(t *testing.T, data []byte) []map[string]string {
	t.Helper()
	recs, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]string
	for _, rec := range recs[1:] {
		m := map[string]string{}
		for i, h := range recs[0] {
			m[h] = rec[i]
		}
		out = append(out, m)
	}
	return out
}

// history is one patient's rows, in export order (by day).
type history []prow

func (h history) visitDays(asOf visit.Day) []visit.Day {
	var out []visit.Day
	for _, r := range h {
		if r.status == "erschienen" && r.day <= asOf && (len(out) == 0 || out[len(out)-1] != r.day) {
			out = append(out, r.day)
		}
	}
	return out
}

// visits returns the first row of every attended day (the main service).
func (h history) visits() []prow {
	var out []prow
	for _, r := range h {
		if r.status == "erschienen" && (len(out) == 0 || out[len(out)-1].day != r.day) {
			out = append(out, r)
		}
	}
	return out
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}

func gaps(days []visit.Day) []float64 {
	var out []float64
	for i := 1; i < len(days); i++ {
		out = append(out, float64(days[i]-days[i-1]))
	}
	return out
}

func defaultPraxis(t *testing.T) (data, truth []byte, st Stats) {
	t.Helper()
	return praxisOf(t, DefaultPraxisConfig())
}

func praxisOf(t *testing.T, cfg PraxisConfig) (data, truth []byte, st Stats) {
	t.Helper()
	var exp, tr bytes.Buffer
	st, err := WritePraxis(&exp, &tr, cfg)
	if err != nil {
		t.Fatal(err)
	}
	return exp.Bytes(), tr.Bytes(), st
}

// praxisConfigs are the shipped practice and two others, so that the properties do not
// hold by luck of one seed.
func praxisConfigs() map[string]PraxisConfig {
	small, large := DefaultPraxisConfig(), DefaultPraxisConfig()
	small.Seed, small.Patients = 2, 120
	large.Seed, large.Patients, large.Start = 3, 1500, visit.DayOf(2023, 10, 1)
	return map[string]PraxisConfig{
		"the shipped practice":                    DefaultPraxisConfig(),
		"a small practice":                        small,
		"a large practice with a shorter history": large,
	}
}

func TestPraxisExportIsWindows1252WithCRLF(t *testing.T) {
	data, _, _ := defaultPraxis(t)
	if utf8.Valid(data) {
		t.Error("the export is valid UTF-8; want Windows-1252")
	}
	firstLine, _, _ := bytes.Cut(data, []byte("\r\n"))
	if !bytes.Contains(firstLine, []byte{0xDC}) || !bytes.Contains(firstLine, []byte{0x80}) {
		t.Error("the header lacks Ü and € as Windows-1252 bytes (0xDC, 0x80)")
	}
	for i, c := range data {
		if c == '\n' && (i == 0 || data[i-1] != '\r') {
			t.Fatalf("bare line feed at byte %d; want CRLF", i)
		}
	}
	header, rows := readPraxis(t, data)
	if header != wantPraxisHeader {
		t.Errorf("header\n%s\nwant\n%s", header, wantPraxisHeader)
	}
	var semicolon, quote, newline bool
	for _, r := range rows {
		semicolon = semicolon || strings.Contains(r.note, ";")
		quote = quote || strings.Contains(r.note, `"`)
		newline = newline || strings.Contains(r.note, "\n")
	}
	if !semicolon || !quote || !newline {
		t.Errorf("notes with ; %v, with quotes %v, with a line break %v: want all", semicolon, quote, newline)
	}
}

func TestPraxisRowsAreConsistent(t *testing.T) {
	for name, cfg := range praxisConfigs() {
		t.Run(name, func(t *testing.T) { praxisRowsAreConsistent(t, cfg) })
	}
}

func praxisRowsAreConsistent(t *testing.T, cfg PraxisConfig) {
	data, _, st := praxisOf(t, cfg)
	_, rows := readPraxis(t, data)
	if len(rows) != st.Rows {
		t.Fatalf("%d rows decoded, stats say %d", len(rows), st.Rows)
	}
	count := map[string]int{}
	prices := map[string]map[int64]bool{"before": {}, "after": {}}
	for i, r := range rows {
		count[r.status]++
		if i > 0 && r.day < rows[i-1].day {
			t.Fatalf("row %d: %s before the previous row's day: want rows by date", i+2, r.day)
		}
		if (r.status == "geplant") != (r.day > cfg.AsOf) {
			t.Errorf("row %d: status %s on %s with as-of %s", i+2, r.status, r.day, cfg.AsOf)
		}
		if r.booked > r.day || r.status == "geplant" && (r.booked > cfg.AsOf || r.day > cfg.AsOf+visit.Day(cfg.BookAhead)) {
			t.Errorf("row %d: booked %s for %s (%s)", i+2, r.booked, r.day, r.status)
		}
		if (r.cents >= 0) != (r.status == "erschienen" || r.note == "Ausfallhonorar berechnet") {
			t.Errorf("row %d: honorar %d with status %s", i+2, r.cents, r.status)
		}
		if r.service == "KG" && r.cents > 0 {
			side := "before"
			if r.day >= cfg.PriceRise {
				side = "after"
			}
			prices[side][r.cents] = true
		}
	}
	n := float64(len(rows))
	if c := float64(count["abgesagt"]) / n; c < 0.06 || c > 0.10 {
		t.Errorf("%.1f %% cancelled, want about 8 %%", 100*c)
	}
	if c := float64(count["nicht erschienen"]) / n; c < 0.02 || c > 0.045 {
		t.Errorf("%.1f %% no-shows, want about 3 %%", 100*c)
	}
	if !prices["before"][2540] || !prices["after"][2692] || prices["after"][2540] {
		t.Errorf("statutory KG is not 25,40 before the price rise and 26,92 after")
	}
}

// TestPraxisTruthMatchesExport checks every truth line against the export: the state,
// the dropout day, the usual gap, and each code against the rows that should show it.
func TestPraxisTruthMatchesExport(t *testing.T) {
	for name, cfg := range praxisConfigs() {
		t.Run(name, func(t *testing.T) { praxisTruthMatchesExport(t, cfg) })
	}
}

func praxisTruthMatchesExport(t *testing.T, cfg PraxisConfig) {
	data, truthData, _ := praxisOf(t, cfg)
	_, rows := readPraxis(t, data)
	asOf := cfg.AsOf
	byID := map[string]history{}
	for _, r := range rows {
		byID[r.id] = append(byID[r.id], r)
	}
	truth := readCSV(t, truthData)
	if len(truth) != cfg.Patients || len(byID) != cfg.Patients {
		t.Fatalf("%d truth lines and %d patients in the export, want %d", len(truth), len(byID), cfg.Patients)
	}
	planted := map[string]int{}
	for _, tr := range truth {
		planted[tr["story"]]++
	}
	for _, code := range append(slices.Clone(storyCodes), codeCourseFinished) {
		if planted[code] < 1 {
			t.Errorf("no patient planted with %s", code)
		}
	}
	for _, tr := range truth {
		h := byID[tr["patient_id"]]
		id, state, story := tr["patient_id"], tr["state"], tr["story"]
		days := h.visitDays(asOf)
		var usual float64
		if len(days) >= 2 {
			usual = median(gaps(days))
			if want := strconv.FormatFloat(usual, 'f', -1, 64); tr["usual_gap_days"] != want {
				t.Errorf("patient %s: usual gap %s, export says %s", id, tr["usual_gap_days"], want)
			}
		}
		gap := 0.0
		if len(days) > 0 {
			gap = float64(asOf - days[len(days)-1])
		}
		var past []prow
		booked := false
		for _, r := range h {
			if r.day <= asOf {
				past = append(past, r)
			} else {
				booked = true
			}
		}
		switch state {
		case StateBooked:
			if !booked {
				t.Errorf("patient %s is booked without a geplant row", id)
			}
			continue
		case StateActive:
			if booked || len(days) < 2 || gap > 1.5*usual || gap >= 42 && gap > usual {
				t.Errorf("patient %s is active with %d days since the last visit, usual gap %g, booked %v", id, int(gap), usual, booked)
			}
			continue
		case StateCourseFinished:
			if booked || gap < 21 || !lastRunIsCourse(days, h) {
				t.Errorf("patient %s: course-finished without a finished course of six or more visits", id)
			}
		case StateDropped:
			last := past[len(past)-1].day
			if booked || tr["dropout_day"] != last.String() {
				t.Errorf("patient %s: dropped on %s, but the last row is on %s (booked %v)", id, tr["dropout_day"], last, booked)
			}
			if gap < 56 || gap < 3*usual {
				t.Errorf("patient %s: dropped, yet only %d days since the last visit (usual gap %g)", id, int(gap), usual)
			}
		default:
			t.Fatalf("patient %s: unknown state %q", id, state)
		}

		// The factual codes follow from the rows; the planted story is among the codes.
		want := map[string]bool{story: true}
		platform := true
		for _, r := range past {
			platform = platform && (r.channel == "Online-Portal" || r.channel == "Doctolib")
		}
		lastStatus := past[len(past)-1].status
		want[codePlatformOnly] = want[codePlatformOnly] || platform
		want[codeOneVisit] = want[codeOneVisit] || len(days) == 1
		want[codeLastCancelled] = want[codeLastCancelled] || lastStatus == "abgesagt"
		want[codeLastNoShow] = want[codeLastNoShow] || lastStatus == "nicht erschienen"
		want[codeReferral] = want[codeReferral] || h[0].referrer != ""
		want[codeNoContact] = want[codeNoContact] || h[0].contact == ""
		want[codeLoyalLost] = want[codeLoyalLost] || len(days) >= 20 && days[len(days)-1]-days[0] >= 365
		var wantCodes []string
		for c, on := range want {
			if on && c != "" {
				wantCodes = append(wantCodes, c)
			}
		}
		var gotCodes []string
		if tr["codes"] != "" {
			gotCodes = strings.Split(tr["codes"], "|")
		}
		sort.Strings(wantCodes)
		sort.Strings(gotCodes)
		if !slices.Equal(gotCodes, wantCodes) {
			t.Errorf("patient %s: codes %v, the export shows %v", id, gotCodes, wantCodes)
		}
		if msg := checkStory(story, h, days, past); msg != "" {
			t.Errorf("patient %s (%s): %s", id, story, msg)
		}
	}
}

// lastRunIsCourse reports whether the last visits, those without a gap over 21 days,
// are at least six of one service with a median gap of at most ten days.
func lastRunIsCourse(days []visit.Day, h history) bool {
	i := len(days) - 1
	for i > 0 && days[i]-days[i-1] <= 21 {
		i--
	}
	run := days[i:]
	services := map[string]int{}
	for _, v := range h.visits() {
		if v.day >= run[0] {
			services[v.service]++
		}
	}
	return len(run) >= 6 && slices.Max(slices.Collect(maps.Values(services))) >= 6 && median(gaps(run)) <= 10
}

// checkStory returns what is wrong with a planted story, or "".
func checkStory(story string, h history, days []visit.Day, past []prow) string {
	vs := h.visits()
	n := len(vs)
	switch story {
	case codeLastCancelled, codeLastNoShow:
		want := map[string]string{codeLastCancelled: "abgesagt", codeLastNoShow: "nicht erschienen"}[story]
		if s := past[len(past)-1].status; s != want || past[len(past)-1].day <= days[len(days)-1] {
			return "the last row is " + s + " and not after the last visit"
		}
	case codeOneVisit:
		if len(days) != 1 {
			return strconv.Itoa(len(days)) + " visit days"
		}
	case codeStaffSwitch:
		usual := mode(vs[:n-4], func(r prow) string { return r.staff })
		seen := map[string]bool{}
		for _, v := range vs[n-4:] {
			if v.staff == usual {
				return "the usual therapist " + usual + " is among the last four visits"
			}
			seen[v.staff] = true
		}
		if len(seen) < 3 {
			return "fewer than three therapists in the last four visits"
		}
	case codeSlowing:
		g := gaps(days)
		early := median(g[:len(g)-4])
		if g[len(g)-1] < 3*early || g[len(g)-1] < g[len(g)-2] || g[len(g)-2] < g[len(g)-3] {
			return "the gaps did not grow"
		}
	case codePlatformOnly:
		for _, r := range past {
			if r.channel != "Online-Portal" && r.channel != "Doctolib" {
				return "booked via " + r.channel
			}
		}
	case codePriceUp:
		var before, after float64
		for _, v := range vs[:n-3] {
			before += float64(v.cents) / float64(n-3)
		}
		for _, v := range vs[n-3:] {
			after += float64(v.cents) / 3
		}
		if after < 1.3*before {
			return "the last visits are not clearly dearer"
		}
	case codeLongWait:
		var early []float64
		for _, v := range vs[:n-3] {
			early = append(early, float64(v.day-v.booked))
		}
		for _, v := range vs[n-3:] {
			if lead := float64(v.day - v.booked); lead < 21 || lead < 3*median(early) {
				return "a short lead time among the last three visits"
			}
		}
	case codeReferral:
		if h[0].referrer == "" {
			return "no referrer"
		}
	case codeLoyalLost:
		if len(days) < 20 || days[len(days)-1]-days[0] < 365 {
			return "not a long, frequent history"
		}
	case codeManyContacts:
		last := days[len(days)-1]
		contacts := map[visit.Day]bool{}
		for _, r := range past {
			if r.day >= last-42 && (r.status == "abgesagt" || r.status == "nicht erschienen") {
				contacts[r.day] = true
			}
		}
		if len(contacts) < 3 {
			return "fewer than three cancellations or no-shows in the six weeks before the last visit"
		}
	case codeNoContact:
		if h[0].contact != "" {
			return "contact preference " + h[0].contact
		}
	}
	return ""
}

func mode(rows []prow, key func(prow) string) string {
	count := map[string]int{}
	best := ""
	for _, r := range rows {
		k := key(r)
		count[k]++
		if count[k] > count[best] || count[k] == count[best] && k < best {
			best = k
		}
	}
	return best
}

func TestMonthlyExportsShareTheirHistory(t *testing.T) {
	other := DefaultMonthlyConfig()
	other.Seed, other.Patients, other.WonBack = 5, 200, 15
	for name, cfg := range map[string]MonthlyConfig{"the shipped practice": DefaultMonthlyConfig(), "another practice": other} {
		t.Run(name, func(t *testing.T) { monthlyExportsShareTheirHistory(t, cfg) })
	}
}

func monthlyExportsShareTheirHistory(t *testing.T, cfg MonthlyConfig) {
	var may, june, won bytes.Buffer
	st, err := WriteMonthly(&may, &june, &won, cfg)
	if err != nil {
		t.Fatal(err)
	}
	_, first := readPraxis(t, may.Bytes())
	_, second := readPraxis(t, june.Bytes())
	upTo := func(rows []prow, d visit.Day) []string {
		var out []string
		for _, r := range rows {
			if r.day <= d {
				out = append(out, r.record)
			}
		}
		return out
	}
	if !slices.Equal(upTo(first, cfg.First), upTo(second, cfg.First)) {
		t.Error("the two exports differ on or before the first as-of date")
	}
	if st.Second.Rows <= st.First.Rows {
		t.Errorf("the second export has %d rows, the first %d", st.Second.Rows, st.First.Rows)
	}

	// Recompute the won-back patients from the two exports with LapseRule.
	byID := map[string]history{}
	for _, r := range first {
		byID[r.id] = append(byID[r.id], r)
	}
	returned := map[string]bool{}
	for _, r := range second {
		if r.day > cfg.First && r.day <= cfg.Second && r.status == "erschienen" {
			returned[r.id] = true
		}
	}
	var want []string
	for id, h := range byID {
		days := h.visitDays(cfg.First)
		booked := slices.ContainsFunc(h, func(r prow) bool { return r.status == "geplant" })
		if len(days) == 0 || booked || !returned[id] {
			continue
		}
		usual := 0.0
		if len(days) > 1 {
			usual = median(gaps(days))
		}
		if gap := float64(cfg.First - days[len(days)-1]); gap > 2*usual && gap > 42 {
			want = append(want, id)
		}
	}
	var got []string
	for _, w := range readCSV(t, won.Bytes()) {
		got = append(got, w["patient_id"])
	}
	sort.Strings(want)
	sort.Strings(got)
	if !slices.Equal(got, want) || len(got) != cfg.WonBack {
		t.Errorf("won back %v, the exports show %v (want %d)", got, want, cfg.WonBack)
	}
}
