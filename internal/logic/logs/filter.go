package logs

import (
	"context"
	"strings"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/api/common"
	v1 "kami/api/system/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/scope"
	"kami/internal/timefmt"
)

// The filters build Safe models, so the count, the page and the export batches can each derive
// their own query from one filtered base without mutating it.

func operationQuery(ctx context.Context, f *v1.OperationLogFilter) (*gdb.Model, error) {
	cols := dao.OperationLogs.Columns()
	m := scope.Apply(ctx, dao.OperationLogs.Ctx(ctx).Safe(), cols.UserId)
	m, err := timeRange(m, cols.CreatedAt, f.From, f.To)
	if err != nil {
		return nil, err
	}
	if f.UserID > 0 {
		m = m.Where(cols.UserId, f.UserID)
	}
	if f.Username != "" {
		m = contains(m, cols.Username, f.Username)
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
	m, err := timeRange(m, cols.CreatedAt, f.From, f.To)
	if err != nil {
		return nil, err
	}
	if f.UserID > 0 {
		m = m.Where(cols.UserId, f.UserID)
	}
	if f.Username != "" {
		m = contains(m, cols.Username, f.Username)
	}
	if f.IP != "" {
		m = m.Where(cols.Ip, f.IP)
	}
	if f.Result != nil {
		m = m.Where(cols.Result, *f.Result)
	}
	return m, nil
}

// timeRange keeps rows in [from, to); either bound may be absent.
func timeRange(m *gdb.Model, col, from, to string) (*gdb.Model, error) {
	f, err := timefmt.Parse(from)
	if err != nil {
		return nil, errs.TimeInvalid.New("from")
	}
	t, err := timefmt.Parse(to)
	if err != nil {
		return nil, errs.TimeInvalid.New("to")
	}
	if f != nil {
		m = m.WhereGTE(col, f)
	}
	if t != nil {
		m = m.WhereLT(col, t)
	}
	return m, nil
}

// contains matches a substring with LIKE, escaping the pattern characters with '!' so a "%" or
// "_" typed by the admin matches itself; ESCAPE works the same on MySQL and SQLite.
func contains(m *gdb.Model, col, s string) *gdb.Model {
	esc := strings.NewReplacer("!", "!!", "%", "!%", "_", "!_").Replace(s)
	return m.Where(col+" LIKE ? ESCAPE '!'", "%"+esc+"%")
}

// sorted applies the page's sortBy/sortOrder when the field is one the list allows; id breaks
// ties so pages never overlap. The default is newest first.
func sorted(m *gdb.Model, p common.PageReq, allowed map[string]string) (*gdb.Model, error) {
	desc := p.SortOrder != "asc"
	if p.SortBy == "" || p.SortBy == "id" {
		if desc {
			return m.OrderDesc("id"), nil
		}
		return m.OrderAsc("id"), nil
	}
	col, ok := allowed[p.SortBy]
	if !ok {
		return nil, errs.InvalidInput.Msg("sortBy: unknown field " + p.SortBy)
	}
	if desc {
		return m.OrderDesc(col).OrderDesc("id"), nil
	}
	return m.OrderAsc(col).OrderAsc("id"), nil
}
