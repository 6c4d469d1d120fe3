package proxy

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/infra/redisx"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/utility/dbx"
	"kami/utility/redislock"
)

var liveStatuses = []string{stSubmitting, stUnknown, stProcessing}

func (s *sProxy) locker() *redislock.Locker {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.locks == nil {
		s.locks = redislock.New(g.Redis(), redislock.WithBackoff(2*time.Millisecond, 50*time.Millisecond))
	}
	return s.locks
}

// apply makes the local order follow what the upstream says (§3 Apply): under the order's
// Redis lock, re-read, then one guarded transition with its ledger step. A callback, the
// reconcile and a refresh may all call it at once on several nodes: one moves, the others
// find the status already changed and stop.
func (s *sProxy) apply(ctx context.Context, appOrderNo string, uo ipipv.Order) error {
	return s.locker().Do(ctx, redisx.Key("lock", "proxy", "order", appOrderNo), 10*time.Second, func(ctx context.Context) error {
		var o *entity.ProxyOrder
		err := dao.ProxyOrder.Ctx(ctx).Where(dao.ProxyOrder.Columns().AppOrderNo, appOrderNo).Scan(&o)
		if err != nil && !dbx.IsNoRows(err) {
			return err
		}
		if o == nil {
			return nil
		}
		now := gtime.New(s.now())
		base := func(d *do.ProxyOrder) {
			d.UpstreamStatus = uo.Status
			if uo.OrderNo != "" {
				d.UpstreamOrderNo = uo.OrderNo
			}
			if cost, err := ipipv.YuanToFen(uo.Amount); err == nil && uo.Amount != "" {
				d.CostAmount = cost
			}
		}
		switch uo.Status {
		case ipipv.OrderPending, ipipv.OrderProcessing:
			_, err = s.transition(ctx, *o, []string{stSubmitting, stUnknown}, stProcessing, base)
		case ipipv.OrderFailed:
			_, err = s.transition(ctx, *o, liveStatuses, stFailed, func(d *do.ProxyOrder) {
				base(d)
				d.FinishedAt = now
			})
		case ipipv.OrderSuccess, ipipv.OrderPartial:
			to, charged, k := stSuccess, o.SaleAmount, len(uo.Instances)
			if uo.Status == ipipv.OrderPartial {
				// Charged pro rata, floor: the ledger releases the rest in the same commit.
				to, charged = stPartial, o.SaleAmount*int64(k)/int64(max(o.Quantity, 1))
			} else if o.Kind == "dynamic" {
				k = o.Quantity
			}
			grows := o.Kind == "dynamic" && o.UserId != 0
			var refund int64
			if o.Kind == "release" && uo.Refund == 1 {
				if refund, err = s.refundFor(ctx, *o, uo.Instances); err != nil {
					return err
				}
			}
			var moved bool
			moved, err = s.transitionWith(ctx, *o, liveStatuses, to, func(d *do.ProxyOrder) {
				base(d)
				d.ChargedAmount, d.SuccessCount, d.FinishedAt = charged, k, now
				if refund > 0 {
					d.RefundAmount = refund
				}
			}, func(ctx context.Context, tx gdb.TX) error {
				if grows {
					if err := s.growUserLimit(ctx, *o, now); err != nil {
						return err
					}
				}
				if o.Kind == "release" && refund > 0 {
					if err := s.creditRefund(ctx, tx, *o, refund); err != nil {
						return err
					}
				}
				if o.Kind == "renew" || o.Kind == "release" {
					return s.applyHeld(ctx, *o, uo.Instances)
				}
				return s.upsertInstances(ctx, *o, uo.Instances)
			})
			if err == nil && moved && grows {
				// Pushed after the commit; a failure stays pushed=0 for proxy.limit_push.
				_, err = s.pushLimit(ctx, o.UserId, o.ProductNo)
			}
		}
		return err
	})
}

// upsertInstances records the instances an order delivered (owner, user, expiry).
func (s *sProxy) upsertInstances(ctx context.Context, o entity.ProxyOrder, list []ipipv.Instance) error {
	now := gtime.New(s.now())
	for _, in := range list {
		pw, err := keyring.Seal(instancePasswordPurpose, []byte(in.Pwd))
		if err != nil {
			return err
		}
		var exp *gtime.Time
		if in.UserExpired > 0 {
			exp = gtime.New(time.Unix(in.UserExpired, 0).UTC())
		}
		if _, err := dao.ProxyInstance.Ctx(ctx).Data(do.ProxyInstance{InstanceNo: in.InstanceNo, AgentId: o.AgentId,
			UserId: o.UserId, OrderId: o.Id, ProductNo: o.ProductNo, ProxyType: in.ProxyType, Protocol: in.Protocol,
			Ip: in.IP, Port: in.Port, Username: in.Username, Password: pw, CountryCode: in.CountryCode,
			CityCode: in.CityCode, Status: in.Status, ExpiresAt: exp, AutoRenew: o.AutoRenew, CreatedAt: now,
			UpdatedAt: now}).InsertIgnore(); err != nil {
			return err
		}
	}
	return nil
}

// scopedOrder loads an order inside the caller's scope (404 outside it).
func scopedOrder(ctx context.Context, id int64) (*entity.ProxyOrder, error) {
	var o *entity.ProxyOrder
	cols := dao.ProxyOrder.Columns()
	err := scope.Apply(ctx, dao.ProxyOrder.Ctx(ctx).Where(cols.Id, id), cols.AgentId).Scan(&o)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if o == nil {
		return nil, errs.NotFound.New()
	}
	return o, nil
}

// GetOrder is GET /api/proxy/orders/{id}.
func (s *sProxy) GetOrder(ctx context.Context, req *v1.OrderGetReq) (*v1.OrderGetRes, error) {
	if _, err := scopedOrder(ctx, req.Id); err != nil {
		return nil, err
	}
	return s.orderView(ctx, req.Id)
}

// RefreshOrder is POST /api/proxy/orders/{id}/refresh: order/v2 now, then apply.
func (s *sProxy) RefreshOrder(ctx context.Context, req *v1.OrderRefreshReq) (*v1.OrderRefreshRes, error) {
	o, err := scopedOrder(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	up, err := s.upstream()
	if err != nil {
		return nil, err
	}
	uo, err := up.QueryOrder(ctx, o.AppOrderNo)
	if err != nil {
		return nil, upstreamErr(err)
	}
	if err := s.apply(ctx, o.AppOrderNo, uo); err != nil {
		return nil, err
	}
	return s.orderView(ctx, o.Id)
}
