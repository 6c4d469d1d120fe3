package proxy

import (
	"context"
	"encoding/json"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/consts"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/internal/principal"
)

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// assignable loads a static product that sells chosen IPs (assignIp=1); any other product is
// 400 CAPABILITY_UNSUPPORTED, an unknown one 404.
func assignable(ctx context.Context, productNo string) (*entity.ProxyProduct, error) {
	p, err := productByNo(ctx, productNo)
	if err != nil {
		return nil, err
	}
	if p.Kind != "static" || p.AssignIp != 1 {
		return nil, errs.CapabilityUnsupported.New()
	}
	return p, nil
}

// CreateStaticAssignOrder is POST /api/proxy/orders/static-assign: one instance on the IP the
// caller chose, price × cycles, the same steps as a static order (§3).
func (s *sProxy) CreateStaticAssignOrder(ctx context.Context, req *v1.StaticAssignOrderReq) (*v1.StaticAssignOrderRes, error) {
	caller := principal.From(ctx)
	if _, err := assignable(ctx, req.ProductNo); err != nil {
		return nil, err
	}
	up, p, price, err := s.prepareOrder(ctx, req.ProductNo, "static")
	if err != nil {
		return nil, err
	}
	if req.UserId != 0 {
		if _, err := ownedUser(ctx, req.UserId); err != nil {
			return nil, err
		}
	}
	appOrderNo := ipipv.NewAppOrderNo(s.now())
	body, _ := json.Marshal(ipipv.AssignRequest{AppOrderNo: appOrderNo, ProductNo: p.ProductNo, AssignIP: req.Ip,
		CycleTimes: req.CycleTimes})
	o := entity.ProxyOrder{AppOrderNo: appOrderNo, ReqId: ipipv.NewReqID(), Kind: "static_assign", Status: stSubmitting,
		AgentId: caller.UserID, UserId: req.UserId, ProductNo: p.ProductNo, Quantity: 1, CycleTimes: req.CycleTimes,
		UnitPrice: price, SaleAmount: price * int64(req.CycleTimes), UpstreamPath: ipipv.PathOpenAssign,
		RequestBody: string(body), AutoRenew: boolInt(req.AutoRenew)}
	if err := s.insertOrder(ctx, &o, caller.Role != consts.RoleSuperAdmin); err != nil {
		return nil, err
	}
	return s.send(ctx, up, o)
}

// AssignIP is GET /api/proxy/assign-ip: asks the upstream whether the IP can be bought now.
func (s *sProxy) AssignIP(ctx context.Context, req *v1.AssignIPReq) (*v1.AssignIPRes, error) {
	if _, err := assignable(ctx, req.ProductNo); err != nil {
		return nil, err
	}
	up, err := s.upstream()
	if err != nil {
		return nil, err
	}
	info, err := up.AssignIPInfo(ctx, req.ProductNo, req.Ip)
	if err != nil {
		return nil, upstreamErr(err)
	}
	return &v1.AssignIPRes{Ip: req.Ip, CanBuy: info.CanBuyStatus == 1}, nil
}
