package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/export"
	"github.com/winback/winback/pkg/model"
	"github.com/winback/winback/pkg/visit"
)

// usageError marks a problem with how winback was called.
type usageError struct {
	err  error
	hint string
}

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(hint, format string, args ...any) error {
	return &usageError{err: fmt.Errorf(format, args...), hint: hint}
}

// classify maps an error to its exit code and hint.
func classify(err error) (int, string) {
	var ue *usageError
	var ie *export.InputError
	switch {
	case errors.As(err, &ie):
		return ExitUsage, ie.Hint
	case errors.As(err, &ue):
		return ExitUsage, ue.hint
	case errors.Is(err, atomicfile.ErrNotRegular):
		return ExitUsage, "name a file to write (or /dev/stdout)"
	case errors.Is(err, export.ErrUsage):
		return ExitUsage, "see 'winback help'"
	case strings.HasPrefix(err.Error(), "unknown command"), strings.HasPrefix(err.Error(), "unknown flag"),
		strings.Contains(err.Error(), "arg(s)"), strings.HasPrefix(err.Error(), "requires at least"):
		return ExitUsage, "see 'winback help'"
	}
	return ExitFailure, ""
}

// noVisits turns an analysis's [model.ErrNoCustomers] into a usage error with a hint: the
// export has only cancellations, no-shows or bookings by asOf, a problem of the input or
// its status column. Other errors are returned as they are.
func noVisits(err error, asOf visit.Day) error {
	if !errors.Is(err, model.ErrNoCustomers) {
		return err
	}
	return usagef("check that the status column marks attended visits (map its values with --status-map 'erledigt=attended'), or name a later date with --as-of",
		"no customer has an attended visit on or before %s: the export has only cancellations, no-shows or future appointments by then", asOf)
}
