package proxy

import (
	"context"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// Finding kinds of the ledger rule.
const (
	kindLedgerSettled = "ledger_settled" // terminal order, reserve still open: the missing step done (fixed)
	kindLedgerFrozen  = "ledger_frozen"  // open order reserves ≠ what the live orders hold: alert
)

type ledgerCounts struct {
	LedgerSettled int `json:"ledgerSettled"`
	FrozenAlerts  int `json:"frozenAlerts"`
}

const ledgerBatch = 500

// checkLedger: a terminal order of the window whose reserve is still open gets the step its
// transition should have made (Commit of what it charged, or Release); then, per agent, the
// open proxy reserves must equal the sale amounts of its live orders (§3 "frozen = Σ live
// reserves"), else an alert. Only the proxy's part of frozen is compared: other modules
// reserve on the same account.
func (s *sProxy) checkLedger(ctx context.Context, since time.Time, c *consistencyCounts) error {
	cols := dao.ProxyOrder.Columns()
	for after := int64(0); ; {
		var rows []entity.ProxyOrder
		if err := dao.ProxyOrder.Ctx(ctx).WhereGTE(cols.CreatedAt, gtime.New(since)).WhereGT(cols.Id, after).
			WhereIn(cols.Status, []string{stSuccess, stPartial, stFailed}).WhereGT(cols.ReservationId, 0).
			OrderAsc(cols.Id).Limit(ledgerBatch).Scan(&rows); err != nil {
			return err
		}
		if len(rows) == 0 {
			break
		}
		after = rows[len(rows)-1].Id
		open, err := openReservations(ctx, rows)
		if err != nil {
			return err
		}
		for _, o := range rows {
			if !open[o.ReservationId] {
				continue
			}
			if err := s.settleReserve(ctx, o); err != nil {
				return err
			}
			c.LedgerSettled++
			if err := s.finding(ctx, kindLedgerSettled, o.AppOrderNo, discFixed, map[string]any{"status": o.Status,
				"charged": o.ChargedAmount}, c); err != nil {
				return err
			}
		}
	}
	return s.checkFrozen(ctx, c)
}

// openReservations answers which of the orders' reservations the ledger still holds open.
func openReservations(ctx context.Context, rows []entity.ProxyOrder) (map[int64]bool, error) {
	ids := make([]int64, 0, len(rows))
	for _, o := range rows {
		ids = append(ids, o.ReservationId)
	}
	rc := dao.QuotaReservations.Columns()
	var res []entity.QuotaReservations
	if err := dao.QuotaReservations.Ctx(ctx).Fields(rc.Id).WhereIn(rc.Id, ids).
		Where(rc.Status, model.ReservationOpen).Scan(&res); err != nil {
		return nil, err
	}
	out := make(map[int64]bool, len(res))
	for _, r := range res {
		out[r.Id] = true
	}
	return out, nil
}

// settleReserve makes the order's missing ledger step under the same idempotency key its
// transition uses, so a late repeat of either changes nothing.
func (s *sProxy) settleReserve(ctx context.Context, o entity.ProxyOrder) error {
	return dao.ProxyOrder.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if o.Status == stFailed {
			return service.Quota().Release(ctx, tx, o.ReservationId)
		}
		_, err := service.Quota().Commit(ctx, tx, o.ReservationId, o.ChargedAmount,
			model.QuotaCommit{IdemKey: fmt.Sprintf("proxy_commit:%d", o.Id), Remark: orderRef(o.AppOrderNo)})
		return err
	})
}

type agentSum struct {
	Id    int64 `orm:"id"`
	Total int64 `orm:"total"`
}

// checkFrozen compares, per agent, the open proxy_order reserves with the live orders' sale
// amounts; any difference is reported (once a day per agent), never "fixed" by a guess.
func (s *sProxy) checkFrozen(ctx context.Context, c *consistencyCounts) error {
	rc := dao.QuotaReservations.Columns()
	cols := dao.ProxyOrder.Columns()
	var held, live []agentSum
	// Both sums in one transaction, so they read one snapshot: an order placed or settled
	// between the two reads (its order row and reserve change together) cannot look like drift.
	if err := dao.ProxyOrder.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		if err := dao.QuotaReservations.Ctx(ctx).Fields(rc.UserId+" AS id", "SUM("+rc.Amount+") AS total").
			Where(rc.Type, QuotaTypeOrder).Where(rc.Status, model.ReservationOpen).Group(rc.UserId).Scan(&held); err != nil {
			return err
		}
		return dao.ProxyOrder.Ctx(ctx).Fields(cols.AgentId+" AS id", "SUM("+cols.SaleAmount+") AS total").
			WhereIn(cols.Status, liveStatuses).WhereGT(cols.ReservationId, 0).Group(cols.AgentId).Scan(&live)
	}); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	want := map[int64]int64{}
	for _, l := range live {
		want[l.Id] = l.Total
	}
	got := map[int64]int64{}
	for _, h := range held {
		got[h.Id] = h.Total
	}
	day := runDay(s.now())
	for _, id := range unionKeys(want, got) {
		if want[id] == got[id] {
			continue
		}
		c.FrozenAlerts++
		subject := fmt.Sprintf("%d@%s", id, day)
		s.alert(ctx, "proxy.frozen_mismatch", subject)
		if err := s.finding(ctx, kindLedgerFrozen, subject, discDecision, map[string]any{"agent": id,
			"frozen": got[id], "live": want[id]}, c); err != nil {
			return err
		}
	}
	return nil
}

func unionKeys(a, b map[int64]int64) []int64 {
	out := make([]int64, 0, len(a)+len(b))
	for k := range a {
		out = append(out, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	return out
}
