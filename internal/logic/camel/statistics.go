package camel

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/camel/v1"
	"kami/internal/dao"
	"kami/internal/model/entity"
)

// statDays is how many Asia/Shanghai days the statistics go back, today included.
const statDays = 30

// Statistics reads the pool and the orders. The account figures come from one read of the live
// accounts' counters (a pool is thousands of rows, not millions); orders are counted per day by
// their creation (orders) and payment (paid) in the Asia/Shanghai day.
func (s *sCamel) Statistics(ctx context.Context, _ *v1.StatisticsReq) (*v1.StatisticsRes, error) {
	cols := dao.CamelOilAccount.Columns()
	var rows []entity.CamelOilAccount
	if err := dao.CamelOilAccount.Ctx(ctx).Fields(cols.Status, cols.DailyLimit, cols.DailyDate, cols.DailyOrderCount).
		Scan(&rows); err != nil {
		return nil, err
	}
	today := s.today()
	res := &v1.StatisticsRes{Accounts: v1.StatAccounts{Total: len(rows), ByStatus: map[string]int{}},
		Today: v1.StatToday{Date: today}, Days: []v1.StatDay{}}
	for _, st := range []string{StatusPendingLogin, StatusLoggingIn, StatusOnline, StatusPausedDaily, StatusInvalid, StatusDisabled} {
		res.Accounts.ByStatus[st] = 0
	}
	for _, a := range rows {
		res.Accounts.ByStatus[a.Status]++
		used := 0
		if a.DailyDate == today {
			used = a.DailyOrderCount
		}
		res.Today.Used += int64(used)
		if a.Status == StatusOnline || a.Status == StatusPausedDaily {
			res.Today.Capacity += int64(a.DailyLimit)
		}
		if a.Status == StatusOnline && a.DailyLimit > used {
			res.Today.Remaining += int64(a.DailyLimit - used)
		}
	}
	now := (*s.clock.Load()).Now().In(shanghai)
	start := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, shanghai)
	for i := statDays - 1; i >= 0; i-- {
		from := start.AddDate(0, 0, -i)
		d, err := orderDay(ctx, from, from.AddDate(0, 0, 1))
		if err != nil {
			return nil, err
		}
		res.Days = append(res.Days, d)
	}
	last := res.Days[len(res.Days)-1]
	res.Today.Orders, res.Today.Paid, res.Today.PaidAmount = last.Orders, last.Paid, last.PaidAmount
	o := dao.CamelOilOrder.Columns()
	expired, err := dao.CamelOilOrder.Ctx(ctx).Where(o.Status, "expired").
		WhereGTE(o.CreatedAt, gtime.NewFromTime(start.UTC())).Count()
	if err != nil {
		return nil, err
	}
	res.Today.Expired = int64(expired)
	return res, nil
}

// orderDay counts one Asia/Shanghai day [from, to): orders created in it, and paid in it.
func orderDay(ctx context.Context, from, to time.Time) (v1.StatDay, error) {
	o := dao.CamelOilOrder.Columns()
	d := v1.StatDay{Date: from.Format(time.DateOnly)}
	lo, hi := gtime.NewFromTime(from.UTC()), gtime.NewFromTime(to.UTC())
	n, err := dao.CamelOilOrder.Ctx(ctx).WhereGTE(o.CreatedAt, lo).WhereLT(o.CreatedAt, hi).Count()
	if err != nil {
		return d, err
	}
	d.Orders = int64(n)
	paid := dao.CamelOilOrder.Ctx(ctx).Where(o.Status, "paid").WhereGTE(o.PaidAt, lo).WhereLT(o.PaidAt, hi)
	if n, err = paid.Count(); err != nil {
		return d, err
	}
	d.Paid = int64(n)
	sum, err := dao.CamelOilOrder.Ctx(ctx).Where(o.Status, "paid").WhereGTE(o.PaidAt, lo).WhereLT(o.PaidAt, hi).Sum(o.Amount)
	d.PaidAmount = int64(sum)
	return d, err
}
