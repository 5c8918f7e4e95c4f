package report

// The report's sections of the follow-up and welcome calls, and the platform
// first-timers' table (see package calls).

import "fmt"

// callsTable is a table of follow-up or welcome calls: rank, who, last visit, status,
// why they are on the list and what to ask. The people's formats list the first
// o.lapsed.
func (d *doc) callsTable(id, sheet string, cs []Customer, o docOptions) *table {
	w := d.w
	t := &table{id: id, sheet: sheet, cols: []col{numCol(w.T("report.Rank")), textCol(w.T("report.Customer")), textCol(w.T("report.LastVisit")),
		textCol(w.T("report.Status")), textCol(w.cat.T("report.Why")), textCol(w.T("report.Questions"))}}
	t.n = len(cs)
	if o.people && o.lapsed >= 0 && t.n > o.lapsed {
		t.n = o.lapsed
		t.notes = append(t.notes, fmt.Sprintf(w.T("report.ShownNote"), Int(t.n, d.lang), Int(len(cs), d.lang)))
	}
	t.row = func(i int) []value {
		c := &cs[i]
		who := nonEmpty(c.ID, c.Name, c.Phone, c.Email, c.ContactPreference)
		return []value{num(i + 1), lines(who, nil), date(c.LastVisit), txt(w.status(c.Status)), txt(c.Why), txt(c.Questions)}
	}
	return t
}

// followUps is the section of the customers whose course of treatment ended.
func (d *doc) followUps(r *Report, o docOptions) *section {
	w := d.w
	s := &section{id: "follow-ups", title: w.cat.T("report.FollowUps"), about: w.cat.T("report.FollowUpsAbout")}
	if len(r.FollowUps) == 0 {
		s.notes = append(s.notes, w.cat.T("report.NoFollowUps"))
		return s
	}
	s.tables = append(s.tables, d.callsTable("follow-ups-table", w.cat.T("report.SheetFollowUps"), r.FollowUps, o))
	return s
}

// welcome is the section of the welcome calls and what became of platform first-timers.
func (d *doc) welcome(r *Report, o docOptions) *section {
	w := d.w
	s := &section{id: "welcome", title: w.cat.T("report.Welcome"), about: w.cat.T("report.WelcomeAbout")}
	sheet := w.cat.T("report.SheetWelcome")
	if len(r.Welcome) == 0 {
		s.notes = append(s.notes, w.cat.T("report.NoWelcome"))
	} else {
		s.tables = append(s.tables, d.callsTable("welcome-table", sheet, r.Welcome, o))
	}
	if len(r.FirstTimers) == 0 {
		return s
	}
	t := &table{id: "first-timers", sheet: sheet, title: w.cat.T("report.FirstTimers"), about: w.cat.T("report.FirstTimersAbout"),
		cols: []col{textCol(w.cat.T("report.FirstVisitMonth")), numCol(w.cat.T("report.FirstTimersCount")),
			numCol(w.cat.T("report.SecondDirect")), numCol(w.cat.T("report.SecondPlatform")), numCol(w.cat.T("report.SecondNone"))}}
	rows := make([][]value, len(r.FirstTimers))
	for i, m := range r.FirstTimers {
		rows[i] = []value{month(m.Month), num(m.FirstTimers), num(m.Direct), num(m.Platform), num(m.NoneYet)}
	}
	s.tables = append(s.tables, staticTable(t, rows))
	return s
}
