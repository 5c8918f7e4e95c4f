package cli

import (
	"embed"
	"io/fs"
	"strings"

	"github.com/spf13/cobra"
)

// helpTopics holds the reference that is not a command's flags: one Markdown file a topic,
// shown by `winback help TOPIC` and linked from the README, so that both read the same text.
//
//go:embed help/*.md
var helpTopics embed.FS

// newHelpTopics returns a command per file in help/: cobra lists a command that does not
// run as an "additional help topic" and prints its Long text for `winback help NAME`.
func newHelpTopics() []*cobra.Command {
	files, err := fs.Glob(helpTopics, "help/*.md")
	if err != nil {
		panic(err) // the pattern is a constant
	}
	var cmds []*cobra.Command
	for _, f := range files {
		b, err := helpTopics.ReadFile(f)
		if err != nil {
			panic(err) // embedded at build time
		}
		text := string(b)
		// The first line is "# name: what the topic covers".
		title, _, _ := strings.Cut(text, "\n")
		name := strings.TrimSuffix(strings.TrimPrefix(f, "help/"), ".md")
		cmds = append(cmds, &cobra.Command{
			Use:   name,
			Short: strings.TrimPrefix(strings.TrimLeft(title, "# "), name+": "),
			Long:  text,
		})
	}
	return cmds
}
