package cli

import (
	"slices"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// notRepeated are the flags the summary's commands for the whole report leave out: the
// outputs, which those commands name themselves, and what only changes what is printed.
var notRepeated = []string{"format", "output", "quiet", "top", "contacts", "state", "previous", "config"}

// repeatArgs returns the flags given to c that change the analysis and the files, each
// behind a space and quoted for a shell, for the summary's commands that write the whole
// report ("winback report -o report.html" + repeatArgs).
func repeatArgs(c *cobra.Command, files []string) string {
	var b strings.Builder
	if c != nil {
		c.Flags().Visit(func(f *pflag.Flag) {
			if slices.Contains(notRepeated, f.Name) {
				return
			}
			values := []string{f.Value.String()}
			if sv, ok := f.Value.(pflag.SliceValue); ok {
				values = sv.GetSlice()
			}
			for _, v := range values {
				if f.Value.Type() == "bool" && v == "true" {
					b.WriteString(" --" + f.Name)
					continue
				}
				b.WriteString(" --" + f.Name + "=" + shellQuote(v))
			}
		})
	}
	for _, f := range files {
		b.WriteString(" " + shellQuote(f))
	}
	return b.String()
}

// shellQuote quotes s for a POSIX shell when it holds anything but letters, digits and
// ./_-=,:@+%.
func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("./_-=,:@+%", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
