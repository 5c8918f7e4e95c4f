package segment

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// ErrInvalidMap is returned by [NewMap] for a grid map that does not assign every cell
// exactly once, or names an unknown segment or a malformed cell.
var ErrInvalidMap = errors.New("invalid segment map")

// Cell is one cell of the R×F grid, both scores 1–5.
type Cell struct{ R, F Score }

// String formats c as "R3F4".
func (c Cell) String() string { return fmt.Sprintf("R%dF%d", c.R, c.F) }

// Map assigns each of the 25 cells of the R×F grid to one segment. A Map is immutable and
// safe for concurrent use; build one with [NewMap] or use [DefaultMap].
type Map struct {
	segments []Segment  // in report order, each with at least one cell
	cells    [5][5]int8 // [R-1][F-1] → index into segments
}

// defaultConfig is the widely used R×F grid (see DOMAIN.md), in report order.
var defaultConfig = []struct {
	code  string
	cells []string
}{
	{Champions, []string{"R5,F4-5"}},
	{Loyal, []string{"R3-4,F4-5"}},
	{PotentialLoyalists, []string{"R4-5,F2-3"}},
	{New, []string{"R5,F1"}},
	{Promising, []string{"R4,F1"}},
	{NeedAttention, []string{"R3,F3"}},
	{AboutToSleep, []string{"R3,F1-2"}},
	{AtRisk, []string{"R1-2,F3-4"}},
	{CantLose, []string{"R1-2,F5"}},
	{Hibernating, []string{"R1-2,F1-2"}},
}

// DefaultConfig returns the default grid as a config structure, segment code → cells, for
// a config file to start from. The map is new.
//
//	champions           R5,F4-5      loyal           R3-4,F4-5
//	potential-loyalists R4-5,F2-3    new             R5,F1
//	promising           R4,F1        need-attention  R3,F3
//	about-to-sleep      R3,F1-2      at-risk         R1-2,F3-4
//	cant-lose           R1-2,F5      hibernating     R1-2,F1-2
func DefaultConfig() map[string][]string {
	cfg := make(map[string][]string, len(defaultConfig))
	for _, d := range defaultConfig {
		cfg[d.code] = slices.Clone(d.cells)
	}
	return cfg
}

var defaultMap = func() *Map {
	m, err := NewMap(DefaultConfig())
	if err != nil {
		panic("segment: default map: " + err.Error())
	}
	return m
}()

// DefaultMap returns the default grid map: the ten [Segments] on the cells of
// [DefaultConfig].
func DefaultMap() *Map { return defaultMap }

// NewMap builds a Map from a config structure: segment code → cells. A cell is written
// "R5F4", "R5,F4" or with ranges "R1-2,F3-4" (spaces, lower case and "–" are accepted).
// Codes are those of [Segments]; extra adds segments of its own (or renames a default
// one), which follow the default ones in report order. Every one of the 25 cells must be
// assigned exactly once; the error names every missing or doubly assigned cell.
func NewMap(cfg map[string][]string, extra ...Segment) (*Map, error) {
	catalogue := Segments()
	for _, e := range extra {
		if e.Code == "" {
			return nil, fmt.Errorf("%w: extra segment %q has no code", ErrInvalidMap, e.Name)
		}
		if i := slices.IndexFunc(catalogue, func(s Segment) bool { return s.Code == e.Code }); i >= 0 {
			catalogue[i] = e
		} else {
			catalogue = append(catalogue, e)
		}
	}
	if len(catalogue) > 127 {
		return nil, fmt.Errorf("%w: %d segments, at most 127", ErrInvalidMap, len(catalogue))
	}

	var problems []string
	var owners [5][5][]string
	for _, code := range slices.Sorted(maps.Keys(cfg)) {
		if !slices.ContainsFunc(catalogue, func(s Segment) bool { return s.Code == code }) {
			known := make([]string, len(catalogue))
			for i, s := range catalogue {
				known[i] = s.Code
			}
			problems = append(problems, fmt.Sprintf("unknown segment %q (known: %s)", code, strings.Join(known, ", ")))
			continue
		}
		if len(cfg[code]) == 0 {
			problems = append(problems, fmt.Sprintf("segment %q has no cells", code))
		}
		for _, spec := range cfg[code] {
			cells, err := ParseCells(spec)
			if err != nil {
				problems = append(problems, fmt.Sprintf("segment %q: %v", code, err))
				continue
			}
			for _, c := range cells {
				o := &owners[c.R-1][c.F-1]
				if !slices.Contains(*o, code) {
					*o = append(*o, code)
				}
			}
		}
	}

	var missing []string
	for r := range 5 {
		for f := range 5 {
			c := Cell{Score(r + 1), Score(f + 1)}
			switch o := owners[r][f]; {
			case len(o) == 0:
				missing = append(missing, c.String())
			case len(o) > 1:
				problems = append(problems, fmt.Sprintf("cell %s is assigned to %d segments (%s)", c, len(o), strings.Join(o, ", ")))
			}
		}
	}
	switch len(missing) {
	case 0:
	case 1:
		problems = append(problems, fmt.Sprintf("cell %s is not assigned to any segment", missing[0]))
	default:
		problems = append(problems, fmt.Sprintf("cells %s are not assigned to any segment", strings.Join(missing, ", ")))
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("%w: %s", ErrInvalidMap, strings.Join(problems, "; "))
	}

	m := &Map{}
	for _, s := range catalogue {
		if len(cfg[s.Code]) == 0 {
			continue
		}
		idx := int8(len(m.segments))
		m.segments = append(m.segments, s)
		for r := range 5 {
			for f := range 5 {
				if owners[r][f][0] == s.Code {
					m.cells[r][f] = idx
				}
			}
		}
	}
	return m, nil
}

var cellPattern = regexp.MustCompile(`^R([0-9])(?:-([0-9]))?,?F([0-9])(?:-([0-9]))?$`)

// ParseCells parses a cell or a block of cells: "R5F4", "R5,F4", "R1-2,F3-4". Spaces,
// lower case and "–" for the range are accepted.
func ParseCells(spec string) ([]Cell, error) {
	norm := strings.ToUpper(strings.NewReplacer(" ", "", "\t", "", "–", "-").Replace(spec))
	g := cellPattern.FindStringSubmatch(norm)
	if g == nil {
		return nil, fmt.Errorf("cell %q is not of the form R1-2,F3 (scores 1 to 5)", spec)
	}
	rng := func(a, b string) (lo, hi Score, err error) {
		lo = Score(a[0] - '0')
		hi = lo
		if b != "" {
			hi = Score(b[0] - '0')
		}
		switch {
		case lo < 1 || hi > 5:
			return 0, 0, fmt.Errorf("cell %q: scores run from 1 to 5", spec)
		case lo > hi:
			return 0, 0, fmt.Errorf("cell %q: range %d-%d runs backwards", spec, lo, hi)
		}
		return lo, hi, nil
	}
	r0, r1, err := rng(g[1], g[2])
	if err != nil {
		return nil, err
	}
	f0, f1, err := rng(g[3], g[4])
	if err != nil {
		return nil, err
	}
	var cells []Cell
	for r := r0; r <= r1; r++ {
		for f := f0; f <= f1; f++ {
			cells = append(cells, Cell{r, f})
		}
	}
	return cells, nil
}
