package proxy_test

import (
	"context"
	"net/http"
	"testing"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/logic/proxy"
	"kami/internal/model/entity"
)

type productRow struct {
	ProductNo      string `json:"productNo"`
	Kind           string `json:"kind"`
	SalePrice      int64  `json:"salePrice"`
	Sellable       bool   `json:"sellable"`
	UpstreamStatus string `json:"upstreamStatus"`
	FlowBase       int    `json:"flowBase"`
	CostPrice      *int64 `json:"costPrice"`
}

func products(t *testing.T, m member) map[string]productRow {
	t.Helper()
	var page struct {
		Items []productRow `json:"items"`
		Total int          `json:"total"`
	}
	m.C.Get(t, "/api/proxy/products/list?pageSize=100").Expect(t, http.StatusOK).Decode(t, &page)
	out := map[string]productRow{}
	for _, p := range page.Items {
		out[p.ProductNo] = p
	}
	return out
}

// snapshot is every product and area row as stored, to prove an unchanged run writes nothing.
func snapshot(t *testing.T) ([]entity.ProxyProduct, []entity.ProxyProductArea) {
	t.Helper()
	var p []entity.ProxyProduct
	var a []entity.ProxyProductArea
	ctx := context.Background()
	if err := dao.ProxyProduct.Ctx(ctx).OrderAsc("id").Scan(&p); err != nil {
		t.Fatal(err)
	}
	if err := dao.ProxyProductArea.Ctx(ctx).Where("product_no", "D1").OrderAsc("id").Scan(&a); err != nil {
		t.Fatal(err)
	}
	return p, a
}

func TestProductSync(t *testing.T) {
	w := newWorld(t)
	f := withFake(t, w)
	ctx := context.Background()
	cat := []ipipv.Product{
		{ProductNo: "S1", ProductName: "Static", ProxyType: 101, CostPrice: "10.00", Enable: 1},
		{ProductNo: "D1", ProductName: "Dynamic", ProxyType: 104, CostPrice: "3.005", Enable: 1, FlowConversionBase: 1000},
		{ProductNo: "D2", ProductName: "Dynamic 2", ProxyType: 105, CostPrice: "1", Enable: 1},
	}
	areas := []ipipv.Area{{ProductNo: "D1", AreaCode: "US", Status: 1}, {ProductNo: "D1", AreaCode: "JP", Status: 1}}
	f.SetProducts(cat, areas)

	if run := w.Admin.C.RunJob(t, proxy.JobProductSync); run.Status != "success" || run.Items != 3 {
		t.Fatalf("first run %+v", run)
	}
	got := products(t, w.Admin)
	if got["D1"].Kind != "dynamic" || got["D1"].FlowBase != 1000 || got["D2"].FlowBase != 1024 ||
		*got["D1"].CostPrice != 301 || got["S1"].Sellable || got["S1"].SalePrice != 0 {
		t.Fatalf("after the first sync: %+v", got)
	}
	if p := products(t, w.Agent)["S1"]; p.CostPrice != nil {
		t.Fatal("an agent must not see the cost")
	}

	// An unchanged second run writes no product or area row.
	p1, a1 := snapshot(t)
	w.Admin.C.RunJob(t, proxy.JobProductSync)
	p2, a2 := snapshot(t)
	for i := range p1 {
		if p1[i].Version != p2[i].Version || !p1[i].UpdatedAt.Equal(p2[i].UpdatedAt) {
			t.Fatalf("unchanged run rewrote %s", p1[i].ProductNo)
		}
	}
	if len(a1) != 2 || len(a2) != 2 || !a1[0].SyncedAt.Equal(a2[0].SyncedAt) || !a1[1].SyncedAt.Equal(a2[1].SyncedAt) {
		t.Fatalf("areas %d then %d", len(a1), len(a2))
	}

	// The operator prices S1 and puts it on sale (the PUT /products route is a later step).
	cols := dao.ProxyProduct.Columns()
	if _, err := dao.ProxyProduct.Ctx(ctx).Where(cols.ProductNo, "S1").Data(cols.SalePrice, 1200, cols.Sellable, 1).Update(); err != nil {
		t.Fatal(err)
	}
	if !products(t, w.Agent)["S1"].Sellable {
		t.Fatal("priced above cost and switched on: sellable")
	}

	// Change (S1's cost rises above its price), vanish (D2), area vanish (JP).
	cat[0].CostPrice = "15.00"
	f.SetProducts(cat[:2], areas[:1])
	w.Admin.C.RunJob(t, proxy.JobProductSync)
	got = products(t, w.Admin)
	if got["S1"].Sellable || *got["S1"].CostPrice != 1500 || got["S1"].SalePrice != 1200 {
		t.Fatalf("cost above price must make S1 unsellable and keep its price: %+v", got["S1"])
	}
	if got["D2"].UpstreamStatus != "offline" || got["D1"].UpstreamStatus != "online" {
		t.Fatalf("vanished → offline: %+v", got)
	}
	var jp entity.ProxyProductArea
	if err := dao.ProxyProductArea.Ctx(ctx).Where("product_no", "D1").Where("area_code", "JP").Scan(&jp); err != nil || jp.Status != -1 {
		t.Fatalf("a vanished area goes -1: %+v %v", jp, err)
	}

	// Every run left a sync log row.
	n, err := dao.ProxySyncLog.Ctx(ctx).Where("job", proxy.JobProductSync).Count()
	if err != nil || n < 3 {
		t.Fatalf("sync log rows %d, %v", n, err)
	}
}
