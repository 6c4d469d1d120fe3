package logs

import (
	"context"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/system/v1"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/scope"
)

// The filters build Safe models, so the count, the page (listq.Page) and the export batches can
// each derive their own query from one filtered base without mutating it.

func operationQuery(ctx context.Context, f *v1.OperationLogFilter) (*gdb.Model, error) {
	cols := dao.OperationLogs.Columns()
	m := scope.Apply(ctx, dao.OperationLogs.Ctx(ctx).Safe(), cols.UserId)
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
	if f.Module != "" {
		m = m.Where(cols.Module, f.Module)
	}
	if f.Method != "" {
		m = m.Where(cols.Method, strings.ToUpper(f.Method))
	}
	if f.Status > 0 {
		m = m.Where(cols.Status, f.Status)
	}
	if f.Result != nil {
		if *f.Result == 1 {
			m = m.WhereLT(cols.Status, 400)
		} else {
			m = m.WhereGTE(cols.Status, 400)
		}
	}
	return m, nil
}

func loginQuery(ctx context.Context, f *v1.LoginLogFilter) (*gdb.Model, error) {
	cols := dao.LoginLogs.Columns()
	m := scope.Apply(ctx, dao.LoginLogs.Ctx(ctx).Safe(), cols.UserId)
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
	if f.IP != "" {
		m = m.Where(cols.Ip, f.IP)
	}
	if f.Result != nil {
		m = m.Where(cols.Result, *f.Result)
	}
	return m, nil
}
