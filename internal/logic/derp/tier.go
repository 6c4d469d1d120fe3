package derp

import (
	"context"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
)

func tierItem(t *entity.DerpTiers) v1.TierItem {
	return v1.TierItem{Code: t.Code, Name: t.Name, DiscountBps: t.DiscountBps, CommissionBps: t.CommissionBps}
}

// TierList lists the three tiers, cheapest first.
func (s *sDerp) TierList(ctx context.Context, _ *v1.TierListReq) (*v1.TierListRes, error) {
	var rows []*entity.DerpTiers
	cols := dao.DerpTiers.Columns()
	if err := dao.DerpTiers.Ctx(ctx).OrderAsc(cols.DiscountBps).OrderAsc(cols.Code).Scan(&rows); err != nil {
		return nil, err
	}
	out := make([]v1.TierItem, 0, len(rows))
	for _, r := range rows {
		out = append(out, tierItem(r))
	}
	return &v1.TierListRes{Items: out, Total: len(out)}, nil
}

// TierUpdate edits a tier; orders snapshot the bps they used, so history does not move.
func (s *sDerp) TierUpdate(ctx context.Context, req *v1.TierUpdateReq) (*v1.TierUpdateRes, error) {
	data := do.DerpTiers{}
	if req.Name != nil {
		data.Name = *req.Name
	}
	if req.DiscountBps != nil {
		data.DiscountBps = *req.DiscountBps
	}
	if req.CommissionBps != nil {
		data.CommissionBps = *req.CommissionBps
	}
	if req.Name != nil || req.DiscountBps != nil || req.CommissionBps != nil {
		if _, err := dao.DerpTiers.Ctx(ctx).Data(data).Where(dao.DerpTiers.Columns().Code, req.Code).Update(); err != nil {
			return nil, err
		}
	}
	t, err := tierByCode(ctx, req.Code)
	if err != nil {
		return nil, err
	}
	out := tierItem(t)
	return &out, nil
}

func tierByCode(ctx context.Context, code string) (*entity.DerpTiers, error) {
	var t *entity.DerpTiers
	if err := dao.DerpTiers.Ctx(ctx).Where(dao.DerpTiers.Columns().Code, code).Scan(&t); err != nil {
		return nil, err
	}
	if t == nil {
		return nil, errs.NotFound.New()
	}
	return t, nil
}
