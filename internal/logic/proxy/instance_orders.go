package proxy

import (
	"context"
	"encoding/json"
	"strings"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
)

const instReleased = 11

// ownedInstances loads 1-20 distinct live instances, all the caller's own (it pays); any
// other → 404, so foreign instances do not leak.
func ownedInstances(ctx context.Context, nos []string) ([]entity.ProxyInstance, error) {
	seen := map[string]bool{}
	for _, no := range nos {
		if no == "" || seen[no] {
			return nil, errs.InvalidInput.New()
		}
		seen[no] = true
	}
	if len(nos) == 0 || len(nos) > 20 {
		return nil, errs.InvalidInput.New()
	}
	var rows []entity.ProxyInstance
	cols := dao.ProxyInstance.Columns()
	if err := dao.ProxyInstance.Ctx(ctx).WhereIn(cols.InstanceNo, nos).
		Where(cols.AgentId, principal.From(ctx).UserID).Scan(&rows); err != nil {
		return nil, err
	}
	if len(rows) != len(nos) {
		return nil, errs.NotFound.New()
	}
	for _, r := range rows {
		if r.Status == instReleased {
			return nil, errs.InvalidState.New()
		}
	}
	return rows, nil
}

// readyFor is step 1 of a renew or release: the caller's instances, then the upstream.
func (s *sProxy) readyFor(ctx context.Context, nos []string) (upstream, []entity.ProxyInstance, error) {
	insts, err := ownedInstances(ctx, nos)
	if err != nil {
		return nil, nil, err
	}
	up, err := s.ready()
	return up, insts, err
}

// RenewInstances is POST /api/proxy/instances/renew: Σ effective price × cycles, reserved
// with the instances claimed in one transaction, then sent with renew:false (Kami charges).
func (s *sProxy) RenewInstances(ctx context.Context, req *v1.InstanceRenewReq) (*v1.InstanceRenewRes, error) {
	caller := principal.From(ctx)
	up, insts, err := s.readyFor(ctx, req.InstanceNos)
	if err != nil {
		return nil, err
	}
	var sale int64
	items := make([]ipipv.RenewItem, 0, len(insts))
	for _, in := range insts {
		_, price, err := sellableProduct(ctx, in.ProductNo, caller.UserID)
		if err != nil {
			return nil, err
		}
		sale += price * int64(req.CycleTimes)
		items = append(items, ipipv.RenewItem{InstanceNo: in.InstanceNo, CycleTimes: req.CycleTimes})
	}
	appOrderNo := ipipv.NewAppOrderNo(s.now())
	body, _ := json.Marshal(ipipv.RenewRequest{AppOrderNo: appOrderNo, Instances: items})
	o := entity.ProxyOrder{AppOrderNo: appOrderNo, ReqId: ipipv.NewReqID(), Kind: "renew", Status: stSubmitting,
		AgentId: caller.UserID, ProductNo: insts[0].ProductNo, Quantity: len(insts), CycleTimes: req.CycleTimes,
		UnitPrice: sale / int64(len(insts)*req.CycleTimes), SaleAmount: sale, UpstreamPath: ipipv.PathRenew,
		RequestBody: string(body), InstanceNos: strings.Join(req.InstanceNos, ",")}
	if err := s.insertOrderHolding(ctx, &o, caller.Role != consts.RoleSuperAdmin, req.InstanceNos); err != nil {
		return nil, err
	}
	return s.send(ctx, up, o)
}

// ReleaseInstances is POST /api/proxy/instances/release: free; the instances are held until
// the order ends.
func (s *sProxy) ReleaseInstances(ctx context.Context, req *v1.InstanceReleaseReq) (*v1.InstanceReleaseRes, error) {
	caller := principal.From(ctx)
	up, insts, err := s.readyFor(ctx, req.InstanceNos)
	if err != nil {
		return nil, err
	}
	appOrderNo := ipipv.NewAppOrderNo(s.now())
	body, _ := json.Marshal(ipipv.ReleaseRequest{OrderNo: appOrderNo, AppOrderNo: appOrderNo, Instances: req.InstanceNos})
	o := entity.ProxyOrder{AppOrderNo: appOrderNo, ReqId: ipipv.NewReqID(), Kind: "release", Status: stSubmitting,
		AgentId: caller.UserID, ProductNo: insts[0].ProductNo, Quantity: len(insts), UpstreamPath: ipipv.PathRelease,
		RequestBody: string(body), InstanceNos: strings.Join(req.InstanceNos, ",")}
	if err := s.insertOrderHolding(ctx, &o, false, req.InstanceNos); err != nil {
		return nil, err
	}
	return s.send(ctx, up, o)
}

// unholdInstances frees the instances an ending renew or release order held.
func unholdInstances(ctx context.Context, orderID int64) error {
	cols := dao.ProxyInstance.Columns()
	_, err := dao.ProxyInstance.Ctx(ctx).Where(cols.BusyOrderId, orderID).Data(do.ProxyInstance{BusyOrderId: 0}).Update()
	return err
}

// applyHeld writes what a successful renew (new expiry) or release (released) did to the
// order's own instances, in the order's transition transaction.
func (s *sProxy) applyHeld(ctx context.Context, o entity.ProxyOrder, list []ipipv.Instance) error {
	mine := map[string]bool{}
	for _, no := range strings.Split(o.InstanceNos, ",") {
		mine[no] = true
	}
	cols := dao.ProxyInstance.Columns()
	now := gtime.New(s.now())
	for _, in := range list {
		if !mine[in.InstanceNo] {
			continue
		}
		d := do.ProxyInstance{UpdatedAt: now}
		if o.Kind == "release" {
			d.Status, d.ReleasedAt = instReleased, now
		} else if in.UserExpired > 0 {
			d.ExpiresAt = gtime.New(time.Unix(in.UserExpired, 0).UTC())
		}
		if _, err := dao.ProxyInstance.Ctx(ctx).Where(cols.InstanceNo, in.InstanceNo).Data(d).Update(); err != nil {
			return err
		}
	}
	return nil
}
