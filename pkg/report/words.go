package report

import "fmt"

// words are the texts of a report in one language. Values from the data never go through
// them: they hold headings, labels and explanations for someone who is not a data person.
type words struct {
	Title, Subtitle             string // Subtitle takes the as-of date
	Pseudonymized, PersonalData string
	Footer                      string
	ShowNumbers                 string
	None                        string

	// Summary.
	Summary, SummaryAbout                           string
	AsOf, Exports, Customers, Revenue12m, ValueRisk string
	Missing                                         string
	ValueRiskAbout                                  string
	DataQuality, QualityLine, RejectsIn             string
	Status, Share, Meaning, Count                   string
	QualityParts                                    [8]string
	// AfterAsOf labels the appointments after the as-of date left out: a fact's label
	// and the clause added to the quality line.
	AfterAsOf [2]string

	// Since last time.
	Since, SinceAbout                              string
	NewlyLapsed, StillLapsed, WonBack, WinBackRate string
	NewlyDue, Change, Who, AndMore                 string

	// Segments.
	Segments, SegmentsAbout, Grid, GridCorner     string
	Segment, MedianRecency, MedianVisits, Revenue string
	RevenueShare, AxisF, AxisR                    string
	Recency, RecencyAbout, Days                   string

	// Lapsed.
	Lapsed, LapsedAbout, Rank, Customer             string
	LastVisit, Visits, UsualGap, Overdue, PAlive    string
	WhyLapsed, Questions, ShownNote, NoLapsed       string
	StatusWhy                                       string
	PAliveAbout, ID, Name, Phone, Email, Preference string

	// Reasons.
	Reasons, ReasonsAbout, Hint, LapsedCount    string
	LapsedShare, ActiveCount, ActiveShare, Lift string
	Unavailable, UnavailableAbout               string

	// Trends and cohorts.
	Trends, TrendsAbout, Month, Active, New string
	BecameLapsed, Returned                  string
	Cohorts, CohortsAbout, FirstVisit       string
	AfterMonth, AfterMonths                 string

	// Channels and services.
	Mix, MixAbout, Channels, Services, Channel, Service string
	MixCapped                                           string

	// Model.
	Model, ModelAbout, Rule, ModelName, ModelNone      string
	Note, Params, Parameter, Value                     string
	Backtest, BacktestAbout, CalVisits, ActualMean     string
	PredictedMean, ActualTotal, PredictedTotal, RelErr string

	// Sheet names of the xlsx (at most 31 characters, none of []:*?/\).
	SheetSummary, SheetSince, SheetLapsed, SheetSegments string
	SheetReasons, SheetTrend, SheetCohorts, SheetMix     string
	SheetModel                                           string
	Item                                                 string

	statuses map[string][2]string // code → label, meaning
	rules    map[string]string
}

// statusOrder is the order statuses are listed in, from most to least engaged.
var statusOrder = []string{"booked", "active", "due", "follow-up", "lapsed", "lost"}

// ruleOrder is the order the lapse rules are tried in.
var ruleOrder = []string{"booked", "course", "own-rhythm", "recall", "model", "population", "no-visit"}

var english = words{
	Title:         "Customers who stopped coming",
	Subtitle:      "winback report as of %s",
	Pseudonymized: "Names hidden: pseudonyms",
	PersonalData:  "Contains names and contact details: do not share or project",
	Footer:        "Written by winback (report schema v%d).",
	ShowNumbers:   "Show the numbers",
	None:          "none",

	Summary:        "Summary",
	SummaryAbout:   "Where your customers stand on the report date. “Lapsed” means past the point where they would normally have come back, judged by each customer's own rhythm where possible.",
	AsOf:           "As of",
	Exports:        "Exports",
	Customers:      "Customers",
	Missing:        "Lapsed or lost",
	Revenue12m:     "Revenue, last 12 months",
	ValueRisk:      "Value at risk",
	ValueRiskAbout: "Value at risk: what the lapsed and lost customers would be expected to spend in a year if they came back.",
	DataQuality:    "Data quality",
	QualityLine:    "%s rows read, %s used, %s rejected, %s blank, %s duplicates; visits from %s to %s",
	RejectsIn:      "; rejected rows in %s",
	QualityParts:   [8]string{"Rows read", "Rows used", "Rows rejected", "Blank rows", "Duplicate rows", "First visit date", "Last visit date", "Rejected rows file"},
	AfterAsOf:      [2]string{"Appointments after the as-of date, left out", "; %s appointments after the as-of date left out (not booked by then)"},
	Status:         "Status",
	Share:          "Share",
	Meaning:        "Meaning",
	Count:          "Customers",

	Since:       "Since last time",
	SinceAbout:  "Compared with the report as of %s. Won back: lapsed last time and have visited since. The win-back rate is won back ÷ lapsed last time.",
	NewlyLapsed: "Newly lapsed",
	StillLapsed: "Still lapsed",
	WonBack:     "Won back",
	WinBackRate: "Win-back rate",
	NewlyDue:    "Newly due",
	Change:      "Change",
	Who:         "Who",
	AndMore:     "… and %s more",

	Segments:      "Segments",
	SegmentsAbout: "Each customer gets two scores from 1 to 5, relative to all your customers: R for how recently they came (5 = most recently) and F for how often (5 = most often). The grid counts the customers in each cell; the segments name regions of it.",
	Grid:          "R×F grid: customers per cell",
	GridCorner:    "R \\ F",
	Segment:       "Segment",
	MedianRecency: "Median days since last visit",
	MedianVisits:  "Median visits",
	Revenue:       "Revenue",
	RevenueShare:  "Share of revenue",
	AxisF:         "F: how often (5 = most often)",
	AxisR:         "R: how recently (5 = most recently)",
	Recency:       "Days since the last visit",
	RecencyAbout:  "How many customers last came how long ago.",
	Days:          "Days",

	Lapsed:      "Lapsed customers: whom to call",
	LapsedAbout: "Lapsed and lost customers, the most valuable first. The questions come from hints in each visit history: they are things to ask about, not the reason the customer left. Only the customer knows that.",
	Rank:        "#",
	Customer:    "Customer",
	LastVisit:   "Last visit",
	Visits:      "Visits",
	UsualGap:    "Usual gap (days)",
	Overdue:     "Days overdue",
	PAlive:      "P(alive)",
	WhyLapsed:   "Why lapsed",
	StatusWhy:   "Status, segment, rule",
	Questions:   "Questions to ask",
	ShownNote:   "Showing the first %s of %s. The full list is in the csv, json and xlsx outputs.",
	NoLapsed:    "No lapsed customers.",
	PAliveAbout: "P(alive): the model's probability that the customer still comes at all.",
	ID:          "ID",
	Name:        "Name",
	Phone:       "Phone",
	Email:       "E-mail",
	Preference:  "Contact preference",

	Reasons:          "What the reasons say about the business",
	ReasonsAbout:     "How often each hint occurs among lapsed customers compared with active ones. A lift of 2 means the hint is twice as common among those who stayed away: a pattern worth asking about, not proof of the cause. A dash (–): the hint never occurs among active customers.",
	Hint:             "Hint",
	LapsedCount:      "Lapsed",
	LapsedShare:      "% of lapsed",
	ActiveCount:      "Active",
	ActiveShare:      "% of active",
	Lift:             "Lift",
	Unavailable:      "Hints your export cannot show",
	UnavailableAbout: "These hints need columns the export does not have.",

	Trends:       "Trends",
	TrendsAbout:  "Per month: customers with a visit (active), first visits (new), customers who became lapsed, and lapsed customers who came back (returned).",
	Month:        "Month",
	Active:       "Active",
	New:          "New",
	BecameLapsed: "Became lapsed",
	Returned:     "Returned",
	Cohorts:      "Cohorts: who kept coming",
	CohortsAbout: "Customers grouped by the period of their first visit, and the share of them who came again at least 1, 3, 6 and 12 months later. A dash (–): not enough time has passed yet.",
	FirstVisit:   "First visit",
	AfterMonth:   "After %d month",
	AfterMonths:  "After %d months",

	Mix:       "Channels and services",
	MixAbout:  "By each customer's last visit: how active and lapsed customers booked and what they came for. A channel or service far more common among the lapsed than among the active is worth a closer look.",
	Channels:  "Channels",
	Services:  "Services",
	Channel:   "Channel",
	Service:   "Service",
	MixCapped: "Showing the %s most common of %s; all are in the json and xlsx outputs.",

	Model:          "How lapse was decided",
	ModelAbout:     "Each customer is judged by the first rule that applies: a booked appointment, a finished course of treatment, their own rhythm, the recall interval of their service, then the repeat-buying model or everyone's gaps.",
	Rule:           "Rule",
	ModelName:      "Model",
	ModelNone:      "none",
	Note:           "Note",
	Params:         "Model parameters",
	Parameter:      "Parameter",
	Value:          "Value",
	Backtest:       "Backtest",
	BacktestAbout:  "The model was fitted on the visits up to %s and its prediction compared with the real visits up to %s.",
	CalVisits:      "Visits before",
	ActualMean:     "Actual visits (mean)",
	PredictedMean:  "Predicted visits (mean)",
	ActualTotal:    "Actual visits, total",
	PredictedTotal: "Predicted visits, total",
	RelErr:         "Relative error",

	SheetSummary:  "Summary",
	SheetSince:    "Since last time",
	SheetLapsed:   "Lapsed",
	SheetSegments: "Segments",
	SheetReasons:  "Reasons",
	SheetTrend:    "Trend",
	SheetCohorts:  "Cohorts",
	SheetMix:      "Channels & services",
	SheetModel:    "Model",
	Item:          "Item",

	statuses: map[string][2]string{
		"booked":    {"booked", "has a future appointment"},
		"active":    {"active", "comes in their usual rhythm"},
		"due":       {"due", "about when they would normally be back"},
		"follow-up": {"follow-up", "finished a course of treatment: a follow-up call, not a win-back"},
		"lapsed":    {"lapsed", "past the point where they would normally have come back"},
		"lost":      {"lost", "lapsed long ago; unlikely to return"},
	},
	rules: map[string]string{
		"booked":     "appointment booked",
		"course":     "finished course of treatment",
		"own-rhythm": "their own rhythm",
		"recall":     "recall interval of the service",
		"model":      "repeat-buying model",
		"population": "everyone's gaps",
		"no-visit":   "no visit yet",
	},
}

var german = words{
	Title:         "Kunden, die nicht mehr kommen",
	Subtitle:      "winback-Bericht, Stand %s",
	Pseudonymized: "Namen verborgen: Pseudonyme",
	PersonalData:  "Enthält Namen und Kontaktdaten: nicht weitergeben und nicht projizieren",
	Footer:        "Erstellt mit winback (Berichtsschema v%d).",
	ShowNumbers:   "Zahlen anzeigen",
	None:          "keine",

	Summary:        "Überblick",
	SummaryAbout:   "Wo Ihre Kunden am Stichtag stehen. „Überfällig“ heißt: später dran, als sie normalerweise wiedergekommen wären – wo möglich gemessen am eigenen Rhythmus jedes Kunden.",
	AsOf:           "Stand",
	Exports:        "Exporte",
	Customers:      "Kunden",
	Missing:        "Überfällig oder verloren",
	Revenue12m:     "Umsatz der letzten 12 Monate",
	ValueRisk:      "Gefährdeter Wert",
	ValueRiskAbout: "Gefährdeter Wert: was die überfälligen und verlorenen Kunden in einem Jahr voraussichtlich ausgeben würden, wenn sie wiederkämen.",
	DataQuality:    "Datenqualität",
	QualityLine:    "%s Zeilen gelesen, %s verwendet, %s abgelehnt, %s leer, %s doppelt; Besuche vom %s bis %s",
	RejectsIn:      "; abgelehnte Zeilen in %s",
	QualityParts:   [8]string{"Zeilen gelesen", "Zeilen verwendet", "Zeilen abgelehnt", "Leere Zeilen", "Doppelte Zeilen", "Erster Besuchstag", "Letzter Besuchstag", "Datei mit abgelehnten Zeilen"},
	AfterAsOf:      [2]string{"Termine nach dem Stichtag, nicht berücksichtigt", "; %s Termine nach dem Stichtag nicht berücksichtigt (bis dahin nicht gebucht)"},
	Status:         "Status",
	Share:          "Anteil",
	Meaning:        "Bedeutung",
	Count:          "Kunden",

	Since:       "Seit dem letzten Bericht",
	SinceAbout:  "Verglichen mit dem Bericht vom %s. Zurückgewonnen: waren beim letzten Mal überfällig und sind seitdem wiedergekommen. Die Rückgewinnungsquote ist zurückgewonnen ÷ beim letzten Mal überfällig.",
	NewlyLapsed: "Neu überfällig",
	StillLapsed: "Weiterhin überfällig",
	WonBack:     "Zurückgewonnen",
	WinBackRate: "Rückgewinnungsquote",
	NewlyDue:    "Neu fällig",
	Change:      "Veränderung",
	Who:         "Wer",
	AndMore:     "… und %s weitere",

	Segments:      "Segmente",
	SegmentsAbout: "Jeder Kunde erhält zwei Werte von 1 bis 5, im Vergleich mit allen Ihren Kunden: R dafür, wie kürzlich er da war (5 = zuletzt), und F dafür, wie oft (5 = am häufigsten). Das Raster zählt die Kunden in jedem Feld; die Segmente benennen Bereiche davon.",
	Grid:          "R×F-Raster: Kunden je Feld",
	GridCorner:    "R \\ F",
	Segment:       "Segment",
	MedianRecency: "Median Tage seit letztem Besuch",
	MedianVisits:  "Median Besuche",
	Revenue:       "Umsatz",
	RevenueShare:  "Umsatzanteil",
	AxisF:         "F: wie oft (5 = am häufigsten)",
	AxisR:         "R: wie kürzlich (5 = zuletzt)",
	Recency:       "Tage seit dem letzten Besuch",
	RecencyAbout:  "Wie viele Kunden wie lange nicht mehr da waren.",
	Days:          "Tage",

	Lapsed:      "Überfällige Kunden: wen Sie anrufen sollten",
	LapsedAbout: "Überfällige und verlorene Kunden, die wertvollsten zuerst. Die Fragen stammen aus Hinweisen in der Besuchshistorie: Sie sind Anlässe zum Nachfragen, nicht der Grund, warum jemand weggeblieben ist. Den kennt nur der Kunde selbst.",
	Rank:        "Nr.",
	Customer:    "Kunde",
	LastVisit:   "Letzter Besuch",
	Visits:      "Besuche",
	UsualGap:    "Üblicher Abstand (Tage)",
	Overdue:     "Tage überfällig",
	PAlive:      "P(aktiv)",
	WhyLapsed:   "Warum überfällig",
	StatusWhy:   "Status, Segment, Regel",
	Questions:   "Fragen an den Kunden",
	ShownNote:   "Gezeigt werden die ersten %s von %s. Die vollständige Liste steht in der CSV-, JSON- und XLSX-Ausgabe.",
	NoLapsed:    "Keine überfälligen Kunden.",
	PAliveAbout: "P(aktiv): die vom Modell geschätzte Wahrscheinlichkeit, dass der Kunde überhaupt noch kommt.",
	ID:          "Kennung",
	Name:        "Name",
	Phone:       "Telefon",
	Email:       "E-Mail",
	Preference:  "Kontaktwunsch",

	Reasons:          "Was die Hinweise über den Betrieb sagen",
	ReasonsAbout:     "Wie oft jeder Hinweis bei überfälligen Kunden vorkommt, verglichen mit aktiven. Ein Faktor von 2 heißt: Bei denen, die weggeblieben sind, kommt der Hinweis doppelt so oft vor. Ein Muster, dem Sie nachgehen sollten, aber kein Beweis für die Ursache. Ein Strich (–): Der Hinweis kommt bei aktiven Kunden nicht vor.",
	Hint:             "Hinweis",
	LapsedCount:      "Überfällig",
	LapsedShare:      "Anteil Überfällige",
	ActiveCount:      "Aktiv",
	ActiveShare:      "Anteil Aktive",
	Lift:             "Faktor",
	Unavailable:      "Hinweise, die Ihr Export nicht zeigen kann",
	UnavailableAbout: "Für diese Hinweise fehlen dem Export Spalten.",

	Trends:       "Entwicklung",
	TrendsAbout:  "Je Monat: Kunden mit einem Besuch (aktiv), Erstbesuche (neu), Kunden, die überfällig wurden, und überfällige Kunden, die wiederkamen (zurückgekommen).",
	Month:        "Monat",
	Active:       "Aktiv",
	New:          "Neu",
	BecameLapsed: "Überfällig geworden",
	Returned:     "Zurückgekommen",
	Cohorts:      "Kohorten: wer dabeigeblieben ist",
	CohortsAbout: "Kunden nach dem Zeitraum ihres ersten Besuchs gruppiert, und der Anteil davon, der mindestens 1, 3, 6 und 12 Monate später noch einmal kam. Ein Strich (–): Dafür ist noch nicht genug Zeit vergangen.",
	FirstVisit:   "Erster Besuch",
	AfterMonth:   "Nach %d Monat",
	AfterMonths:  "Nach %d Monaten",

	Mix:       "Kanäle und Leistungen",
	MixAbout:  "Nach dem letzten Besuch jedes Kunden: wie aktive und überfällige Kunden gebucht haben und wofür sie kamen. Ein Kanal oder eine Leistung, die bei Überfälligen viel häufiger ist als bei Aktiven, verdient einen genaueren Blick.",
	Channels:  "Kanäle",
	Services:  "Leistungen",
	Channel:   "Kanal",
	Service:   "Leistung",
	MixCapped: "Gezeigt werden die %s häufigsten von %s; alle stehen in der JSON- und XLSX-Ausgabe.",

	Model:          "Wie „überfällig“ entschieden wurde",
	ModelAbout:     "Jeder Kunde wird nach der ersten Regel beurteilt, die passt: ein gebuchter Termin, eine abgeschlossene Behandlungsserie, der eigene Rhythmus, das Recall-Intervall der Leistung, dann das Wiederkaufmodell oder die Abstände aller Kunden.",
	Rule:           "Regel",
	ModelName:      "Modell",
	ModelNone:      "keines",
	Note:           "Hinweis",
	Params:         "Modellparameter",
	Parameter:      "Parameter",
	Value:          "Wert",
	Backtest:       "Rückblick-Test",
	BacktestAbout:  "Das Modell wurde mit den Besuchen bis %s angepasst und seine Vorhersage mit den tatsächlichen Besuchen bis %s verglichen.",
	CalVisits:      "Besuche vorher",
	ActualMean:     "Tatsächliche Besuche (Mittel)",
	PredictedMean:  "Vorhergesagte Besuche (Mittel)",
	ActualTotal:    "Tatsächliche Besuche, gesamt",
	PredictedTotal: "Vorhergesagte Besuche, gesamt",
	RelErr:         "Relativer Fehler",

	SheetSummary:  "Überblick",
	SheetSince:    "Seit dem letzten Bericht",
	SheetLapsed:   "Überfällig",
	SheetSegments: "Segmente",
	SheetReasons:  "Hinweise",
	SheetTrend:    "Entwicklung",
	SheetCohorts:  "Kohorten",
	SheetMix:      "Kanäle & Leistungen",
	SheetModel:    "Modell",
	Item:          "Angabe",

	statuses: map[string][2]string{
		"booked":    {"Termin gebucht", "hat einen Termin in der Zukunft"},
		"active":    {"aktiv", "kommt im gewohnten Rhythmus"},
		"due":       {"fällig", "wäre ungefähr jetzt wieder dran"},
		"follow-up": {"Nachsorge", "hat eine Behandlungsserie abgeschlossen: nachfragen, nicht zurückgewinnen"},
		"lapsed":    {"überfällig", "hätte nach dem gewohnten Rhythmus schon wiederkommen müssen"},
		"lost":      {"verloren", "schon lange überfällig; kommt wahrscheinlich nicht wieder"},
	},
	rules: map[string]string{
		"booked":     "Termin gebucht",
		"course":     "abgeschlossene Behandlungsserie",
		"own-rhythm": "eigener Rhythmus",
		"recall":     "Recall-Intervall der Leistung",
		"model":      "Wiederkaufmodell",
		"population": "Abstände aller Kunden",
		"no-visit":   "noch kein Besuch",
	},
}

// wordsFor returns the texts for a language; anything but "de" is English.
func wordsFor(lang string) *words {
	if lang == "de" {
		return &german
	}
	return &english
}

// status returns the label of a status code, or the code itself when unknown.
func (w *words) status(code string) string {
	if s, ok := w.statuses[code]; ok {
		return s[0]
	}
	return code
}

// rule returns the label of a lapse rule, or the code itself when unknown.
func (w *words) rule(code string) string {
	if s, ok := w.rules[code]; ok {
		return s
	}
	return code
}

// after labels a cohort column.
func (w *words) after(months int) string {
	if months == 1 {
		return fmt.Sprintf(w.AfterMonth, months)
	}
	return fmt.Sprintf(w.AfterMonths, months)
}
