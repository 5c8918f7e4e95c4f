package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagError is the error of a flag cobra could not parse, with a suggestion for a
// mistyped name: "unknown flag --as-off; did you mean --as-of?".
func flagError(c *cobra.Command, err error) error {
	hint := fmt.Sprintf("see 'winback help %s'", strings.TrimPrefix(c.CommandPath(), "winback "))
	if value, name, ok := invalidArgument(err.Error()); ok {
		if f := c.Flags().Lookup(name); f != nil {
			return &usageError{err: valueError("--"+name, value, f.Value.Type()), hint: hint}
		}
	}
	name, ok := strings.CutPrefix(err.Error(), "unknown flag: --")
	if !ok {
		return &usageError{err: err, hint: hint}
	}
	var names []string
	visit := func(f *pflag.Flag) {
		if !f.Hidden {
			names = append(names, f.Name)
		}
	}
	c.Flags().VisitAll(visit)
	c.InheritedFlags().VisitAll(visit)
	if s := suggest(name, names); len(s) > 0 {
		return &usageError{err: fmt.Errorf("unknown flag --%s; did you mean --%s?", name, strings.Join(s, " or --")), hint: hint}
	}
	return &usageError{err: fmt.Errorf("unknown flag --%s", name), hint: hint}
}

// commandError is the error of an unknown command, with a suggestion for a mistyped
// one ("unknown command "reprot"; did you mean report?"); other errors as they are.
func commandError(root *cobra.Command, err error) error {
	if err == nil {
		return nil
	}
	_, rest, ok := strings.Cut(err.Error(), `unknown command "`)
	if !ok {
		return err
	}
	name, _, _ := strings.Cut(rest, `"`)
	var names []string
	for _, c := range root.Commands() {
		if c.IsAvailableCommand() {
			names = append(names, c.Name())
		}
	}
	if s := suggest(name, names); len(s) > 0 {
		return usagef("see 'winback help'", "unknown command %q; did you mean %s?", name, strings.Join(s, " or "))
	}
	return usagef("see 'winback help' for the commands", "unknown command %q", name)
}

// suggest returns the names that start with typed (when it has 3 letters or more), else
// those at most two edits away.
func suggest(typed string, names []string) []string {
	var prefixed, near []string
	for _, n := range names {
		switch {
		case len(typed) >= 3 && strings.HasPrefix(n, typed):
			prefixed = append(prefixed, n)
		case distance(typed, n) <= 2:
			near = append(near, n)
		}
	}
	if len(prefixed) > 0 {
		return prefixed
	}
	return near
}

// distance is the Levenshtein distance between a and b.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}
