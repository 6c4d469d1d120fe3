package logs

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/system/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/retention"
	"kami/internal/timefmt"
)

// The system log is history like the other logs: archived and deleted after kami.logRetention.
func init() {
	retention.Register(retention.Table{Name: dao.SystemLogs.Table(), TimeCol: dao.SystemLogs.Columns().CreatedAt})
}

var systemSorts = listq.NewSorts("id", map[string]listq.Field{
	"id":        listq.Ordinal(dao.SystemLogs.Columns().Id),
	"createdAt": listq.Ordinal(dao.SystemLogs.Columns().CreatedAt),
	"level":     listq.Text(dao.SystemLogs.Columns().Level),
	"module":    listq.Text(dao.SystemLogs.Columns().Module),
})

// systemQuery filters the system log. It has no data scope: the rows belong to no user, and
// the route is the super-admin's alone (RBAC catalog).
func systemQuery(ctx context.Context, f *v1.SystemLogFilter) (*gdb.Model, error) {
	cols := dao.SystemLogs.Columns()
	m, err := listq.TimeRange(dao.SystemLogs.Ctx(ctx).Safe(), cols.CreatedAt, f.From, f.To)
	if err != nil {
		return nil, err
	}
	if f.Level != "" {
		m = m.Where(cols.Level, f.Level)
	}
	if f.Module != "" {
		m = m.Where(cols.Module, f.Module)
	}
	if f.Node != "" {
		m = m.Where(cols.Node, f.Node)
	}
	return m, nil
}

// SystemList pages the system log.
func (s *sLogs) SystemList(ctx context.Context, req *v1.SystemLogListReq) (*v1.SystemLogListRes, error) {
	m, err := systemQuery(ctx, &req.SystemLogFilter)
	if err != nil {
		return nil, err
	}
	rows, total, err := listq.Page[entity.SystemLogs](m, req.PageReq, systemSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.SystemLogListRes{Items: make([]v1.SystemLogItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.SystemLogItem{ID: r.Id, Level: r.Level, Module: r.Module, Message: r.Message,
			TraceID: r.TraceId, Node: r.Node, CreatedAt: timefmt.Format(r.CreatedAt)})
	}
	return res, nil
}

// SystemExport downloads every system log row matching the filter.
func (s *sLogs) SystemExport(ctx context.Context, req *v1.SystemLogExportReq) (*model.Download, error) {
	m, err := systemQuery(ctx, &req.SystemLogFilter)
	if err != nil {
		return nil, err
	}
	header := []string{"id", "time", "level", "module", "node", "traceId", "message"}
	return s.export(ctx, m, "system-log", header, func(batch gdb.Result, emit func([]any) error) error {
		var rows []entity.SystemLogs
		if err := batch.Structs(&rows); err != nil {
			return err
		}
		for _, r := range rows {
			if err := emit([]any{r.Id, timefmt.Format(r.CreatedAt), r.Level, r.Module, r.Node, r.TraceId, r.Message}); err != nil {
				return err
			}
		}
		return nil
	})
}
