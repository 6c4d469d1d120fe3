package quota

import (
	"context"

	v1 "kami/api/quota/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

// Kinds of reconciliation alert.
const (
	alertAccount = "account" // a balance differs from the sum of the account's entries
	alertGlobal  = "global"  // the entries of the whole ledger do not sum to zero
)

var alertSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.QuotaAlerts.Columns().Id),
	"createdAt": listq.Ordinal(dao.QuotaAlerts.Columns().CreatedAt),
})

// Alerts lists what the reconciliation job found, newest first. The route is the
// super-admin's (catalog.go), so there is no narrower scope to apply.
func (s *sQuota) Alerts(ctx context.Context, req *v1.AlertListReq) (*v1.AlertListRes, error) {
	rows, total, err := listq.Page[entity.QuotaAlerts](dao.QuotaAlerts.Ctx(ctx), req.PageReq, alertSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.AlertListRes{Items: make([]v1.AlertItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.AlertItem{Id: r.Id, Kind: r.Kind, UserId: r.UserId, Bucket: r.Bucket,
			Expected: r.Expected, Actual: r.Actual, CreatedAt: timefmt.Format(r.CreatedAt)})
	}
	return res, nil
}
