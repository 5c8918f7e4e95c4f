// Package field parses single cells of an export: dates, amounts, statuses and yes/no
// flags. It knows nothing of files or columns; deciding a column's date order or decimal
// style from many values is the caller's job, helped by the evidence each parse returns
// ([Date.Evidence], [Amount.Evidence]).
//
// The parsers take UTF-8, trim spaces and do not allocate when they succeed. Their errors
// are written for the owner of the export ("day 31 does not exist in April") and wrap
// [ErrEmpty], [ErrNotDate] or [ErrNotAmount].
package field
