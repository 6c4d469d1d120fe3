package camel_test

import (
	"fmt"
	"net/http"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"kami/internal/testkit"
)

// raceSubmits sends n signed submits at once, alternately to this process and to the second
// node, and counts the answers by status; after is called once when half have answered.
func raceSubmits(t *testing.T, p *pool, node *testkit.Node, n int, prefix string, after func()) map[int]int {
	t.Helper()
	hc := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 128, MaxConnsPerHost: 128}}
	signers := []signer{p.sign, p.sign}
	signers[0].hc, signers[1].hc = hc, hc
	signers[1].base = node.BaseURL
	var mu sync.Mutex
	counts := map[int]int{}
	var done atomic.Int64
	var once sync.Once
	var wg sync.WaitGroup
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := signers[i%2].postErr("/orders", map[string]any{"merchantOrderNo": fmt.Sprintf("%s-%d", prefix, i), "amount": 100})
			if err != nil {
				t.Error(err)
				return
			}
			if r.Status == http.StatusTooManyRequests && r.code() != "NO_CAPACITY" {
				t.Errorf("429 %s", r.code())
			}
			if r.Status >= 500 {
				t.Logf("%d %s: %s", r.Status, r.code(), r.Env.Message) // why, when the counts below fail
			}
			mu.Lock()
			counts[r.Status]++
			mu.Unlock()
			if done.Add(1) == int64(n/2) && after != nil {
				once.Do(after)
			}
		}()
	}
	wg.Wait()
	return counts
}

// TestDispatchRaceTwoNodes (§7.1): 500 concurrent signed submits over two server processes,
// 10 online accounts × limit 10 → exactly 100 accepted and 400 NO_CAPACITY, every account at
// exactly 10 (admin API and the fake's own count), all paused_daily with one history row each;
// then again with 3 accounts whose token the fake rejects mid-run: still none over its limit.
func TestDispatchRaceTwoNodes(t *testing.T) {
	p := newPool(t, 100000)
	accs := p.online(t, 10, 10)
	node := testkit.Current().StartNode(t)

	counts := raceSubmits(t, p, node, 500, "race", nil)
	if counts[http.StatusOK] != 100 || counts[http.StatusTooManyRequests] != 400 {
		t.Fatalf("answers %v", counts)
	}
	for _, a := range accs {
		got := p.get(t, a.ID)
		if got.DailyOrderCount != 10 || got.Status != "paused_daily" || p.fake.OrdersFor(p.tokens[a.ID]) != 10 {
			t.Errorf("account %d: %+v, platform %d", a.ID, got, p.fake.OrdersFor(p.tokens[a.ID]))
		}
		var h history
		p.admin.Get(t, fmt.Sprintf("/api/camel-oil/accounts/%d/history", a.ID)).Expect(t, http.StatusOK).Decode(t, &h)
		if h.Total != 1 || h.Items[0].ToStatus != "paused_daily" {
			t.Errorf("history of %d: %+v", a.ID, h)
		}
	}
	if n := orderRows(t, p.merchant.ID); n != 100 {
		t.Fatalf("%d order rows", n)
	}

	// Round two: a fresh pool; three tokens start failing halfway.
	q := newPool(t, 100000)
	accs = q.online(t, 10, 10)
	counts = raceSubmits(t, q, node, 500, "race2", func() {
		for _, a := range accs[:3] {
			q.fake.RejectToken(q.tokens[a.ID])
		}
	})
	total := 0
	for _, a := range accs {
		got := q.get(t, a.ID)
		placed := q.fake.OrdersFor(q.tokens[a.ID])
		if got.DailyOrderCount > 10 || placed > 10 || placed > got.DailyOrderCount {
			t.Errorf("account %d over its limit: %+v, platform %d", a.ID, got, placed)
		}
		total += placed
	}
	if n := orderRows(t, q.merchant.ID); n != total || counts[http.StatusOK] != total {
		t.Fatalf("rows %d, platform orders %d, answers %v", n, total, counts)
	}
}
