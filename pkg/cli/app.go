package cli

import (
	"github.com/spf13/cobra"

	"github.com/winback/winback/pkg/config"
)

// app is what every command shares: the streams and the loaded configuration.
type app struct {
	io         *IOStreams
	configPath string
	quiet      bool
	lang       string
	cfg        *config.Config
}

// runE returns a command's RunE: it resolves the exports to read (the arguments, else the
// config file's files) into *files and calls run.
func (a *app) runE(files *[]string, run func() error) func(*cobra.Command, []string) error {
	return func(_ *cobra.Command, args []string) error {
		if len(args) == 0 && a.cfg != nil {
			args = a.cfg.Files
		}
		if len(args) == 0 {
			return usagef("name one or more export files (or - for standard input), or files: in the --config file", "requires at least 1 arg(s), only received 0")
		}
		*files = args
		return run()
	}
}
