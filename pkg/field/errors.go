package field

import (
	"errors"
	"fmt"
)

// Sentinel errors. Every error of [ParseDate] and [ParseAmount] is one of them or wraps one.
var (
	// ErrEmpty is returned for a cell that holds nothing but spaces.
	ErrEmpty = errors.New("empty value")
	// ErrNotDate is, or is wrapped by, every error of [ParseDate] except [ErrEmpty].
	ErrNotDate = errors.New("not a date")
	// ErrNotAmount is, or is wrapped by, every error of [ParseAmount] except [ErrEmpty].
	ErrNotAmount = errors.New("not an amount")
)

// valueError is a specific message that still answers errors.Is for its sentinel.
type valueError struct {
	msg  string
	kind error
}

func (e *valueError) Error() string { return e.msg }
func (e *valueError) Unwrap() error { return e.kind }

func dateError(format string, args ...any) error {
	return &valueError{msg: fmt.Sprintf(format, args...), kind: ErrNotDate}
}

func amountError(msg string) error {
	return &valueError{msg: msg, kind: ErrNotAmount}
}

// Amount errors that need no detail are allocated once.
var (
	errTwoDecimalSeparators = amountError("amount has two decimal separators")
	errGrouping             = amountError("amount has a thousands separator in the wrong place")
	errMixedGrouping        = amountError("amount mixes different thousands separators")
	errLetters              = amountError("amount contains letters")
	errTooLarge             = amountError("amount is too large")
	errTwoSigns             = amountError("amount has more than one minus or plus sign")
	errTwoCurrencies        = amountError("amount names two different currencies")
	errParenthesis          = amountError("amount has an unmatched parenthesis")
	errNoDigits             = amountError("amount has no digits")
	errTime                 = dateError("time of day is not valid")
	errAfterDate            = dateError("unexpected text after the date")
)
