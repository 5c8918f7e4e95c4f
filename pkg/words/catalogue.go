package words

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// The catalogues are text files, so that a translator edits words, not Go: see en.txt for
// the format.
var (
	//go:embed en.txt
	enFile string
	//go:embed de.txt
	deFile string

	en = mustParse("en.txt", enFile)
	de = mustParse("de.txt", deFile)
)

// parse reads a catalogue: a text a line, `code = "text"` with the text quoted as in Go;
// blank lines and lines starting with # are left out.
func parse(name, src string) (map[string]string, error) {
	m := map[string]string{}
	for i, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || line[0] == '#' {
			continue
		}
		key, quoted, ok := strings.Cut(line, " = ")
		text, err := strconv.Unquote(quoted)
		if _, twice := m[key]; twice {
			return nil, fmt.Errorf("%s:%d: %s is there twice", name, i+1, key)
		}
		if !ok || err != nil {
			return nil, fmt.Errorf("%s:%d: want code = \"text\" (the text quoted as in Go)", name, i+1)
		}
		m[key] = text
	}
	return m, nil
}

func mustParse(name, src string) map[string]string {
	m, err := parse(name, src)
	if err != nil {
		panic(err) // the catalogues are built in; their tests read them
	}
	return m
}
