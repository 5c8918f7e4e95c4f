package cli

import (
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagGroups are the groups a command's help lists its flags in, in this order; a flag
// in none is listed last under "Other flags".
var flagGroups = []struct {
	title string
	names []string
}{
	{"Input: how the exports are read", []string{"encoding", "delimiter", "no-header", "column",
		"date-format", "status-map", "strict", "dedupe", "rejects", "show-rejects"}},
	{"Analysis: who counts as lapsed, and the models", []string{"as-of", "period", "tolerance",
		"rhythm-min-visits", "rhythm-quantile", "rhythm-population-factor", "rhythm-margin-cap",
		"rhythm-regular-cv", "due-factor", "min-gap-days", "lost-factor", "lost-after-days", "recall",
		"recall-tolerance", "p-alive-lapsed", "p-alive-due", "return-window-days",
		"population-quantile", "population-stratum-min-gaps", "yearly-slack-days", "course-min-visits", "platform-channel", "direct-channel",
		"show-staff", "horizon", "reliability-max-customers", "holdout-end", "customer", "customers"}},
	{"Which customers to list", []string{"staff", "location", "service", "status", "due-before", "top", "summary"}},
	{"Output", []string{"output", "format", "lang", "noun", "excel", "help"}},
	{"Calls: the call list and what the calls brought", []string{"contacts", "follow-ups", "welcome",
		"return-half-life", "follow-up-days", "welcome-days", "outcomes", "call-pause-weeks", "control"}},
	{"Privacy: names, contacts and pseudonyms", []string{"pseudonymize", "key", "with-contacts"}},
	{"Cron: runs that compare with the last one", []string{"state", "previous"}},
}

// groupOf returns the index in flagGroups of the flag's group, len(flagGroups) for none.
func groupOf(name string) int {
	for i, g := range flagGroups {
		if slices.Contains(g.names, name) {
			return i
		}
	}
	return len(flagGroups)
}

// widthAnnotation holds, on the root command, the terminal's width for the help's flag
// lists (see [groupedFlags]); absent when not a terminal.
const widthAnnotation = "winback_width"

// usageTemplate is cobra's usage template with the flags in groups ([groupedFlags]).
var usageTemplate = strings.Replace((&cobra.Command{}).UsageTemplate(),
	"\n\nFlags:\n{{.LocalFlags.FlagUsages | trimTrailingWhitespaces}}",
	"{{groupedFlags .}}", 1)

var addTemplateFunc sync.Once

// useGroupedFlags makes the help of root and its commands list flags in groups.
func useGroupedFlags(root *cobra.Command, width int) {
	addTemplateFunc.Do(func() { cobra.AddTemplateFunc("groupedFlags", groupedFlags) })
	if width > 0 {
		root.Annotations = map[string]string{widthAnnotation: strconv.Itoa(width)}
	}
	root.SetUsageTemplate(usageTemplate)
}

// groupedFlags lists c's own flags under the titles of their groups, or under "Flags:"
// when they are all of one group, wrapped to the terminal's width when it is one.
func groupedFlags(c *cobra.Command) string {
	width, _ := strconv.Atoi(c.Root().Annotations[widthAnnotation])
	sets := make([]*pflag.FlagSet, len(flagGroups)+1)
	n := 0
	c.LocalFlags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		g := groupOf(f.Name)
		if sets[g] == nil {
			sets[g] = pflag.NewFlagSet(c.Name(), pflag.ContinueOnError)
			n++
		}
		sets[g].AddFlag(f)
	})
	var b strings.Builder
	for g, set := range sets {
		if set == nil {
			continue
		}
		title := "Other flags"
		switch {
		case n == 1:
			title = "Flags"
		case g < len(flagGroups):
			title = flagGroups[g].title
		}
		b.WriteString("\n\n" + title + ":\n" + strings.TrimRight(set.FlagUsagesWrapped(width), " \n"))
	}
	return b.String()
}
