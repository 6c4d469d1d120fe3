package proxy_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"kami/internal/adapter/ipipv"
	"kami/internal/testkit"
)

type canBuy struct {
	Ip     string `json:"ip"`
	CanBuy bool   `json:"canBuy"`
}

type refundOrder struct {
	order
	RefundAmount int64 `json:"refundAmount"`
}

// assignOnSale puts ST103 (assignIp, refundDuration 24 h, cost 12.50) on sale at 15.00 and
// lets the fake follow the shared clock, frozen for the test.
func assignOnSale(t *testing.T, w world) *ipipv.Fake {
	t.Helper()
	testkit.SharedClock{}.Freeze(t, time.Now())
	t.Cleanup(func() { testkit.SharedClock{}.Release(t) })
	f := onSale(t, w)
	// Products are shared by the package's tests: ST103 goes back off sale afterwards.
	t.Cleanup(func() {
		w.Admin.C.Put(t, "/api/proxy/products/ST103", map[string]any{"salePrice": 0, "sellable": false}).Expect(t, http.StatusOK)
	})
	// Registered after onSale's cleanups so it runs before them (and the one above): they use
	// sessions issued as of now.
	t.Cleanup(func() { testkit.SharedClock{}.Release(t) })
	f.Now = testkit.SharedClock{}.Now
	w.Admin.C.Put(t, "/api/proxy/products/ST103", map[string]any{"salePrice": 1500, "sellable": true}).Expect(t, http.StatusOK)
	return f
}

func assignOne(t *testing.T, w world, f *ipipv.Fake, ip string) order {
	t.Helper()
	var o order
	w.Agent.C.Post(t, "/api/proxy/orders/static-assign", map[string]any{"productNo": "ST103", "ip": ip, "cycleTimes": 2}).
		Expect(t, http.StatusOK).Decode(t, &o)
	if o.Status != "processing" || o.SaleAmount != 3000 {
		t.Fatalf("assign order %+v", o)
	}
	f.Advance()
	w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK).Decode(t, &o)
	if o.Status != "success" || o.ChargedAmount != 3000 || len(o.Instances) != 1 {
		t.Fatalf("assign order after refresh %+v", o)
	}
	assertSettled(t, o)
	return o
}

func TestStaticAssign(t *testing.T) {
	w := newWorld(t)
	f := assignOnSale(t, w)
	fund(t, w.Agent.ID, 10_000)
	var cb canBuy
	w.Agent.C.Get(t, "/api/proxy/assign-ip?productNo=ST103&ip=10.9.9.9").Expect(t, http.StatusOK).Decode(t, &cb)
	if !cb.CanBuy || cb.Ip != "10.9.9.9" {
		t.Fatalf("before %+v", cb)
	}
	bal := balanceOf(t, w.Agent.ID)
	o := assignOne(t, w, f, "10.9.9.9")
	if b := balanceOf(t, w.Agent.ID); bal.Available-b.Available != 3000 || b.Frozen != 0 {
		t.Fatalf("balance %+v → %+v", bal, b)
	}
	var in instance
	w.Agent.C.Get(t, "/api/proxy/instances/"+o.Instances[0]).Expect(t, http.StatusOK).Decode(t, &in)
	if in.Ip != "10.9.9.9" {
		t.Fatalf("instance %+v", in)
	}
	w.Agent.C.Get(t, "/api/proxy/assign-ip?productNo=ST103&ip=10.9.9.9").Expect(t, http.StatusOK).Decode(t, &cb)
	if cb.CanBuy {
		t.Fatal("a bought IP cannot be bought again")
	}

	// Refusals before any upstream write.
	calls := len(f.Calls())
	cases := []struct {
		name   string
		body   map[string]any
		status int
		reason string
	}{
		{"product without assignIp", map[string]any{"productNo": "ST101", "ip": "10.9.9.8", "cycleTimes": 1}, 400, "CAPABILITY_UNSUPPORTED"},
		{"not an IP", map[string]any{"productNo": "ST103", "ip": "nope", "cycleTimes": 1}, 400, ""},
		{"cycles out of range", map[string]any{"productNo": "ST103", "ip": "10.9.9.8", "cycleTimes": 13}, 400, ""},
		{"unknown product", map[string]any{"productNo": "NOPE", "ip": "10.9.9.8", "cycleTimes": 1}, 404, ""},
		{"someone else's proxy user", map[string]any{"productNo": "ST103", "ip": "10.9.9.8", "cycleTimes": 1, "userId": 999999999}, 404, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := w.Agent.C.Post(t, "/api/proxy/orders/static-assign", tc.body).Expect(t, tc.status)
			if tc.reason != "" && r.ErrorCode() != tc.reason {
				t.Fatalf("reason %q", r.ErrorCode())
			}
		})
	}
	w.Agent.C.Get(t, "/api/proxy/assign-ip?productNo=ST101&ip=10.9.9.8").Expect(t, http.StatusBadRequest)
	testkit.Current().Client().Get(t, "/api/proxy/assign-ip?productNo=ST103&ip=10.9.9.8").Expect(t, http.StatusUnauthorized)
	for _, c := range f.Calls()[calls:] {
		if c.Path == ipipv.PathOpenAssign {
			t.Fatal("a refused order reached the upstream")
		}
	}
	// Not enough quota: 409, nothing sent.
	poor := login(t, testkitSeedAgent(t))
	if r := poor.C.Post(t, "/api/proxy/orders/static-assign", map[string]any{"productNo": "ST103", "ip": "10.9.9.7", "cycleTimes": 1}).
		Expect(t, http.StatusConflict); r.ErrorCode() != "QUOTA_INSUFFICIENT" {
		t.Fatalf("reason %q", r.ErrorCode())
	}
}

// §7.10: a release inside refundDuration credits what the instance cost, once; outside it, nothing.
func TestReleaseRefund(t *testing.T) {
	w := newWorld(t)
	f := assignOnSale(t, w)
	fund(t, w.Agent.ID, 10_000)
	release := func(no string) refundOrder {
		t.Helper()
		var o refundOrder
		w.Agent.C.Post(t, "/api/proxy/instances/release", map[string]any{"instanceNos": []string{no}}).
			Expect(t, http.StatusOK).Decode(t, &o)
		f.Advance()
		w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK).Decode(t, &o)
		if o.Status != "success" {
			t.Fatalf("release %+v", o)
		}
		return o
	}

	inside := assignOne(t, w, f, "10.8.0.1")
	testkit.SharedClock{}.Advance(t, 23*time.Hour)
	w.Agent = login(t, w.Agent.SeededUser) // the session expired meanwhile
	bal := balanceOf(t, w.Agent.ID)
	o := release(inside.Instances[0])
	if o.RefundAmount != 3000 {
		t.Fatalf("refund inside the window: %+v", o)
	}
	after := balanceOf(t, w.Agent.ID)
	if after.Available-bal.Available != 3000 || after.Frozen != 0 {
		t.Fatalf("balance %+v → %+v", bal, after)
	}
	// A second trigger (refresh, or a duplicate callback) credits nothing more.
	w.Agent.C.Post(t, fmt.Sprintf("/api/proxy/orders/%d/refresh", o.Id), nil).Expect(t, http.StatusOK)
	if again := balanceOf(t, w.Agent.ID); again != after {
		t.Fatalf("a second apply credited again: %+v → %+v", after, again)
	}

	outside := assignOne(t, w, f, "10.8.0.2")
	testkit.SharedClock{}.Advance(t, 25*time.Hour)
	w.Agent = login(t, w.Agent.SeededUser)
	bal = balanceOf(t, w.Agent.ID)
	if o := release(outside.Instances[0]); o.RefundAmount != 0 {
		t.Fatalf("refund outside the window: %+v", o)
	}
	if b := balanceOf(t, w.Agent.ID); b != bal {
		t.Fatalf("outside the window nothing moves: %+v → %+v", bal, b)
	}
}
