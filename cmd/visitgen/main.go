// Command visitgen writes synthetic visit exports with a known truth: a German
// physiotherapy practice with planted lapse stories, two monthly exports of one practice,
// a large booking export for benchmarks, and a repeat-buying simulation.
//
// Usage:
//
//	visitgen praxis  [flags]   the practice export and its truth
//	visitgen monthly [flags]   two monthly exports and the patients won back
//	visitgen large   [flags]   a large English booking export
//	visitgen sim     [flags]   a BG/NBD or Pareto/NBD cohort and its true dropouts
//
// Run `visitgen <kind> -h` for the flags of each. Exit codes: 0 ok, 1 failure, 2 usage.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
