package cli

import (
	"strings"
	"testing"
)

// TestReportHelpGroupsItsFlags keeps report --help readable: its flags under the titles of
// flagGroups, none left over.
func TestReportHelpGroupsItsFlags(t *testing.T) {
	out, errOut, code := run(t, "report", "--help")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, g := range flagGroups {
		if !strings.Contains(out, "\n"+g.title+":\n") {
			t.Errorf("report --help has no group %q", g.title)
		}
	}
	if strings.Contains(out, "Other flags:\n") {
		t.Errorf("report --help lists flags in no group; add them to flagGroups (flaggroups.go):\n%s", out[strings.Index(out, "Other flags:"):])
	}
	if strings.Contains(out, "\nFlags:\n") {
		t.Error("report --help has an ungrouped Flags: section")
	}
}
