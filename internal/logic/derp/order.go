package derp

import (
	"context"
	"strings"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

const (
	orderKindSerial = "serial_purchase"
	payBalance      = "balance"
	payOffline      = "offline"
	sourcePurchase  = "purchase"
	// quotaTypeOrder is the ledger movement type of what DERP orders collect.
	quotaTypeOrder = "derp_order"
)

// newOrderNo is a unique, unguessable order number (the UNIQUE index is the final word).
func newOrderNo(now time.Time) string {
	return "D" + now.In(timefmt.Zone()).Format("060102") + randomCode(10)
}

// discounted is §11's unit price: list − floor(list·bps/10000).
func discounted(list int64, bps int) int64 { return list - list*int64(bps)/10000 }

// SerialOrderCreate is a distributor buying serials at its tier's discount (§5, §11). Paid from
// the balance, the amount is reserved and committed in the transaction that writes the order,
// the batch and its serials, under the account lock: an insufficient balance is the ledger's
// 409 and nothing persists. Offline orders wait in pending_review for S. The request's
// Idempotency-Key is stored on the order, so a retry answers the first order even after the
// shared helper's Redis record is gone.
func (s *sDerp) SerialOrderCreate(ctx context.Context, req *v1.SerialOrderCreateReq) (*v1.SerialOrderCreateRes, error) {
	p := principal.From(ctx)
	buyer, err := userByID(ctx, p.UserID)
	if err != nil {
		return nil, err
	}
	if ok, err := activeDistributor(ctx, buyer); err != nil || !ok {
		if err == nil {
			err = errs.DerpNotDistributor.New()
		}
		return nil, err
	}
	key := idemkey.From(ctx)
	if o, err := priorOrder(ctx, p.UserID, key, req); err != nil || o != nil {
		return o, err
	}
	var res *v1.OrderItem
	run := func(ctx context.Context) error {
		return dao.DerpOrders.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			var err error
			res, err = s.writeSerialOrder(ctx, tx, buyer, req, key)
			return err
		})
	}
	if req.PayMethod == payBalance {
		err = service.Quota().Lock(ctx, []int64{p.UserID}, run)
	} else {
		err = run(ctx)
	}
	if dbx.IsUniqueViolation(err) && key != "" {
		// A twin under the same key committed first: answer its order.
		if o, perr := priorOrder(ctx, p.UserID, key, req); perr != nil || o != nil {
			return o, perr
		}
		return nil, errs.IdempotencyInProgress.New()
	}
	if err != nil {
		return nil, err
	}
	return res, nil
}

// writeSerialOrder is the body of the purchase transaction, reading plan and tier inside it so
// a price or tier changed meanwhile cannot slip through.
func (s *sDerp) writeSerialOrder(ctx context.Context, tx gdb.TX, buyer *entity.Users, req *v1.SerialOrderCreateReq,
	key string) (*v1.OrderItem, error) {
	plan, err := planByID(ctx, req.PlanId)
	if err != nil {
		return nil, err
	}
	if plan.Status != planEnabled {
		return nil, errs.DerpInvalidState.New()
	}
	var d *entity.DerpDistributors
	if err = dao.DerpDistributors.Ctx(ctx).Where(dao.DerpDistributors.Columns().UserId, buyer.Id).Scan(&d); err != nil {
		return nil, err
	}
	t, err := tierByCode(ctx, d.Tier)
	if err != nil {
		return nil, err
	}
	now := s.now()
	unit := discounted(plan.Price, t.DiscountBps)
	row := do.DerpOrders{OrderNo: newOrderNo(now), Kind: orderKindSerial, BuyerId: buyer.Id, DistributorId: buyer.Id,
		PlanId: plan.Id, Count: req.Count, ListPrice: plan.Price, Tier: t.Code, DiscountBps: t.DiscountBps,
		UnitPrice: unit, Amount: unit * int64(req.Count), PayMethod: req.PayMethod, Status: orderPendingReview,
		Remark: strings.TrimSpace(req.Remark), CreatedAt: gtime.NewFromTime(now)}
	if key != "" {
		row.IdemKey = key
	}
	if req.PayMethod == payBalance {
		row.Status, row.CompletedAt = orderCompleted, gtime.NewFromTime(now)
	}
	id, err := dao.DerpOrders.Ctx(ctx).Data(row).InsertAndGetId()
	if err != nil {
		return nil, err
	}
	if req.PayMethod != payBalance {
		return orderItemByID(ctx, id, nil)
	}
	amount := unit * int64(req.Count)
	if amount > 0 {
		ref := "derp:order:" + row.OrderNo.(string)
		resID, err := service.Quota().Reserve(ctx, tx, model.QuotaReserve{UserID: buyer.Id, Amount: amount,
			Type: quotaTypeOrder, Ref: ref, IdemKey: idemkey.Derive(ctx, "reserve")})
		if err != nil {
			return nil, err
		}
		if _, err = service.Quota().Commit(ctx, tx, resID, amount,
			model.QuotaCommit{IdemKey: idemkey.Derive(ctx, "commit"), Remark: ref}); err != nil {
			return nil, err
		}
	}
	if err = s.noticeOrderCompleted(ctx, tx, id); err != nil {
		return nil, err
	}
	return s.issueForOrder(ctx, id, buyer.Id, plan.Id, req.Count, row.Remark.(string), buyer.Id, *gtime.NewFromTime(now))
}

// issueForOrder writes the order's batch and names it on the order, answering the codes once.
func (s *sDerp) issueForOrder(ctx context.Context, orderID, distID, planID int64, count int, remark string,
	by int64, now gtime.Time) (*v1.OrderItem, error) {
	batchID, codes, err := issue{planID: planID, distributorID: distID, orderID: orderID, createdBy: by,
		count: count, source: sourcePurchase, remark: remark}.write(ctx, now)
	if err != nil {
		return nil, err
	}
	if _, err = dao.DerpOrders.Ctx(ctx).WherePri(orderID).Data(do.DerpOrders{BatchId: batchID}).Update(); err != nil {
		return nil, err
	}
	return orderItemByID(ctx, orderID, codes)
}

// priorOrder is the order an earlier run of this request wrote under key (with its codes read
// back from the sealed copies), or nil; the same key with another body is 409.
func priorOrder(ctx context.Context, buyer int64, key string, req *v1.SerialOrderCreateReq) (*v1.OrderItem, error) {
	if key == "" {
		return nil, nil
	}
	cols := dao.DerpOrders.Columns()
	var o *entity.DerpOrders
	if err := dao.DerpOrders.Ctx(ctx).Where(cols.BuyerId, buyer).Where(cols.IdemKey, key).Scan(&o); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if o == nil {
		return nil, nil
	}
	if o.PlanId != req.PlanId || o.Count != req.Count || o.PayMethod != req.PayMethod || o.Remark != strings.TrimSpace(req.Remark) {
		return nil, errs.IdempotencyMismatch.New()
	}
	codes, err := batchCodes(ctx, o.BatchId)
	if err != nil {
		return nil, err
	}
	return orderItem(o, codes), nil
}

func batchCodes(ctx context.Context, batchID int64) ([]string, error) {
	if batchID == 0 {
		return nil, nil
	}
	var rows []entity.DerpSerials
	cols := dao.DerpSerials.Columns()
	if err := dao.DerpSerials.Ctx(ctx).Where(cols.BatchId, batchID).OrderAsc(cols.Id).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		c, err := openSerial(r.CodeEnc)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

func orderItemByID(ctx context.Context, id int64, codes []string) (*v1.OrderItem, error) {
	var o *entity.DerpOrders
	if err := dao.DerpOrders.Ctx(ctx).WherePri(id).Scan(&o); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if o == nil {
		return nil, errs.NotFound.New()
	}
	return orderItem(o, codes), nil
}

func orderItem(o *entity.DerpOrders, codes []string) *v1.OrderItem {
	return &v1.OrderItem{Id: o.Id, OrderNo: o.OrderNo, Kind: o.Kind, BuyerId: o.BuyerId, DistributorId: o.DistributorId,
		PlanId: o.PlanId, Count: o.Count, ListPrice: o.ListPrice, DiscountBps: o.DiscountBps, UnitPrice: o.UnitPrice,
		Amount: o.Amount, PayMethod: o.PayMethod, Status: o.Status, Remark: o.Remark, ReviewReason: o.ReviewReason,
		BatchId: optID(o.BatchId), RentalId: optID(o.RentalId), CreatedAt: timefmt.Format(o.CreatedAt),
		CompletedAt: timefmt.Ptr(o.CompletedAt), Codes: codes}
}
