package money

import (
	"math"
	"testing"
)

func TestAdd(t *testing.T) {
	tests := []struct {
		name string
		a, b int64
		want int64
	}{
		{"small amounts add up", 2540, -500, 2040},
		{"two rows of 9e16 euros are held at Max instead of wrapping", 9e16 * 100, 9e16 * 100, Max},
		{"Max plus a cent stays Max", Max, 1, Max},
		{"two large refunds are held at -Max", -9e18, -9e18, -Max},
		{"math.MinInt64 is never returned", -Max, -1, -Max},
		{"a refund brings a held sum back down", Max, -100, Max - 100},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Add(tt.a, tt.b); got != tt.want {
				t.Errorf("Add(%d, %d) = %d, want %d", tt.a, tt.b, got, tt.want)
			}
		})
	}
}

func TestRound(t *testing.T) {
	tests := []struct {
		name string
		x    float64
		want int64
	}{
		{"a cent amount rounds to the nearest cent", 2539.5, 2540},
		{"a negative half rounds away from zero", -2.5, -3},
		{"2^63 is held at Max", math.Ldexp(1, 63), Max},
		{"1e30 is held at Max", 1e30, Max},
		{"-1e30 is held at -Max", -1e30, -Max},
		{"+Inf is held at Max", math.Inf(1), Max},
		{"NaN is 0", math.NaN(), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Round(tt.x); got != tt.want {
				t.Errorf("Round(%v) = %d, want %d", tt.x, got, tt.want)
			}
		})
	}
}
