package model

import (
	"fmt"
	"math"
	"strconv"
)

// HoldoutBins is the number of calibration-frequency bins of a [Holdout]: 0, 1, …, 6 and
// 7 or more repeat transactions, as in the BTYD walkthrough.
const HoldoutBins = 8

// HoldoutBin is one row of a [Holdout]: the customers of one calibration frequency and
// their mean actual and predicted holdout transactions.
type HoldoutBin struct {
	// Label is "0", "1", …, "6" or "7+".
	Label     string  `json:"label"`
	Customers int     `json:"customers"`
	Actual    float64 `json:"actual"`
	Predicted float64 `json:"predicted"`
}

// Holdout compares a model's conditional expectations with what customers did in a
// holdout period.
type Holdout struct {
	Bins []HoldoutBin `json:"bins"`
	// SumActual and SumPredicted total the holdout transactions over all customers.
	SumActual    float64 `json:"sum_actual"`
	SumPredicted float64 `json:"sum_predicted"`
	// MAE is the mean absolute error per customer, |actual − predicted|.
	MAE float64 `json:"mae"`
	// TotalError is (SumPredicted − SumActual)/SumActual; 0 when SumActual is 0.
	TotalError float64 `json:"total_error"`
}

// CompareHoldout predicts each customer's transactions in a holdout period of length t
// after the calibration summaries cal with m, and compares them with actual, the numbers
// each customer really made, bin by calibration frequency (see [HoldoutBins]).
func CompareHoldout(m Predictor, cal []Summary, actual []float64, t float64) (Holdout, error) {
	predicted := make([]float64, len(cal))
	for i, s := range cal {
		predicted[i] = m.Expected(s, t)
	}
	return ComparePredicted(predicted, cal, actual)
}

// ComparePredicted is [CompareHoldout] of each customer's predicted transactions.
func ComparePredicted(predicted []float64, cal []Summary, actual []float64) (Holdout, error) {
	if len(cal) != len(actual) || len(cal) != len(predicted) {
		return Holdout{}, fmt.Errorf("%d summaries but %d holdout counts and %d predictions",
			len(cal), len(actual), len(predicted))
	}
	if len(cal) == 0 {
		return Holdout{}, ErrNoCustomers
	}
	h := Holdout{Bins: make([]HoldoutBin, HoldoutBins)}
	for i := range h.Bins {
		h.Bins[i].Label = strconv.Itoa(i)
	}
	h.Bins[HoldoutBins-1].Label += "+"
	var absErr float64
	for i, s := range cal {
		p := predicted[i]
		b := &h.Bins[min(HoldoutBins-1, int(math.Max(0, s.X)))]
		b.Customers++
		b.Actual += actual[i]
		b.Predicted += p
		h.SumActual += actual[i]
		h.SumPredicted += p
		absErr += math.Abs(actual[i] - p)
	}
	for i := range h.Bins {
		if n := float64(h.Bins[i].Customers); n > 0 {
			h.Bins[i].Actual /= n
			h.Bins[i].Predicted /= n
		}
	}
	h.MAE = absErr / float64(len(cal))
	if h.SumActual != 0 {
		h.TotalError = (h.SumPredicted - h.SumActual) / h.SumActual
	}
	return h, nil
}
