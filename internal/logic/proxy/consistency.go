package proxy

import (
	"context"
	"encoding/json"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// JobConsistency compares recent orders with the upstream's and repairs what is safe (§5).
const JobConsistency = "proxy.consistency"

// QuotaTypeConsistency is the ledger type of a charge given back because the upstream failed the order.
const QuotaTypeConsistency = "proxy_consistency"

const consistencyWindow = 72 * time.Hour

// Finding kinds of the order comparison.
const (
	kindOrderLive     = "order_live"     // local live, upstream terminal: applied (fixed)
	kindOrderRefunded = "order_refunded" // local charged, upstream failed: credited back (fixed)
	kindOrderUnpaid   = "order_unpaid"   // local failed, upstream fulfilled: needs a decision
	kindOrderUnknown  = "order_upstream" // upstream order unknown here: needs a decision
)

func init() {
	job.Register(job.Def{
		Name:            JobConsistency,
		Description:     "Compare the last 3 days of proxy orders with IPIPV's order list: apply terminal states, give back charges of failed orders, record what needs a decision",
		DefaultSchedule: "0 30 3 * * *",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().CheckConsistency(ctx) },
	})
}

// consistencyCounts are the run's totals, written to its sync log row.
type consistencyCounts struct {
	Compared int `json:"compared"` // local orders found in the upstream's list
	Fixed    int `json:"fixed"`    // findings repaired automatically
	Decision int `json:"decision"` // findings left to the super-admin
	ledgerCounts
	instanceCounts
	coinCounts
}

// CheckConsistency runs proxy.consistency once: never an automatic debit, only applies,
// give-backs, the missing ledger step, re-pushes and findings. The rules run in this order so
// the later ones see what the earlier ones repaired (an applied order has its instances).
func (s *sProxy) CheckConsistency(ctx context.Context) (int, error) {
	up, err := s.upstream()
	if err != nil {
		return 0, err
	}
	var c consistencyCounts
	runAt := s.now()
	err = s.syncRun(ctx, JobConsistency, &c, func(ctx context.Context) error {
		since := runAt.Add(-consistencyWindow)
		for _, rule := range []func() error{
			func() error { return s.checkOrders(ctx, up, since, runAt, &c) },
			func() error { return s.checkLedger(ctx, since, &c) },
			func() error { return s.checkInstances(ctx, up, runAt, &c) },
			func() error { return s.checkLimits(ctx, up, runAt, &c) },
			func() error { return s.checkCoin(ctx, up, runAt, &c) },
		} {
			if err := rule(); err != nil {
				return err
			}
		}
		return nil
	})
	return c.Compared, err
}

// checkOrders compares the window's orders with order/list/v2 (the first rule of §5).
func (s *sProxy) checkOrders(ctx context.Context, up upstream, since, runAt time.Time, c *consistencyCounts) error {
	remote, err := upstreamOrders(ctx, up, since.Unix(), runAt.Unix())
	if err != nil {
		return upstreamErr(err)
	}
	var local []entity.ProxyOrder
	cols := dao.ProxyOrder.Columns()
	if err := dao.ProxyOrder.Ctx(ctx).WhereGTE(cols.CreatedAt, gtime.New(since)).OrderAsc(cols.Id).Scan(&local); err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, o := range local {
		seen[o.AppOrderNo] = true
		u, ok := remote[o.AppOrderNo]
		if !ok {
			continue // never reached the upstream: order_reconcile decides those
		}
		c.Compared++
		if err := s.compareOrder(ctx, o, u, c); err != nil {
			return err
		}
	}
	for no, u := range remote {
		if seen[no] {
			continue
		}
		if err := s.finding(ctx, kindOrderUnknown, no, discDecision, map[string]any{"orderNo": u.OrderNo,
			"status": u.Status, "amount": u.Amount}, c); err != nil {
			return err
		}
	}
	return nil
}

func upstreamOrders(ctx context.Context, up upstream, start, end int64) (map[string]ipipv.Order, error) {
	out := map[string]ipipv.Order{}
	for page := 1; ; page++ {
		p, err := up.OrderList(ctx, start, end, page, 100)
		if err != nil {
			return nil, err
		}
		for _, o := range p.List {
			out[o.AppOrderNo] = o
		}
		if len(p.List) == 0 || len(out) >= p.Total || page >= 1000 {
			return out, nil
		}
	}
}

func terminalUpstream(st int) bool {
	return st == ipipv.OrderSuccess || st == ipipv.OrderPartial || st == ipipv.OrderFailed
}

// compareOrder applies one rule of §5 to a local order and its upstream record.
func (s *sProxy) compareOrder(ctx context.Context, o entity.ProxyOrder, u ipipv.Order, c *consistencyCounts) error {
	fulfilled := u.Status == ipipv.OrderSuccess || u.Status == ipipv.OrderPartial
	switch {
	case (o.Status == stSubmitting || o.Status == stUnknown || o.Status == stProcessing) && terminalUpstream(u.Status):
		if err := s.apply(ctx, o.AppOrderNo, u); err != nil {
			return err
		}
		return s.finding(ctx, kindOrderLive, o.AppOrderNo, discFixed, map[string]any{"upstreamStatus": u.Status}, c)
	case (o.Status == stSuccess || o.Status == stPartial) && u.Status == ipipv.OrderFailed:
		// The reserve was committed already: the give-back is a credit, not a Release.
		settled := o
		settled.ReservationId = 0
		moved, err := s.transitionWith(ctx, settled, []string{stSuccess, stPartial}, stFailed, func(d *do.ProxyOrder) {
			d.UpstreamStatus = u.Status
		}, func(ctx context.Context, tx gdb.TX) error {
			if o.ChargedAmount <= 0 {
				return nil
			}
			ref := "proxy_consistency:" + o.AppOrderNo
			_, err := service.Quota().Credit(ctx, tx, model.QuotaMove{UserID: o.AgentId, Amount: o.ChargedAmount,
				Type: QuotaTypeConsistency, Ref: ref, IdemKey: ref, Remark: "upstream failed the order"})
			return err
		})
		if err != nil || !moved {
			return err
		}
		return s.finding(ctx, kindOrderRefunded, o.AppOrderNo, discFixed, map[string]any{"agentId": o.AgentId,
			"credited": o.ChargedAmount}, c)
	case o.Status == stFailed && fulfilled:
		amount := o.SaleAmount
		if u.Status == ipipv.OrderPartial {
			amount = o.SaleAmount * int64(len(u.Instances)) / int64(max(o.Quantity, 1))
		}
		return s.finding(ctx, kindOrderUnpaid, o.AppOrderNo, discDecision, discrepancyCharge{AgentID: o.AgentId, Amount: amount}, c)
	}
	return nil
}

// finding records one discrepancy once per (kind, subject); a repeat run finds it there.
func (s *sProxy) finding(ctx context.Context, kind, subject, status string, detail any, c *consistencyCounts) error {
	b, _ := json.Marshal(detail)
	r, err := dao.ProxyDiscrepancy.Ctx(ctx).Data(do.ProxyDiscrepancy{Kind: kind, Subject: subject, Detail: string(b),
		Status: status, CreatedAt: gtime.New(s.now())}).InsertIgnore()
	if err != nil {
		return err
	}
	if n, _ := r.RowsAffected(); n == 1 {
		switch status {
		case discFixed:
			c.Fixed++
		case discDecision:
			c.Decision++
		}
	}
	return nil
}
