package analysis

import (
	"errors"
	"fmt"

	"github.com/winback/winback/pkg/history"
	"github.com/winback/winback/pkg/lapse"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visit"
)

// ErrNoModel is the error of [CheckModels] when no model fits the data.
var ErrNoModel = errors.New("no model fits these data")

// CheckModels compares the predictions of the model ms chose with the visits of set in
// (asOf, end]: the check of winback model --holdout-end.
func CheckModels(set *history.Set, ms *lapse.Models, asOf, end visit.Day, period model.Period) (*model.Holdout, error) {
	pred := ms.Predictor()
	if pred == nil {
		return nil, ErrNoModel
	}
	ho := lapse.GatherHoldout(set, end, asOf, period)
	h, err := model.CompareHoldout(pred, ho.Summaries, ho.Actual, float64(end-asOf)/period.Length())
	if err != nil {
		return nil, fmt.Errorf("holdout: %w", err)
	}
	return &h, nil
}
