package camel

import (
	"context"
	"crypto/rand"
	"errors"
	"math/big"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	mv1 "kami/api/camelmerchant/v1"
	"kami/internal/adapter/camelplatform"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/infra/redisx"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
	"kami/utility/dbx"
	"kami/utility/redislock"
)

// Order statuses (camel-oil.md §3): a row exists only once the platform gave a pay URL.
const (
	OrderPendingPay = "pending_pay"
	OrderPaid       = "paid"
	OrderExpired    = "expired"
)

// firstCheck is when the payment poll first looks at a new order.
const firstCheck = 10 * time.Second

// SubmitOrder is POST /merchant/v1/camel-oil/orders (camel-oil.md §2): one merchantOrderNo is
// submitted once at a time (Redis lock, else 409 ORDER_IN_PROGRESS); a known number answers
// its order as it stands (same amount) or 409 DUPLICATE_ORDER_NO; otherwise a slot is
// reserved on an account and the platform is asked for a pay URL outside every lock.
func (s *sCamel) SubmitOrder(ctx context.Context, req *mv1.SubmitReq) (*mv1.SubmitRes, error) {
	m := merchantFrom(ctx)
	if lo, hi := settingInt(SettingMinAmount), settingInt(SettingMaxAmount); req.Amount < lo || req.Amount > hi {
		return nil, errs.OpenAPIBadRequest.New("amount must be between " + itoa(lo) + " and " + itoa(hi) + " fen")
	}
	lctx, cancel := context.WithTimeout(ctx, lockWait)
	l, err := s.locks().Lock(lctx, redisx.Key("camel_oil", "mo", itoa(m.Id), req.MerchantOrderNo), orderLockTTL)
	cancel()
	if err != nil {
		if errors.Is(err, redislock.ErrNotAcquired) && ctx.Err() == nil {
			return nil, errs.CamelOrderInProgress.New()
		}
		return nil, errs.Unavailable.Wrap(err)
	}
	defer func() { _ = l.Unlock(context.WithoutCancel(ctx)) }()
	o, err := findMerchantOrder(ctx, m.Id, req.MerchantOrderNo, "")
	if err != nil {
		return nil, err
	}
	if o != nil {
		if o.Amount != req.Amount {
			return nil, errs.CamelDuplicateOrderNo.New()
		}
		return &mv1.SubmitRes{Order: orderView(o)}, nil
	}
	o, err = s.dispatch(ctx, m, req)
	if err != nil {
		return nil, err
	}
	return &mv1.SubmitRes{Order: orderView(o)}, nil
}

// dispatch allocates and places the order, moving to the next account (≤ maxAccountsTried)
// when the platform refuses this one's token, says it is at its daily limit or banned.
func (s *sCamel) dispatch(ctx context.Context, m *entity.CamelOilMerchant, req *mv1.SubmitReq) (*entity.CamelOilOrder, error) {
	orderNo, err := newOrderNo(s.now().Time)
	if err != nil {
		return nil, err
	}
	var tried []int64
	for range maxAccountsTried {
		acc, err := s.allocate(ctx, tried)
		if err != nil {
			return nil, err
		}
		tried = append(tried, acc.Id)
		token, err := keyring.Open(secretPurpose, acc.Token)
		if err != nil {
			// A token that does not open is as good as none: log in again.
			s.fault(ctx, acc, true, StatusPendingLogin, "token unreadable")
			continue
		}
		placed, err := s.platform().PlaceOrder(ctx, string(token), orderNo, req.Amount)
		switch {
		case err == nil:
			return s.insertOrder(ctx, m, acc, req, orderNo, placed)
		case errors.Is(err, camelplatform.ErrTokenRejected):
			s.fault(ctx, acc, true, StatusPendingLogin, "platform rejected the token")
		case errors.Is(err, camelplatform.ErrDailyLimit):
			s.fault(ctx, acc, false, StatusPausedDaily, "platform: daily limit")
		case errors.Is(err, camelplatform.ErrBanned):
			s.fault(ctx, acc, true, StatusInvalid, "platform: banned or at risk")
		case errors.Is(err, camelplatform.ErrRejected):
			// A plain refusal made nothing on the platform: the slot goes back.
			s.fault(ctx, acc, true, "", "")
			return nil, errs.CamelPlatformUnavailable.Wrap(err)
		default:
			// A timeout or 5xx may have made the order there: the slot stays counted.
			return nil, errs.CamelPlatformUnavailable.Wrap(err)
		}
	}
	return nil, errs.CamelPlatformUnavailable.New()
}

// fault is what a platform refusal does to the account, in one transaction: the slot back
// (giveBack) and the move to `to` (none when ""). It logs and goes on when that fails: the
// submit's answer does not depend on it, and the account is re-read on the next allocation.
func (s *sCamel) fault(ctx context.Context, acc *entity.CamelOilAccount, giveBack bool, to, reason string) {
	ctx = context.WithoutCancel(ctx)
	err := dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		if giveBack {
			if err := s.giveBack(ctx, tx, acc); err != nil {
				return err
			}
		}
		if to == "" {
			return nil
		}
		var cur *entity.CamelOilAccount
		if err := dao.CamelOilAccount.Ctx(ctx).TX(tx).WherePri(acc.Id).Scan(&cur); err != nil || cur == nil {
			return err
		}
		if cur.Status == to || !canMove(cur.Status, to) {
			return nil
		}
		_, err := s.move(ctx, tx, acc.Id, cur.Status, to, reason, 0, nil)
		return err
	})
	if err != nil {
		logError(ctx, "camel_oil: account fault", err)
	}
}

// insertOrder writes the order the platform accepted, its history row and the account's total.
func (s *sCamel) insertOrder(ctx context.Context, m *entity.CamelOilMerchant, acc *entity.CamelOilAccount,
	req *mv1.SubmitReq, orderNo string, placed camelplatform.Placed) (*entity.CamelOilOrder, error) {
	now := s.now()
	cols := dao.CamelOilOrder.Columns()
	ac := dao.CamelOilAccount.Columns()
	var id int64
	err := dao.CamelOilOrder.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		var err error
		id, err = dao.CamelOilOrder.Ctx(ctx).TX(tx).Data(gdb.Map{cols.OrderNo: orderNo, cols.MerchantId: m.Id,
			cols.MerchantOrderNo: req.MerchantOrderNo, cols.AccountId: acc.Id, cols.Amount: req.Amount,
			cols.PlatformOrderNo: placed.OrderNo, cols.PayUrl: placed.PayURL, cols.Status: OrderPendingPay,
			cols.ExpireAt: now.Add(time.Duration(settingInt(SettingOrderExpireMinutes)) * time.Minute), cols.Attach: req.Attach,
			cols.NotifyStatus: "pending", cols.NextCheckAt: now.Add(firstCheck), cols.CreatedAt: now,
			cols.UpdatedAt: now}).InsertAndGetId()
		if err != nil {
			return err
		}
		if err = s.orderHistory(ctx, tx, id, "", OrderPendingPay, "submitted", 0); err != nil {
			return err
		}
		_, err = dao.CamelOilAccount.Ctx(ctx).TX(tx).WherePri(acc.Id).
			Data(gdb.Map{ac.TotalOrderCount: gdb.Raw(ac.TotalOrderCount + "+1")}).Update()
		return err
	})
	if err != nil {
		return nil, errs.Unavailable.Wrap(err)
	}
	return findOrder(ctx, id)
}

func (s *sCamel) orderHistory(ctx context.Context, tx gdb.TX, orderID int64, from, to, reason string, operator int64) error {
	h := dao.CamelOilOrderHistory.Columns()
	_, err := dao.CamelOilOrderHistory.Ctx(ctx).TX(tx).Data(gdb.Map{h.OrderId: orderID, h.FromStatus: from,
		h.ToStatus: to, h.Reason: reason, h.OperatorId: operator, h.CreatedAt: s.now()}).Insert()
	return err
}

// QueryMerchantOrder is POST /merchant/v1/camel-oil/orders/query: the calling merchant's order
// by its number or Kami's; another merchant's order is not found.
func (s *sCamel) QueryMerchantOrder(ctx context.Context, req *mv1.QueryReq) (*mv1.QueryRes, error) {
	o, err := findMerchantOrder(ctx, merchantFrom(ctx).Id, req.MerchantOrderNo, req.OrderNo)
	if err != nil {
		return nil, err
	}
	if o == nil {
		return nil, errs.CamelOrderNotFound.New()
	}
	return &mv1.QueryRes{Order: orderView(o)}, nil
}

func findMerchantOrder(ctx context.Context, merchantID int64, merchantOrderNo, orderNo string) (*entity.CamelOilOrder, error) {
	cols := dao.CamelOilOrder.Columns()
	m := dao.CamelOilOrder.Ctx(ctx).Where(cols.MerchantId, merchantID)
	if merchantOrderNo != "" {
		m = m.Where(cols.MerchantOrderNo, merchantOrderNo)
	}
	if orderNo != "" {
		m = m.Where(cols.OrderNo, orderNo)
	}
	var o *entity.CamelOilOrder
	if err := m.Scan(&o); err != nil && !dbx.IsNoRows(err) {
		return nil, errs.Unavailable.Wrap(err)
	}
	return o, nil
}

func findOrder(ctx context.Context, id int64) (*entity.CamelOilOrder, error) {
	var o *entity.CamelOilOrder
	if err := dao.CamelOilOrder.Ctx(ctx).WherePri(id).Scan(&o); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if o == nil {
		return nil, errs.NotFound.New()
	}
	return o, nil
}

func orderView(o *entity.CamelOilOrder) *mv1.Order {
	return &mv1.Order{OrderNo: o.OrderNo, MerchantOrderNo: o.MerchantOrderNo, Amount: o.Amount, Status: o.Status,
		PayUrl: o.PayUrl, ExpireAt: timefmt.Ptr(o.ExpireAt), PaidAt: timefmt.Ptr(o.PaidAt),
		CreatedAt: timefmt.Format(o.CreatedAt), Attach: o.Attach}
}

// newOrderNo is CO + 18 digits: the Asia/Shanghai date (yyMMdd) and 12 random digits, so two
// nodes never need to agree on a sequence; the unique index catches the 1-in-10¹² clash.
func newOrderNo(now time.Time) (string, error) {
	n, err := rand.Int(rand.Reader, big.NewInt(1_000_000_000_000))
	if err != nil {
		return "", err
	}
	return "CO" + now.In(shanghai).Format("060102") + leftPad(n.String(), 12), nil
}

func leftPad(s string, n int) string {
	for len(s) < n {
		s = "0" + s
	}
	return s
}
