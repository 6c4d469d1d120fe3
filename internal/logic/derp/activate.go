package derp

import (
	"context"
	"math"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"
	"github.com/gogf/gf/v2/util/gconv"

	v1 "kami/api/derp/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/idemkey"
	"kami/internal/infra/redisx"
	"kami/internal/infra/throttle"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/utility/dbx"
	"kami/utility/ratelimit"
)

const (
	orderKindRentalNew = "rental_new"
	paySerial          = "serial"
	periodActivate     = "activate"
	usedAsActivate     = "activate"
	// quotaTypeCommission is the distributor's share of a customer balance order (§11).
	quotaTypeCommission = "derp_commission"
)

// claimFailLimit is §5's "429 after 10 failed claims per user per hour": serials are guessable
// only by brute force, and this is what makes that hopeless.
var claimFailLimit = ratelimit.PerHour(10)

// member is the caller if it is a DERP customer; anyone else on /me is 403 DERP_NOT_CUSTOMER.
func member(ctx context.Context) (*entity.Users, error) {
	p := principal.From(ctx)
	if p == nil || p.Role != consts.RoleMember {
		return nil, errs.DerpNotCustomer.New()
	}
	return userByID(ctx, p.UserID)
}

func claimFailKey(userID int64) string { return "derp-claim-fail:" + strconv.FormatInt(userID, 10) }

// claimsLeft refuses a caller who used up its failed claims (429 + Retry-After), without
// spending anything: only failures count.
func claimsLeft(ctx context.Context, userID int64) error {
	res, err := ratelimit.New(g.Redis()).AllowN(ctx, redisx.Key("rl", claimFailKey(userID)), claimFailLimit, 0)
	if err != nil {
		return errs.Unavailable.Wrap(err)
	}
	if res.Remaining > 0 {
		return nil
	}
	secs := int(math.Ceil(res.RetryAfter.Seconds()))
	if secs < 1 {
		secs = 1
	}
	if r := g.RequestFromCtx(ctx); r != nil {
		r.Response.Header().Set("Retry-After", strconv.Itoa(secs))
	}
	return errs.RateLimited.New(secs)
}

// MeRentalActivate starts a rental (§5) with a serial or a plan paid from the balance. In one
// transaction: the guarded serial claim (unused → used, or the reserved and committed list
// price and the distributor's commission), the rental, its order and period, and placement
// (§9). No host is contacted: containers are rows with desired=running, converged after commit.
func (s *sDerp) MeRentalActivate(ctx context.Context, req *v1.MeRentalActivateReq) (*v1.MeRentalActivateRes, error) {
	u, err := member(ctx)
	if err != nil {
		return nil, err
	}
	key := idemkey.From(ctx)
	if id, err := priorRentalOrder(ctx, u.Id, key, req); err != nil || id != 0 {
		if err != nil {
			return nil, err
		}
		return s.rentalDetail(ctx, id)
	}
	var rentalID int64
	if req.Serial != "" {
		if err = claimsLeft(ctx, u.Id); err != nil {
			return nil, err
		}
		err = retryLockRace(ctx, func(ctx context.Context) error {
			return dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
				var err error
				rentalID, err = s.activateBySerial(ctx, u, req.Serial)
				return err
			})
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
			return retryLockRace(ctx, func(ctx context.Context) error {
				return dao.DerpRentals.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
					var err error
					rentalID, err = s.activateByBalance(ctx, tx, u, dist, req.PlanId, key)
					return err
				})
			})
		})
		if dbx.IsUniqueViolation(err) && key != "" {
			if id, perr := priorRentalOrder(ctx, u.Id, key, req); perr != nil || id != 0 {
				if perr != nil {
					return nil, perr
				}
				return s.rentalDetail(ctx, id)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return s.rentalDetail(ctx, rentalID)
}

// activateBySerial claims the serial (unknown, used, expired and void alike → SERIAL_INVALID)
// and starts the rental; the order is amount 0, pay_method serial: revenue was booked when the
// serial was sold.
func (s *sDerp) activateBySerial(ctx context.Context, u *entity.Users, code string) (int64, error) {
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
		UsedAs: usedAsActivate}).WherePri(sr.Id).Where(cols.Status, serialUnused).
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
	order := do.DerpOrders{Kind: orderKindRentalNew, BuyerId: u.Id, DistributorId: u.ParentId, PlanId: plan.Id, Count: 1,
		PayMethod: paySerial, Status: orderCompleted, SerialId: sr.Id, CompletedAt: gtime.NewFromTime(now)}
	rentalID, orderID, err := s.openRental(ctx, u, plan, &order, now)
	if err != nil {
		return 0, err
	}
	if _, err = dao.DerpSerials.Ctx(ctx).WherePri(sr.Id).Data(do.DerpSerials{RentalId: rentalID}).Update(); err != nil {
		return 0, err
	}
	if err = s.addPeriod(ctx, rentalID, orderID, sr.Id, plan, now); err != nil {
		return 0, err
	}
	return rentalID, placeRental(ctx, rentalID, now)
}

// activateByBalance collects the plan's list price from the customer (reserve + commit in this
// transaction) and credits the distributor's commission when it has a tier (§11).
func (s *sDerp) activateByBalance(ctx context.Context, tx gdb.TX, u *entity.Users, dist *entity.DerpDistributors,
	planID int64, key string) (int64, error) {
	now := s.now()
	plan, order, commission, err := balanceOrder(ctx, u, dist, planID, orderKindRentalNew, key, now)
	if err != nil {
		return 0, err
	}
	rentalID, orderID, err := s.openRental(ctx, u, plan, &order, now)
	if err != nil {
		return 0, err
	}
	if err = collectBalance(ctx, tx, u.Id, dist, plan.Price, commission, gconv.String(order.OrderNo)); err != nil {
		return 0, err
	}
	if err = s.addPeriod(ctx, rentalID, orderID, 0, plan, now); err != nil {
		return 0, err
	}
	return rentalID, placeRental(ctx, rentalID, now)
}

// balanceOrder is the completed balance order of kind for one unit of the enabled plan planID at
// its list price, with the distributor's tier and commission snapshotted (§11); activation and
// renewal by balance both start from it.
func balanceOrder(ctx context.Context, u *entity.Users, dist *entity.DerpDistributors, planID int64, kind, key string,
	now time.Time) (*entity.DerpPlans, do.DerpOrders, int64, error) {
	plan, err := planByID(ctx, planID)
	if err != nil {
		return nil, do.DerpOrders{}, 0, err
	}
	if plan.Status != planEnabled {
		return nil, do.DerpOrders{}, 0, errs.DerpInvalidState.New()
	}
	order := do.DerpOrders{Kind: kind, BuyerId: u.Id, DistributorId: u.ParentId, PlanId: plan.Id, Count: 1,
		ListPrice: plan.Price, UnitPrice: plan.Price, Amount: plan.Price, PayMethod: payBalance, Status: orderCompleted,
		CompletedAt: gtime.NewFromTime(now)}
	if key != "" {
		order.IdemKey = key
	}
	var commission int64
	if dist != nil {
		t, err := tierByCode(ctx, dist.Tier)
		if err != nil {
			return nil, do.DerpOrders{}, 0, err
		}
		commission = plan.Price * int64(t.CommissionBps) / 10000
		order.Tier, order.CommissionBps, order.Commission, order.CommissionTo = t.Code, t.CommissionBps, commission, dist.UserId
	}
	return plan, order, commission, nil
}

// collectBalance reserves and commits price from the customer and credits the distributor's
// commission, all inside tx (§11), keyed by the order number so a retry moves nothing twice.
func collectBalance(ctx context.Context, tx gdb.TX, userID int64, dist *entity.DerpDistributors, price, commission int64,
	orderNo string) error {
	ref := "derp:order:" + orderNo
	if price > 0 {
		resID, err := service.Quota().Reserve(ctx, tx, model.QuotaReserve{UserID: userID, Amount: price,
			Type: quotaTypeOrder, Ref: ref, IdemKey: idemkey.Derive(ctx, "reserve")})
		if err != nil {
			return err
		}
		if _, err = service.Quota().Commit(ctx, tx, resID, price, model.QuotaCommit{IdemKey: idemkey.Derive(ctx, "commit"),
			Remark: ref}); err != nil {
			return err
		}
	}
	if commission > 0 && dist != nil {
		if _, err := service.Quota().Credit(ctx, tx, model.QuotaMove{UserID: dist.UserId, Amount: commission,
			Type: quotaTypeCommission, Ref: ref, IdemKey: "derp:commission:" + orderNo}); err != nil {
			return err
		}
	}
	return nil
}

// distributorOf is the customer's distributor row when it is an active one with a tier; a
// platform customer (or one whose distributor was removed) earns nobody a commission.
func distributorOf(ctx context.Context, u *entity.Users) (*entity.DerpDistributors, error) {
	cols := dao.DerpDistributors.Columns()
	var d *entity.DerpDistributors
	err := dao.DerpDistributors.Ctx(ctx).Where(cols.UserId, u.ParentId).Where(cols.Status, distActive).Scan(&d)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	return d, nil
}

// openRental writes the rental (at acl_version 1, which placeRental renders) and its completed
// order, whose number it sets, and the order's notice: everything of an activation that needs
// no server row, so it runs before placement takes them.
func (s *sDerp) openRental(ctx context.Context, u *entity.Users, plan *entity.DerpPlans, order *do.DerpOrders,
	now time.Time) (rentalID, orderID int64, err error) {
	expires := now.Add(time.Duration(plan.Days) * 24 * time.Hour)
	rentalID, err = dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{RentalNo: "R" + newOrderNo(now)[1:], UserId: u.Id,
		DistributorId: u.ParentId, PlanId: plan.Id, State: rentalActive, StartedAt: gtime.NewFromTime(now),
		ExpiresAt: gtime.NewFromTime(expires), TrafficQuotaBytes: plan.TrafficBytes, MaxDevices: plan.MaxDevices,
		OmitDefaultRegions: 1, AclVersion: 1}).InsertAndGetId()
	if err != nil {
		return 0, 0, err
	}
	order.OrderNo, order.RentalId, order.CreatedAt = newOrderNo(now), rentalID, gtime.NewFromTime(now)
	if orderID, err = dao.DerpOrders.Ctx(ctx).Data(*order).InsertAndGetId(); err != nil {
		return 0, 0, err
	}
	return rentalID, orderID, s.noticeOrderCompleted(ctx, nil, orderID)
}

// placeRental places the new rental's containers and writes its first derpMap, last in the
// activation's transaction: from placement's first server claim to the commit, concurrent
// activations wait on those rows. None placed is DERP_NO_CAPACITY, which rolls the whole
// transaction back (the serial stays unused).
func placeRental(ctx context.Context, rentalID int64, now time.Time) error {
	ps, err := place(ctx, rentalID, now)
	if err != nil {
		return err
	}
	if len(ps) == 0 {
		return errs.DerpNoCapacity.New()
	}
	if len(ps) < haReplicas {
		if _, err = dao.DerpRentals.Ctx(ctx).WherePri(rentalID).Data(do.DerpRentals{PlacementDegraded: 1}).Update(); err != nil {
			return err
		}
	}
	return firstAclVersion(ctx, rentalID, ps, now)
}

func (s *sDerp) addPeriod(ctx context.Context, rentalID, orderID, serialID int64, plan *entity.DerpPlans, now time.Time) error {
	row := do.DerpRentalPeriods{RentalId: rentalID, Kind: periodActivate, OrderId: orderID, PlanId: plan.Id,
		Days: plan.Days, TrafficBytes: plan.TrafficBytes, StartsAt: gtime.NewFromTime(now),
		EndsAt:  gtime.NewFromTime(now.Add(time.Duration(plan.Days) * 24 * time.Hour)),
		ActorId: principal.From(ctx).UserID}
	if serialID != 0 {
		row.SerialId = serialID
	}
	_, err := dao.DerpRentalPeriods.Ctx(ctx).Data(row).Insert()
	return err
}

// priorRentalOrder is the rental a first run of this balance activation made under key, or 0.
func priorRentalOrder(ctx context.Context, buyer int64, key string, req *v1.MeRentalActivateReq) (int64, error) {
	if key == "" || req.Serial != "" {
		return 0, nil
	}
	cols := dao.DerpOrders.Columns()
	var o *entity.DerpOrders
	if err := dao.DerpOrders.Ctx(ctx).Where(cols.BuyerId, buyer).Where(cols.IdemKey, key).Scan(&o); err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	if o == nil {
		return 0, nil
	}
	if o.Kind != orderKindRentalNew || o.PlanId != req.PlanId {
		return 0, errs.IdempotencyMismatch.New()
	}
	return o.RentalId, nil
}
