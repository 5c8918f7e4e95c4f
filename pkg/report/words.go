package report

import (
	"fmt"
	"reflect"
	"strconv"
	"sync"

	catalogue "github.com/winback/winback/pkg/words"
)

// words are the texts of a report in one language, taken from the catalogue of package
// [catalogue] (key "report." and the field's name; statuses under "status.", rules under
// "rule."). Values from the data never go through them: they hold headings, labels and
// explanations for someone who is not a data person.
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
	// and a clause of the quality line.
	AfterAsOf [2]string

	// Since last time.
	Since, SinceAbout                              string
	NewlyLapsed, StillLapsed, WonBack, WinBackRate string
	NewlyDue, Change, Who, AndMore                 string

	// Segments.
	Segments, SegmentsAbout, Grid, GridCorner      string
	Segment, MedianRecency, MedianVisits, Revenue  string
	RevenueShare, AxisF, AxisR                     string
	Recency, RecencyAbout, Days, PerThirtyDays     string
	SegmentBars, Distributions, DistributionsAbout string
	SpendAxis, Matrix, MatrixAbout, MonthsAgo      string
	VisitsSoFar, Timeline                          string

	// Lapsed.
	Lapsed, LapsedAbout, Rank, Customer             string
	LastVisit, Visits, UsualGap, Overdue, PAlive    string
	WhyLapsed, Questions, ShownNote, NoLapsed       string
	StatusWhy, CallNote                             string
	Filtered                                        string
	PAliveAbout, ID, Name, Phone, Email, Preference string

	// Reasons.
	Reasons, ReasonsAbout, Hint, LapsedCount    string
	LapsedShare, ActiveCount, ActiveShare, Lift string
	Unavailable, UnavailableAbout               string

	// Trends and cohorts.
	Trends, TrendsAbout, Month, Active, New string
	BecameLapsed, Returned, ExportStart     string
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

	cat *catalogue.Catalogue // statuses, rules and anything else
}

// statusOrder is the order statuses are listed in, from most to least engaged.
var statusOrder = []string{"booked", "active", "due", "follow-up", "lapsed", "lost"}

// ruleOrder is the order the lapse rules are tried in.
var ruleOrder = []string{"booked", "course", "own-rhythm", "recall", "model", "population", "no-visit"}

// wordsFor returns the texts for a language (anything but German is English) and noun.
func wordsFor(lang string, noun catalogue.Noun) *words {
	c := catalogue.ForNoun(lang, noun)
	wordsMu.Lock()
	defer wordsMu.Unlock()
	if w, ok := wordsBuilt[c]; ok {
		return w
	}
	w := &words{cat: c}
	v := reflect.ValueOf(w).Elem()
	for i := range v.NumField() {
		f, name := v.Field(i), v.Type().Field(i).Name
		switch f.Kind() {
		case reflect.String:
			f.SetString(c.T("report." + name))
		case reflect.Array:
			for k := range f.Len() {
				f.Index(k).SetString(c.T("report." + name + "." + strconv.Itoa(k)))
			}
		}
	}
	wordsBuilt[c] = w
	return w
}

var (
	wordsMu    sync.Mutex
	wordsBuilt = map[*catalogue.Catalogue]*words{}
)

// status returns the label of a status code, or the code itself when unknown.
func (w *words) status(code string) string {
	if w.cat.Has("status." + code) {
		return w.cat.T("status." + code)
	}
	return code
}

// rule returns the label of a lapse rule, or the code itself when unknown.
func (w *words) rule(code string) string {
	if w.cat.Has("rule." + code) {
		return w.cat.T("rule." + code)
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
