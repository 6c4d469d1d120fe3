package proxy

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

var priceSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.ProxyPrice.Columns().Id),
	"salePrice": listq.Ordinal(dao.ProxyPrice.Columns().SalePrice),
})

func priceItem(r entity.ProxyPrice) v1.PriceItem {
	return v1.PriceItem{Id: r.Id, AgentId: r.AgentId, ProductNo: r.ProductNo, SalePrice: r.SalePrice,
		SetBy: r.SetBy, Version: r.Version, UpdatedAt: timefmt.Format(r.UpdatedAt)}
}

// Prices is GET /api/proxy/prices/list: S all overrides, A those of itself and its subtree.
func (s *sProxy) Prices(ctx context.Context, req *v1.PriceListReq) (*v1.PriceListRes, error) {
	cols := dao.ProxyPrice.Columns()
	m := scope.Apply(ctx, dao.ProxyPrice.Ctx(ctx), cols.AgentId)
	if req.AgentId != 0 {
		m = m.Where(cols.AgentId, req.AgentId)
	}
	if req.ProductNo != "" {
		m = m.Where(cols.ProductNo, req.ProductNo)
	}
	rows, total, err := listq.Page[entity.ProxyPrice](m, req.PageReq, priceSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.PriceListRes{Items: make([]v1.PriceItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, priceItem(r))
	}
	return res, nil
}

// priceTarget checks that the caller may price agentID: an agent-admin or agent strictly below
// the caller (the super-admin: any of them). Anything else is 404, so ids outside the scope
// tell nothing.
func priceTarget(ctx context.Context, agentID int64) error {
	caller := principal.From(ctx)
	var u *entity.Users
	if err := dao.Users.Ctx(ctx).WherePri(agentID).Scan(&u); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if u == nil || u.Id == caller.UserID || (u.Role != consts.RoleAgentAdmin && u.Role != consts.RoleAgent) {
		return errs.NotFound.New()
	}
	return scope.CheckUser(ctx, u.Id, u.Path)
}

// floorFor is the lowest price the caller may set for productNo: nothing for the super-admin;
// an agent-admin its own effective price (its override ?? the product's sale price), so it
// can never resell below what it pays itself.
func floorFor(ctx context.Context, p entity.ProxyProduct) (int64, error) {
	caller := principal.From(ctx)
	if caller.Role == consts.RoleSuperAdmin {
		return 0, nil
	}
	over, err := effectivePrices(ctx, caller.UserID)
	if err != nil {
		return 0, err
	}
	if o, ok := over[p.ProductNo]; ok {
		return o, nil
	}
	return p.SalePrice, nil
}

// PutPrice is PUT /api/proxy/prices: insert or (version-guarded) update an agent's override,
// with a price-history row in the same transaction.
func (s *sProxy) PutPrice(ctx context.Context, req *v1.PricePutReq) (*v1.PricePutRes, error) {
	if err := priceTarget(ctx, req.AgentId); err != nil {
		return nil, err
	}
	p, err := productByNo(ctx, req.ProductNo)
	if err != nil {
		return nil, err
	}
	floor, err := floorFor(ctx, *p)
	if err != nil {
		return nil, err
	}
	if req.SalePrice < floor {
		return nil, errs.PriceBelowFloor.New()
	}
	cols := dao.ProxyPrice.Columns()
	caller := principal.From(ctx)
	now := gtime.New(s.now())
	var id int64
	err = dao.ProxyPrice.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		var cur *entity.ProxyPrice
		if err := dao.ProxyPrice.Ctx(ctx).Where(cols.AgentId, req.AgentId).Where(cols.ProductNo, req.ProductNo).
			Scan(&cur); err != nil && !dbx.IsNoRows(err) {
			return err
		}
		old := p.SalePrice
		if cur == nil {
			if req.Version != nil && *req.Version != 0 {
				return errs.Conflict.New()
			}
			newID, err := dao.ProxyPrice.Ctx(ctx).Data(do.ProxyPrice{AgentId: req.AgentId, ProductNo: req.ProductNo,
				SalePrice: req.SalePrice, SetBy: caller.UserID, CreatedAt: now, UpdatedAt: now}).InsertAndGetId()
			if dbx.IsUniqueViolation(err) {
				return errs.Conflict.New()
			}
			if err != nil {
				return err
			}
			id = newID
		} else {
			version := cur.Version
			if req.Version != nil {
				version = *req.Version
			}
			r, err := dao.ProxyPrice.Ctx(ctx).Where(cols.Id, cur.Id).Where(cols.Version, version).
				Data(do.ProxyPrice{SalePrice: req.SalePrice, SetBy: caller.UserID, Version: version + 1, UpdatedAt: now}).Update()
			if err != nil {
				return err
			}
			if n, _ := r.RowsAffected(); n != 1 {
				return errs.Conflict.New()
			}
			id, old = cur.Id, cur.SalePrice
		}
		if old == req.SalePrice {
			return nil
		}
		_, err := dao.ProxyPriceHistory.Ctx(ctx).Data(do.ProxyPriceHistory{ProductNo: req.ProductNo, AgentId: req.AgentId,
			OldPrice: old, NewPrice: req.SalePrice, OperatorId: caller.UserID, CreatedAt: now}).Insert()
		return err
	})
	if err != nil {
		return nil, err
	}
	var row entity.ProxyPrice
	if err := dao.ProxyPrice.Ctx(ctx).WherePri(id).Scan(&row); err != nil {
		return nil, err
	}
	it := priceItem(row)
	return &it, nil
}

// DeletePrice is DELETE /api/proxy/prices/{id}: only an override the caller may set (an
// agent-admin cannot drop the one the super-admin gave itself); others are 404.
func (s *sProxy) DeletePrice(ctx context.Context, req *v1.PriceDeleteReq) (*v1.PriceDeleteRes, error) {
	var row *entity.ProxyPrice
	if err := dao.ProxyPrice.Ctx(ctx).WherePri(req.Id).Scan(&row); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if row == nil {
		return nil, errs.NotFound.New()
	}
	if err := priceTarget(ctx, row.AgentId); err != nil {
		return nil, err
	}
	now := gtime.New(s.now())
	err := dao.ProxyPrice.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		r, err := dao.ProxyPrice.Ctx(ctx).Where(dao.ProxyPrice.Columns().Id, row.Id).
			Where(dao.ProxyPrice.Columns().Version, row.Version).Delete()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return errs.Conflict.New()
		}
		var p *entity.ProxyProduct
		if p, err = productByNo(ctx, row.ProductNo); err != nil {
			return nil // the product is gone; nothing to record against
		}
		_, err = dao.ProxyPriceHistory.Ctx(ctx).Data(do.ProxyPriceHistory{ProductNo: row.ProductNo, AgentId: row.AgentId,
			OldPrice: row.SalePrice, NewPrice: p.SalePrice, OperatorId: principal.From(ctx).UserID, CreatedAt: now}).Insert()
		return err
	})
	if err != nil {
		return nil, err
	}
	return &v1.PriceDeleteRes{}, nil
}
