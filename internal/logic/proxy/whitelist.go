package proxy

import (
	"context"
	"net/netip"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
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

// maxWhitelist is §2's cap per agent and product.
const maxWhitelist = 20

var whitelistSorts = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.ProxyWhitelist.Columns().Id)})

// WhitelistList is GET /api/proxy/whitelist/list.
func (s *sProxy) WhitelistList(ctx context.Context, req *v1.WhitelistListReq) (*v1.WhitelistListRes, error) {
	cols := dao.ProxyWhitelist.Columns()
	m := scope.Apply(ctx, dao.ProxyWhitelist.Ctx(ctx), cols.AgentId)
	if req.ProductNo != "" {
		m = m.Where(cols.ProductNo, req.ProductNo)
	}
	rows, total, err := listq.Page[entity.ProxyWhitelist](m, req.PageReq, whitelistSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.WhitelistListRes{Items: make([]v1.WhitelistItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.WhitelistItem{Id: r.Id, AgentId: r.AgentId, ProductNo: r.ProductNo, Ip: r.Ip,
			CreatedAt: timefmt.Format(r.CreatedAt)})
	}
	return res, nil
}

// AddWhitelist is POST /api/proxy/whitelist.
func (s *sProxy) AddWhitelist(ctx context.Context, req *v1.WhitelistAddReq) (*v1.WhitelistAddRes, error) {
	agentID := principal.From(ctx).UserID
	ip, err := netip.ParseAddr(req.Ip)
	if err != nil {
		return nil, errs.InvalidInput.Wrap(err)
	}
	cols := dao.ProxyWhitelist.Columns()
	n, err := dao.ProxyWhitelist.Ctx(ctx).Where(cols.AgentId, agentID).Where(cols.ProductNo, req.ProductNo).Count()
	if err != nil {
		return nil, err
	}
	if n >= maxWhitelist {
		return nil, errs.InvalidState.New()
	}
	return s.changeWhitelist(ctx, ipipv.PathWhitelistAdd, agentID, req.ProductNo, ip.String())
}

// DeleteWhitelist is DELETE /api/proxy/whitelist/{id} (the caller's own entries).
func (s *sProxy) DeleteWhitelist(ctx context.Context, req *v1.WhitelistDeleteReq) (*v1.WhitelistDeleteRes, error) {
	var row *entity.ProxyWhitelist
	cols := dao.ProxyWhitelist.Columns()
	err := dao.ProxyWhitelist.Ctx(ctx).Where(cols.Id, req.Id).Where(cols.AgentId, principal.From(ctx).UserID).Scan(&row)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if row == nil {
		return nil, errs.NotFound.New()
	}
	return s.changeWhitelist(ctx, ipipv.PathWhitelistDel, row.AgentId, row.ProductNo, row.Ip)
}

// changeWhitelist sends the change upstream first, then replaces the local set of (agent,
// product) with the set the upstream answered, so the mirror never drifts from it.
func (s *sProxy) changeWhitelist(ctx context.Context, path string, agentID int64, productNo, ip string) (*v1.WhitelistListRes, error) {
	var p *entity.ProxyProduct
	err := dao.ProxyProduct.Ctx(ctx).Where(dao.ProxyProduct.Columns().ProductNo, productNo).Scan(&p)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if p == nil {
		return nil, errs.NotFound.New()
	}
	if p.CapIpWhiteList != 1 {
		return nil, errs.CapabilityUnsupported.New()
	}
	up, err := s.upstream()
	if err != nil {
		return nil, err
	}
	main, err := s.mainAccount(ctx, up, agentID)
	if err != nil {
		return nil, err
	}
	set, err := up.Whitelist(ctx, path, main, p.ProxyType, productNo, ip)
	if err != nil {
		return nil, upstreamErr(err)
	}
	cols := dao.ProxyWhitelist.Columns()
	now := gtime.New(s.now())
	err = dao.ProxyWhitelist.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		if _, err := dao.ProxyWhitelist.Ctx(ctx).Where(cols.AgentId, agentID).Where(cols.ProductNo, productNo).
			WhereNotIn(cols.Ip, append(set, "")).Delete(); err != nil {
			return err
		}
		for _, ip := range set {
			if _, err := dao.ProxyWhitelist.Ctx(ctx).Data(do.ProxyWhitelist{AgentId: agentID, ProductNo: productNo,
				Ip: ip, CreatedAt: now}).InsertIgnore(); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return s.WhitelistList(ctx, &v1.WhitelistListReq{ProductNo: productNo})
}
