package derp

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/utility/dbx"
)

// orderReviewWindow is how long an offline order waits for S before it is cancelled (§4).
const orderReviewWindow = 72 * time.Hour

var orderSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.DerpOrders.Columns().Id),
	"createdAt": listq.Ordinal(dao.DerpOrders.Columns().CreatedAt),
	"amount":    listq.Ordinal(dao.DerpOrders.Columns().Amount),
})

func init() {
	job.Register(job.Def{Name: "derp.order_expire", Description: "Offline DERP serial orders waiting over 72 h are cancelled",
		DefaultSchedule: "@every 10m", Run: func(ctx context.Context) (int, error) {
			return service.Derp().ExpireOrders(ctx)
		}})
}

// SerialOrderList lists the serial orders whose distributor is in the caller's scope.
func (s *sDerp) SerialOrderList(ctx context.Context, req *v1.SerialOrderListReq) (*v1.SerialOrderListRes, error) {
	cols := dao.DerpOrders.Columns()
	m := scope.Apply(ctx, dao.DerpOrders.Ctx(ctx).Where(cols.Kind, orderKindSerial), cols.DistributorId)
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.DistributorId > 0 {
		m = m.Where(cols.DistributorId, req.DistributorId)
	}
	rows, total, err := listq.Page[entity.DerpOrders](m, req.PageReq, orderSorts)
	if err != nil {
		return nil, err
	}
	out := make([]v1.OrderItem, 0, len(rows))
	for i := range rows {
		out = append(out, *orderItem(&rows[i], nil))
	}
	return &v1.SerialOrderListRes{Items: out, Total: total}, nil
}

// pendingOrder is the pending offline serial order with that id, for a guarded transition.
func pendingOrder(ctx context.Context, id int64) (*entity.DerpOrders, error) {
	var o *entity.DerpOrders
	if err := dao.DerpOrders.Ctx(ctx).WherePri(id).Where(dao.DerpOrders.Columns().Kind, orderKindSerial).Scan(&o); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if o == nil {
		return nil, errs.NotFound.New()
	}
	return o, nil
}

// moveOrder is the guarded pending_review → to transition; 409 DERP_INVALID_STATE when the
// order has left pending_review (a concurrent approve, reject, cancel or the 72 h job).
func moveOrder(ctx context.Context, id int64, to string, data do.DerpOrders) error {
	data.Status = to
	n, err := dao.DerpOrders.Ctx(ctx).Data(data).WherePri(id).Where(dao.DerpOrders.Columns().Status, orderPendingReview).
		UpdateAndGetAffected()
	if err != nil {
		return err
	}
	if n != 1 {
		return errs.DerpInvalidState.New()
	}
	return nil
}

// SerialOrderApprove records an offline order's receipt (S) and issues its serials in the same
// transaction as the guarded transition, so two concurrent approves issue one batch.
func (s *sDerp) SerialOrderApprove(ctx context.Context, req *v1.SerialOrderApproveReq) (*v1.SerialOrderApproveRes, error) {
	o, err := pendingOrder(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	amount := o.Amount
	if req.Amount != nil {
		amount = *req.Amount
	}
	p := principal.From(ctx)
	now := s.now()
	var res *v1.OrderItem
	err = dao.DerpOrders.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if err := moveOrder(ctx, o.Id, orderCompleted, do.DerpOrders{Amount: amount, ReviewedBy: p.UserID,
			ReviewedAt: gtime.NewFromTime(now), CompletedAt: gtime.NewFromTime(now)}); err != nil {
			return err
		}
		if err := s.noticeOrderCompleted(ctx, tx, o.Id); err != nil {
			return err
		}
		var err error
		res, err = s.issueForOrder(ctx, o.Id, o.DistributorId, o.PlanId, o.Count, o.Remark, p.UserID, *gtime.NewFromTime(now))
		return err
	})
	return res, err
}

// SerialOrderReject refuses a pending offline order (S).
func (s *sDerp) SerialOrderReject(ctx context.Context, req *v1.SerialOrderRejectReq) (*v1.SerialOrderRejectRes, error) {
	o, err := pendingOrder(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	now := gtime.NewFromTime(s.now())
	if err = moveOrder(ctx, o.Id, orderRejected, do.DerpOrders{ReviewReason: req.Reason,
		ReviewedBy: principal.From(ctx).UserID, ReviewedAt: now}); err != nil {
		return nil, err
	}
	return orderItemByID(ctx, o.Id, nil)
}

// SerialOrderCancel is the buyer withdrawing its pending order; anyone else's order is 404.
func (s *sDerp) SerialOrderCancel(ctx context.Context, req *v1.SerialOrderCancelReq) (*v1.SerialOrderCancelRes, error) {
	o, err := pendingOrder(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if o.BuyerId != principal.From(ctx).UserID {
		return nil, errs.NotFound.New()
	}
	if err = moveOrder(ctx, o.Id, orderCancelled, do.DerpOrders{}); err != nil {
		return nil, err
	}
	return orderItemByID(ctx, o.Id, nil)
}

// ExpireOrders cancels offline orders still pending 72 h after they were placed (§4).
func (s *sDerp) ExpireOrders(ctx context.Context) (int, error) {
	cols := dao.DerpOrders.Columns()
	cutoff := s.now().Add(-orderReviewWindow)
	done := 0
	for {
		ids, err := dao.DerpOrders.Ctx(ctx).Fields(cols.Id).Where(cols.Status, orderPendingReview).
			WhereLTE(cols.CreatedAt, cutoff).OrderAsc(cols.Id).Limit(jobBatch).Array()
		if err != nil {
			return done, err
		}
		for _, id := range ids {
			err := moveOrder(ctx, id.Int64(), orderCancelled, do.DerpOrders{ReviewReason: "expired"})
			if err == nil {
				done++
			} else if !errs.Is(err, errs.DerpInvalidState) {
				return done, err
			}
		}
		if len(ids) < jobBatch || ctx.Err() != nil {
			return done, ctx.Err()
		}
	}
}
