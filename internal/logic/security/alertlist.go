package security

import (
	"context"

	v1 "kami/api/security/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

var alertSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":       listq.Ordinal(dao.SecurityAlerts.Columns().Id),
	"lastSeen": listq.Ordinal(dao.SecurityAlerts.Columns().LastSeen),
})

// AlertList pages the fault alerts, newest first by default.
func (s *sSecurity) AlertList(ctx context.Context, req *v1.AlertListReq) (*v1.AlertListRes, error) {
	cols := dao.SecurityAlerts.Columns()
	m := dao.SecurityAlerts.Ctx(ctx).Safe()
	if req.Status != "" {
		m = m.Where(cols.Status, req.Status)
	}
	if req.Check != "" {
		m = m.Where(cols.CheckName, req.Check)
	}
	rows, total, err := listq.Page[entity.SecurityAlerts](m, req.PageReq, alertSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.AlertListRes{Items: make([]v1.AlertItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.AlertItem{
			ID: r.Id, Check: r.CheckName, Status: r.Status, Severity: r.Severity, Message: r.Message,
			FirstSeen: timefmt.Format(r.FirstSeen), LastSeen: timefmt.Format(r.LastSeen), Count: r.Count,
			ResolvedAt: timefmt.Ptr(r.ResolvedAt),
		})
	}
	return res, nil
}
