package proxy

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/utility/dbx"
)

// Order statuses (§2 Order view).
const (
	stSubmitting = "submitting"
	stUnknown    = "unknown"
	stProcessing = "processing"
	stSuccess    = "success"
	stPartial    = "partial"
	stFailed     = "failed"
)

// QuotaTypeOrder is the ledger movement type of an order's charge.
const QuotaTypeOrder = "proxy_order"

func orderRef(appOrderNo string) string { return "proxy_order:" + appOrderNo }

// sellableProduct loads a product the caller may buy now and its effective unit price.
func sellableProduct(ctx context.Context, productNo string, agentID int64) (entity.ProxyProduct, int64, error) {
	var p *entity.ProxyProduct
	err := dao.ProxyProduct.Ctx(ctx).Where(dao.ProxyProduct.Columns().ProductNo, productNo).Scan(&p)
	if err != nil && !dbx.IsNoRows(err) {
		return entity.ProxyProduct{}, 0, err
	}
	if p == nil {
		return entity.ProxyProduct{}, 0, errs.NotFound.New()
	}
	over, err := effectivePrices(ctx, agentID)
	if err != nil {
		return *p, 0, err
	}
	price := p.SalePrice
	if o, ok := over[productNo]; ok {
		price = o
	}
	if !sellable(*p, price) {
		return *p, 0, errs.ProductNotSellable.New()
	}
	return *p, price, nil
}

// ready is the upstream for an order write: settings present and the breaker closed (an open
// breaker fails fast with 503 before any reserve).
func (s *sProxy) ready() (upstream, error) {
	up, err := s.upstream()
	if err != nil {
		return nil, err
	}
	if s.breakerOpen() {
		return nil, errs.UpstreamUnavailable.New()
	}
	return up, nil
}

// prepareOrder is §3 step 1 common to purchases: settings present, breaker closed, the
// product of that kind sellable to the caller (with its effective unit price).
func (s *sProxy) prepareOrder(ctx context.Context, productNo, kind string) (upstream, entity.ProxyProduct, int64, error) {
	up, err := s.ready()
	if err != nil {
		return nil, entity.ProxyProduct{}, 0, err
	}
	p, price, err := sellableProduct(ctx, productNo, principal.From(ctx).UserID)
	if err == nil && p.Kind != kind {
		err = errs.ProductNotSellable.New()
	}
	return up, p, price, err
}

// CreateStaticOrder is POST /api/proxy/orders/static (§3 steps 1-4).
func (s *sProxy) CreateStaticOrder(ctx context.Context, req *v1.StaticOrderReq) (*v1.StaticOrderRes, error) {
	caller := principal.From(ctx)
	up, p, price, err := s.prepareOrder(ctx, req.ProductNo, "static")
	if err != nil {
		return nil, err
	}
	if req.UserId != 0 {
		if _, err := ownedUser(ctx, req.UserId); err != nil {
			return nil, err
		}
	}
	sale := price * int64(req.Count) * int64(req.CycleTimes)
	appOrderNo := ipipv.NewAppOrderNo(s.now())
	body, _ := json.Marshal(ipipv.OpenRequest{AppOrderNo: appOrderNo,
		Params: []ipipv.OpenItem{{ProductNo: p.ProductNo, Count: req.Count, CycleTimes: req.CycleTimes}}})
	o := entity.ProxyOrder{AppOrderNo: appOrderNo, ReqId: ipipv.NewReqID(), Kind: "static", Status: stSubmitting,
		AgentId: caller.UserID, UserId: req.UserId, ProductNo: p.ProductNo, Quantity: req.Count,
		CycleTimes: req.CycleTimes, UnitPrice: price, SaleAmount: sale, UpstreamPath: ipipv.PathOpen,
		RequestBody: string(body), AutoRenew: boolInt(req.AutoRenew)}
	if err := s.insertOrder(ctx, &o, caller.Role != consts.RoleSuperAdmin); err != nil {
		return nil, err
	}
	return s.send(ctx, up, o)
}

// insertOrder writes the order row and its reserve in one transaction: not enough quota rolls
// both back, so no upstream call is ever made without a committed, funded order row. The
// super-admin's orders are the system's own and reserve nothing.
func (s *sProxy) insertOrder(ctx context.Context, o *entity.ProxyOrder, charged bool) error {
	return s.insertOrderHolding(ctx, o, charged, nil)
}

// insertOrderHolding is insertOrder that also takes the instances a renew or release acts on:
// a guarded UPDATE claims them for this order (busy_order_id 0 → id) in the same transaction;
// one already held by another open order rolls everything back with 409 INSTANCE_BUSY.
func (s *sProxy) insertOrderHolding(ctx context.Context, o *entity.ProxyOrder, charged bool, hold []string) error {
	now := gtime.New(s.now())
	return dao.ProxyOrder.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		id, err := dao.ProxyOrder.Ctx(ctx).Data(do.ProxyOrder{AppOrderNo: o.AppOrderNo, ReqId: o.ReqId, Kind: o.Kind,
			Status: o.Status, AgentId: o.AgentId, UserId: o.UserId, ProductNo: o.ProductNo, Quantity: o.Quantity,
			CycleTimes: o.CycleTimes, UnitPrice: o.UnitPrice, SaleAmount: o.SaleAmount, UpstreamPath: o.UpstreamPath,
			RequestBody: o.RequestBody, InstanceNos: o.InstanceNos, AutoRenew: o.AutoRenew, NextCheckAt: gtime.New(s.now().Add(backoff[0])), CreatedAt: now, UpdatedAt: now}).InsertAndGetId()
		if err != nil {
			return err
		}
		o.Id = id
		if len(hold) > 0 {
			ic := dao.ProxyInstance.Columns()
			r, err := dao.ProxyInstance.Ctx(ctx).WhereIn(ic.InstanceNo, hold).Where(ic.BusyOrderId, 0).
				Data(do.ProxyInstance{BusyOrderId: id, UpdatedAt: now}).Update()
			if err != nil {
				return err
			}
			if n, _ := r.RowsAffected(); n != int64(len(hold)) {
				return errs.InstanceBusy.New()
			}
		}
		if !charged || o.SaleAmount == 0 {
			return nil
		}
		resID, err := service.Quota().Reserve(ctx, tx, model.QuotaReserve{UserID: o.AgentId, Amount: o.SaleAmount,
			Type: QuotaTypeOrder, Ref: orderRef(o.AppOrderNo), IdemKey: idemkey.Derive(ctx, "reserve")})
		if err != nil {
			return err
		}
		o.ReservationId = resID
		_, err = dao.ProxyOrder.Ctx(ctx).WherePri(id).Data(do.ProxyOrder{ReservationId: resID}).Update()
		return err
	})
}

// send makes the first send and decides from what it proves (§3 step 4).
func (s *sProxy) send(ctx context.Context, up upstream, o entity.ProxyOrder) (*v1.OrderView, error) {
	ack, err := up.SendOrder(ctx, o.UpstreamPath, o.ReqId, o.AppOrderNo, []byte(o.RequestBody))
	switch ipipv.KindOf(err) {
	case 0:
		cost, _ := ipipv.YuanToFen(ack.Amount)
		if _, err := s.transition(ctx, o, []string{stSubmitting}, stProcessing, func(d *do.ProxyOrder) {
			d.UpstreamOrderNo, d.CostAmount, d.Sends = ack.OrderNo, cost, o.Sends+1
		}); err != nil {
			return nil, err
		}
	case ipipv.Rejected:
		// One verify: a refusal of a repeat (or an answer lost in a proxy) may hide an order.
		uo, qerr := up.QueryOrder(ctx, o.AppOrderNo)
		switch {
		case qerr == nil:
			if err := s.apply(ctx, o.AppOrderNo, uo); err != nil {
				return nil, err
			}
		case ipipv.KindOf(qerr) == ipipv.Rejected: // not found: the refusal stands
			if err := s.fail(ctx, o, err.Error()); err != nil {
				return nil, err
			}
			return nil, upstreamErr(err)
		default:
			// The verify proved nothing: releasing now could free quota the upstream is about
			// to spend, so the order waits, reserved, for the reconcile's answer.
			if _, err := s.transition(ctx, o, []string{stSubmitting}, stUnknown, func(d *do.ProxyOrder) {
				d.LastError, d.Sends = trim(err.Error()), o.Sends+1
			}); err != nil {
				return nil, err
			}
		}
	case ipipv.NotSent, ipipv.BreakerOpen:
		if err := s.fail(ctx, o, err.Error()); err != nil {
			return nil, err
		}
		return nil, errs.UpstreamUnavailable.Wrap(err)
	default: // sent, no answer: unknown until the reconcile re-queries by appOrderNo
		if _, err := s.transition(ctx, o, []string{stSubmitting}, stUnknown, func(d *do.ProxyOrder) {
			d.LastError, d.Sends = trim(err.Error()), o.Sends+1
		}); err != nil {
			return nil, err
		}
	}
	return s.orderView(ctx, o.Id)
}

// fail ends an order that provably did nothing upstream, releasing its reserve in the same tx.
// It never moves a processing order: the upstream acknowledged that one and may still fulfil
// it, so only the upstream's own "failed" (apply) may release it. An unknown order reaches
// here only from the reconcile, after 30 minutes of "not found".
func (s *sProxy) fail(ctx context.Context, o entity.ProxyOrder, why string) error {
	_, err := s.transition(ctx, o, []string{stSubmitting, stUnknown}, stFailed, func(d *do.ProxyOrder) {
		d.LastError, d.FinishedAt = trim(why), gtime.New(s.now())
	})
	return err
}

func trim(s string) string {
	if len(s) > 255 {
		return s[:255]
	}
	return s
}

// transition moves the order from one of `from` to `to` with a guarded UPDATE in one
// transaction with its ledger step (terminal states settle the reserve). 0 rows: another
// node or callback got there first; nothing is done (false).
func (s *sProxy) transition(ctx context.Context, o entity.ProxyOrder, from []string, to string, set func(*do.ProxyOrder)) (bool, error) {
	return s.transitionWith(ctx, o, from, to, set, nil)
}

// transitionWith is transition with more writes (the instances) in the same transaction.
func (s *sProxy) transitionWith(ctx context.Context, o entity.ProxyOrder, from []string, to string,
	set func(*do.ProxyOrder), also func(ctx context.Context, tx gdb.TX) error) (bool, error) {
	moved := false
	err := dao.ProxyOrder.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		d := do.ProxyOrder{Status: to, Version: gdb.Raw("version+1"), UpdatedAt: gtime.New(s.now())}
		if set != nil {
			set(&d)
		}
		cols := dao.ProxyOrder.Columns()
		r, err := dao.ProxyOrder.Ctx(ctx).Where(cols.Id, o.Id).WhereIn(cols.Status, from).Data(d).Update()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return nil
		}
		moved = true
		if also != nil {
			if err := also(ctx, tx); err != nil {
				return err
			}
		}
		if to == stFailed || to == stSuccess || to == stPartial {
			if err := unholdInstances(ctx, o.Id); err != nil {
				return err
			}
		}
		if o.ReservationId == 0 {
			return nil
		}
		switch to {
		case stFailed:
			// Callers reach failed only on proof (the upstream's status 4, a refusal verified
			// as not found, a request that never left, or 30 minutes unseen): see fail.
			return service.Quota().Release(ctx, tx, o.ReservationId)
		case stSuccess, stPartial:
			charged, _ := d.ChargedAmount.(int64)
			_, err := service.Quota().Commit(ctx, tx, o.ReservationId, charged,
				model.QuotaCommit{IdemKey: fmt.Sprintf("proxy_commit:%d", o.Id), Remark: orderRef(o.AppOrderNo)})
			return err
		}
		return nil
	})
	return moved, err
}
