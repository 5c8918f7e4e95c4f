// Package outcome reads the call lists the practice filled in (see CALLLIST.md): who was
// called when, whether they were reached, what they said, whether they booked again or
// want no more calls. It reads CSV (either separator and encoding Excel saves) and XLSX
// with headers in either language; every row is used, counted as not called, or rejected
// with its file, line and reason.
package outcome

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// Outcome is what one call brought. Dates are ISO yyyy-mm-dd. These fields are all that
// a state file keeps of a filled call list: no names, phones or notes.
type Outcome struct {
	// ID is the id column as written: a customer id, or a pseudonym when the list was
	// pseudonymised (the caller maps it back, see [Result.Match]).
	ID       string `json:"id"`
	CalledOn string `json:"called_on,omitempty"`
	// Reached is yes, no, message or empty.
	Reached string `json:"reached,omitempty"`
	// Answer is an answer category code (words.AnswerCategories) or empty.
	Answer       string `json:"answer,omitempty"`
	RebookedOn   string `json:"rebooked_on,omitempty"`
	DoNotContact bool   `json:"do_not_contact,omitempty"`
	// Where the row came from, for messages; not kept.
	File string `json:"-"`
	Line int    `json:"-"`
}

// Never says the customer must not appear on a list again: they asked for no more calls,
// moved away or died.
func (o *Outcome) Never() bool {
	return o.DoNotContact || o.Answer == "moved-away" || o.Answer == "deceased"
}

// Reject is a row that could not be used: Code names the reason, a text of the catalogue
// (package words, key "outcome." and the code) that Args fill.
type Reject struct {
	File string
	Line int
	Code string
	Args []any
}

// Reason says in c's language why the row was not used.
func (r Reject) Reason(c *words.Catalogue) string { return c.F("outcome."+r.Code, r.Args...) }

// In says in c's language where the row is and why it was not used.
func (r Reject) In(c *words.Catalogue) string {
	return fmt.Sprintf("%s:%d: %s", r.File, r.Line, r.Reason(c))
}

// String says it in English.
func (r Reject) String() string { return r.In(words.For("en")) }

// Result is what one or more files held: rows = len(Outcomes) + NotCalled + len(Rejects).
type Result struct {
	Outcomes []Outcome
	// NotCalled counts the rows the practice filled nothing in.
	NotCalled int
	Rejects   []Reject
	Rows      int
}

// Read reads one filled call list; name is used in messages and, by its extension or its
// content, tells xlsx from csv. It returns an error only when the file cannot be read at
// all; a file that is not a call list is one reject.
func Read(name string, r io.Reader) (*Result, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) || strings.EqualFold(filepath.Ext(name), ".xlsx") {
		rows, err := xlsxRows(b)
		if err != nil {
			return &Result{Rows: 1, Rejects: []Reject{{name, 1, "not-xlsx", []any{err.Error()}}}}, nil
		}
		lines := make([]int, len(rows))
		for i := range rows {
			lines[i] = i + 1
		}
		return parse(name, rows, lines), nil
	}
	rows, lines, bad := csvRows(name, b)
	res := parse(name, rows, lines)
	res.Rejects = append(bad, res.Rejects...)
	res.Rows += len(bad)
	slices.SortStableFunc(res.Rejects, func(a, b Reject) int { return a.Line - b.Line })
	return res, nil
}

// Add adds another file's result.
func (r *Result) Add(o *Result) {
	r.Outcomes = append(r.Outcomes, o.Outcomes...)
	r.Rejects = append(r.Rejects, o.Rejects...)
	r.NotCalled += o.NotCalled
	r.Rows += o.Rows
}

// norm makes a header or value comparable: lower case, no spaces, no BOM.
func norm(s string) string {
	s = strings.TrimPrefix(strings.TrimSpace(s), "\ufeff")
	return strings.ToLower(strings.Join(strings.Fields(s), ""))
}

// headers maps each normalised header, in either language and for every noun, to its key.
func headers() map[string]string {
	m := map[string]string{"id": "id", "kennung": "id", "pseudonym": "id"}
	for _, c := range words.CallListColumns() {
		m[norm(c.Code)] = c.Code
		for _, lang := range []string{"en", "de"} {
			for _, n := range words.Nouns() {
				m[norm(c.In(words.ForNoun(lang, n)))] = c.Code
			}
		}
	}
	return m
}

// practice are the columns the practice fills in.
var practice = []string{"called_on", "reached", "answer", "rebooked_on", "do_not_contact", "note"}

// parse reads the rows: the first non-empty one is the header.
func parse(name string, rows [][]string, lines []int) *Result {
	res := &Result{}
	h := 0
	for h < len(rows) && blankRow(rows[h]) {
		h++
	}
	if h == len(rows) {
		return res
	}
	known := headers()
	col := map[string]int{}
	for j, v := range rows[h] {
		if k, ok := known[norm(v)]; ok {
			if _, dup := col[k]; !dup {
				col[k] = j
			}
		}
	}
	if _, ok := col["id"]; !ok {
		return notAList(name, lines[h], "no-id-column", rows[h+1:])
	}
	if _, ok := col["called_on"]; !ok {
		return notAList(name, lines[h], "no-called-column", rows[h+1:])
	}
	for k := h + 1; k < len(rows); k++ {
		row := rows[k]
		if blankRow(row) {
			continue
		}
		res.Rows++
		get := func(key string) string {
			j, ok := col[key]
			if !ok || j >= len(row) {
				return ""
			}
			return strings.TrimSpace(row[j])
		}
		o, code, args, filled := parseRow(get)
		switch {
		case code != "":
			res.Rejects = append(res.Rejects, Reject{name, lines[k], code, args})
		case !filled:
			res.NotCalled++
		default:
			o.File, o.Line = name, lines[k]
			res.Outcomes = append(res.Outcomes, o)
		}
	}
	return res
}

// notAList is the result of a file without the columns of a call list: one reject for
// the whole file, which names how many rows it left unread.
func notAList(name string, line int, code string, rest [][]string) *Result {
	n := 0
	for _, r := range rest {
		if !blankRow(r) {
			n++
		}
	}
	return &Result{Rows: 1, Rejects: []Reject{{name, line, code, []any{n}}}}
}

func blankRow(r []string) bool {
	return !slices.ContainsFunc(r, func(v string) bool { return strings.TrimSpace(v) != "" })
}

// parseRow reads one row: the outcome, or the code and arguments of why it cannot be
// used; filled is false when the practice filled in nothing.
func parseRow(get func(string) string) (o Outcome, code string, args []any, filled bool) {
	if !slices.ContainsFunc(practice, func(k string) bool { return get(k) != "" }) {
		return o, "", nil, false
	}
	o.ID = get("id")
	if o.ID == "" {
		return o, "no-id", nil, true
	}
	var err error
	if o.CalledOn, err = date(get("called_on")); err != nil {
		return o, "bad-called-on", []any{get("called_on")}, true
	}
	if o.RebookedOn, err = date(get("rebooked_on")); err != nil {
		return o, "bad-rebooked-on", []any{get("rebooked_on")}, true
	}
	var ok bool
	if o.Reached, ok = term(get("reached"), words.ReachedValues()); !ok {
		return o, "bad-reached", []any{get("reached")}, true
	}
	if o.Answer, ok = term(get("answer"), words.AnswerCategories()); !ok {
		return o, "bad-answer", []any{get("answer")}, true
	}
	if o.DoNotContact, ok = yes(get("do_not_contact")); !ok {
		return o, "bad-do-not-contact", []any{get("do_not_contact")}, true
	}
	if o.CalledOn == "" && !o.Never() {
		return o, "no-called-on", nil, true
	}
	return o, "", nil, true
}

// term finds v among ts by code or either language's words (each part of "a / b" too).
func term(v string, ts []words.Term) (string, bool) {
	if v == "" {
		return "", true
	}
	n := norm(v)
	for _, t := range ts {
		for _, w := range []string{t.Code, t.EN, t.DE} {
			if norm(w) == n {
				return t.Code, true
			}
			for part := range strings.SplitSeq(w, "/") {
				if norm(part) == n {
					return t.Code, true
				}
			}
		}
	}
	return "", false
}

// yes reads the do-not-contact mark.
func yes(v string) (bool, bool) {
	switch norm(v) {
	case "", "no", "nein", "0", "false", "falsch", "-":
		return false, true
	case "x", "yes", "ja", "1", "true", "wahr", "✓", "✔":
		return true, true
	}
	return false, false
}

// date reads a date as the list writes it (2025-05-31 or 31.05.2025), as people type it
// (31.5.25, 31/05/2025) or as an Excel date number; "" for an empty cell.
func date(v string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", nil
	}
	// A date cell read raw, or a date and time.
	if f, err := strconv.ParseFloat(strings.Replace(v, ",", ".", 1), 64); err == nil {
		if f >= 20000 && f < 80000 {
			return (visit.DayOf(1899, 12, 30) + visit.Day(int(f))).String(), nil
		}
		return "", fmt.Errorf("not a date: write it as 31.05.2025 or 2025-05-31")
	}
	if i := strings.IndexAny(v, " T"); i > 0 {
		v = v[:i]
	}
	seps := []string{"-", ".", "/"}
	s := slices.IndexFunc(seps, func(sep string) bool { return strings.Count(v, sep) == 2 })
	if s < 0 {
		return "", fmt.Errorf("not a date: write it as 31.05.2025 or 2025-05-31")
	}
	parts := strings.Split(strings.TrimSuffix(v, seps[s]), seps[s])
	if len(parts) != 3 {
		return "", fmt.Errorf("not a date: write it as 31.05.2025 or 2025-05-31")
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return "", fmt.Errorf("not a date: write it as 31.05.2025 or 2025-05-31")
		}
		nums[i] = n
	}
	var y, m, d int
	if len(parts[0]) == 4 {
		y, m, d = nums[0], nums[1], nums[2]
	} else {
		d, m, y = nums[0], nums[1], nums[2]
		if len(parts[2]) == 2 {
			y += 2000
		}
	}
	if y < 1990 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return "", fmt.Errorf("not a date: write it as 31.05.2025 or 2025-05-31")
	}
	day := visit.DayOf(y, m, d)
	if ry, rm, rd := day.Date(); ry != y || rm != m || rd != d {
		return "", fmt.Errorf("no such day")
	}
	return day.String(), nil
}
