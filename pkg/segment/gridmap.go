package segment

import (
	"errors"
	"fmt"
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
	codes := make([]string, 0, len(cfg))
	for code := range cfg {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	for _, code := range codes {
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

// Segments returns the map's segments in report order. The slice is new.
func (m *Map) Segments() []Segment { return slices.Clone(m.segments) }

// At returns the segment of the cell (r, f). It panics when a score is outside 1–5.
func (m *Map) At(r, f Score) Segment { return m.segments[m.index(r, f)] }

func (m *Map) index(r, f Score) int { return int(m.cells[r-1][f-1]) }

// Cells returns the cells of the segment with the given code, R then F ascending; none for
// a code the map does not use.
func (m *Map) Cells(code string) []Cell {
	var out []Cell
	for r := range 5 {
		for f := range 5 {
			if m.segments[m.cells[r][f]].Code == code {
				out = append(out, Cell{Score(r + 1), Score(f + 1)})
			}
		}
	}
	return out
}

// Config returns m as a config structure that [NewMap] turns back into the same map: per
// segment, blocks of cells such as "R1-2,F3-4". The map is new.
func (m *Map) Config() map[string][]string {
	cfg := make(map[string][]string, len(m.segments))
	for i, s := range m.segments {
		// Per R row, the runs of F the segment holds; equal runs in adjacent rows merge.
		type block struct{ r0, r1, f0, f1 int }
		var blocks []block
		var open []block // blocks ending at the previous row
		for r := range 5 {
			var next []block
			for f := 0; f < 5; {
				if int(m.cells[r][f]) != i {
					f++
					continue
				}
				f0 := f
				for f < 5 && int(m.cells[r][f]) == i {
					f++
				}
				b := block{r, r, f0, f - 1}
				if j := slices.IndexFunc(open, func(o block) bool { return o.f0 == b.f0 && o.f1 == b.f1 }); j >= 0 {
					b.r0 = open[j].r0
					open = slices.Delete(open, j, j+1)
				}
				next = append(next, b)
			}
			blocks = append(blocks, open...)
			open = next
		}
		blocks = append(blocks, open...)
		slices.SortFunc(blocks, func(a, b block) int {
			if a.r0 != b.r0 {
				return a.r0 - b.r0
			}
			return a.f0 - b.f0
		})
		for _, b := range blocks {
			cfg[s.Code] = append(cfg[s.Code], "R"+span(b.r0, b.r1)+",F"+span(b.f0, b.f1))
		}
	}
	return cfg
}

// span formats the zero-based run a..b as one-based scores: "3" or "1-2".
func span(a, b int) string {
	if a == b {
		return fmt.Sprint(a + 1)
	}
	return fmt.Sprintf("%d-%d", a+1, b+1)
}
