package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/winback/winback/pkg/atomicfile"
	"github.com/winback/winback/pkg/pseudo"
	"github.com/winback/winback/pkg/state"
)

// stableKey returns the pseudonymizer of --key or WINBACK_KEY, else that of the key kept
// in --state, made (and added to files) when there is none and no earlier state needs
// one. Without either, that of the data ([privacyOptions.keyed]).
func (o *reportOptions) stableKey(files *atomicfile.Set, prev *state.State, keys pseudo.Keys) (*pseudo.Pseudonymizer, error) {
	key := o.an.keyed(o.a.io, keys)
	if key.FromData && o.state != "" {
		path := filepath.Join(o.state, keyFile)
		b, err := os.ReadFile(path)
		switch {
		case err == nil && strings.TrimSpace(string(b)) != "":
			key = pseudo.New(strings.TrimSpace(string(b)), keys)
		case prev != nil && prev.Pseudonymized:
			return nil, usagef(fmt.Sprintf("give the --key (or WINBACK_KEY, or key: in the config file) it was written with, or put the key back in %s", path),
				"the state in %s holds pseudonyms, and no key was found to match them", o.state)
		default:
			k, err := pseudo.NewKey()
			if err != nil {
				return nil, err
			}
			if err := os.MkdirAll(o.state, 0o700); err != nil {
				return nil, fmt.Errorf("state: %w", err)
			}
			if err := files.Add(path, 0o600, func(w io.Writer) error { _, err := fmt.Fprintln(w, k); return err }); err != nil {
				return nil, err
			}
			key = pseudo.New(k, keys)
		}
	}
	if prev != nil && prev.Pseudonymized {
		if key.FromData || prev.KeyCheck != "" && prev.KeyCheck != key.KeyCheck() {
			return nil, usagef("give the --key (or WINBACK_KEY) the earlier run was written with", "the previous run's pseudonyms were made with another key; comparing needs the same key")
		}
	}
	return key, nil
}
