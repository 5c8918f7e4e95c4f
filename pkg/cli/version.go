package cli

import "runtime/debug"

// Version is set at build time with -ldflags "-X github.com/winback/winback/pkg/cli.Version=v1.2.3";
// otherwise it comes from the build information ([versionOf]).
var Version = ""

func version() string {
	if Version != "" {
		return Version
	}
	bi, _ := debug.ReadBuildInfo()
	return versionOf(bi)
}

// versionOf is the version the build information gives: the module's version (a
// release, or the pseudo-version go build makes in a clone), else the VCS revision with
// "-modified" for uncommitted changes, else "dev".
func versionOf(bi *debug.BuildInfo) string {
	if bi == nil {
		return "dev"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	settings := map[string]string{}
	for _, s := range bi.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
	if rev == "" {
		return "dev"
	}
	v := "dev-" + rev[:min(len(rev), 12)]
	if settings["vcs.modified"] == "true" {
		v += "-modified"
	}
	return v
}
