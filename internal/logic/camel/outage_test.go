package camel_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/alicebob/miniredis/v2"

	"kami/internal/dao"
	"kami/internal/testkit"
)

// TestSubmitRedisDown (§7.8): a node whose Redis is stopped answers every signed submit 503
// UNAVAILABLE and writes nothing — no order row, no slot taken, no history row, no platform
// call — and takes orders again once its Redis is back. The Redis is a miniredis of this test
// on a random port that only the second node uses; the package's own store is never touched.
func TestSubmitRedisDown(t *testing.T) {
	p := newPool(t, 100000)
	accs := p.online(t, 2, 50)
	mr, err := miniredis.Run()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(mr.Close)
	node := testkit.Current().StartNode(t, "KAMI_REDIS_ADDR="+mr.Addr())
	sign := p.sign
	sign.base = node.BaseURL

	if o := sign.post(t, "/orders", map[string]any{"merchantOrderNo": "rd-up", "amount": 100}).order(t); o.Status != "pending_pay" {
		t.Fatalf("before the outage: %+v", o)
	}
	type snapshot struct{ rows, calls, used, history int }
	snap := func() snapshot {
		s := snapshot{rows: orderRows(t, p.merchant.ID), calls: p.fake.Calls()}
		for _, a := range accs {
			s.used += p.get(t, a.ID).DailyOrderCount
			n, err := dao.CamelOilAccountHistory.Ctx(context.Background()).
				Where(dao.CamelOilAccountHistory.Columns().AccountId, a.ID).Count()
			if err != nil {
				t.Fatal(err)
			}
			s.history += n
		}
		return s
	}
	before := snap()
	if before.rows != 1 || before.calls != 1 || before.used != 1 {
		t.Fatalf("before the outage: %+v", before)
	}

	mr.Close()
	for i := range 5 {
		r := sign.post(t, "/orders", map[string]any{"merchantOrderNo": fmt.Sprintf("rd-down-%d", i), "amount": 100})
		if r.Status != http.StatusServiceUnavailable || r.code() != "UNAVAILABLE" {
			t.Fatalf("submit %d with Redis down: %d %s %s", i, r.Status, r.code(), r.Env.Message)
		}
	}
	if after := snap(); after != before {
		t.Fatalf("a submit refused with Redis down wrote something: before %+v, after %+v", before, after)
	}

	if err = mr.Restart(); err != nil {
		t.Fatal(err)
	}
	// The node's pool dials again on its own: wait for the first accepted submit.
	deadline := time.Now().Add(30 * time.Second)
	for i := 0; ; i++ {
		r := sign.post(t, "/orders", map[string]any{"merchantOrderNo": fmt.Sprintf("rd-back-%d", i), "amount": 100})
		if r.Status == http.StatusOK {
			break
		}
		if r.Status != http.StatusServiceUnavailable || time.Now().After(deadline) {
			t.Fatalf("after Redis came back: %d %s", r.Status, r.code())
		}
		time.Sleep(50 * time.Millisecond) // waiting on the reconnect, a condition checked each turn
	}
	if after := snap(); after.rows != 2 || after.calls != 2 || after.used != 2 {
		t.Fatalf("after Redis came back: %+v", after)
	}
}
