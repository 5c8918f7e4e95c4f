// Package visitgen writes synthetic visit exports whose truth is known, for the README demo,
// tests and benchmarks.
//
// It has three generators:
//
//   - [WritePraxis] writes the export of a small German physiotherapy practice (Windows-1252,
//     `;`-separated, German headers) with planted lapse stories, and a truth CSV that names each
//     patient's state, dropout day and the reasons planted. [WriteMonthly] writes two monthly
//     exports of one practice and the patients who lapsed in the first and came back in the
//     second.
//   - [WriteLarge] streams a large English booking export (UTF-8, `,`-separated) for
//     benchmarks, in memory proportional to the number of customers.
//   - [Simulate] draws customers from the BG/NBD or Pareto/NBD repeat-buying process and
//     writes their transactions as an export plus each customer's true dropout day.
//
// Every generator is pure: the seed, the configuration and the dates in it decide every
// byte, nothing reads the clock, and the same configuration gives byte-identical output.
//
// The package does not read exports (see package export) nor judge them; its truth files are
// what the analysis packages are tested against.
package visitgen
