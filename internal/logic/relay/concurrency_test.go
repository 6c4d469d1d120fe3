package relay_test

import (
	"context"
	"errors"
	"sync"
	"testing"

	"github.com/openai/openai-go/v3"

	"kami/internal/dao"
	"kami/internal/service"
	"kami/internal/testkit"
)

// Many parallel requests on one token near its limit (or its owner near an empty account): the
// token's committed quota never passes quotaLimit, the account never goes below zero, every
// refusal is one of the two quota codes, and the ledger agrees with the log rows.
func TestParallelRequestsNearQuota(t *testing.T) {
	ctx := context.Background()
	fake := fakeUpstream(t) // usage {10, 5}: 15 units at MR 1; pre-charge (11 + 10) = 21
	m := testkit.UniqueName("gpt")
	seedPrice(t, m, "1", "1")
	seedChannel(t, "c", fake.URL(), 0, 1, []string{m}, "sk-k")
	service.Relay().Invalidate(ctx)
	cases := []struct {
		name       string
		funds      int64
		quotaLimit int64
	}{
		{"token limit binds", 100000, 300},
		{"account binds", 250, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := newAgent(t, c.funds, c.quotaLimit)
			cl := sdk(a.Key)
			p := chatParams(m)
			p.MaxTokens = openai.Int(10)
			var wg sync.WaitGroup
			var mu sync.Mutex
			ok, refused := 0, 0
			for range 50 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					_, err := cl.Chat.Completions.New(ctx, p)
					mu.Lock()
					defer mu.Unlock()
					var apiErr *openai.Error
					switch {
					case err == nil:
						ok++
					case errors.As(err, &apiErr) && (apiErr.Code == "token_quota_exhausted" || apiErr.Code == "insufficient_user_quota"):
						refused++
					default:
						t.Errorf("unexpected error %v", err)
					}
				}()
			}
			wg.Wait()
			if ok == 0 || refused == 0 || ok+refused != 50 {
				t.Fatalf("ok %d refused %d", ok, refused)
			}
			sum, err := dao.RelayLogs.Ctx(ctx).Where("token_id", a.TokenID).Fields("COALESCE(SUM(quota),0)").Value()
			if err != nil {
				t.Fatal(err)
			}
			if c.quotaLimit > 0 && sum.Int64() > c.quotaLimit {
				t.Fatalf("token committed %d over its limit %d", sum.Int64(), c.quotaLimit)
			}
			if sum.Int64() != int64(ok)*15 {
				t.Fatalf("committed %d for %d successes", sum.Int64(), ok)
			}
			if b := balance(t, a.UserID); b.Available != c.funds-sum.Int64() {
				t.Fatalf("balance %+v after %d committed", b, sum.Int64())
			}
			audit(t, a.UserID)
		})
	}
}
