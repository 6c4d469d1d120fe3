package proxy

import (
	"context"

	v1 "kami/api/proxy/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/utility/dbx"
)

func productByNo(ctx context.Context, productNo string) (*entity.ProxyProduct, error) {
	var p *entity.ProxyProduct
	err := dao.ProxyProduct.Ctx(ctx).Where(dao.ProxyProduct.Columns().ProductNo, productNo).Scan(&p)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if p == nil {
		return nil, errs.NotFound.New()
	}
	return p, nil
}

// GetProduct is GET /api/proxy/products/{productNo}, with the caller's effective price.
func (s *sProxy) GetProduct(ctx context.Context, req *v1.ProductGetReq) (*v1.ProductGetRes, error) {
	p, err := productByNo(ctx, req.ProductNo)
	if err != nil {
		return nil, err
	}
	caller := principal.From(ctx)
	over, err := effectivePrices(ctx, caller.UserID)
	if err != nil {
		return nil, err
	}
	it := productItem(*p, over, caller.Role == consts.RoleSuperAdmin)
	return &it, nil
}

var areaSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":       listq.Ordinal(dao.ProxyProductArea.Columns().Id),
	"areaCode": listq.Text(dao.ProxyProductArea.Columns().AreaCode),
})

// ProductAreas is GET /api/proxy/products/{productNo}/areas (404 for an unknown product).
func (s *sProxy) ProductAreas(ctx context.Context, req *v1.ProductAreasReq) (*v1.ProductAreasRes, error) {
	if _, err := productByNo(ctx, req.ProductNo); err != nil {
		return nil, err
	}
	m := dao.ProxyProductArea.Ctx(ctx).Where(dao.ProxyProductArea.Columns().ProductNo, req.ProductNo)
	rows, total, err := listq.Page[entity.ProxyProductArea](m, req.PageReq, areaSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.ProductAreasRes{Items: make([]v1.AreaItem, 0, len(rows)), Total: total}
	for _, a := range rows {
		res.Items = append(res.Items, v1.AreaItem{AreaCode: a.AreaCode, CountryCode: a.CountryCode,
			StateCode: a.StateCode, CityCode: a.CityCode, Status: a.Status, Region: a.Region})
	}
	return res, nil
}
