package logs

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/system/v1"
	"kami/internal/exportfile"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
)

// OperationExport downloads every operation log row matching the filter (not one page).
func (s *sLogs) OperationExport(ctx context.Context, req *v1.OperationLogExportReq) (*model.Download, error) {
	m, err := operationQuery(ctx, &req.OperationLogFilter)
	if err != nil {
		return nil, err
	}
	header := []string{"id", "time", "userId", "username", "module", "method", "path", "route", "status",
		"code", "latency", "ip", "userAgent", "traceId", "error", "request"}
	return s.export(ctx, m, "operation-log", header, func(batch gdb.Result, emit func([]any) error) error {
		var rows []entity.OperationLogs
		if err := batch.Structs(&rows); err != nil {
			return err
		}
		for _, r := range rows {
			if err := emit([]any{r.Id, timefmt.Format(r.CreatedAt), r.UserId, r.Username, r.Module, r.Method,
				r.Path, r.Route, r.Status, r.Code, r.LatencyMs, r.Ip, r.UserAgent, r.TraceId, r.Error, r.Request}); err != nil {
				return err
			}
		}
		return nil
	})
}

// LoginExport downloads every login log row matching the filter.
func (s *sLogs) LoginExport(ctx context.Context, req *v1.LoginLogExportReq) (*model.Download, error) {
	m, err := loginQuery(ctx, &req.LoginLogFilter)
	if err != nil {
		return nil, err
	}
	header := []string{"id", "time", "userId", "username", "ip", "location", "result", "reason", "userAgent"}
	ok, fail := gi18n.T(ctx, "log.result.ok"), gi18n.T(ctx, "log.result.fail")
	return s.export(ctx, m, "login-log", header, func(batch gdb.Result, emit func([]any) error) error {
		var rows []entity.LoginLogs
		if err := batch.Structs(&rows); err != nil {
			return err
		}
		for _, r := range rows {
			result := fail
			if r.Result == 1 {
				result = ok
			}
			if err := emit([]any{r.Id, timefmt.Format(r.CreatedAt), r.UserId, r.Username, r.Ip, r.Location, result, r.Reason, r.UserAgent}); err != nil {
				return err
			}
		}
		return nil
	})
}

// export prepares the filtered set as an .xlsx download for the controller to send
// (exportfile.Keyset: capped at kami.exportMaxRows, read in keyset batches).
func (s *sLogs) export(ctx context.Context, m *gdb.Model, name string, header []string,
	write func(batch gdb.Result, emit func([]any) error) error) (*model.Download, error) {
	titles := make([]any, len(header))
	for i, h := range header {
		titles[i] = gi18n.T(ctx, "log.col."+h)
	}
	file := fmt.Sprintf("%s-%s.xlsx", name, s.clock.Now().In(timefmt.Zone()).Format("20060102-150405"))
	return exportfile.Keyset(ctx, m, s.cfg().ExportMaxRows, titles, file, write)
}
