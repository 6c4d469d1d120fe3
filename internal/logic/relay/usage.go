package relay

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/gogf/gf/v2/frame/g"
)

// upstreamUsage is the usage object of an answer or a stream chunk.
type upstreamUsage struct {
	PromptTokens        int64 `json:"prompt_tokens"`
	CompletionTokens    int64 `json:"completion_tokens"`
	PromptTokensDetails *struct {
		CachedTokens int64 `json:"cached_tokens"`
	} `json:"prompt_tokens_details"`
}

func (u *upstreamUsage) usage() Usage {
	out := Usage{Prompt: u.PromptTokens, Completion: u.CompletionTokens}
	if u.PromptTokensDetails != nil {
		out.Cached = u.PromptTokensDetails.CachedTokens
	}
	return out
}

// textParts is what a completion message (or a stream delta) delivers that the local count
// bills: content, reasoning and tool calls.
type textParts struct {
	Content          string `json:"content"`
	ReasoningContent string `json:"reasoning_content"`
	ToolCalls        []struct {
		Function struct {
			Name      string `json:"name"`
			Arguments string `json:"arguments"`
		} `json:"function"`
	} `json:"tool_calls"`
}

// appendTo writes the parts' text to b in delivery order.
func (t *textParts) appendTo(b *strings.Builder) {
	b.WriteString(t.Content)
	b.WriteString(t.ReasoningContent)
	for _, tc := range t.ToolCalls {
		b.WriteString(tc.Function.Name)
		b.WriteString(tc.Function.Arguments)
	}
}

// usageOf is the usage of a non-stream answer: the upstream's when it sent one, else the local
// tokenizer's count of the request and of the answer's text.
func usageOf(ctx context.Context, body []byte, p *parsed, tokenizer string) (Usage, string) {
	var a struct {
		Usage   *upstreamUsage `json:"usage"`
		Choices []struct {
			Message textParts `json:"message"`
		} `json:"choices"`
	}
	_ = json.Unmarshal(body, &a)
	if a.Usage != nil {
		return a.Usage.usage(), "upstream"
	}
	var text strings.Builder
	for _, c := range a.Choices {
		c.Message.appendTo(&text)
	}
	return Usage{Prompt: localPrompt(ctx, p, tokenizer), Completion: localCompletion(ctx, text.String(), tokenizer)}, "local"
}

// localCompletion counts the delivered text (content, reasoning, tool calls; never an error
// message) in one encoding, so tokens split across chunks are not counted twice. Without a
// tokenizer: bytes÷3.
func localCompletion(ctx context.Context, delivered string, tokenizer string) int64 {
	enc, err := encodingOf(tokenizer)
	if err == nil {
		var n int64
		if n, err = countTokens(enc, delivered); err == nil {
			return n
		}
	}
	g.Log("relay").Warningf(ctx, "relay: counting the completion locally: %v; billing bytes/3", err)
	return EstimatePromptTokens(len(delivered))
}

// localPrompt counts the request's prompt (relay.md §3); when the tokenizer or the body's shape
// fails it, the pre-charge estimate stands in: the request is never failed for it.
func localPrompt(ctx context.Context, p *parsed, tokenizer string) int64 {
	enc, err := encodingOf(tokenizer)
	if err == nil {
		var n int64
		if p.kind == kindEmbeddings {
			n, err = inputTokens(enc, p.fields["input"])
		} else {
			n, err = chatPromptTokens(enc, p.fields["messages"], p.fields["tools"])
		}
		if err == nil {
			return n
		}
	}
	g.Log("relay").Warningf(ctx, "relay: counting the prompt locally: %v; billing the estimate", err)
	return p.est
}
