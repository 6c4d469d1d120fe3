package derp

import (
	"context"

	v1 "kami/api/derp/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/scope"
)

// FinanceDistributorList answers §11's per-distributor figures for the distributors in the
// caller's scope (an agent: itself), removed ones included so past months still add up.
func (s *sDerp) FinanceDistributorList(ctx context.Context, req *v1.FinanceDistributorListReq) (*v1.FinanceDistributorListRes, error) {
	w, err := monthOf(req.Month, s.now())
	if err != nil {
		return nil, err
	}
	dc := dao.DerpDistributors.Columns()
	rows, total, err := listq.Page[entity.DerpDistributors](scope.Apply(ctx, dao.DerpDistributors.Ctx(ctx), dc.UserId),
		req.PageReq, distributorSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.FinanceDistributorItem, 0, len(rows))
	for _, d := range rows {
		it, err := distributorFigures(ctx, d, w)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return &v1.FinanceDistributorListRes{Month: w.name, Items: out, Total: total}, nil
}

func distributorFigures(ctx context.Context, d entity.DerpDistributors, w month) (v1.FinanceDistributorItem, error) {
	it := v1.FinanceDistributorItem{UserId: d.UserId, Tier: d.Tier}
	uc := dao.Users.Columns()
	name, err := dao.Users.Ctx(ctx).WherePri(d.UserId).Value(uc.Username)
	if err != nil {
		return it, err
	}
	it.Username = name.String()
	oc := dao.DerpOrders.Columns()
	purchases := dao.DerpOrders.Ctx(ctx).Where(oc.Kind, orderKindSerial).Where(oc.BuyerId, d.UserId).
		WhereIn(oc.Status, paidStatuses)
	if it.PurchaseTotal, err = sum64(purchases.Clone(), oc.Amount+"-"+oc.Refunded); err != nil {
		return it, err
	}
	if it.PurchaseMonth, err = sum64(w.on(purchases.Clone(), oc.CompletedAt), oc.Amount+"-"+oc.Refunded); err != nil {
		return it, err
	}
	ec := dao.QuotaEntries.Columns()
	if it.CommissionTotal, err = sum64(commissionEntries(ctx).Where(ec.UserId, d.UserId), ec.Amount); err != nil {
		return it, err
	}
	if it.CommissionMonth, err = sum64(w.on(commissionEntries(ctx).Where(ec.UserId, d.UserId), ec.CreatedAt), ec.Amount); err != nil {
		return it, err
	}
	n, err := dao.Users.Ctx(ctx).Where(uc.Role, consts.RoleMember).Where(uc.ParentId, d.UserId).Count()
	if err != nil {
		return it, err
	}
	it.Customers = int64(n)
	rc := dao.DerpRentals.Columns()
	if n, err = dao.DerpRentals.Ctx(ctx).Where(rc.DistributorId, d.UserId).Where(rc.State, rentalActive).Count(); err != nil {
		return it, err
	}
	it.ActiveRentals = int64(n)
	sc := dao.DerpSerials.Columns()
	by, err := countBy(dao.DerpSerials.Ctx(ctx).Where(sc.DistributorId, d.UserId), sc.Status)
	if err != nil {
		return it, err
	}
	it.SerialsUnused, it.SerialsUsed, it.SerialsExpired = by[serialUnused], by[serialUsed], by[serialExpired]
	return it, nil
}
