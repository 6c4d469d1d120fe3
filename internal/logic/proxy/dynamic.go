package proxy

import (
	"context"
	"encoding/json"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model/entity"
	"kami/internal/principal"
)

// CreateDynamicOrder is POST /api/proxy/orders/dynamic: flow is bought on the caller's main
// account (flow = GB × base MB); with a user, that user's limit grows at success (§3 Apply).
func (s *sProxy) CreateDynamicOrder(ctx context.Context, req *v1.DynamicOrderReq) (*v1.DynamicOrderRes, error) {
	caller := principal.From(ctx)
	up, p, price, err := s.prepareOrder(ctx, req.ProductNo, "dynamic")
	if err != nil {
		return nil, err
	}
	if req.UserId != 0 {
		if _, err := ownedUser(ctx, req.UserId); err != nil {
			return nil, err
		}
	}
	main, err := s.mainAccount(ctx, up, caller.UserID)
	if err != nil {
		return nil, err
	}
	appOrderNo := ipipv.NewAppOrderNo(s.now())
	body, _ := json.Marshal(ipipv.OpenRequest{AppOrderNo: appOrderNo, Params: []ipipv.OpenItem{{ProductNo: p.ProductNo,
		Count: 1, CycleTimes: 1, AppUsername: main, Flow: ipipv.GBToMB(int64(req.FlowGb), p.FlowBase)}}})
	o := entity.ProxyOrder{AppOrderNo: appOrderNo, ReqId: ipipv.NewReqID(), Kind: "dynamic", Status: stSubmitting,
		AgentId: caller.UserID, UserId: req.UserId, ProductNo: p.ProductNo, Quantity: req.FlowGb, CycleTimes: 1,
		UnitPrice: price, SaleAmount: price * int64(req.FlowGb), UpstreamPath: ipipv.PathOpen, RequestBody: string(body)}
	if err := s.insertOrder(ctx, &o, caller.Role != consts.RoleSuperAdmin); err != nil {
		return nil, err
	}
	return s.send(ctx, up, o)
}

// boughtBytes is a dynamic order's flow in bytes: 1 GB = base MB, 1 MB = base² B.
func boughtBytes(o entity.ProxyOrder, base int) int64 {
	b := ipipv.FlowBase(base)
	return int64(o.Quantity) * b * b * b
}

// growUserLimit is growLimit with the product's flow base.
func (s *sProxy) growUserLimit(ctx context.Context, o entity.ProxyOrder, now *gtime.Time) error {
	var p entity.ProxyProduct
	if err := dao.ProxyProduct.Ctx(ctx).Where(dao.ProxyProduct.Columns().ProductNo, o.ProductNo).Scan(&p); err != nil {
		return err
	}
	return growLimit(ctx, o, boughtBytes(o, p.FlowBase), now)
}
