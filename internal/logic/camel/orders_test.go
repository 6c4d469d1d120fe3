package camel_test

import (
	"fmt"
	"net/http"
	"testing"

	"kami/internal/testkit"
)

type orderItem struct {
	ID              int64  `json:"id"`
	OrderNo         string `json:"orderNo"`
	AccountPhone    string `json:"accountPhone"`
	Status          string `json:"status"`
	PlatformOrderNo string `json:"platformOrderNo"`
	NotifyStatus    string `json:"notifyStatus"`
}

// TestOrdersAdmin: list with filters, one order, its history, a refresh that finds it paid,
// a redeliver refused before payment, and the export.
func TestOrdersAdmin(t *testing.T) {
	p := newPool(t, 1000)
	accs := p.online(t, 1, 10)
	o := p.submit(t, "adm-1", 1200).order(t)
	p.submit(t, "adm-2", 1300).order(t)
	var list struct {
		Items []orderItem `json:"items"`
		Total int         `json:"total"`
	}
	p.admin.Get(t, fmt.Sprintf("/api/camel-oil/orders/list?merchantId=%d", p.merchant.ID)).Expect(t, http.StatusOK).Decode(t, &list)
	if list.Total != 2 || list.Items[0].AccountPhone != accs[0].Phone || list.Items[0].NotifyStatus != "pending" {
		t.Fatalf("list %+v", list)
	}
	p.admin.Get(t, "/api/camel-oil/orders/list?orderNo="+o.OrderNo).Expect(t, http.StatusOK).Decode(t, &list)
	if list.Total != 1 || list.Items[0].OrderNo != o.OrderNo {
		t.Fatalf("by orderNo %+v", list)
	}
	id := list.Items[0].ID
	path := fmt.Sprintf("/api/camel-oil/orders/%d", id)
	p.admin.Post(t, path+"/notify", nil).Expect(t, http.StatusConflict)
	p.fake.Pay(list.Items[0].PlatformOrderNo)
	var got orderItem
	p.admin.Post(t, path+"/refresh", nil).Expect(t, http.StatusOK).Decode(t, &got)
	if got.Status != "paid" {
		t.Fatalf("refreshed %+v", got)
	}
	var h history
	p.admin.Get(t, path+"/history").Expect(t, http.StatusOK).Decode(t, &h)
	if h.Total != 2 || h.Items[0].ToStatus != "paid" || h.Items[1].ToStatus != "pending_pay" {
		t.Fatalf("history %+v", h)
	}
	p.admin.Post(t, path+"/notify", nil).Expect(t, http.StatusOK)
	rows := testkit.XLSXRows(t, p.admin.Get(t, fmt.Sprintf("/api/camel-oil/orders/export?merchantId=%d", p.merchant.ID)).Expect(t, http.StatusOK))
	if len(rows) != 3 {
		t.Fatalf("export rows %v", rows)
	}
}
