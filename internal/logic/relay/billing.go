package relay

import (
	"github.com/shopspring/decimal"
)

// Price is one relay_prices row in decimal form (relay.md §3). Ratios are parsed from their
// decimal strings and never pass through float64: 0.07 × 1.5 × 200 must be 21, not 22.
type Price struct {
	Model           string
	ModelRatio      decimal.Decimal // MR: quota per prompt token
	CompletionRatio decimal.Decimal // CR
	CacheRatio      decimal.Decimal // CaR, for cached prompt tokens
	ModelPrice      decimal.Decimal // > 0: per-call mode
	Tokenizer       string
	OwnedBy         string
	Created         int64 // unix seconds, for /v1/models
}

// PerCall reports whether the price charges per call instead of per token.
func (p Price) PerCall() bool { return p.ModelPrice.IsPositive() }

// Usage is what one request consumed, from the upstream or the local tokenizer.
type Usage struct {
	Prompt     int64
	Cached     int64
	Completion int64 // including reasoning tokens
}

// ceilUnits is the one rounding of a charge: up, to whole ledger units.
func ceilUnits(d decimal.Decimal) int64 {
	if !d.IsPositive() {
		return 0
	}
	return d.Ceil().IntPart()
}

// FinalQuota is the settled charge: ceil((P − C + C×CaR + Q×CR) × MR × GR), 0 when nothing was
// used; per-call: ceil(modelPrice × GR) when any output reached the client, else 0.
func FinalQuota(p Price, groupRatio decimal.Decimal, u Usage, delivered bool) int64 {
	if p.PerCall() {
		if !delivered {
			return 0
		}
		return ceilUnits(p.ModelPrice.Mul(groupRatio))
	}
	if u.Prompt+u.Completion <= 0 {
		return 0
	}
	cached := min(max(u.Cached, 0), max(u.Prompt, 0))
	tokens := decimal.NewFromInt(u.Prompt - cached).
		Add(decimal.NewFromInt(cached).Mul(p.CacheRatio)).
		Add(decimal.NewFromInt(u.Completion).Mul(p.CompletionRatio))
	return ceilUnits(tokens.Mul(p.ModelRatio).Mul(groupRatio))
}

// EstimatePromptTokens is the pre-charge's prompt estimate: one token per three bytes of the raw
// messages (+ tools) or input, rounded up.
func EstimatePromptTokens(rawBytes int) int64 { return (int64(rawBytes) + 2) / 3 }

// PreQuota is the reservation taken once before the first attempt: ceil((est + maxOut×CR) × MR
// × GR) for chat, ceil(est × MR × GR) for embeddings (maxOut 0), ceil(modelPrice × GR) per call.
func PreQuota(p Price, groupRatio decimal.Decimal, est, maxOut int64) int64 {
	if p.PerCall() {
		return ceilUnits(p.ModelPrice.Mul(groupRatio))
	}
	tokens := decimal.NewFromInt(est).Add(decimal.NewFromInt(maxOut).Mul(p.CompletionRatio))
	return ceilUnits(tokens.Mul(p.ModelRatio).Mul(groupRatio))
}

// MaxOutput is the completion reserve: max_completion_tokens, else max_tokens, else the
// setting's default, times n (n < 1 counts as 1).
func MaxOutput(maxCompletion, maxTokens *int64, defaultReserve, n int64) int64 {
	out := defaultReserve
	switch {
	case maxCompletion != nil:
		out = *maxCompletion
	case maxTokens != nil:
		out = *maxTokens
	}
	return max(out, 0) * max(n, 1)
}
