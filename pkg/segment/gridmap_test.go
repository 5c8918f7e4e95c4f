package segment

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

func TestDefaultMap(t *testing.T) {
	m := DefaultMap()
	t.Run("every segment has a cell and every cell a segment", func(t *testing.T) {
		cells := make([]int, len(m.segments))
		for r := range 5 {
			for f := range 5 {
				cells[m.cells[r][f]]++
			}
		}
		for i, n := range cells {
			if n == 0 {
				t.Errorf("segment %s has no cell", m.segments[i].Code)
			}
		}
	})

	// The grid of DOMAIN.md, R5 at the top, F1 on the left.
	want := [5][5]string{
		{New, PotentialLoyalists, PotentialLoyalists, Champions, Champions}, // R5
		{Promising, PotentialLoyalists, PotentialLoyalists, Loyal, Loyal},   // R4
		{AboutToSleep, AboutToSleep, NeedAttention, Loyal, Loyal},           // R3
		{Hibernating, Hibernating, AtRisk, AtRisk, CantLose},                // R2
		{Hibernating, Hibernating, AtRisk, AtRisk, CantLose},                // R1
	}
	for row, cells := range want {
		r := Score(5 - row)
		for f, code := range cells {
			c := Cell{r, Score(f + 1)}
			t.Run("cell "+c.String()+" is "+code, func(t *testing.T) {
				if got := at(m, c.R, c.F).Code; got != code {
					t.Errorf("At(%s) = %s, want %s", c, got, code)
				}
			})
		}
	}

	t.Run("segments come in report order, champions first and hibernating last", func(t *testing.T) {
		var codes []string
		for _, s := range m.segments {
			codes = append(codes, s.Code)
		}
		want := []string{Champions, Loyal, PotentialLoyalists, New, Promising, NeedAttention,
			AboutToSleep, AtRisk, CantLose, Hibernating}
		if !reflect.DeepEqual(codes, want) {
			t.Errorf("order = %v, want %v", codes, want)
		}
	})

	t.Run("the default map's config builds the same map again", func(t *testing.T) {
		cfg := configOf(m)
		again, err := NewMap(cfg)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(again, m) {
			t.Errorf("round trip changed the map")
		}
		if !reflect.DeepEqual(cfg, DefaultConfig()) {
			t.Errorf("Config() = %v, want %v", cfg, DefaultConfig())
		}
	})
}

func TestLookupFindsEveryDefault(t *testing.T) {
	for _, s := range Segments() { // their names are in package words (TestSegmentNames)
		if got, ok := Lookup(s.Code); !ok || got != s {
			t.Errorf("Lookup(%q) = %+v, %v", s.Code, got, ok)
		}
	}
}

func TestNewMapRejects(t *testing.T) {
	tests := []struct {
		name   string
		change func(cfg map[string][]string)
		want   []string // substrings of the error
	}{
		{
			name:   "a custom map with a missing cell is rejected with a message naming it",
			change: func(cfg map[string][]string) { cfg[Champions] = []string{"R5F4"} },
			want:   []string{"cell R5F5 is not assigned to any segment"},
		},
		{
			name:   "several missing cells are all named",
			change: func(cfg map[string][]string) { delete(cfg, Hibernating) },
			want:   []string{"cells R1F1, R1F2, R2F1, R2F2 are not assigned to any segment"},
		},
		{
			name:   "a doubly assigned cell is named with both segments",
			change: func(cfg map[string][]string) { cfg[Champions] = []string{"R5,F4-5", "R4F5"} },
			want:   []string{"cell R4F5 is assigned to 2 segments (champions, loyal)"},
		},
		{
			name:   "an unknown segment code is rejected with the known ones",
			change: func(cfg map[string][]string) { cfg["champion"] = cfg[Champions]; delete(cfg, Champions) },
			want:   []string{`unknown segment "champion" (known: champions, loyal,`, "cells R5F4, R5F5 are not assigned"},
		},
		{
			name:   "a malformed cell is rejected",
			change: func(cfg map[string][]string) { cfg[New] = []string{"R5 F0"} },
			want:   []string{`segment "new": cell "R5 F0": scores run from 1 to 5`, "cell R5F1 is not assigned"},
		},
		{
			name:   "a backwards range is rejected",
			change: func(cfg map[string][]string) { cfg[Hibernating] = []string{"R2-1,F1-2"} },
			want:   []string{`cell "R2-1,F1-2": range 2-1 runs backwards`},
		},
		{
			name:   "a segment without cells is rejected",
			change: func(cfg map[string][]string) { cfg[CantLose] = nil; cfg[AtRisk] = []string{"R1-2,F3-5"} },
			want:   []string{`segment "cant-lose" has no cells`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg := DefaultConfig()
			tt.change(cfg)
			m, err := NewMap(cfg)
			if err == nil {
				t.Fatalf("NewMap accepted %v: %+v", cfg, m)
			}
			if !errors.Is(err, ErrInvalidMap) {
				t.Errorf("error %v is not ErrInvalidMap", err)
			}
			msg := err.Error()
			for _, w := range tt.want {
				if !strings.Contains(msg, w) {
					t.Errorf("error %q does not contain %q", msg, w)
				}
			}
			if msg != strings.ToLower(msg[:1])+msg[1:] || strings.HasSuffix(msg, ".") {
				t.Errorf("error %q should start lowercase and not end with a period", msg)
			}
		})
	}
}

func TestNewMapAccepts(t *testing.T) {
	t.Run("a coarser custom map with its own segment orders it after the default ones", func(t *testing.T) {
		cfg := map[string][]string{
			Champions:   {"r4-5, f4-5"},
			"active":    {"R4–5,F1-3", "R3F1-5"},
			Hibernating: {"R1-2F1-5"},
		}
		m, err := NewMap(cfg, Segment{Code: "active", Name: "Active", NameDE: "Aktiv"})
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, s := range m.segments {
			codes = append(codes, s.Code)
		}
		if want := []string{Champions, Hibernating, "active"}; !reflect.DeepEqual(codes, want) {
			t.Errorf("segments = %v, want %v", codes, want)
		}
		if got := at(m, 3, 5); got.NameDE != "Aktiv" {
			t.Errorf("At(3, 5) = %+v", got)
		}
		want := map[string][]string{
			Champions:   {"R4-5,F4-5"},
			Hibernating: {"R1-2,F1-5"},
			"active":    {"R3,F1-5", "R4-5,F1-3"},
		}
		if got := configOf(m); !reflect.DeepEqual(got, want) {
			t.Errorf("Config() = %v, want %v", got, want)
		}
	})
}

func TestParseCells(t *testing.T) {
	tests := []struct {
		spec string
		want []Cell
	}{
		{"R5F4", []Cell{{5, 4}}},
		{"R5,F4", []Cell{{5, 4}}},
		{" r1-2 , f1–2 ", []Cell{{1, 1}, {1, 2}, {2, 1}, {2, 2}}},
		{"R3F4-5", []Cell{{3, 4}, {3, 5}}},
	}
	for _, tt := range tests {
		t.Run(tt.spec+" is parsed", func(t *testing.T) {
			got, err := ParseCells(tt.spec)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseCells(%q) = %v, %v; want %v", tt.spec, got, err, tt.want)
			}
		})
	}
	for _, bad := range []string{"", "R6F1", "F1R1", "R1", "R1F1F2", "R0-2F1", "RxF1"} {
		t.Run(bad+" is rejected", func(t *testing.T) {
			if got, err := ParseCells(bad); err == nil {
				t.Errorf("ParseCells(%q) = %v, want an error", bad, got)
			}
		})
	}
}
