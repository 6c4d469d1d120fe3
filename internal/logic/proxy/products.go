package proxy

import (
	"context"

	v1 "kami/api/proxy/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/timefmt"
)

var productSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.ProxyProduct.Columns().Id),
	"salePrice": listq.Ordinal(dao.ProxyProduct.Columns().SalePrice),
	"sort":      listq.Ordinal(dao.ProxyProduct.Columns().Sort),
})

// sellable is §3's rule on top of the super-admin's switch: enabled, online, not count-sold,
// priced, and never below cost.
func sellable(p entity.ProxyProduct, price int64) bool {
	return p.Sellable == 1 && p.UpstreamEnable == 1 && p.UpstreamStatus == "online" && p.IpCount == 0 &&
		price > 0 && price >= p.CostPrice
}

// effectivePrices returns the caller's overrides by productNo.
func effectivePrices(ctx context.Context, agentID int64) (map[string]int64, error) {
	var rows []entity.ProxyPrice
	if err := dao.ProxyPrice.Ctx(ctx).Where(dao.ProxyPrice.Columns().AgentId, agentID).Scan(&rows); err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.ProductNo] = r.SalePrice
	}
	return out, nil
}

// Products is GET /api/proxy/products/list.
func (s *sProxy) Products(ctx context.Context, req *v1.ProductListReq) (*v1.ProductListRes, error) {
	p := principal.From(ctx)
	cols := dao.ProxyProduct.Columns()
	m := dao.ProxyProduct.Ctx(ctx)
	if req.ProxyType != 0 {
		m = m.Where(cols.ProxyType, req.ProxyType)
	}
	if req.Kind != "" {
		m = m.Where(cols.Kind, req.Kind)
	}
	if req.CountryCode != "" {
		m = m.Where(cols.CountryCode, req.CountryCode)
	}
	if req.Keyword != "" {
		m = m.WhereLike(cols.Name, "%"+req.Keyword+"%")
	}
	rows, total, err := listq.Page[entity.ProxyProduct](m, req.PageReq, productSorts)
	if err != nil {
		return nil, err
	}
	over, err := effectivePrices(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	res := &v1.ProductListRes{Items: make([]v1.ProductItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		it := productItem(r, over, p.Role == consts.RoleSuperAdmin)
		if req.Sellable != nil && it.Sellable != *req.Sellable {
			continue
		}
		res.Items = append(res.Items, it)
	}
	return res, nil
}

func productItem(r entity.ProxyProduct, over map[string]int64, super bool) v1.ProductItem {
	price := r.SalePrice
	if o, ok := over[r.ProductNo]; ok {
		price = o
	}
	name := r.Name
	if r.DisplayName != "" {
		name = r.DisplayName
	}
	it := v1.ProductItem{ProductNo: r.ProductNo, Name: name, ProxyType: r.ProxyType, Kind: r.Kind,
		CountryCode: r.CountryCode, StateCode: r.StateCode, CityCode: r.CityCode, Unit: r.Unit, Duration: r.Duration,
		Inventory: r.Inventory, DrawType: r.DrawType, AssignIp: r.AssignIp, FlowBase: r.FlowBase,
		Caps: v1.Caps{IpWhiteList: r.CapIpWhiteList, PwdDrawProxyUser: r.CapPwdDraw,
			ProxyUserFlowLimit: r.CapUserFlowLimit, FlowUseLog: r.CapFlowUseLog},
		SalePrice: price, Sellable: sellable(r, price), UpstreamStatus: r.UpstreamStatus}
	if r.SyncedAt != nil {
		t := timefmt.Format(r.SyncedAt)
		it.SyncedAt = &t
	}
	if super {
		cost, raw := r.CostPrice, r.CostPriceRaw
		it.CostPrice, it.CostPriceRaw = &cost, &raw
	}
	return it
}
