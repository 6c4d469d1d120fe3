package camel_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"kami/internal/logic/camel"
)

// TestPlatformFaults (§7.3): a rejected token moves the order to the next account and gives
// the slot back (account → pending_login); 1101 pauses the account; banned → invalid; a 5xx
// or a timeout keeps the slot and makes no order (503 PLATFORM_UNAVAILABLE); with every
// account paused the 429 NO_CAPACITY says when the day ends.
func TestPlatformFaults(t *testing.T) {
	p := newPool(t, 1000)
	accs := p.online(t, 3, 6) // b takes 5 slots below: never its limit
	a, b, c := accs[0], accs[1], accs[2]

	p.fake.RejectToken(p.tokens[a.ID]) // a is picked first: fewest orders, never used, lowest id
	o := p.submit(t, "f-1", 1000).order(t)
	if got := p.get(t, a.ID); got.Status != "pending_login" || got.DailyOrderCount != 0 {
		t.Fatalf("rejected account: %+v", got)
	}
	if got := p.get(t, b.ID); got.DailyOrderCount != 1 || p.fake.OrdersFor(p.tokens[b.ID]) != 1 {
		t.Fatalf("next account: %+v (order %s)", got, o.OrderNo)
	}

	p.fake.DailyLimitFor(p.tokens[c.ID]) // c has fewer orders than b: tried first
	p.submit(t, "f-2", 1000).order(t)
	if got := p.get(t, c.ID); got.Status != "paused_daily" {
		t.Fatalf("1101 account: %+v", got)
	}
	if got := p.get(t, b.ID); got.DailyOrderCount != 2 {
		t.Fatalf("b after 1101 on c: %+v", got)
	}

	p.fake.FailOrders(1)
	r := p.submit(t, "f-3", 1000)
	if r.Status != http.StatusServiceUnavailable || r.code() != "PLATFORM_UNAVAILABLE" {
		t.Fatalf("5xx: %d %s", r.Status, r.code())
	}
	if got := p.get(t, b.ID); got.DailyOrderCount != 3 || orderRows(t, p.merchant.ID) != 2 {
		t.Fatalf("after a 5xx the slot stays and no row is made: %+v rows %d", got, orderRows(t, p.merchant.ID))
	}

	// No answer within the client's timeout: the same as a 5xx (the platform may have made it).
	camel.ShortenPlatformTimeout(t, 200*time.Millisecond)
	p.fake.SetDelay(2 * time.Second)
	r = p.submit(t, "f-3b", 1000)
	if r.Status != http.StatusServiceUnavailable || r.code() != "PLATFORM_UNAVAILABLE" {
		t.Fatalf("timeout: %d %s", r.Status, r.code())
	}
	if got := p.get(t, b.ID); got.DailyOrderCount != 4 || orderRows(t, p.merchant.ID) != 2 {
		t.Fatalf("after a timeout the slot stays and no row is made: %+v rows %d", got, orderRows(t, p.merchant.ID))
	}
	p.fake.SetDelay(0)

	p.fake.BanToken(p.tokens[b.ID])
	r = p.submit(t, "f-4", 1000)
	if r.Status != http.StatusTooManyRequests || r.code() != "NO_CAPACITY" {
		t.Fatalf("banned last account: %d %s", r.Status, r.code())
	}
	if got := p.get(t, b.ID); got.Status != "invalid" || got.DailyOrderCount != 4 {
		t.Fatalf("banned account: %+v", got)
	}
	// Only c is usable, and it is paused for today: Retry-After runs to 00:00 Asia/Shanghai.
	if s, _ := strconv.Atoi(r.Header.Get("Retry-After")); s < 1 || s > 86400 {
		t.Fatalf("Retry-After %q", r.Header.Get("Retry-After"))
	}
	if orderRows(t, p.merchant.ID) != 2 {
		t.Fatal("a refused submit wrote an order")
	}
	var h history
	p.admin.Get(t, "/api/camel-oil/accounts/"+strconv.FormatInt(b.ID, 10)+"/history").Expect(t, http.StatusOK).Decode(t, &h)
	if h.Total != 1 || h.Items[0].FromStatus != "online" || h.Items[0].ToStatus != "invalid" {
		t.Fatalf("history of the banned account: %+v", h)
	}
}
