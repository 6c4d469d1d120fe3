package derp_test

import (
	"net/http"
	"testing"

	v1 "kami/api/derp/v1"
)

func TestSeededPlansAndTiers(t *testing.T) {
	w := newWorld(t)
	var plans v1.PlanListRes
	w.Agent.C.Get(t, "/api/derp/plans/list").Expect(t, http.StatusOK).Decode(t, &plans)
	days := map[int]bool{}
	for _, p := range plans.Items {
		days[p.Days] = true
	}
	for _, d := range []int{3, 5, 30, 180, 360} {
		if !days[d] {
			t.Errorf("no seeded %d-day plan in %+v", d, plans.Items)
		}
	}
	var tiers v1.TierListRes
	w.Admin.C.Get(t, "/api/derp/tiers/list").Expect(t, http.StatusOK).Decode(t, &tiers)
	want := map[string]int{"gold": 1000, "platinum": 1500, "diamond": 2000}
	for _, tr := range tiers.Items {
		if want[tr.Code] != tr.DiscountBps || want[tr.Code] != tr.CommissionBps {
			t.Errorf("tier %+v, want %d bps", tr, want[tr.Code])
		}
		delete(want, tr.Code)
	}
	if len(want) != 0 {
		t.Errorf("missing tiers %v", want)
	}
}

func TestPlanCRUD(t *testing.T) {
	w := newWorld(t)
	var p v1.PlanItem
	w.Admin.C.Post(t, "/api/derp/plans", map[string]any{"name": "7 天", "days": 7, "price": 990, "status": "enabled"}).
		Expect(t, http.StatusOK).Decode(t, &p)
	if p.Days != 7 || p.Price != 990 || p.MaxDevices != 20 || p.TrafficBytes != 0 || p.Status != "enabled" {
		t.Fatalf("created %+v", p)
	}
	var pub v1.PublicPlansRes
	testClient().Get(t, "/api/derp/public/plans").Expect(t, http.StatusOK).Decode(t, &pub)
	if !hasPlan(pub.Items, p.Id) {
		t.Fatalf("enabled plan %d not public: %+v", p.Id, pub.Items)
	}
	w.Admin.C.Put(t, "/api/derp/plans/"+itoa(p.Id), map[string]any{"status": "disabled", "trafficBytes": 1 << 30}).
		Expect(t, http.StatusOK).Decode(t, &p)
	if p.Status != "disabled" || p.TrafficBytes != 1<<30 || p.Price != 990 {
		t.Fatalf("updated %+v", p)
	}
	testClient().Get(t, "/api/derp/public/plans").Expect(t, http.StatusOK).Decode(t, &pub)
	if hasPlan(pub.Items, p.Id) {
		t.Fatalf("disabled plan %d is public", p.Id)
	}
	bad := []map[string]any{
		{"name": "x", "days": 0, "price": 1},
		{"name": "x", "days": 3661, "price": 1},
		{"name": "x", "days": 3, "price": -1},
		{"name": "x", "days": 3, "price": 1, "status": "on"},
		{"name": "x", "days": 3, "price": 1, "bogus": 1},
	}
	for _, b := range bad {
		w.Admin.C.Post(t, "/api/derp/plans", b).Expect(t, http.StatusBadRequest)
	}
	w.Admin.C.Put(t, "/api/derp/plans/999999", map[string]any{"price": 1}).Expect(t, http.StatusNotFound)
	w.Admin.C.Delete(t, "/api/derp/plans/"+itoa(p.Id)).Expect(t, http.StatusOK)
	w.Admin.C.Delete(t, "/api/derp/plans/"+itoa(p.Id)).Expect(t, http.StatusNotFound)
}

func TestTierUpdate(t *testing.T) {
	w := newWorld(t)
	var tr v1.TierItem
	w.Admin.C.Put(t, "/api/derp/tiers/gold", map[string]any{"discountBps": 1200}).Expect(t, http.StatusOK).Decode(t, &tr)
	t.Cleanup(func() {
		w.Admin.C.Put(t, "/api/derp/tiers/gold", map[string]any{"discountBps": 1000}).Expect(t, http.StatusOK)
	})
	if tr.DiscountBps != 1200 || tr.CommissionBps != 1000 || tr.Name != "黄金" {
		t.Fatalf("updated %+v", tr)
	}
	w.Admin.C.Put(t, "/api/derp/tiers/gold", map[string]any{"discountBps": 10001}).Expect(t, http.StatusBadRequest)
	w.Admin.C.Put(t, "/api/derp/tiers/silver", map[string]any{"discountBps": 1}).Expect(t, http.StatusBadRequest)
}

func TestPublicPayment(t *testing.T) {
	w := newWorld(t)
	w.Admin.C.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"derp.payment": map[string]any{
		"alipay": map[string]any{"name": "Kami", "account": "pay@example.com", "qrUrl": "", "note": "备注订单号"}}}}).
		Expect(t, http.StatusOK)
	t.Cleanup(func() {
		w.Admin.C.Put(t, "/api/system/settings", map[string]any{"values": map[string]any{"derp.payment": nil}}).Expect(t, http.StatusOK)
	})
	var pay v1.PublicPaymentRes
	testClient().Get(t, "/api/derp/public/payment").Expect(t, http.StatusOK).Decode(t, &pay)
	if pay.Alipay == nil || pay.Alipay.Account != "pay@example.com" || pay.Wechat != nil {
		t.Fatalf("payment %+v", pay)
	}
}

func hasPlan(items []v1.PlanItem, id int64) bool {
	for _, it := range items {
		if it.Id == id {
			return true
		}
	}
	return false
}
