package proxy

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/utility/dbx"
)

// UpdateProduct is PUT /api/proxy/products/{productNo} (super-admin). The row's version guards
// the write, so an edit racing the sync's margin guard is 409 CONFLICT instead of undoing it.
func (s *sProxy) UpdateProduct(ctx context.Context, req *v1.ProductUpdateReq) (*v1.ProductUpdateRes, error) {
	cols := dao.ProxyProduct.Columns()
	var p *entity.ProxyProduct
	if err := dao.ProxyProduct.Ctx(ctx).Where(cols.ProductNo, req.ProductNo).Scan(&p); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if p == nil {
		return nil, errs.NotFound.New()
	}
	now := gtime.New(s.now())
	d := do.ProxyProduct{Version: p.Version + 1, UpdatedAt: now}
	if req.SalePrice != nil {
		d.SalePrice = *req.SalePrice
	}
	if req.Sellable != nil {
		d.Sellable = map[bool]int{true: 1, false: 0}[*req.Sellable]
	}
	if req.DisplayName != nil {
		d.DisplayName = *req.DisplayName
	}
	if req.Sort != nil {
		d.Sort = *req.Sort
	}
	err := dao.ProxyProduct.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		r, err := dao.ProxyProduct.Ctx(ctx).Where(cols.Id, p.Id).Where(cols.Version, p.Version).Data(d).Update()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return errs.Conflict.New()
		}
		if req.SalePrice == nil || *req.SalePrice == p.SalePrice {
			return nil
		}
		_, err = dao.ProxyPriceHistory.Ctx(ctx).Data(do.ProxyPriceHistory{ProductNo: p.ProductNo,
			OldPrice: p.SalePrice, NewPrice: *req.SalePrice, OperatorId: principal.From(ctx).UserID, CreatedAt: now}).Insert()
		return err
	})
	if err != nil {
		return nil, err
	}
	var row entity.ProxyProduct
	if err := dao.ProxyProduct.Ctx(ctx).WherePri(p.Id).Scan(&row); err != nil {
		return nil, err
	}
	it := productItem(row, nil, true)
	return &it, nil
}
