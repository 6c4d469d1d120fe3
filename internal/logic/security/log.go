package security

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/security/v1"
	"kami/internal/dao"
	"kami/internal/exportfile"
	"kami/internal/listq"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/timefmt"
)

var eventSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.SecurityEvents.Columns().Id),
	"createdAt": listq.Ordinal(dao.SecurityEvents.Columns().CreatedAt),
	"username":  listq.Text(dao.SecurityEvents.Columns().Username),
	"kind":      listq.Text(dao.SecurityEvents.Columns().Kind),
	"severity":  listq.Text(dao.SecurityEvents.Columns().Severity),
})

// eventQuery is the filtered security log inside the caller's scope, as a Safe model the count,
// the page and the export batches each derive from.
func eventQuery(ctx context.Context, f *v1.EventFilter) (*gdb.Model, error) {
	cols := dao.SecurityEvents.Columns()
	m := scope.Apply(ctx, dao.SecurityEvents.Ctx(ctx).Safe(), cols.UserId)
	m, err := listq.TimeRange(m, cols.CreatedAt, f.From, f.To)
	if err != nil {
		return nil, err
	}
	if f.UserID > 0 {
		m = m.Where(cols.UserId, f.UserID)
	}
	if f.Username != "" {
		m = listq.Contains(m, cols.Username, f.Username)
	}
	for col, v := range map[string]string{cols.Kind: f.Kind, cols.Severity: f.Severity, cols.Measure: f.Measure, cols.Ip: f.IP} {
		if v != "" {
			m = m.Where(col, v)
		}
	}
	return m, nil
}

// List pages the security log rows the caller may see.
func (s *sSecurity) List(ctx context.Context, req *v1.EventListReq) (*v1.EventListRes, error) {
	m, err := eventQuery(ctx, &req.EventFilter)
	if err != nil {
		return nil, err
	}
	rows, total, err := listq.Page[entity.SecurityEvents](m, req.PageReq, eventSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.EventListRes{Items: make([]v1.EventItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.EventItem{
			ID: r.Id, UserID: r.UserId, Username: r.Username, Kind: r.Kind, Severity: r.Severity,
			Measure: r.Measure, IP: r.Ip, Location: r.Location, Detail: r.Detail, CreatedAt: timefmt.Format(r.CreatedAt),
		})
	}
	return res, nil
}

// Export downloads every security log row matching the filter (not one page), with the kind,
// severity and measure in the reader's language.
func (s *sSecurity) Export(ctx context.Context, req *v1.EventExportReq) (*model.Download, error) {
	m, err := eventQuery(ctx, &req.EventFilter)
	if err != nil {
		return nil, err
	}
	header := []string{"id", "time", "userId", "username", "kind", "severity", "measure", "ip", "location", "detail"}
	titles := make([]any, len(header))
	for i, h := range header {
		titles[i] = gi18n.T(ctx, "security.col."+h)
	}
	name := fmt.Sprintf("security-log-%s.xlsx", s.clock.Now().In(timefmt.Zone()).Format("20060102-150405"))
	return exportfile.Keyset(ctx, m, s.cfg().ExportMaxRows, titles, name, func(batch gdb.Result, emit func([]any) error) error {
		var rows []entity.SecurityEvents
		if err := batch.Structs(&rows); err != nil {
			return err
		}
		for _, r := range rows {
			if err := emit([]any{r.Id, timefmt.Format(r.CreatedAt), r.UserId, r.Username,
				gi18n.T(ctx, "security.kind."+r.Kind), gi18n.T(ctx, "security.severity."+r.Severity),
				gi18n.T(ctx, "security.measure."+r.Measure), r.Ip, r.Location, r.Detail}); err != nil {
				return err
			}
		}
		return nil
	})
}
