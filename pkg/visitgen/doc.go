// Package visitgen writes synthetic visit exports whose truth is known, for the README demo,
// tests and benchmarks: [WritePraxis] a small German physiotherapy practice with planted
// lapse stories and a truth CSV, [WriteMonthly] two monthly exports of one practice and the
// patients won back, [WriteLarge] a large English booking export streamed for benchmarks,
// and [Simulate] a BG/NBD or Pareto/NBD cohort with each customer's true dropout day.
//
// Every generator is pure: the seed and the configuration decide every byte.
package visitgen
