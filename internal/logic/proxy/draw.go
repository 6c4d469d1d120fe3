package proxy

import (
	"context"
	"strconv"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/utility/dbx"
)

// drawProduct loads a product for a draw; drawType 1 = api, 2 = pwd, 3 = both. Draws are
// free, so any synced product the upstream offers may be drawn, sold or not.
func drawProduct(ctx context.Context, productNo string, want int) (entity.ProxyProduct, error) {
	var p *entity.ProxyProduct
	err := dao.ProxyProduct.Ctx(ctx).Where(dao.ProxyProduct.Columns().ProductNo, productNo).Scan(&p)
	if err != nil && !dbx.IsNoRows(err) {
		return entity.ProxyProduct{}, err
	}
	if p == nil {
		return entity.ProxyProduct{}, errs.NotFound.New()
	}
	if p.DrawType != want && p.DrawType != 3 {
		return *p, errs.CapabilityUnsupported.New()
	}
	return *p, nil
}

// DrawAPI is POST /api/proxy/draw/api on the caller's main account.
func (s *sProxy) DrawAPI(ctx context.Context, req *v1.DrawAPIReq) (*v1.DrawAPIRes, error) {
	p, err := drawProduct(ctx, req.ProductNo, 1)
	if err != nil {
		return nil, err
	}
	up, err := s.upstream()
	if err != nil {
		return nil, err
	}
	main, err := s.mainAccount(ctx, up, principal.From(ctx).UserID)
	if err != nil {
		return nil, err
	}
	list, err := up.Draw(ctx, ipipv.PathDrawAPI, ipipv.DrawRequest{AppUsername: main, ProxyType: p.ProxyType,
		ProductNo: p.ProductNo, Num: req.Num, AddressCode: req.AddressCode, Protocol: req.Protocol,
		ReturnType: req.ReturnType, Delimiter: req.Delimiter})
	if err != nil {
		return nil, upstreamErr(err)
	}
	res := &v1.DrawAPIRes{Urls: make([]string, 0, len(list))}
	for _, d := range list {
		res.Urls = append(res.Urls, d.ProxyURL)
	}
	return res, nil
}

// DrawPwd is POST /api/proxy/draw/pwd for one of the caller's own proxy users.
func (s *sProxy) DrawPwd(ctx context.Context, req *v1.DrawPwdReq) (*v1.DrawPwdRes, error) {
	u, err := ownedUser(ctx, req.UserId)
	if err != nil {
		return nil, err
	}
	p, err := drawProduct(ctx, req.ProductNo, 2)
	if err != nil {
		return nil, err
	}
	up, err := s.upstream()
	if err != nil {
		return nil, err
	}
	list, err := up.Draw(ctx, ipipv.PathDrawPwd, ipipv.DrawRequest{AppUsername: u.AppUsername, ProxyType: p.ProxyType,
		ProductNo: p.ProductNo, Num: req.Num, AddressCode: req.AddressCode, SessTime: strconv.Itoa(req.SessTime)})
	if err != nil {
		return nil, upstreamErr(err)
	}
	res := &v1.DrawPwdRes{Items: make([]v1.DrawnItem, 0, len(list))}
	for _, d := range list {
		res.Items = append(res.Items, v1.DrawnItem{ProxyUrl: d.ProxyURL, List: append([]string{}, d.List...)})
	}
	return res, nil
}
