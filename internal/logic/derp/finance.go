package derp

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/scope"
)

// FinanceSummary answers §11's figures for one Asia/Shanghai month in the caller's scope. Every
// figure is an integer sum straight from the rows that define it: revenue from the orders (less
// the refund credits in the ledger), commission from the ledger's commission entries, prepaid
// from the live accounts, so the page always agrees with the ledger and the order list.
func (s *sDerp) FinanceSummary(ctx context.Context, req *v1.FinanceSummaryReq) (*v1.FinanceSummaryRes, error) {
	w, err := monthOf(req.Month, s.now())
	if err != nil {
		return nil, err
	}
	res := &v1.FinanceSummaryRes{Month: w.name, PlanCounts: []v1.FinancePlanCount{}}
	oc := dao.DerpOrders.Columns()
	orders := func() *gdb.Model { return scope.Apply(ctx, dao.DerpOrders.Ctx(ctx), oc.DistributorId) }

	paid, err := sum64(orders().WhereIn(oc.Status, paidStatuses), oc.Amount+"-"+oc.Refunded)
	if err != nil {
		return nil, err
	}
	res.RevenueTotal = paid
	booked, err := sum64(w.on(orders().WhereIn(oc.Status, paidStatuses), oc.CompletedAt), oc.Amount)
	if err != nil {
		return nil, err
	}
	refunds, err := refundsIn(ctx, w)
	if err != nil {
		return nil, err
	}
	res.RevenueMonth = booked - refunds

	ec := dao.QuotaEntries.Columns()
	commission := func() *gdb.Model { return scope.Apply(ctx, commissionEntries(ctx), ec.UserId) }
	if res.CommissionTotal, err = sum64(commission(), ec.Amount); err != nil {
		return nil, err
	}
	if res.CommissionMonth, err = sum64(w.on(commission(), ec.CreatedAt), ec.Amount); err != nil {
		return nil, err
	}
	if res.PrepaidCustomers, err = prepaid(ctx, scopedCustomers(ctx)); err != nil {
		return nil, err
	}
	if res.PrepaidDistributors, err = prepaid(ctx, scopedDistributors(ctx)); err != nil {
		return nil, err
	}
	if res.PlanCounts, err = planCounts(ctx, w.on(orders().WhereIn(oc.Status, paidStatuses), oc.CompletedAt)); err != nil {
		return nil, err
	}
	if res.Orders, err = orderCounts(w.on(orders(), oc.CreatedAt)); err != nil {
		return nil, err
	}
	sc := dao.DerpSerials.Columns()
	counts, err := countBy(scope.Apply(ctx, dao.DerpSerials.Ctx(ctx), sc.DistributorId), sc.Status)
	if err != nil {
		return nil, err
	}
	res.Serials = v1.FinanceSerialCounts{Unused: counts[serialUnused], Used: counts[serialUsed],
		Expired: counts[serialExpired], Void: counts[serialVoid]}
	return res, nil
}

// planCounts counts the month's paid rental starts and renewals per plan, kind and pay method.
func planCounts(ctx context.Context, m *gdb.Model) ([]v1.FinancePlanCount, error) {
	oc := dao.DerpOrders.Columns()
	var rows []struct {
		PlanId    int64
		Kind      string
		PayMethod string
		N         int64
	}
	if err := m.Fields(oc.PlanId+" AS plan_id", oc.Kind+" AS kind", oc.PayMethod+" AS pay_method", "COUNT(1) AS n").
		WhereIn(oc.Kind, []string{orderKindRentalNew, orderKindRenew}).
		Group(oc.PlanId, oc.Kind, oc.PayMethod).OrderAsc(oc.PlanId).OrderAsc(oc.Kind).OrderAsc(oc.PayMethod).
		Scan(&rows); err != nil {
		return nil, err
	}
	out := make([]v1.FinancePlanCount, 0, len(rows))
	for _, r := range rows {
		it := v1.FinancePlanCount{PlanId: r.PlanId, Kind: "new", PayMethod: r.PayMethod, Count: r.N}
		if r.Kind == orderKindRenew {
			it.Kind = "renew"
		}
		if p, err := planByID(ctx, r.PlanId); err == nil {
			it.PlanName = p.Name
		}
		out = append(out, it)
	}
	return out, nil
}

// orderCounts counts the orders placed in the month by their status now; renewed counts the
// paid renewals among them.
func orderCounts(m *gdb.Model) (v1.FinanceOrderCounts, error) {
	oc := dao.DerpOrders.Columns()
	by, err := countBy(m.Clone(), oc.Status)
	if err != nil {
		return v1.FinanceOrderCounts{}, err
	}
	renewed, err := m.Clone().Where(oc.Kind, orderKindRenew).WhereIn(oc.Status, paidStatuses).Count()
	if err != nil {
		return v1.FinanceOrderCounts{}, err
	}
	return v1.FinanceOrderCounts{Completed: by[orderCompleted], Renewed: int64(renewed), Cancelled: by[orderCancelled],
		Rejected: by[orderRejected], Refunded: by[orderRefunded], PendingReview: by[orderPendingReview]}, nil
}

// countBy is COUNT(*) of m grouped by col.
func countBy(m *gdb.Model, col string) (map[string]int64, error) {
	var rows []struct {
		K string
		N int64
	}
	if err := m.Fields(col+" AS k", "COUNT(1) AS n").Group(col).Scan(&rows); err != nil {
		return nil, err
	}
	out := make(map[string]int64, len(rows))
	for _, r := range rows {
		out[r.K] = r.N
	}
	return out, nil
}
