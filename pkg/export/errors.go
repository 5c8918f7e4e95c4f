package export

import (
	"errors"
	"fmt"
	"strings"
)

// Sentinel errors callers test with [errors.Is]. Each is wrapped with the details.
var (
	// ErrUsage marks a bad option (unknown encoding, malformed --column, ...).
	ErrUsage = errors.New("invalid option")
	// ErrUnreadable marks an input that cannot be read as an export at all.
	ErrUnreadable = errors.New("unreadable input")
	// ErrMissingColumn marks an export without a customer or date column.
	ErrMissingColumn = errors.New("missing required column")
	// ErrAmbiguousDates marks a date column whose day/month order cannot be decided.
	ErrAmbiguousDates = errors.New("ambiguous dates")
	// ErrStrict marks the first bad row under --strict.
	ErrStrict = errors.New("bad row")
	// ErrAccounting marks a read whose counts of lines and rows do not add up: a bug in
	// winback, never the input's fault.
	ErrAccounting = errors.New("winback lost count of rows")
)

// InputError is a problem with the input as a whole, with a hint for the user.
type InputError struct {
	Err  error  // one of the sentinels, wrapped
	File string // the file concerned, if any
	Hint string // what to do, naming the flag to use
}

func (e *InputError) Error() string {
	if e.File != "" {
		return fmt.Sprintf("%s: %v", e.File, e.Err)
	}
	return e.Err.Error()
}

func (e *InputError) Unwrap() error { return e.Err }

// RowError is a rejected row: where it is and why.
type RowError struct {
	File   string `json:"file"`
	Line   int    `json:"line"`             // 1-based line the record starts on
	Column int    `json:"column,omitempty"` // 1-based field number; 0 when the whole row is at fault
	Header string `json:"header,omitempty"` // the column's header, when known
	Reason string `json:"reason"`           // what is wrong, in words for a person
	Value  string `json:"value,omitempty"`  // the offending value, when there is one
	Raw    string `json:"-"`                // the record as it stood in the file (personal data)
	// Code is a stable short name of the reason: bad-date, bad-amount, amount-too-large,
	// missing-customer, missing-date, ragged, unknown-status, unterminated-quote,
	// bad-encoding, bad-quantity, long-record (a record of many lines outside the notes
	// columns), nul-byte, repeated-header, key-kind (a file keyed otherwise than the first).
	Code string `json:"code"`
}

func (e *RowError) Error() string {
	where := fmt.Sprintf("%s:%d", e.File, e.Line)
	if e.Column > 0 {
		where += fmt.Sprintf(":%d", e.Column)
		if e.Header != "" {
			where += fmt.Sprintf(" (%s)", Shorten(e.Header))
		}
	}
	if e.Value != "" {
		return fmt.Sprintf("%s: %s: %q", where, e.Reason, Shorten(e.Value))
	}
	return fmt.Sprintf("%s: %s", where, e.Reason)
}

// An error message quotes at most this much of the input (a "header" may be a whole file).
const (
	maxQuotedHeaders = 12 // headers listed
	maxQuotedRunes   = 40 // characters of one header or value
)

// Shorten returns s cut as a message or a table quotes a value of the input, with "…"
// where it was cut. [RowError.Value] keeps the whole value for the rejects file.
func Shorten(s string) string {
	n := 0
	for i := range s {
		if n == maxQuotedRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

// headerList lists the first few headers, shortened, and how many more there are.
func headerList(header []string) string {
	var b strings.Builder
	for i, h := range header[:min(len(header), maxQuotedHeaders)] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(Shorten(h))
	}
	if n := len(header) - maxQuotedHeaders; n > 0 {
		fmt.Fprintf(&b, " … and %d more", n)
	}
	return b.String()
}
