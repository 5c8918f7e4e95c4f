// Command visitgen writes synthetic visit exports with a known truth: a German
// physiotherapy practice with planted lapse stories, two monthly exports of one practice,
// a large booking export for benchmarks, and a repeat-buying simulation. Run `visitgen -h`
// for the kinds and `visitgen <kind> -h` for the flags of each.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
