package cli

import (
	"errors"

	"github.com/winback/winback/pkg/analysis"
	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visit"
	"github.com/winback/winback/pkg/words"
)

// parsePeriod reads --period.
func parsePeriod(s string) (model.Period, error) {
	p, err := model.ParsePeriod(s)
	if err != nil {
		return p, usagef("use --period day, week or month", "%v", err)
	}
	return p, nil
}

// holdoutEnd reads model's --holdout-end, a date after the as-of date written as --as-of
// may be; visit.NoDay when not given.
func holdoutEnd(s string, asOf visit.Day, rep *export.Summary) (visit.Day, error) {
	if s == "" {
		return visit.NoDay, nil
	}
	end, err := parseDate("holdout-end", s, rep)
	if err == nil && end <= asOf {
		err = usagef("give a date after --as-of, e.g. --as-of 2024-12-31 --holdout-end 2025-06-30", "--holdout-end %q must be a date after the as-of date %s", s, asOf)
	}
	return end, err
}

// checkHoldout compares the models' predictions with the visits of full from asOf to end
// ([analysis.CheckModels]); nil when end is visit.NoDay.
func checkHoldout(full *history.Set, ms *lapse.Models, asOf, end visit.Day, period model.Period) (*model.Holdout, error) {
	if end == visit.NoDay {
		return nil, nil
	}
	h, err := analysis.CheckModels(full, ms, asOf, end, period)
	if errors.Is(err, analysis.ErrNoModel) {
		return nil, usagef("run without --holdout-end, or with more data", "no model fits these data, so there is nothing to check: %s", words.For("en").ModelNote(ms))
	}
	return h, err
}
