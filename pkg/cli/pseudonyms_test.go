package cli

import (
	"encoding/json"
	"regexp"
	"slices"

	"github.com/rogpeppe/go-internal/testscript"
)

var pseudonym = regexp.MustCompile(`^P-[0-9A-Z]{8}$`)

// pseudonymsKept is the script command "pseudonyms-kept MAY.json JUNE.json": the JSON
// reports of two months, both pseudonymised; every customer June says was still lapsed
// has the pseudonym May's lapsed list gave them, and every one won back since the
// pseudonym May gave them.
func pseudonymsKept(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 || neg {
		ts.Fatalf("usage: pseudonyms-kept MAY.json JUNE.json")
	}
	var may struct {
		Lapsed []struct {
			ID string `json:"id"`
		} `json:"lapsed"`
		Statuses map[string]string `json:"statuses"`
	}
	var june struct {
		Since struct {
			Still []string `json:"still_lapsed"`
			Won   []string `json:"won_back"`
		} `json:"since_last_time"`
	}
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[0])), &may))
	ts.Check(json.Unmarshal([]byte(ts.ReadFile(args[1])), &june))
	var ids []string
	for _, c := range may.Lapsed {
		ids = append(ids, c.ID)
	}
	if len(june.Since.Still) == 0 || len(june.Since.Won) == 0 {
		ts.Fatalf("%s names nobody still lapsed or nobody won back", args[1])
	}
	for _, id := range june.Since.Still {
		if !pseudonym.MatchString(id) || !slices.Contains(ids, id) {
			ts.Fatalf("%s names %s still lapsed, which is not a pseudonym of %s's lapsed list", args[1], id, args[0])
		}
	}
	for _, id := range june.Since.Won {
		if _, ok := may.Statuses[id]; !ok || !pseudonym.MatchString(id) {
			ts.Fatalf("%s names %s won back, which is not a pseudonym %s gave", args[1], id, args[0])
		}
	}
	ts.Logf("%d pseudonyms of %s kept in %s", len(june.Since.Still)+len(june.Since.Won), args[0], args[1])
}
