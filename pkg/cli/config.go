package cli

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/winback/winback/pkg/config"
)

// loadConfig applies --config to cmd's flags that were not given on the command line.
func (a *app) loadConfig(root, cmd *cobra.Command) error {
	if a.configPath == "" {
		return nil
	}
	cfg, err := config.Load(a.configPath)
	if err != nil {
		return &usageError{err: err, hint: "the keys are the long flag names, e.g. lang: de; see 'winback init'"}
	}
	known := map[string]bool{}
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) { known[f.Name] = true })
		c.PersistentFlags().VisitAll(func(f *pflag.Flag) { known[f.Name] = true })
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	for _, k := range cfg.Keys {
		if !known[k] {
			return usagef("the keys are the long flag names of winback's commands (see winback help)", "config %s: unknown key %q", cfg.Path, k)
		}
		f := cmd.Flags().Lookup(k)
		if f == nil || f.Changed || k == "config" {
			continue
		}
		for _, v := range cfg.Values[k] {
			if err := f.Value.Set(v); err != nil {
				return usagef("fix the value in the config file", "config %s: %w", cfg.Path, valueError(k, v, f.Value.Type()))
			}
		}
		f.Changed = true // as if given: pseudonymize: false must override a format's default
	}
	// Files in the config may use environment variables ($HOME/exports/...) and patterns
	// (2025-*.csv), and are relative to the config file, wherever the job runs from.
	var files []string
	for _, f := range cfg.Files {
		f = os.Expand(f, a.io.Getenv)
		if f != "-" && !filepath.IsAbs(f) {
			f = filepath.Join(filepath.Dir(cfg.Path), f)
		}
		if strings.ContainsAny(f, "*?[") {
			matches, err := filepath.Glob(f)
			if err != nil || len(matches) == 0 {
				return usagef("check the pattern in files: of the config file", "config %s: no file matches %s", cfg.Path, f)
			}
			files = append(files, matches...)
			continue
		}
		files = append(files, f)
	}
	cfg.Files = files
	a.cfg = cfg
	return nil
}
