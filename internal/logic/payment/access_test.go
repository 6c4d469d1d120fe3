package payment_test

import (
	"net/http"
	"strconv"
	"testing"

	"kami/internal/testkit"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Every role against every order action: the list is scoped (own, subtree, everyone), a row
// outside the scope is 404, refunds are the super-admin's.
func TestPaymentAccessMatrix(t *testing.T) {
	w := newWorld(t)
	f := withFake(t)
	o := create(t, w.Agent1.C, 1000)
	notify(t, f.Pay(o.OutTradeNo, "Ta"+o.OutTradeNo, 1000)).Expect(t, http.StatusOK)
	id := itoa(o.ID)
	cases := []struct {
		name   string
		m      member
		method string
		path   string
		status int
	}{
		{"owner detail", w.Agent1, "GET", "/api/payment/orders/" + id, 200},
		{"sibling detail", w.Agent2, "GET", "/api/payment/orders/" + id, 404},
		{"parent detail", w.Boss, "GET", "/api/payment/orders/" + id, 200},
		{"other family detail", w.Other, "GET", "/api/payment/orders/" + id, 404},
		{"admin detail", w.Admin, "GET", "/api/payment/orders/" + id, 200},
		{"sibling query", w.Agent2, "POST", "/api/payment/orders/" + id + "/query", 404},
		{"missing detail", w.Admin, "GET", "/api/payment/orders/999999999", 404},
		{"owner refund", w.Agent1, "POST", "/api/payment/orders/" + id + "/refund", 403},
		{"parent refund", w.Boss, "POST", "/api/payment/orders/" + id + "/refund", 403},
		{"anonymous list", member{C: testkit.Current().Client()}, "GET", "/api/payment/orders/list", 401},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := c.m.C.Do(t, c.method, c.path, nil)
			if r.Status != c.status {
				t.Fatalf("HTTP %d %s", r.Status, r.Raw)
			}
		})
	}
	lists := []struct {
		name string
		m    member
		want bool
	}{{"owner", w.Agent1, true}, {"sibling", w.Agent2, false}, {"parent", w.Boss, true}, {"other", w.Other, false},
		{"admin", w.Admin, true}}
	for _, c := range lists {
		t.Run("list "+c.name, func(t *testing.T) {
			var page struct {
				Items []order `json:"items"`
			}
			c.m.C.Get(t, "/api/payment/orders/list?pageSize=100").Expect(t, http.StatusOK).Decode(t, &page)
			seen := false
			for _, it := range page.Items {
				seen = seen || it.ID == o.ID
				if c.name == "owner" && it.UserID != w.Agent1.ID {
					t.Fatalf("agent sees user %d's order", it.UserID)
				}
			}
			if seen != c.want {
				t.Fatalf("order listed: %v, want %v", seen, c.want)
			}
		})
	}
}
