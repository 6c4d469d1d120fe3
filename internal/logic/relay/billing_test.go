package relay

import (
	"testing"

	"github.com/shopspring/decimal"
)

func dec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// The contract's vectors (relay.md §3), including the one float64 gets wrong (22 for 21).
func TestFinalQuotaVectors(t *testing.T) {
	one := dec("1")
	cases := []struct {
		name      string
		price     Price
		gr        string
		u         Usage
		delivered bool
		want      int64
	}{
		{"decimal case", Price{ModelRatio: dec("0.07"), CompletionRatio: dec("3"), CacheRatio: one}, "1.5", Usage{Prompt: 50, Completion: 50}, true, 21},
		{"plain", Price{ModelRatio: dec("0.075"), CompletionRatio: dec("4"), CacheRatio: one}, "1", Usage{Prompt: 1000, Completion: 500}, true, 225},
		{"group 0.9", Price{ModelRatio: dec("0.075"), CompletionRatio: dec("4"), CacheRatio: one}, "0.9", Usage{Prompt: 1000, Completion: 500}, true, 203},
		{"minimum 1", Price{ModelRatio: dec("0.1"), CompletionRatio: one, CacheRatio: one}, "1", Usage{Prompt: 3}, true, 1},
		{"nothing used", Price{ModelRatio: dec("0.1"), CompletionRatio: one, CacheRatio: one}, "1", Usage{}, true, 0},
		{"cached clamped to prompt", Price{ModelRatio: dec("1"), CompletionRatio: one, CacheRatio: dec("0.5")}, "1", Usage{Prompt: 10, Cached: 40}, true, 5},
		{"negative cached is 0", Price{ModelRatio: dec("1"), CompletionRatio: one, CacheRatio: dec("0.5")}, "1", Usage{Prompt: 10, Cached: -3}, true, 10},
		{"per call delivered", Price{ModelPrice: dec("2.5")}, "1.5", Usage{}, true, 4},
		{"per call nothing delivered", Price{ModelPrice: dec("2.5")}, "1.5", Usage{Prompt: 9}, false, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := FinalQuota(c.price, dec(c.gr), c.u, c.delivered); got != c.want {
				t.Fatalf("FinalQuota = %d, want %d", got, c.want)
			}
		})
	}
	if f := (50 + 50*3.0) * 0.07 * 1.5; f <= 21 {
		t.Logf("float64 gives %v here; the decimal path must not depend on it", f)
	}
}

func TestPreQuota(t *testing.T) {
	p := Price{ModelRatio: dec("0.07"), CompletionRatio: dec("3"), CacheRatio: dec("1")}
	mt := int64(10)
	cases := []struct {
		name       string
		bytes      int
		maxC, maxT *int64
		n          int64
		gr         string
		embeddings bool
		want       int64
	}{
		{"default reserve", 30, nil, nil, 1, "1", false, 216},   // (10 + 1024×3) × 0.07 = 215.74
		{"max_tokens × n", 30, nil, &mt, 2, "1.5", false, 8},    // (10 + 20×3) × 0.105 = 7.35
		{"max_completion wins", 30, &mt, nil, 1, "1", false, 3}, // (10 + 30) × 0.07 = 2.8
		{"embeddings", 31, nil, nil, 1, "1", true, 1},           // 11 × 0.07 = 0.77
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			out := MaxOutput(c.maxC, c.maxT, 1024, c.n)
			if c.embeddings {
				out = 0
			}
			if got := PreQuota(p, dec(c.gr), EstimatePromptTokens(c.bytes), out); got != c.want {
				t.Fatalf("PreQuota = %d, want %d", got, c.want)
			}
		})
	}
	if got := PreQuota(Price{ModelPrice: dec("3")}, dec("1.2"), 100, 100); got != 4 {
		t.Fatalf("per-call pre-charge = %d, want 4", got)
	}
}
