package camel

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/camelplatform"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/logic/job"
	"kami/internal/logic/outbox"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
)

// PollJob checks the platform for payments (camel-oil.md §3).
const PollJob = "camel_oil.payment_poll"

// CallbackTopic carries an order's paid callback to its merchant's notifyUrl, signed with the
// merchant's webhookSecret; the event's Ref is "<merchantId>/<orderNo>". EventPaid is its type.
const (
	CallbackTopic = "camelOil.callback"
	EventPaid     = "camel_oil.order.paid"
)

// Poll cadence (§3): every 10 s for an order's first 5 min, then 30 s up to 15 min, then 60 s;
// unpaid past expireAt + 2 min is expired; expired orders are re-checked every 10 min for 24 h.
const (
	pollBatch     = 200
	pollParallel  = 8
	expireGrace   = 2 * time.Minute
	lateRecheck   = 10 * time.Minute
	lateWindow    = 24 * time.Hour
	afterRejected = time.Minute
)

func init() {
	job.Register(job.Def{
		Name:            PollJob,
		Description:     "Ask the camel-oil platform whether pending orders were paid; paid orders call their merchant back",
		DefaultSchedule: "@every 10s",
		Run:             func(ctx context.Context) (int, error) { return service.Camel().PaymentPoll(ctx) },
	})
	outbox.RegisterTopic(CallbackTopic, resolveCallback, outbox.AllowPrivateTargets()) // merchants' URLs are set by the super-admin only (§5)
}

// resolveCallback is the merchant's notifyUrl (set by the super-admin only) and webhookSecret,
// read at every attempt so a changed URL applies to the next one.
func resolveCallback(ctx context.Context, m outbox.Message) (string, string, error) {
	idText, _, _ := strings.Cut(m.Ref, "/")
	id, err := strconv.ParseInt(idText, 10, 64)
	if err != nil {
		return "", "", err
	}
	mer, err := findMerchant(ctx, id)
	if err != nil {
		return "", "", err
	}
	secret, err := keyring.Open(purposeMerchantWebhook, mer.WebhookSecret)
	if err != nil {
		return "", "", err
	}
	return mer.NotifyUrl, string(secret), nil
}

// PaymentPoll is one run of camel_oil.payment_poll: the due pending_pay and expired orders
// (a batch, a few at a time) asked of the platform. The job runs once per tick across nodes,
// and every transition is guarded, so even pollers racing on several nodes make one change
// and one callback.
func (s *sCamel) PaymentPoll(ctx context.Context) (int, error) {
	cols := dao.CamelOilOrder.Columns()
	var due []entity.CamelOilOrder
	err := dao.CamelOilOrder.Ctx(ctx).WhereIn(cols.Status, []string{OrderPendingPay, OrderExpired}).
		WhereNotNull(cols.NextCheckAt).WhereLTE(cols.NextCheckAt, s.now()).OrderAsc(cols.NextCheckAt).
		Limit(pollBatch).Scan(&due)
	if err != nil {
		return 0, err
	}
	sem := make(chan struct{}, pollParallel)
	var wg sync.WaitGroup
	for i := range due {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			if err := s.check(ctx, &due[i]); err != nil {
				logError(ctx, "camel_oil: payment poll of "+due[i].OrderNo, err)
			}
		}()
	}
	wg.Wait()
	return len(due), nil
}

// check asks the platform about one order and applies the answer.
func (s *sCamel) check(ctx context.Context, o *entity.CamelOilOrder) error {
	now := s.now()
	acc, err := findAccountRow(ctx, o.AccountId)
	if err != nil {
		return err
	}
	st, err := camelplatform.OrderState{}, errors.New("camel_oil: the order's account has no token")
	if token, oerr := keyring.Open(secretPurpose, acc.Token); oerr == nil && acc.Token != "" {
		st, err = s.platform().QueryOrder(ctx, string(token), o.PlatformOrderNo)
	}
	switch {
	case err == nil && st.Status == camelplatform.OrderPaid:
		return s.markPaid(ctx, o, st)
	case errors.Is(err, camelplatform.ErrTokenRejected):
		// The account logs in again; the order keeps it and is asked again afterwards.
		s.fault(ctx, acc, false, StatusPendingLogin, "platform rejected the token while polling")
		return s.reschedule(ctx, o, now.Add(afterRejected))
	case err != nil:
		return s.reschedule(ctx, o, now.Add(nextCheck(o, now)))
	}
	if o.Status == OrderExpired {
		return s.reschedule(ctx, o, now.Add(lateRecheck))
	}
	if st.Status == camelplatform.OrderClosed || now.After(o.ExpireAt.Add(expireGrace)) {
		return s.expire(ctx, o)
	}
	return s.reschedule(ctx, o, now.Add(nextCheck(o, now)))
}

// nextCheck is the poll interval for an order of this age.
func nextCheck(o *entity.CamelOilOrder, now *gtime.Time) time.Duration {
	age := now.Sub(o.CreatedAt)
	switch {
	case o.Status == OrderExpired:
		return lateRecheck
	case age < 5*time.Minute:
		return 10 * time.Second
	case age < 15*time.Minute:
		return 30 * time.Second
	}
	return time.Minute
}

// reschedule sets the next check, or none once an expired order is past its late window;
// guarded on the status read, so a transition by another poller is never undone.
func (s *sCamel) reschedule(ctx context.Context, o *entity.CamelOilOrder, at *gtime.Time) error {
	cols := dao.CamelOilOrder.Columns()
	var next any = at
	if o.Status == OrderExpired && o.ExpireAt != nil && at.After(o.ExpireAt.Add(lateWindow)) {
		next = nil
	}
	_, err := dao.CamelOilOrder.Ctx(ctx).WherePri(o.Id).Where(cols.Status, o.Status).
		Data(gdb.Map{cols.NextCheckAt: next, cols.CheckCount: gdb.Raw(cols.CheckCount + "+1"), cols.UpdatedAt: s.now()}).Update()
	return err
}

// expire is pending_pay → expired, guarded, with its history row; the late re-checks start.
func (s *sCamel) expire(ctx context.Context, o *entity.CamelOilOrder) error {
	cols := dao.CamelOilOrder.Columns()
	now := s.now()
	return dao.CamelOilOrder.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		r, err := dao.CamelOilOrder.Ctx(ctx).TX(tx).WherePri(o.Id).Where(cols.Status, OrderPendingPay).
			Data(gdb.Map{cols.Status: OrderExpired, cols.NextCheckAt: now.Add(lateRecheck), cols.UpdatedAt: now,
				cols.Version: gdb.Raw(cols.Version + "+1")}).Update()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return nil
		}
		return s.orderHistory(ctx, tx, o.Id, OrderPendingPay, OrderExpired, "unpaid past its expiry", 0)
	})
}

// markPaid is the one transaction of a payment: the guarded pending_pay|expired → paid, the
// account's paid counters, the history row and the merchant's callback event. A second
// poller's UPDATE finds the order paid already and writes nothing.
func (s *sCamel) markPaid(ctx context.Context, o *entity.CamelOilOrder, st camelplatform.OrderState) error {
	cols := dao.CamelOilOrder.Columns()
	ac := dao.CamelOilAccount.Columns()
	now := s.now()
	paidAt := now
	if !st.PaidAt.IsZero() {
		paidAt = gtime.NewFromTime(st.PaidAt.UTC())
	}
	today := s.today()
	return dao.CamelOilOrder.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		r, err := dao.CamelOilOrder.Ctx(ctx).TX(tx).WherePri(o.Id).WhereIn(cols.Status, []string{OrderPendingPay, OrderExpired}).
			Data(gdb.Map{cols.Status: OrderPaid, cols.PaidAt: paidAt, cols.NextCheckAt: nil, cols.UpdatedAt: now,
				cols.Version: gdb.Raw(cols.Version + "+1")}).Update()
		if err != nil {
			return err
		}
		if n, _ := r.RowsAffected(); n != 1 {
			return nil
		}
		_, err = dao.CamelOilAccount.Ctx(ctx).TX(tx).WherePri(o.AccountId).Data(gdb.Map{
			ac.DailyPaidCount:  gdb.Raw("CASE WHEN " + ac.DailyDate + " = '" + today + "' THEN " + ac.DailyPaidCount + " + 1 ELSE " + ac.DailyPaidCount + " END"),
			ac.TotalPaidAmount: gdb.Raw(ac.TotalPaidAmount + " + " + strconv.FormatInt(o.Amount, 10)),
		}).Update()
		if err != nil {
			return err
		}
		if err = s.orderHistory(ctx, tx, o.Id, o.Status, OrderPaid, "the platform reports it paid", 0); err != nil {
			return err
		}
		_, err = service.Outbox().Emit(ctx, model.OutboxEvent{Topic: CallbackTopic, Type: EventPaid,
			Ref: strconv.FormatInt(o.MerchantId, 10) + "/" + o.OrderNo,
			Data: paidData{OrderNo: o.OrderNo, MerchantOrderNo: o.MerchantOrderNo, Amount: o.Amount, Status: OrderPaid,
				PaidAt: timefmt.Format(paidAt), Attach: o.Attach}})
		return err
	})
}

// paidData is the callback's data (§3), in the contract's field order.
type paidData struct {
	OrderNo         string `json:"orderNo"`
	MerchantOrderNo string `json:"merchantOrderNo"`
	Amount          int64  `json:"amount"`
	Status          string `json:"status"`
	PaidAt          string `json:"paidAt"`
	Attach          string `json:"attach"`
}

func findAccountRow(ctx context.Context, id int64) (*entity.CamelOilAccount, error) {
	var a *entity.CamelOilAccount
	if err := dao.CamelOilAccount.Ctx(ctx).Unscoped().WherePri(id).Scan(&a); err != nil {
		return nil, err
	}
	if a == nil {
		return nil, errors.New("camel_oil: the order's account is gone")
	}
	return a, nil
}
