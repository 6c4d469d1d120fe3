package derp

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/infra/throttle"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

const (
	orderKindRenew = "rental_renew"
	periodRenew    = "renew"
	usedAsRenew    = "renew"
	suspendTraffic = "traffic"
)

// MeRentalRenew renews one of the caller's rentals (§5) with a serial or a plan paid from the
// balance: expiresAt = max(expiresAt, now) + days·24h and quota += plan.trafficBytes, in one
// transaction with the order, the period, the serial claim or the ledger moves, and the
// containers' desired state. A traffic suspension is lifted; an admin or anomaly one is kept
// (only staff lift those). Deregistering or deregistered → 409 DERP_INVALID_STATE.
func (s *sDerp) MeRentalRenew(ctx context.Context, req *v1.MeRentalRenewReq) (*v1.MeRentalRenewRes, error) {
	u, err := member(ctx)
	if err != nil {
		return nil, err
	}
	r, err := rentalByID(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	if r.UserId != u.Id {
		return nil, errs.NotFound.New()
	}
	key := idemkey.From(ctx)
	if res, err := s.priorRenewal(ctx, u.Id, key, req); err != nil || res != nil {
		return res, err
	}
	var orderID int64
	if req.Serial != "" {
		if err = claimsLeft(ctx, u.Id); err != nil {
			return nil, err
		}
		err = dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			orderID, err = s.renewBySerial(ctx, u, r, req.Serial)
			return err
		})
		if errs.Is(err, errs.SerialInvalid) {
			if lerr := throttle.Allow(ctx, claimFailKey(u.Id), claimFailLimit); lerr != nil {
				return nil, lerr
			}
		}
	} else {
		dist, derr := distributorOf(ctx, u)
		if derr != nil {
			return nil, derr
		}
		lock := []int64{u.Id}
		if dist != nil {
			lock = append(lock, dist.UserId)
		}
		err = service.Quota().Lock(ctx, lock, func(ctx context.Context) error {
			return dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
				orderID, err = s.renewByBalance(ctx, tx, u, dist, r, req.PlanId, key)
				return err
			})
		})
		if dbx.IsUniqueViolation(err) && key != "" {
			if res, perr := s.priorRenewal(ctx, u.Id, key, req); perr != nil || res != nil {
				return res, perr
			}
		}
	}
	if err != nil {
		return nil, err
	}
	s.invalidateAdmission(ctx, r.Id)
	return s.renewalRes(ctx, orderID, r.Id)
}

func (s *sDerp) renewalRes(ctx context.Context, orderID, rentalID int64) (*v1.MeRentalRenewRes, error) {
	o, err := orderItemByID(ctx, orderID, nil)
	if err != nil {
		return nil, err
	}
	d, err := s.rentalDetail(ctx, rentalID)
	if err != nil {
		return nil, err
	}
	return &v1.MeRentalRenewRes{Order: o, Rental: d}, nil
}

// priorRenewal answers a replayed balance renewal with its first result; another body under the
// same key is 409.
func (s *sDerp) priorRenewal(ctx context.Context, buyer int64, key string, req *v1.MeRentalRenewReq) (*v1.MeRentalRenewRes, error) {
	if key == "" || req.Serial != "" {
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
	if o.Kind != orderKindRenew || o.PlanId != req.PlanId || o.RentalId != req.Id {
		return nil, errs.IdempotencyMismatch.New()
	}
	return s.renewalRes(ctx, o.Id, o.RentalId)
}

func (s *sDerp) renewBySerial(ctx context.Context, u *entity.Users, r *entity.DerpRentals, code string) (int64, error) {
	symbols, ok := normalizeSerial(code)
	if !ok {
		return 0, errs.SerialInvalid.New()
	}
	now := s.now()
	cols := dao.DerpSerials.Columns()
	var sr *entity.DerpSerials
	if err := dao.DerpSerials.Ctx(ctx).Where(cols.CodeHash, serialHash(symbols)).Scan(&sr); err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	if sr == nil {
		return 0, errs.SerialInvalid.New()
	}
	n, err := dao.DerpSerials.Ctx(ctx).Data(do.DerpSerials{Status: serialUsed, UsedBy: u.Id, UsedAt: gtime.NewFromTime(now),
		UsedAs: usedAsRenew, RentalId: r.Id}).WherePri(sr.Id).Where(cols.Status, serialUnused).
		WhereGT(cols.ExpiresAt, gtime.NewFromTime(now)).UpdateAndGetAffected()
	if err != nil {
		return 0, err
	}
	if n != 1 {
		return 0, errs.SerialInvalid.New()
	}
	plan, err := planByID(ctx, sr.PlanId)
	if err != nil {
		return 0, err
	}
	order := do.DerpOrders{Kind: orderKindRenew, BuyerId: u.Id, DistributorId: u.ParentId, PlanId: plan.Id, Count: 1,
		PayMethod: paySerial, Status: orderCompleted, SerialId: sr.Id, CompletedAt: gtime.NewFromTime(now)}
	orderID, _, err := s.applyRenewal(ctx, r, plan, order, sr.Id, now)
	return orderID, err
}

func (s *sDerp) renewByBalance(ctx context.Context, tx gdb.TX, u *entity.Users, dist *entity.DerpDistributors,
	r *entity.DerpRentals, planID int64, key string) (int64, error) {
	now := s.now()
	plan, order, commission, err := balanceOrder(ctx, u, dist, planID, orderKindRenew, key, now)
	if err != nil {
		return 0, err
	}
	orderID, orderNo, err := s.applyRenewal(ctx, r, plan, order, 0, now)
	if err != nil {
		return 0, err
	}
	return orderID, collectBalance(ctx, tx, u.Id, dist, plan.Price, commission, orderNo)
}

// applyRenewal moves the rental by a conditional UPDATE on the state and expiry it was read with
// (a concurrent change → 409), then writes the order and period and sets the containers' target.
func (s *sDerp) applyRenewal(ctx context.Context, r *entity.DerpRentals, plan *entity.DerpPlans, order do.DerpOrders,
	serialID int64, now time.Time) (orderID int64, orderNo string, err error) {
	if !renewable(r.State) {
		return 0, "", errs.DerpInvalidState.New()
	}
	start := r.ExpiresAt.Time
	if now.After(start) {
		start = now
	}
	end := start.Add(time.Duration(plan.Days) * 24 * time.Hour)
	state, reason := rentalActive, ""
	if r.State == rentalSuspended && r.SuspendReason != suspendTraffic {
		state, reason = rentalSuspended, r.SuspendReason
	}
	cols := dao.DerpRentals.Columns()
	n, err := dao.DerpRentals.Ctx(ctx).Data(g.Map{cols.State: state, cols.SuspendReason: reason,
		cols.ExpiresAt: gtime.NewFromTime(end), cols.TrafficQuotaBytes: r.TrafficQuotaBytes + plan.TrafficBytes}).
		WherePri(r.Id).Where(cols.State, r.State).Where(cols.ExpiresAt, r.ExpiresAt).UpdateAndGetAffected()
	if err != nil {
		return 0, "", err
	}
	if n != 1 {
		return 0, "", errs.DerpInvalidState.New()
	}
	orderNo = newOrderNo(now)
	order.OrderNo, order.RentalId, order.CreatedAt = orderNo, r.Id, gtime.NewFromTime(now)
	if orderID, err = dao.DerpOrders.Ctx(ctx).Data(order).InsertAndGetId(); err != nil {
		return 0, "", err
	}
	if err = s.noticeOrderCompleted(ctx, nil, orderID); err != nil {
		return 0, "", err
	}
	if err = s.insertPeriod(ctx, r.Id, periodRenew, orderID, serialID, plan.Id, plan.Days, plan.TrafficBytes, start, end); err != nil {
		return 0, "", err
	}
	if err = setDesired(ctx, r.Id, state); err != nil {
		return 0, "", err
	}
	return orderID, orderNo, newAclVersion(ctx, r.Id, periodRenew, now)
}

// renewable: §4 allows renew and extend from active, suspended and expired (before deregistration).
func renewable(state string) bool {
	return state == rentalActive || state == rentalSuspended || state == rentalExpired
}
