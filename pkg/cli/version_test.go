package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionComesFromTheBuildInformation(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, tt := range []struct {
		name string
		bi   *debug.BuildInfo
		want string
	}{
		{"a release says its module version", &debug.BuildInfo{Main: debug.Module{Version: "v1.2.3"}}, "v1.2.3"},
		{"go install from a clone says its pseudo-version",
			&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261207120000-dcedde9abcde+dirty"}}, "v0.0.0-20261207120000-dcedde9abcde+dirty"},
		{"a devel build says its revision", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("dcedde9f00ba4c1e", "false")}, "dev-dcedde9f00ba"},
		{"a devel build with changes says so", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("dcedde9", "true")}, "dev-dcedde9-modified"},
		{"a build without either says dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
		{"no build information says dev", nil, "dev"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionOf(tt.bi); got != tt.want {
				t.Errorf("versionOf = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestSuggestions(t *testing.T) {
	for _, tt := range []struct {
		typed string
		names []string
		want  string
	}{
		{"as-off", []string{"as-of", "lang", "format"}, "as-of"},
		{"tolerence", []string{"tolerance", "top"}, "tolerance"},
		{"insp", []string{"init", "inspect"}, "inspect"},
		{"reprot", []string{"report", "lapsed"}, "report"},
		{"xyzzy", []string{"report", "lapsed"}, ""},
	} {
		got := suggest(tt.typed, tt.names)
		if (tt.want == "" && len(got) > 0) || (tt.want != "" && (len(got) != 1 || got[0] != tt.want)) {
			t.Errorf("suggest(%q) = %v, want %q", tt.typed, got, tt.want)
		}
	}
}

func TestShellQuote(t *testing.T) {
	for in, want := range map[string]string{
		"praxis.csv": "praxis.csv", "my export.csv": "'my export.csv'", "it's": `'it'\''s'`,
		"": "''", "--staff=Anja": "--staff=Anja", "$HOME/x": "'$HOME/x'",
	} {
		if got := shellQuote(in); got != want {
			t.Errorf("shellQuote(%q) = %s, want %s", in, got, want)
		}
	}
}
