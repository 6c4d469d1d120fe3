package proxy

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// JobOrderReconcile decides the orders a send left open (§5 order_reconcile).
const JobOrderReconcile = "proxy.order_reconcile"

// backoff between checks of one order: 1, 2, 5, 10, then every 30 minutes.
var backoff = []time.Duration{time.Minute, 2 * time.Minute, 5 * time.Minute, 10 * time.Minute, 30 * time.Minute}

const (
	resendWindow = 10 * time.Minute // not found upstream and younger: re-send the stored bytes
	giveUpAfter  = 30 * time.Minute // not found upstream and older: failed + Release
	reconcileMax = 200              // orders per run; the rest wait for the next minute
)

func init() {
	job.Register(job.Def{
		Name:            JobOrderReconcile,
		Description:     "Re-query open proxy orders by appOrderNo and apply the upstream state; re-send never-received ones with the same reqId for 10 minutes, fail and release them after 30",
		DefaultSchedule: "@every 1m",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().ReconcileOrders(ctx) },
	})
}

// ReconcileOrders runs order_reconcile once over the orders whose next check is due.
func (s *sProxy) ReconcileOrders(ctx context.Context) (int, error) {
	up, err := s.upstream()
	if err != nil {
		return 0, err
	}
	cols := dao.ProxyOrder.Columns()
	var due []entity.ProxyOrder
	if err := dao.ProxyOrder.Ctx(ctx).WhereIn(cols.Status, liveStatuses).
		WhereLTE(cols.NextCheckAt, gtime.New(s.now())).OrderAsc(cols.NextCheckAt).Limit(reconcileMax).Scan(&due); err != nil {
		return 0, err
	}
	for _, o := range due {
		if err := s.reconcileOne(ctx, up, o); err != nil {
			return 0, err
		}
	}
	return len(due), nil
}

// reconcileOne never guesses: only an upstream answer (found, or "not found" for long enough)
// changes the order; a transport failure just schedules the next check.
func (s *sProxy) reconcileOne(ctx context.Context, up upstream, o entity.ProxyOrder) error {
	uo, err := up.QueryOrder(ctx, o.AppOrderNo)
	switch {
	case err == nil:
		if err := s.apply(ctx, o.AppOrderNo, uo); err != nil {
			return err
		}
	case ipipv.KindOf(err) == ipipv.Rejected: // not known upstream
		age := s.now().Sub(o.CreatedAt.Time)
		switch {
		case age >= giveUpAfter && o.Status != stProcessing:
			// A processing order was acknowledged: a "not found" then is the upstream's
			// glitch, not proof, so it stays reserved and polled (and alerted after 24 h).
			return s.fail(ctx, o, "never reached the upstream: "+err.Error())
		case age < resendWindow && o.Status != stProcessing:
			ack, serr := up.SendOrder(ctx, o.UpstreamPath, o.ReqId, o.AppOrderNo, []byte(o.RequestBody))
			if serr == nil {
				cost, _ := ipipv.YuanToFen(ack.Amount)
				if _, err := s.transition(ctx, o, []string{stSubmitting, stUnknown}, stProcessing, func(d *do.ProxyOrder) {
					d.UpstreamOrderNo, d.CostAmount, d.Sends = ack.OrderNo, cost, o.Sends+1
				}); err != nil {
					return err
				}
			}
		}
	}
	if o.Status == stProcessing && s.now().Sub(o.CreatedAt.Time) > service.Settings().Duration(keyAlertStuckAfter) {
		s.alert(ctx, "proxy.stuck_order", o.AppOrderNo)
	}
	return s.scheduleCheck(ctx, o)
}

// scheduleCheck moves the order's next check along the backoff (only while it is still live).
func (s *sProxy) scheduleCheck(ctx context.Context, o entity.ProxyOrder) error {
	cols := dao.ProxyOrder.Columns()
	next := backoff[min(o.Checks, len(backoff)-1)]
	_, err := dao.ProxyOrder.Ctx(ctx).Where(cols.Id, o.Id).WhereIn(cols.Status, liveStatuses).
		Data(do.ProxyOrder{Checks: o.Checks + 1, NextCheckAt: gtime.New(s.now().Add(next))}).Update()
	return err
}
