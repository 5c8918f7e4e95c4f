// Package field parses single cells of an export: dates, amounts, statuses and yes/no
// flags. It knows nothing of files or columns; deciding a column's date order or decimal
// style from many values is the caller's job, helped by the evidence each parse returns
// ([Date.Evidence], [Amount.Evidence]).
//
// The parsers take the cell's bytes as UTF-8 (the caller decodes Windows-1252 first), trim
// surrounding spaces, and do not allocate when they succeed: they run once per row on
// exports of millions of rows. Their errors are written for the owner of the export
// ("day 31 does not exist in April") and wrap one of [ErrEmpty], [ErrNotDate] or
// [ErrNotAmount], so callers can tell a missing value from a wrong one.
package field
