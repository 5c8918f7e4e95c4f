package report

import (
	"fmt"
	"io"
	"strings"

	catalogue "github.com/winback/winback/pkg/words"
)

// summaryWriter writes the report's first screen for a terminal: the customers by status,
// the value at risk, this week's calls and the commands that write the whole report, in
// [Options.Width] (80 when unknown) and about 40 lines.
type summaryWriter struct{ opt Options }

// summaryCalls is how many calls the summary lists.
const summaryCalls = 5

func (s summaryWriter) Write(w io.Writer, r *Report) error {
	width := s.opt.Width
	if width <= 0 {
		width = 80
	}
	n := min(summaryCalls, r.NumLapsed())
	r.CompleteLapsed(n)
	wd := wordsFor(r.Lang, catalogue.Noun(r.Noun))
	c := wd.cat
	ew := &ErrWriter{w: w}
	line := func(indent, text string) {
		ew.printf("%s\n", indentLines(wrapCell(SafeText(text), width-len(indent)), indent))
	}
	line("", wd.T("report.Title"))
	sub := fmt.Sprintf(wd.T("report.Subtitle"), humanDate(r.AsOf, r.Lang))
	if len(r.Files) > 0 {
		sub += " · " + strings.Join(r.Files, ", ")
	}
	line("", sub)
	if r.Pseudonymized {
		line("", wd.T("report.Pseudonymized"))
	}
	ew.printf("\n")
	var counts []string
	for _, code := range sortedKeys(r.Summary.ByStatus, statusOrder) {
		// No-break spaces keep a count with its status, and a dot at the end of its line.
		counts = append(counts, Int(r.Summary.ByStatus[code], r.Lang)+"\u00a0"+wd.status(code))
	}
	line("", fmt.Sprintf(c.T("first.count"), Int(r.Summary.Customers, r.Lang), strings.Join(counts, "\u00a0· ")))
	if r.HasAmounts {
		line("", wd.T("report.ValueRisk")+": "+money(r.Summary.ValueAtRisk).text(r.Lang, ""))
	}
	ew.printf("\n")
	if n == 0 {
		line("", wd.T("report.NoLapsed"))
	} else {
		line("", c.T("first.calls"))
		if r.Filter != "" {
			line("", fmt.Sprintf(wd.T("report.Filtered"), r.Filter))
		}
		for i := range n {
			cu := &r.Lapsed[i]
			num := fmt.Sprintf("%2d. ", i+1)
			who := strings.Join(nonEmpty(cu.ID, cu.Name, cu.Phone), " · ")
			head := strings.Join(nonEmpty(who, wd.status(cu.Status), cu.Segment), " · ")
			if r.HasAmounts {
				head += " · " + money(cu.ValueAtRisk).text(r.Lang, "")
			}
			ew.printf("%s%s\n", num, strings.TrimPrefix(indentLines(wrapCell(SafeText(head), width-len(num)), "    "), "    "))
			line("    ", cu.Rule)
			if qs, _ := questions(cu, 1); len(qs) > 0 {
				line("    ", fmt.Sprintf(c.T("first.ask"), qs[0]))
			}
		}
	}
	ew.printf("\n")
	line("", fmt.Sprintf(c.T("first.full"), Int(r.NumLapsed(), r.Lang)))
	line("  ", "winback report -o "+c.T("first.file")+s.opt.Repeat)
	line("", c.T("first.tables"))
	line("  ", "winback report --format table"+s.opt.Repeat)
	return ew.err
}

func (summaryWriter) WriteView(io.Writer, *View) error { return errNoViewForm("summary") }

// indentLines puts indent before every line of s.
func indentLines(s, indent string) string {
	if indent == "" {
		return s
	}
	return indent + strings.ReplaceAll(s, "\n", "\n"+indent)
}
