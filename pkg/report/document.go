package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	minor "github.com/winback/winback/pkg/money"
	catalogue "github.com/winback/winback/pkg/words"
)

// A doc is a [Report] laid out in sections of facts and typed tables, in its language: what
// the table, md, html and xlsx writers all write. Cells keep their type until a writer
// formats them, as text for people or as a typed cell for Excel.
type doc struct {
	w        *words
	lang     string
	sections []*section
}

// section is one part of the report, in the order of the "Content" list.
type section struct {
	id     string // summary, since, segments, lapsed, reasons, trends, mix, model
	title  string
	about  string // what the section means, for someone who is not a data person
	facts  []fact
	tables []*table
	notes  []string
}

type fact struct {
	label string
	value value
}

// table is a titled table whose rows are made on demand, so that a sheet of 300,000
// customers does not first become 300,000 slices of cells.
type table struct {
	id    string // html id and the key the html writer hangs charts on
	sheet string // xlsx sheet the table goes to
	title string
	about string
	cols  []col
	n     int
	row   func(i int) []value
	notes []string
}

type col struct {
	title   string
	numeric bool
}

// kind is how a value is formatted.
type kind uint8

const (
	kText    kind = iota
	kInt          // a count
	kMoney        // currency units, two decimals
	kShare        // 0..1; negative: not observable
	kChange       // a relative change, shown as a signed percentage
	kDate         // yyyy-mm-dd
	kMonth        // yyyy-mm
	kDecimal      // places decimals
	kFactor       // a lift: "2.3×"; 0 is "–"
	kShown        // a view's text, formatted already; a number in a numeric column
)

// value is one typed cell.
type value struct {
	kind   kind
	s      string
	n      float64
	places int
	// lines are the parts of a multi-line text (questions); sub, when set, holds a
	// smaller second line per part (the evidence).
	lines []string
	sub   []string
	// heat is the colour level 1..8 of a heat-map cell in html, 0 for none.
	heat int
}

func txt(s string) value              { return value{kind: kText, s: s} }
func num(n int) value                 { return value{kind: kInt, n: float64(n)} }
func money(x float64) value           { return value{kind: kMoney, n: x} }
func share(x float64) value           { return value{kind: kShare, n: x} }
func change(x float64) value          { return value{kind: kChange, n: x} }
func date(iso string) value           { return value{kind: kDate, s: iso} }
func month(ym string) value           { return value{kind: kMonth, s: ym} }
func dec(x float64, places int) value { return value{kind: kDecimal, n: x, places: places} }
func factor(x float64) value          { return value{kind: kFactor, n: x} }
func lines(ls, sub []string) value    { return value{kind: kText, lines: ls, sub: sub} }
func heated(v value, level int) value { v.heat = level; return v }
func numeric(k kind) bool             { return k != kText && k != kDate && k != kMonth }
func textCol(title string) col        { return col{title: title} }
func numCol(title string) col         { return col{title: title, numeric: true} }

// missing reports a value that has nothing to show (an unobservable share, a NaN).
func (v value) missing() bool {
	switch v.kind {
	case kShare:
		return v.n < 0 || math.IsNaN(v.n) || math.IsInf(v.n, 0)
	case kInt, kMoney, kDecimal, kFactor, kChange:
		return math.IsNaN(v.n) || math.IsInf(v.n, 0)
	}
	return false
}

// text formats a value for people in a language; lines are joined with sep.
func (v value) text(lang, sep string) string {
	if v.missing() {
		return "–"
	}
	switch v.kind {
	case kInt:
		return Int(int(math.Round(v.n)), lang)
	case kMoney:
		return Money(minor.Round(v.n*100), lang)
	case kShare, kChange:
		return Percent(v.n, lang)
	case kDate:
		return humanDate(v.s, lang)
	case kMonth:
		return monthText(v.s, lang)
	case kDecimal:
		return groupedDecimal(v.n, v.places, lang)
	case kFactor:
		if v.n == 0 {
			return "–"
		}
		return Decimal(v.n, 1, lang) + "×"
	}
	if v.lines != nil {
		return strings.Join(v.lines, sep)
	}
	return v.s
}

// monthText formats a yyyy-mm month for people: "Jul 2023", "Juli 2023", "Jan. 2025"
// (the catalogue's short month names); anything else as it is.
func monthText(ym, lang string) string {
	t, err := time.Parse("2006-01", ym)
	if err != nil {
		return ym
	}
	return catalogue.For(lang).ShortMonthYear(t.Year(), t.Month())
}

// groupedDecimal formats x with places decimals and the language's thousands grouping.
func groupedDecimal(x float64, places int, lang string) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', places, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, err := strconv.Atoi(whole)
	if err != nil {
		return Decimal(x, places, lang) // beyond int: leave ungrouped
	}
	out := Int(n, lang)
	if frac != "" {
		sep := "."
		if lang == "de" {
			sep = ","
		}
		out += sep + frac
	}
	if x < 0 && strings.Trim(s, "0.") != "" {
		out = "-" + out
	}
	return out
}

// humanDate writes an ISO date as a German reader expects it (31.12.2025); English keeps
// ISO, which no reader misreads. Anything that is not a date is returned as it is.
func humanDate(iso, lang string) string {
	if lang != "de" {
		return iso
	}
	t, err := time.Parse(time.DateOnly, iso)
	if err != nil {
		return iso
	}
	return t.Format("02.01.2006")
}

// docOptions say for whom a doc is laid out.
type docOptions struct {
	// people: the formats for people (table, md, html), whose lists are capped and whose
	// customers take one cell each; otherwise a spreadsheet with everything in columns.
	people bool
	// lapsed is how many lapsed customers the people's list shows.
	lapsed int
	// compact leaves P(alive) out of the people's list, for a terminal.
	compact bool
}

// What the formats for people show at most: ids per "since last time" list, channels or
// services per table, and questions per customer.
const (
	sinceIDsShown  = 30
	mixRowsShown   = 25
	questionsShown = 3
)

func newDoc(r *Report, o docOptions) *doc {
	w := wordsFor(r.Lang, catalogue.Noun(r.Noun))
	d := &doc{w: w, lang: r.Lang}
	d.sections = append(d.sections, d.summary(r, o))
	if r.Since != nil {
		d.sections = append(d.sections, d.since(r, o))
	}
	d.sections = append(d.sections, d.outreachSections(r)...)
	d.sections = append(d.sections, d.segments(r), d.lapsed(r, o), d.followUps(r, o), d.welcome(r, o), d.reasons(r), d.trends(r), d.mix(r, o), d.model(r))
	d.sections = append(d.sections, d.reliable(r)...)
	return d
}

func staticTable(t *table, rows [][]value) *table {
	t.n = len(rows)
	t.row = func(i int) []value { return rows[i] }
	return t
}

func (d *doc) summary(r *Report, o docOptions) *section {
	w := d.w
	s := &section{id: "summary", title: w.T("report.Summary"), about: w.T("report.SummaryAbout")}
	s.facts = append(s.facts, fact{w.T("report.AsOf"), date(r.AsOf)})
	if len(r.Files) > 0 {
		s.facts = append(s.facts, fact{w.T("report.Exports"), txt(strings.Join(r.Files, ", "))})
	}
	s.facts = append(s.facts, fact{w.T("report.Customers"), num(r.Summary.Customers)})
	missing := r.Summary.ByStatus["lapsed"] + r.Summary.ByStatus["lost"]
	s.facts = append(s.facts, fact{w.T("report.Missing"), num(missing)})
	if r.HasAmounts {
		s.facts = append(s.facts, fact{w.T("report.Revenue12m"), money(r.Summary.Revenue12m)}, fact{w.T("report.ValueRisk"), money(r.Summary.ValueAtRisk)})
		s.notes = append(s.notes, w.T("report.ValueRiskAbout"))
	}
	q := r.Quality
	if o.people {
		line := fmt.Sprintf(w.T("report.QualityLine"), w.cat.Count("report.QualityRows", q.Rows), Int(q.Accepted, d.lang),
			Int(q.Rejected, d.lang), Int(q.Blank, d.lang), w.cat.Count("report.QualityDuplicates", q.Duplicates),
			humanDate(q.FirstDate, d.lang), humanDate(q.LastDate, d.lang))
		if q.RejectsOut != "" {
			line += fmt.Sprintf(w.T("report.RejectsIn"), q.RejectsOut)
		}
		if q.AfterAsOf > 0 {
			after := w.T("report.AfterAsOf.1")
			if q.AfterAsOf == 1 {
				after = w.cat.T("report.AfterAsOfOne")
			}
			line += fmt.Sprintf(after, Int(q.AfterAsOf, d.lang))
		}
		s.facts = append(s.facts, fact{w.T("report.DataQuality"), txt(line)})
	} else {
		s.facts = append(s.facts, qualityFacts(w, q)...)
	}

	t := &table{id: "status", sheet: w.T("report.SheetSummary"), cols: []col{textCol(w.T("report.Status")), numCol(w.T("report.Count")), numCol(w.T("report.Share")), textCol(w.T("report.Meaning"))}}
	var rows [][]value
	for _, code := range sortedKeys(r.Summary.ByStatus, statusOrder) {
		n := r.Summary.ByStatus[code]
		sh := math.NaN()
		if r.Summary.Customers > 0 {
			sh = float64(n) / float64(r.Summary.Customers)
		}
		meaning := ""
		if w.cat.Has("status." + code + ".meaning") {
			meaning = w.cat.T("status." + code + ".meaning")
		}
		rows = append(rows, []value{txt(w.status(code)), num(n), share(sh), txt(meaning)})
	}
	s.tables = append(s.tables, staticTable(t, rows))
	return s
}

func qualityFacts(w *words, q Quality) []fact {
	p := func(k int) string { return w.T("report.QualityParts." + strconv.Itoa(k)) }
	fs := []fact{
		{p(0), num(q.Rows)}, {p(1), num(q.Accepted)}, {p(2), num(q.Rejected)}, {p(3), num(q.Blank)},
		{p(4), num(q.Duplicates)}, {p(5), date(q.FirstDate)}, {p(6), date(q.LastDate)},
	}
	if q.RejectsOut != "" {
		fs = append(fs, fact{p(7), txt(q.RejectsOut)})
	}
	if q.AfterAsOf > 0 {
		fs = append(fs, fact{w.T("report.AfterAsOf.0"), num(q.AfterAsOf)})
	}
	return fs
}

func (d *doc) since(r *Report, o docOptions) *section {
	w, sc := d.w, r.Since
	s := &section{id: "since", title: w.T("report.Since"), about: fmt.Sprintf(w.T("report.SinceAbout"), humanDate(sc.PreviousAsOf, d.lang))}
	s.facts = []fact{
		{w.T("report.NewlyLapsed"), num(len(sc.NewlyLapsed))},
		{w.T("report.StillLapsed"), num(len(sc.StillLapsed))},
		{w.T("report.WonBack"), num(len(sc.WonBack))},
		{w.T("report.WinBackRate"), share(sc.WinBackRate)},
		{w.T("report.NewlyDue"), num(len(sc.NewlyDue))},
	}
	lists := []struct {
		label string
		ids   []string
	}{{w.T("report.WonBack"), sc.WonBack}, {w.T("report.NewlyLapsed"), sc.NewlyLapsed}, {w.T("report.NewlyDue"), sc.NewlyDue}, {w.T("report.StillLapsed"), sc.StillLapsed}}
	t := &table{id: "since-lists", sheet: w.T("report.SheetSince")}
	if o.people {
		t.cols = []col{textCol(w.T("report.Change")), numCol(w.T("report.Count")), textCol(w.T("report.Who"))}
		var rows [][]value
		for _, l := range lists {
			shownIDs := l.ids[:min(len(l.ids), sinceIDsShown)]
			who := strings.Join(shownIDs, ", ")
			if more := len(l.ids) - len(shownIDs); more > 0 {
				who += " " + fmt.Sprintf(w.T("report.AndMore"), Int(more, d.lang))
			}
			rows = append(rows, []value{txt(l.label), num(len(l.ids)), txt(who)})
		}
		s.tables = append(s.tables, staticTable(t, rows))
		return s
	}
	// A spreadsheet gets one row per customer and change, to filter on.
	t.cols = []col{textCol(w.T("report.Change")), textCol(w.T("report.Customer"))}
	var offsets []int
	total := 0
	for _, l := range lists {
		offsets = append(offsets, total)
		total += len(l.ids)
	}
	t.n = total
	t.row = func(i int) []value {
		k := sort.Search(len(offsets), func(k int) bool { return offsets[k] > i }) - 1
		return []value{txt(lists[k].label), txt(lists[k].ids[i-offsets[k]])}
	}
	s.tables = append(s.tables, t)
	return s
}

func (d *doc) segments(r *Report) *section {
	w := d.w
	s := &section{id: "segments", title: w.T("report.Segments"), about: w.T("report.SegmentsAbout")}
	cols := []col{textCol(w.T("report.Segment")), numCol(w.T("report.Count")), numCol(w.T("report.Share")), numCol(w.T("report.MedianRecency")), numCol(w.T("report.MedianVisits"))}
	if r.HasAmounts {
		cols = append(cols, numCol(w.T("report.Revenue")), numCol(w.T("report.RevenueShare")))
	}
	var rows [][]value
	for _, sr := range r.Segments.Rows {
		row := []value{txt(sr.Name), num(sr.Customers), share(sr.Share), dec(sr.MedianRecency, 0), dec(sr.MedianFrequency, 1)}
		if r.HasAmounts {
			row = append(row, money(sr.Revenue), share(sr.RevenueShare))
		}
		rows = append(rows, row)
	}
	s.tables = append(s.tables, staticTable(&table{id: "segment-table", sheet: w.T("report.SheetSegments"), cols: cols}, rows))

	// The grid with R5 on top, as the heat map draws it.
	grid := &table{id: "rf-grid", sheet: w.T("report.SheetSegments"), title: w.T("report.Grid"), cols: []col{textCol(w.T("report.GridCorner"))}}
	for f := 1; f <= 5; f++ {
		grid.cols = append(grid.cols, numCol(fmt.Sprintf("F%d", f)))
	}
	maxCount := 0
	for _, row := range r.Segments.Grid {
		maxCount = max(maxCount, slices.Max(row[:]))
	}
	rows = nil
	for rr := 5; rr >= 1; rr-- {
		row := []value{txt(fmt.Sprintf("R%d", rr))}
		for f := 1; f <= 5; f++ {
			n := r.Segments.Grid[rr-1][f-1]
			row = append(row, heated(num(n), heatLevel(float64(n), float64(maxCount))))
		}
		rows = append(rows, row)
	}
	s.tables = append(s.tables, staticTable(grid, rows))

	if len(r.Recency) > 0 {
		rec := &table{id: "recency-table", sheet: w.T("report.SheetSegments"), title: w.T("report.Recency"), about: w.T("report.RecencyAbout"),
			cols: []col{textCol(w.T("report.Days")), numCol(w.T("report.Count"))}}
		rows = nil
		for _, b := range r.Recency {
			rows = append(rows, []value{txt(b.Label), num(b.Customers)})
		}
		s.tables = append(s.tables, staticTable(rec, rows))
	}
	return s
}

// heatLevel maps x in 0..top to a colour level 1..8; 0 stays 0 (an empty cell).
func heatLevel(x, top float64) int {
	if x <= 0 || top <= 0 || math.IsNaN(x) {
		return 0
	}
	return 1 + min(7, int(x/top*8))
}

// questions returns a customer's questions to ask (and the evidence for each), at most
// limit of them (0: all).
func questions(c *Customer, limit int) (qs, evidence []string) {
	for _, re := range c.Reasons {
		if limit > 0 && len(qs) == limit {
			break
		}
		qs = append(qs, re.Question)
		evidence = append(evidence, re.Evidence)
	}
	if len(qs) == 0 && c.Questions != "" {
		qs = []string{c.Questions}
		evidence = []string{""}
	}
	return qs, evidence
}

// lapsedColumns says which optional columns a list of customers needs.
type lapsedColumns struct{ contact, pAlive, money bool }

func lapsedColumnsOf(r *Report) lapsedColumns {
	lc := lapsedColumns{money: r.HasAmounts}
	if r.src != nil {
		lc.contact, lc.pAlive = r.src.contacts, r.src.pAlive
		return lc
	}
	for i := range r.Lapsed {
		c := &r.Lapsed[i]
		if c.Name != "" || c.Phone != "" || c.Email != "" || c.ContactPreference != "" {
			lc.contact = true
		}
		if c.PAlive >= 0 {
			lc.pAlive = true
		}
	}
	return lc
}

func (d *doc) lapsed(r *Report, o docOptions) *section {
	w := d.w
	s := &section{id: "lapsed", title: w.T("report.Lapsed"), about: w.T("report.LapsedAbout")}
	lc := lapsedColumnsOf(r)
	t := &table{id: "lapsed-table", sheet: w.T("report.SheetLapsed")}
	if lc.pAlive && !(o.people && o.compact) {
		s.notes = append(s.notes, w.T("report.PAliveAbout"))
	}
	if r.NumLapsed() == 0 {
		s.notes = append([]string{w.T("report.NoLapsed")}, s.notes...)
	}
	if r.Filter != "" {
		s.notes = append([]string{fmt.Sprintf(w.T("report.Filtered"), r.Filter)}, s.notes...)
	}
	if o.people {
		// One row a customer, narrow enough for a projector: who and how to reach them,
		// where they stand and which rule says so, what is at stake, and what to ask. The
		// number of visits and the usual gap are in the rule's words and in the csv, json
		// and xlsx.
		t.cols = []col{numCol(w.T("report.Rank")), textCol(w.T("report.Customer")), textCol(w.T("report.StatusWhy")), textCol(w.T("report.LastVisit")), numCol(w.T("report.Overdue"))}
		if lc.money {
			t.cols = append(t.cols, numCol(w.T("report.ValueRisk")))
		}
		showP := lc.pAlive && !o.compact
		if showP {
			t.cols = append(t.cols, numCol(w.T("report.PAlive")))
		}
		t.cols = append(t.cols, textCol(w.T("report.Questions")))
		t.n = min(o.lapsed, len(r.Lapsed)) // the writer completed as many as it shows
		t.row = func(i int) []value {
			c := &r.Lapsed[i]
			who := nonEmpty(c.ID, c.Name, c.Phone, c.Email, c.ContactPreference)
			row := []value{num(i + 1), lines(who, nil), lines(nonEmpty(w.status(c.Status), c.Segment, c.Rule, c.Why), nil),
				date(c.LastVisit), num(c.Overdue)}
			if lc.money {
				row = append(row, money(c.ValueAtRisk))
			}
			if showP {
				row = append(row, share(c.PAlive)) // -1, no usable model: missing
			}
			qs, ev := questions(c, questionsShown)
			return append(row, lines(qs, ev))
		}
		if t.n < r.NumLapsed() {
			t.notes = append(t.notes, fmt.Sprintf(w.T("report.ShownNote"), Int(t.n, d.lang), Int(r.NumLapsed(), d.lang)))
		}
		s.tables = append(s.tables, t)
		return s
	}
	t.cols = []col{numCol(w.T("report.Rank")), textCol(w.T("report.ID"))}
	if lc.contact {
		t.cols = append(t.cols, textCol(w.T("report.Name")), textCol(w.T("report.Phone")), textCol(w.T("report.Email")), textCol(w.T("report.Preference")))
	}
	t.cols = append(t.cols, textCol(w.T("report.Segment")), textCol(w.T("report.Status")), textCol(w.T("report.LastVisit")), numCol(w.T("report.Visits")),
		numCol(w.T("report.UsualGap")), numCol(w.T("report.Overdue")))
	if lc.money {
		t.cols = append(t.cols, numCol(w.T("report.ValueRisk")))
	}
	if lc.pAlive {
		t.cols = append(t.cols, numCol(w.T("report.PAlive")))
	}
	t.cols = append(t.cols, textCol(w.T("report.WhyLapsed")), textCol(w.cat.T("report.Why")), textCol(w.T("report.Questions")))
	t.n = r.NumLapsed()
	t.row = func(i int) []value {
		c := r.lapsedAt(i, new(Customer), nil) // filled in row by row, not kept
		row := make([]value, 0, len(t.cols))
		row = append(row, num(i+1), txt(c.ID))
		if lc.contact {
			row = append(row, txt(c.Name), txt(c.Phone), txt(c.Email), txt(c.ContactPreference))
		}
		row = append(row, txt(c.Segment), txt(w.status(c.Status)), date(c.LastVisit), num(c.Visits),
			dec(c.UsualGap, 0), num(c.Overdue))
		if lc.money {
			row = append(row, money(c.ValueAtRisk))
		}
		if lc.pAlive {
			row = append(row, share(c.PAlive))
		}
		qs, _ := questions(c, 0) // all of them, not the top ones of c.Questions
		return append(row, txt(c.Rule), txt(c.Why), lines(qs, nil))
	}
	s.tables = append(s.tables, t)
	return s
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

func (d *doc) reasons(r *Report) *section {
	w := d.w
	s := &section{id: "reasons", title: w.T("report.Reasons"), about: w.T("report.ReasonsAbout")}
	t := &table{id: "lift-table", sheet: w.T("report.SheetReasons"), cols: []col{textCol(w.T("report.Hint")), numCol(w.T("report.LapsedCount")),
		numCol(w.T("report.LapsedShare")), numCol(w.T("report.ActiveCount")), numCol(w.T("report.ActiveShare")), numCol(w.T("report.Lift"))}}
	var rows [][]value
	for _, l := range r.Lift {
		rows = append(rows, []value{txt(cmp.Or(l.Label, l.Code)), num(l.Lapsed), share(l.LapsedShare), num(l.Active), share(l.ActiveShare), factor(l.Lift)})
	}
	s.tables = append(s.tables, staticTable(t, rows))
	if len(r.Unavailable) > 0 {
		u := &table{id: "unavailable", sheet: w.T("report.SheetReasons"), title: w.T("report.Unavailable"), about: w.T("report.UnavailableAbout"), cols: []col{textCol(w.T("report.Hint"))}}
		rows = nil
		for _, x := range r.Unavailable {
			rows = append(rows, []value{txt(x)})
		}
		s.tables = append(s.tables, staticTable(u, rows))
	}
	return s
}

func (d *doc) trends(r *Report) *section {
	w := d.w
	s := &section{id: "trends", title: w.T("report.Trends"), about: w.T("report.TrendsAbout")}
	t := &table{id: "trend-table", sheet: w.T("report.SheetTrend"), cols: []col{textCol(w.T("report.Month")), numCol(w.T("report.Active")), numCol(w.T("report.New")),
		numCol(w.T("report.BecameLapsed")), numCol(w.T("report.Returned"))}}
	var rows [][]value
	for _, m := range r.Trends {
		rows = append(rows, []value{month(m.Month), num(m.Active), num(m.New), num(m.Lapsed), num(m.Returned)})
	}
	s.tables = append(s.tables, staticTable(t, rows))

	c := &table{id: "cohort-heatmap", sheet: w.T("report.SheetCohorts"), title: w.T("report.Cohorts"), about: w.T("report.CohortsAbout"),
		cols: []col{textCol(w.T("report.FirstVisit")), numCol(w.T("report.Count"))}}
	after := cohortColumns(r.Cohorts)
	for _, a := range after {
		c.cols = append(c.cols, numCol(w.after(a)))
	}
	rows = nil
	for _, co := range r.Cohorts {
		row := []value{txt(co.Cohort), num(co.Customers)}
		for _, a := range after {
			v := share(-1)
			if k := slices.Index(co.After, a); k >= 0 && k < len(co.Retained) {
				v = share(co.Retained[k])
			}
			if !v.missing() {
				v = heated(v, heatLevel(v.n, 1))
			}
			row = append(row, v)
		}
		rows = append(rows, row)
	}
	s.tables = append(s.tables, staticTable(c, rows))
	return s
}

// cohortColumns is the union of the cohorts' "after" months, ascending.
func cohortColumns(cs []CohortRow) []int {
	var after []int
	for _, c := range cs {
		after = append(after, c.After...)
	}
	slices.Sort(after)
	return slices.Compact(after)
}

func (d *doc) mix(r *Report, o docOptions) *section {
	w := d.w
	s := &section{id: "mix", title: w.T("report.Mix"), about: w.T("report.MixAbout")}
	for _, k := range []struct{ kind, title, name string }{{"channel", w.T("report.Channels"), w.T("report.Channel")}, {"service", w.T("report.Services"), w.T("report.Service")}} {
		var rows [][]value
		total := 0
		for _, m := range r.Mix {
			if m.Kind != k.kind {
				continue
			}
			total++
			if o.people && len(rows) == mixRowsShown {
				continue
			}
			rows = append(rows, []value{txt(m.Name), num(m.Active), share(m.ActiveShare), num(m.Lapsed), share(m.LapsedShare)})
		}
		if total == 0 {
			continue
		}
		t := &table{id: k.kind + "-mix", sheet: w.T("report.SheetMix"), title: k.title, cols: []col{textCol(k.name),
			numCol(w.T("report.ActiveCount")), numCol(w.T("report.ActiveShare")), numCol(w.T("report.LapsedCount")), numCol(w.T("report.LapsedShare"))}}
		if len(rows) < total {
			t.notes = append(t.notes, fmt.Sprintf(w.T("report.MixCapped"), Int(len(rows), d.lang), Int(total, d.lang)))
		}
		s.tables = append(s.tables, staticTable(t, rows))
	}
	return s
}

func (d *doc) model(r *Report) *section {
	w, m := d.w, r.Model
	s := &section{id: "model", title: w.T("report.Model"), about: w.T("report.ModelAbout")}
	s.facts = append(s.facts, fact{w.T("report.ModelName"), txt(cmp.Or(m.Model, w.T("report.ModelNone")))})
	if m.Note != "" {
		s.facts = append(s.facts, fact{w.T("report.Note"), txt(m.Note)})
	}
	t := &table{id: "decided-table", sheet: w.T("report.SheetModel"), cols: []col{textCol(w.T("report.Rule")), numCol(w.T("report.Count"))}}
	var rows [][]value
	for _, code := range sortedKeys(m.Decided, ruleOrder) {
		rows = append(rows, []value{txt(w.rule(code)), num(m.Decided[code])})
	}
	s.tables = append(s.tables, staticTable(t, rows))
	if len(m.Params) > 0 {
		p := &table{id: "params-table", sheet: w.T("report.SheetModel"), title: w.T("report.Params"), cols: []col{textCol(w.T("report.Parameter")), numCol(w.T("report.Value"))}}
		rows = nil
		for _, k := range sortedKeys(m.Params, nil) {
			rows = append(rows, []value{txt(k), dec(m.Params[k], 4)})
		}
		s.tables = append(s.tables, staticTable(p, rows))
	}
	if bt := m.Backtest; bt != nil {
		b := &table{id: "backtest-table", sheet: w.T("report.SheetModel"), title: w.T("report.Backtest"),
			about: fmt.Sprintf(w.T("report.BacktestAbout"), humanDate(bt.CalibrationEnd, d.lang), humanDate(bt.HoldoutEnd, d.lang)),
			cols:  []col{textCol(w.T("report.CalVisits")), numCol(w.T("report.Count")), numCol(w.T("report.ActualMean")), numCol(w.T("report.PredictedMean"))}}
		rows = nil
		for _, bin := range bt.Bins {
			rows = append(rows, []value{txt(bin.Frequency), num(bin.Customers), dec(bin.Actual, 2), dec(bin.Predicted, 2)})
		}
		b.notes = append(b.notes, fmt.Sprintf("%s: %s · %s: %s · %s: %s",
			w.T("report.ActualTotal"), dec(bt.Actual, 0).text(d.lang, ""), w.T("report.PredictedTotal"), dec(bt.Predicted, 0).text(d.lang, ""),
			w.T("report.RelErr"), change(bt.Error).text(d.lang, "")))
		s.tables = append(s.tables, staticTable(b, rows))
	}
	return s
}

// sortedKeys returns m's keys: first those in order that m has, then the rest sorted.
func sortedKeys[V any](m map[string]V, order []string) []string {
	var keys []string
	for _, k := range order {
		if _, ok := m[k]; ok {
			keys = append(keys, k)
		}
	}
	var rest []string
	for k := range m {
		if !slices.Contains(order, k) {
			rest = append(rest, k)
		}
	}
	slices.Sort(rest)
	return append(keys, rest...)
}
