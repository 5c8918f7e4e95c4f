package report

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/calls"
	catalogue "github.com/winback/winback/pkg/words"
)

// CallListOptions say what the call list holds.
type CallListOptions struct {
	Lang string
	Noun catalogue.Noun
	// FollowUps and Welcome add the follow-up and the welcome calls after the win-back
	// calls.
	FollowUps, Welcome bool
}

// CallList is the working call list of --contacts (CALLLIST.md): per customer to call the
// group, rank within the group, contact details, last visit, status, why they rank there
// and the questions to ask, and the empty columns the practice fills in on the call. It
// leaves out those who do not want to be contacted.
type CallList struct {
	cat  *catalogue.Catalogue
	rows [][]string // cells in the order of catalogue.CallListColumns, the winback part
	// Skipped is how many were left out because they do not want to be contacted; Left
	// how many the answers of earlier calls keep off ([analysis.Result.Held]).
	Skipped, Left int
	// ByGroup counts the rows of each group.
	ByGroup map[calls.Group]int
}

// Len is the number of customers on the list.
func (l *CallList) Len() int { return len(l.rows) }

// NewCallList makes the call list of r.
func NewCallList(r *analysis.Result, o CallListOptions) (*CallList, error) {
	if r.Set.ContactsWithheld {
		return nil, errors.New("the export was read without contact details (a bug: the command did not ask for them)")
	}
	cat := catalogue.ForNoun(o.Lang, o.Noun)
	l := &CallList{cat: cat, ByGroup: map[calls.Group]int{}}
	plan := r.Calls()
	groups := [][]calls.Call{plan.WinBack()}
	if o.FollowUps {
		groups = append(groups, plan.FollowUps())
	}
	if o.Welcome {
		groups = append(groups, plan.Welcome())
	}
	for _, g := range groups {
		rank := 0
		for k := range g {
			c := &g[k]
			h := &r.Set.Customers[c.Index]
			switch {
			case !r.Selected(c.Index): // another branch's, therapist's or service's
				continue
			case !analysis.ContactAllowed(h.Details().Preference):
				l.Skipped++
				continue
			case r.Held(c.Index):
				l.Left++
				continue
			}
			rank++
			l.ByGroup[c.Group]++
			l.rows = append(l.rows, l.row(r, c, rank))
		}
	}
	return l, nil
}

// row is the winback part of one customer's line.
func (l *CallList) row(r *analysis.Result, c *calls.Call, rank int) []string {
	cat := l.cat
	h := &r.Set.Customers[c.Index]
	v := &r.Verdicts[c.Index]
	last := v.LastVisit.String()
	if cat.German() {
		last = v.LastVisit.German()
	}
	var why, qs string
	switch c.Group {
	case calls.WinBack:
		why = cat.WinBackWhy(c, r.Set.Columns.Amount)
		qs = topReasons(cat, r.Findings[c.Index], 2, true)
		if qs == "" {
			qs = cat.T("calls.question.general")
		}
	case calls.FollowUp:
		why, qs = cat.FollowUpWhy(v), cat.T("calls.question.follow-up")
	case calls.Welcome:
		why, qs = cat.WelcomeWhy(c.Away, firstChannel(r, c.Index)), cat.T("calls.question.welcome")
	}
	ct := h.Details()
	return []string{strconv.Itoa(rank), cat.GroupWord(c.Group), h.Key, ct.Name, ct.Phone, ct.Email, ct.Preference,
		last, cat.Code("status.", v.Status.String()), why, qs}
}

// firstChannel is the channel of customer i's first visit.
func firstChannel(r *analysis.Result, i int) string {
	for _, e := range r.Set.Customers[i].Events() {
		if e.IsVisit(r.AsOf) {
			return r.Set.Channels.Name(e.Channel)
		}
	}
	return ""
}

// header is the list's header row in its language.
func (l *CallList) header() []string {
	cols := catalogue.CallListColumns()
	out := make([]string, len(cols))
	for i, c := range cols {
		out[i] = c.In(l.cat)
	}
	return out
}

// CallListFormat returns the format of a call list written to path: "csv" or "xlsx", by
// its extension.
func CallListFormat(path string) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".csv":
		return "csv", nil
	case ".xlsx":
		return "xlsx", nil
	}
	return "", fmt.Errorf("call list %s: name it .csv or .xlsx", path)
}

// Write writes the list in format ("csv" or "xlsx").
func (l *CallList) Write(w io.Writer, format string) error {
	if format == "xlsx" {
		return l.writeXLSX(w)
	}
	return l.writeCSV(w)
}

// writeCSV writes the list as CSV, in German with ";" and a BOM so that Excel opens it in
// columns with the umlauts intact; cells are formula-safe ([Neutralise]).
func (l *CallList) writeCSV(w io.Writer) error {
	german := l.cat.German()
	if german {
		if _, err := io.WriteString(w, "\uFEFF"); err != nil {
			return err
		}
	}
	cw := NewSafeCSV(w, german).DecimalColumns([]string{}...)
	header := l.header()
	if err := cw.Write(header); err != nil {
		return err
	}
	line := make([]string, len(header))
	for _, row := range l.rows {
		clear(line)
		copy(line, row)
		if err := cw.Write(line); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// callListRows is how many rows of the xlsx list get the drop-downs beyond the customers
// listed, for customers the practice adds by hand.
const callListRows = 200

// writeXLSX writes the list as a workbook of one sheet, with drop-downs for "Reached" and
// "What they said" (the answer categories) in the language of the list.
func (l *CallList) writeXLSX(w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	sheet := l.cat.T("report.CallListSheet")
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DCE6F1"}}})
	if err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	cols, header := catalogue.CallListColumns(), l.header()
	if err := f.SetSheetRow(sheet, "A1", &header); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(cols), 1)
	if err := f.SetCellStyle(sheet, "A1", last, bold); err != nil {
		return err
	}
	for i, row := range l.rows {
		for j, c := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+2)
			if j == 0 {
				n, _ := strconv.Atoi(c)
				err = f.SetCellInt(sheet, cell, int64(n))
			} else {
				err = f.SetCellStr(sheet, cell, c) // text, never a formula
			}
			if err != nil {
				return err
			}
		}
	}
	end := len(l.rows) + 1 + callListRows
	for j, c := range cols {
		col, _ := excelize.ColumnNumberToName(j + 1)
		width := 14.0
		switch c.Code {
		case "why", "questions", "note":
			width = 50
			if err := f.SetColStyle(sheet, col, wrap); err != nil {
				return err
			}
		case "answer":
			width = 24
		}
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
		var list []catalogue.Term
		switch c.Code {
		case "reached":
			list = catalogue.ReachedValues()
		case "answer":
			list = catalogue.AnswerCategories()
		default:
			continue
		}
		words := make([]string, len(list))
		for k, t := range list {
			words[k] = t.In(l.cat)
		}
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", col, col, end)
		if err := dv.SetDropList(words); err != nil {
			return err
		}
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	return writeSorted(w, f)
}
