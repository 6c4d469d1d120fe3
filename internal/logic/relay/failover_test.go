package relay_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/openai/openai-go/v3"

	"kami/internal/adapter/openaicompat"
	"kami/internal/dao"
	"kami/internal/service"
	"kami/internal/testkit"
)

// Failures before the answer move to the next channel on the same reservation; a client fault
// is passed through sanitized and never retried; when every attempt fails nothing is charged.
func TestFailover(t *testing.T) {
	ctx := context.Background()
	cases := []struct {
		name        string
		top         openaicompat.Behaviour
		low         *openaicompat.Behaviour // nil: the low channel answers OK
		status      int
		code        string
		attempts    int
		lowCalls    int
		charged     bool
		msgContains string
	}{
		{name: "500 then OK", top: openaicompat.Behaviour{Status: 500, Message: "boom"}, status: 200, attempts: 2, lowCalls: 1, charged: true},
		{name: "timeout-free 429 then OK", top: openaicompat.Behaviour{Status: 429, Message: "slow"}, status: 200, attempts: 2, lowCalls: 1, charged: true},
		{name: "400 passed through", top: openaicompat.Behaviour{Status: 400, ErrType: "invalid_request_error", ErrCode: "context_length_exceeded",
			Message: "too long for sk-upstreamTopKey99 on HOST"}, status: 400, code: "context_length_exceeded", attempts: 1, msgContains: "sk-***"},
		{name: "all 500", top: openaicompat.Behaviour{Status: 500}, low: &openaicompat.Behaviour{Status: 503}, status: 502,
			code: "upstream_unavailable", attempts: 2, lowCalls: 1},
		{name: "all 429", top: openaicompat.Behaviour{Status: 429}, low: &openaicompat.Behaviour{Status: 429}, status: 429,
			code: "upstream_rate_limited", attempts: 2, lowCalls: 1},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			top, low := fakeUpstream(t), fakeUpstream(t)
			top.SetDefault(c.top)
			if c.low != nil {
				low.SetDefault(*c.low)
			}
			m := testkit.UniqueName("gpt")
			seedPrice(t, m, "1", "1")
			seedChannel(t, "top", top.URL(), 10, 1, []string{m}, "sk-upstreamTopKey99")
			seedChannel(t, "low", low.URL(), 0, 1, []string{m}, "sk-upstreamLowKey99")
			service.Relay().Invalidate(ctx)
			a := newAgent(t, 100000, 0)
			cl := sdk(a.Key)
			_, err := cl.Chat.Completions.New(ctx, chatParams(m))
			if c.status == 200 {
				if err != nil {
					t.Fatal(err)
				}
			} else {
				var apiErr *openai.Error
				if !errors.As(err, &apiErr) || apiErr.StatusCode != c.status || apiErr.Code != c.code {
					t.Fatalf("err = %v", err)
				}
				if strings.Contains(apiErr.Message, "sk-upstreamTopKey99") || strings.Contains(apiErr.Message, "127.0.0.1") ||
					!strings.Contains(apiErr.Message, c.msgContains) {
					t.Fatalf("message leaks or lacks %q: %q", c.msgContains, apiErr.Message)
				}
			}
			if n := len(low.Requests()); n != c.lowCalls {
				t.Fatalf("low channel calls = %d, want %d", n, c.lowCalls)
			}
			row := logRow(t, a.TokenID)
			if row.Attempts != c.attempts || (row.Quota > 0) != c.charged {
				t.Fatalf("row attempts %d quota %d", row.Attempts, row.Quota)
			}
			if n, _ := dao.QuotaReservations.Ctx(ctx).Where("ref", "relay:"+row.RequestId).Count(); n != 1 {
				t.Fatalf("reservations = %d", n)
			}
			if !c.charged && balance(t, a.UserID).Available != 100000 {
				t.Fatalf("a failed request charged: %+v", balance(t, a.UserID))
			}
			audit(t, a.UserID)
		})
	}
}
