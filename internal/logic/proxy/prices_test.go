package proxy_test

import (
	"fmt"
	"net/http"
	"testing"

	"kami/internal/consts"
	"kami/internal/logic/proxy"
	"kami/internal/testkit"
)

type product struct {
	ProductNo string `json:"productNo"`
	SalePrice int64  `json:"salePrice"`
	Sellable  bool   `json:"sellable"`
	CostPrice *int64 `json:"costPrice"`
}

type price struct {
	Id        int64 `json:"id"`
	AgentId   int64 `json:"agentId"`
	SalePrice int64 `json:"salePrice"`
	Version   int64 `json:"version"`
}

func effective(t *testing.T, c *testkit.Client, no string) product {
	t.Helper()
	var p product
	c.Get(t, "/api/proxy/products/"+no).Expect(t, http.StatusOK).Decode(t, &p)
	return p
}

func TestProductDetailAndAreas(t *testing.T) {
	w := newWorld(t)
	onSale(t, w)
	if p := effective(t, w.Agent.C, "ST101"); p.SalePrice != 1200 || !p.Sellable || p.CostPrice != nil {
		t.Fatalf("agent's view %+v", p)
	}
	if p := effective(t, w.Admin.C, "ST101"); p.CostPrice == nil || *p.CostPrice != 1000 {
		t.Fatalf("super-admin's view %+v", p)
	}
	w.Agent.C.Get(t, "/api/proxy/products/NOPE").Expect(t, http.StatusNotFound)
	var areas struct {
		Items []struct {
			AreaCode string `json:"areaCode"`
			Region   string `json:"region"`
		} `json:"items"`
		Total int `json:"total"`
	}
	w.Agent.C.Get(t, "/api/proxy/products/DYN104/areas").Expect(t, http.StatusOK).Decode(t, &areas)
	if areas.Total != 1 || areas.Items[0].AreaCode != "US" || areas.Items[0].Region != "North America" {
		t.Fatalf("areas %+v", areas)
	}
	w.Agent.C.Get(t, "/api/proxy/products/NOPE/areas").Expect(t, http.StatusNotFound)
	testkit.Current().Client().Get(t, "/api/proxy/products/ST101").Expect(t, http.StatusUnauthorized)
}

// Agent prices: S prices anyone, A only below itself and never under its own effective price;
// the price an agent sees and pays follows its override.
func TestPrices(t *testing.T) {
	w := newWorld(t)
	onSale(t, w)
	boss2 := login(t, testkit.SeedUser(t, consts.RoleAgentAdmin, testkit.SuperAdmin(t)))
	stranger := login(t, testkitSeedAgent(t))
	put := func(c *testkit.Client, agentID, salePrice int64, status int) (price, *testkit.Resp) {
		t.Helper()
		var p price
		r := c.Put(t, "/api/proxy/prices", map[string]any{"agentId": agentID, "productNo": "ST101", "salePrice": salePrice}).Expect(t, status)
		if status == http.StatusOK {
			r.Decode(t, &p)
		}
		return p, r
	}
	bossPrice, _ := put(w.Admin.C, w.Boss.ID, 1300, http.StatusOK)
	if p := effective(t, w.Boss.C, "ST101"); p.SalePrice != 1300 {
		t.Fatalf("boss pays its override: %+v", p)
	}
	if _, r := put(w.Boss.C, w.Agent.ID, 1250, http.StatusConflict); r.ErrorCode() != "PRICE_BELOW_FLOOR" {
		t.Fatalf("reason %q", r.ErrorCode())
	}
	agentPrice, _ := put(w.Boss.C, w.Agent.ID, 1400, http.StatusOK)
	if p := effective(t, w.Agent.C, "ST101"); p.SalePrice != 1400 {
		t.Fatalf("agent pays its override: %+v", p)
	}
	// Edited again: the version moves; a stale version is 409 CONFLICT.
	again, _ := put(w.Boss.C, w.Agent.ID, 1500, http.StatusOK)
	if again.Id != agentPrice.Id || again.Version != agentPrice.Version+1 {
		t.Fatalf("edit %+v after %+v", again, agentPrice)
	}
	if r := w.Boss.C.Put(t, "/api/proxy/prices", map[string]any{"agentId": w.Agent.ID, "productNo": "ST101",
		"salePrice": 1600, "version": agentPrice.Version}).Expect(t, http.StatusConflict); r.ErrorCode() != "CONFLICT" {
		t.Fatalf("stale edit reason %q", r.ErrorCode())
	}

	// Refusals: itself, outside the subtree, wrong role, bad input, unknown product.
	put(w.Boss.C, w.Boss.ID, 2000, http.StatusNotFound)
	put(w.Boss.C, stranger.ID, 2000, http.StatusNotFound)
	put(boss2.C, w.Agent.ID, 2000, http.StatusNotFound)
	put(w.Agent.C, w.Agent.ID, 2000, http.StatusForbidden)
	put(w.Admin.C, w.Admin.ID, 2000, http.StatusNotFound)
	put(w.Admin.C, w.Agent.ID, 0, http.StatusBadRequest)
	w.Admin.C.Put(t, "/api/proxy/prices", map[string]any{"agentId": w.Agent.ID, "productNo": "NOPE", "salePrice": 1}).Expect(t, http.StatusNotFound)
	w.Agent.C.Get(t, "/api/proxy/prices/list").Expect(t, http.StatusForbidden)

	list := func(c *testkit.Client) map[int64]price {
		t.Helper()
		var page struct {
			Items []price `json:"items"`
		}
		c.Get(t, "/api/proxy/prices/list?productNo=ST101&pageSize=100").Expect(t, http.StatusOK).Decode(t, &page)
		out := map[int64]price{}
		for _, p := range page.Items {
			out[p.Id] = p
		}
		return out
	}
	if got := list(w.Boss.C); len(got) != 2 || got[agentPrice.Id].SalePrice != 1500 {
		t.Fatalf("boss's list %+v", got)
	}
	if got := list(boss2.C); len(got) != 0 {
		t.Fatalf("another agent-admin's list %+v", got)
	}
	if got := list(w.Admin.C); got[bossPrice.Id].SalePrice != 1300 {
		t.Fatalf("super-admin's list %+v", got)
	}

	// Delete: A cannot drop the override S gave it; it can drop its agent's.
	w.Boss.C.Delete(t, fmt.Sprintf("/api/proxy/prices/%d", bossPrice.Id)).Expect(t, http.StatusNotFound)
	boss2.C.Delete(t, fmt.Sprintf("/api/proxy/prices/%d", agentPrice.Id)).Expect(t, http.StatusNotFound)
	w.Boss.C.Delete(t, fmt.Sprintf("/api/proxy/prices/%d", agentPrice.Id)).Expect(t, http.StatusOK)
	w.Boss.C.Delete(t, fmt.Sprintf("/api/proxy/prices/%d", agentPrice.Id)).Expect(t, http.StatusNotFound)
	if p := effective(t, w.Agent.C, "ST101"); p.SalePrice != 1200 {
		t.Fatalf("back to the product price: %+v", p)
	}
}

func TestRegionSync(t *testing.T) {
	w := newWorld(t)
	withFake(t, w)
	pauseJobs(t, w.Admin.C, proxy.JobRegionSync)
	w.Admin.C.RunJob(t, proxy.JobRegionSync)
	if run := w.Admin.C.RunJob(t, proxy.JobRegionSync); run.Items != 0 {
		t.Fatalf("an unchanged tree writes nothing: %+v", run)
	}
	var l struct {
		Items []struct {
			Code   string `json:"code"`
			NameEn string `json:"nameEn"`
		} `json:"items"`
	}
	w.Agent.C.Get(t, "/api/proxy/regions").Expect(t, http.StatusOK).Decode(t, &l)
	if len(l.Items) != 2 || l.Items[0].Code != "AS" || l.Items[1].Code != "NA" {
		t.Fatalf("top level %+v", l)
	}
	w.Agent.C.Get(t, "/api/proxy/regions?parentCode=JPN").Expect(t, http.StatusOK).Decode(t, &l)
	if len(l.Items) != 1 || l.Items[0].NameEn != "Tokyo" {
		t.Fatalf("under JPN %+v", l)
	}
	testkit.Current().Client().Get(t, "/api/proxy/regions").Expect(t, http.StatusUnauthorized)
}
