package derp

import (
	"context"
	"strings"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model"
	"kami/internal/scope"
	"kami/internal/timefmt"
)

// month is one calendar month in kami.timeZone (Asia/Shanghai, §11) as a UTC [from, to) window,
// the zone the DATETIME columns are stored in.
type month struct {
	name     string
	from, to *gtime.Time
}

// monthOf parses YYYY-MM, or takes the month of now when it is empty; 13 or 00 is 400.
func monthOf(s string, now time.Time) (month, error) {
	zone := timefmt.Zone()
	var start time.Time
	if s == "" {
		l := now.In(zone)
		start = time.Date(l.Year(), l.Month(), 1, 0, 0, 0, 0, zone)
	} else {
		t, err := time.ParseInLocation("2006-01", s, zone)
		if err != nil {
			return month{}, errs.InvalidInput.Msg("month must be YYYY-MM")
		}
		start = t
	}
	return month{name: start.Format("2006-01"), from: gtime.NewFromTime(start.UTC()),
		to: gtime.NewFromTime(start.AddDate(0, 1, 0).UTC())}, nil
}

func (w month) on(m *gdb.Model, col string) *gdb.Model {
	return m.WhereGTE(col, w.from).WhereLT(col, w.to)
}

// paidStatuses are the orders whose amount was collected: completed ones, and refunded ones
// (their refunds are subtracted separately, so a partial refund keeps the rest as revenue).
var paidStatuses = []string{orderCompleted, orderRefunded}

// sum64 is SUM(expr) of m as an exact integer (0 for no rows): money never goes through a float.
func sum64(m *gdb.Model, expr string) (int64, error) {
	v, err := m.Fields("COALESCE(SUM(" + expr + "),0) AS s").Value()
	if err != nil {
		return 0, err
	}
	return v.Int64(), nil
}

// commissionEntries are the distributors' ledger entries of commission earned and taken back
// (the accounts' available bucket; the system account's counter-legs excluded). Their sum is the
// net commission.
func commissionEntries(ctx context.Context) *gdb.Model {
	cols := dao.QuotaEntries.Columns()
	return dao.QuotaEntries.Ctx(ctx).WhereIn(cols.Type, []string{quotaTypeCommission, quotaTypeCommissionRefund}).
		Where(cols.Bucket, model.BucketAvailable).WhereGT(cols.UserId, model.SystemAccount)
}

// refundsIn is the sum of the customer refund credits booked in w for orders in the caller's
// scope. The ledger entries name their order by ref, so the scope is decided on the orders.
func refundsIn(ctx context.Context, w month) (int64, error) {
	cols := dao.QuotaEntries.Columns()
	var rows []struct {
		Ref    string
		Amount int64
	}
	if err := w.on(dao.QuotaEntries.Ctx(ctx), cols.CreatedAt).Fields(cols.Ref, cols.Amount).
		Where(cols.Type, quotaTypeRefund).Where(cols.Bucket, model.BucketAvailable).
		WhereGT(cols.UserId, model.SystemAccount).Scan(&rows); err != nil {
		return 0, err
	}
	if len(rows) == 0 {
		return 0, nil
	}
	byOrder := map[string]int64{}
	nos := make([]string, 0, len(rows))
	for _, r := range rows {
		no := strings.TrimPrefix(r.Ref, "derp:refund:")
		if _, ok := byOrder[no]; !ok {
			nos = append(nos, no)
		}
		byOrder[no] += r.Amount
	}
	oc := dao.DerpOrders.Columns()
	visible, err := scope.Apply(ctx, dao.DerpOrders.Ctx(ctx), oc.DistributorId).Fields(oc.OrderNo).
		WhereIn(oc.OrderNo, nos).Array()
	if err != nil {
		return 0, err
	}
	var total int64
	for _, no := range visible {
		total += byOrder[no.String()]
	}
	return total, nil
}

// scopedCustomers is the ids of the members whose distributor is in the caller's scope.
func scopedCustomers(ctx context.Context) *gdb.Model {
	uc := dao.Users.Columns()
	return scope.Apply(ctx, dao.Users.Ctx(ctx).Fields(uc.Id).Where(uc.Role, consts.RoleMember), uc.ParentId)
}

// scopedDistributors is the ids of the active distributors in the caller's scope.
func scopedDistributors(ctx context.Context) *gdb.Model {
	dc := dao.DerpDistributors.Columns()
	return scope.Apply(ctx, dao.DerpDistributors.Ctx(ctx).Fields(dc.UserId).Where(dc.Status, distActive), dc.UserId)
}

// prepaid is the live ledger balance (available + frozen) of the accounts in ids.
func prepaid(ctx context.Context, ids *gdb.Model) (int64, error) {
	ac := dao.QuotaAccounts.Columns()
	return sum64(dao.QuotaAccounts.Ctx(ctx).WhereIn(ac.UserId, ids), ac.Available+"+"+ac.Frozen)
}
