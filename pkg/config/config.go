// Package config reads winback's YAML configuration file. Its keys are the long names of
// the command-line flags (so the file can say everything a flag can, and a cron line is one
// command), plus "files" (the exports to read when none are named) and "segments" (a
// replacement R×F segment map). Flags given on the command line win over the file.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"
)

// Config is a loaded configuration file.
type Config struct {
	Path string
	// Values holds each flag's values as text, in file order; lists for repeatable flags.
	Values map[string][]string
	// Keys lists the flag names in file order.
	Keys []string
	// Files are the exports to read when the command line names none.
	Files []string
	// Segments maps segment codes to R×F cells, e.g. champions: [R5F4-5].
	Segments map[string][]string
}

// Load reads and checks a configuration file.
func Load(path string) (*Config, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("config: %w", err)
	}
	return Parse(path, b)
}

// Parse reads a configuration from b; path is used in messages.
func Parse(path string, b []byte) (*Config, error) {
	c := &Config{Path: path, Values: map[string][]string{}}
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) { // an empty file
			return c, nil
		}
		return nil, fmt.Errorf("config %s: %v", path, err)
	}
	if len(root.Content) == 0 {
		return c, nil
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("config %s:%d: expected key: value lines", path, m.Line)
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		key := k.Value
		where := fmt.Sprintf("config %s:%d", path, k.Line)
		if key == "segments" {
			if err := v.Decode(&c.Segments); err != nil {
				return nil, fmt.Errorf("%s: segments: expected code: [cells, ...] lines (e.g. champions: [R5F4-5]): %v", where, err)
			}
			continue
		}
		vals, err := scalars(v, where, key)
		switch {
		case err != nil:
			return nil, err
		case key == "files":
			c.Files = vals
		case slices.Contains(c.Keys, key):
			return nil, fmt.Errorf("%s: %s is set twice", where, key)
		default:
			c.Keys = append(c.Keys, key)
			c.Values[key] = vals
		}
	}
	return c, nil
}

// scalars reads a scalar, a list of scalars, or a mapping (key: value pairs become
// "key=value", the form of --column and --status-map).
func scalars(v *yaml.Node, where, key string) ([]string, error) {
	switch v.Kind {
	case yaml.ScalarNode:
		if v.Tag == "!!null" {
			return nil, nil
		}
		return []string{v.Value}, nil
	case yaml.SequenceNode:
		var out []string
		for _, x := range v.Content {
			if x.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%s: %s: a list of plain values is expected", where, key)
			}
			out = append(out, x.Value)
		}
		return out, nil
	case yaml.MappingNode:
		var out []string
		for j := 0; j+1 < len(v.Content); j += 2 {
			if v.Content[j+1].Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("%s: %s: %s: a plain value is expected", where, key, v.Content[j].Value)
			}
			out = append(out, v.Content[j].Value+"="+v.Content[j+1].Value)
		}
		return out, nil
	}
	return nil, fmt.Errorf("%s: %s: unexpected value", where, key)
}

// Quote returns s as a YAML scalar, quoted when needed.
func Quote(s string) string {
	if s == "" || strings.ContainsAny(s, ":#{}[],&*?|<>=!%@`'\"\\\t\n") || s != strings.TrimSpace(s) ||
		slices.ContainsFunc([]string{"yes", "no", "true", "false", "null", "on", "off"}, func(w string) bool { return strings.EqualFold(s, w) }) {
		return strconv.Quote(s)
	}
	if _, err := strconv.ParseFloat(s, 64); err == nil {
		return strconv.Quote(s)
	}
	return s
}
