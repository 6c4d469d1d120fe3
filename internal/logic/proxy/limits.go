package proxy

import (
	"context"
	"strconv"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// JobLimitPush re-pushes the flow limits the upstream does not have yet.
const JobLimitPush = "proxy.limit_push"

func init() {
	job.Register(job.Def{
		Name:            JobLimitPush,
		Description:     "Push proxy users' per-product flow limits that failed to reach the upstream (flow/limit/v2)",
		DefaultSchedule: "@every 5m",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().PushLimits(ctx) },
	})
}

func limitView(l entity.ProxyUserLimit) v1.UserLimit {
	return v1.UserLimit{ProductNo: l.ProductNo, LimitBytes: l.LimitBytes, Pushed: l.Pushed == 1, LastError: l.LastError}
}

// UserLimits is GET /api/proxy/users/{id}/limits.
func (s *sProxy) UserLimits(ctx context.Context, req *v1.UserLimitsGetReq) (*v1.UserLimitsGetRes, error) {
	if _, err := scopedUser(ctx, req.Id); err != nil {
		return nil, err
	}
	var rows []entity.ProxyUserLimit
	cols := dao.ProxyUserLimit.Columns()
	if err := dao.ProxyUserLimit.Ctx(ctx).Where(cols.UserId, req.Id).OrderAsc(cols.ProductNo).Scan(&rows); err != nil {
		return nil, err
	}
	res := &v1.UserLimitsGetRes{Items: make([]v1.UserLimit, 0, len(rows)), Total: len(rows)}
	for _, r := range rows {
		res.Items = append(res.Items, limitView(r))
	}
	return res, nil
}

// PutUserLimit is PUT /api/proxy/users/{id}/limits: stored first (so proxy.limit_push owns
// the retry), then pushed at once; an upstream failure is reported in the row, not as an error.
func (s *sProxy) PutUserLimit(ctx context.Context, req *v1.UserLimitsPutReq) (*v1.UserLimitsPutRes, error) {
	u, err := scopedUser(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	var p *entity.ProxyProduct
	err = dao.ProxyProduct.Ctx(ctx).Where(dao.ProxyProduct.Columns().ProductNo, req.ProductNo).Scan(&p)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if p == nil {
		return nil, errs.NotFound.New()
	}
	if p.Kind != "dynamic" || p.CapUserFlowLimit != 1 {
		return nil, errs.CapabilityUnsupported.New()
	}
	if err := s.storeLimit(ctx, u.Id, p.ProductNo, req.LimitBytes); err != nil {
		return nil, err
	}
	l, err := s.pushLimit(ctx, u.Id, p.ProductNo)
	if err != nil {
		return nil, err
	}
	v := limitView(l)
	return &v, nil
}

// storeLimit writes a limit as not yet pushed.
func (s *sProxy) storeLimit(ctx context.Context, userID int64, productNo string, limit int64) error {
	now := gtime.New(s.now())
	cols := dao.ProxyUserLimit.Columns()
	r, err := dao.ProxyUserLimit.Ctx(ctx).Where(cols.UserId, userID).Where(cols.ProductNo, productNo).
		Data(do.ProxyUserLimit{LimitBytes: limit, Pushed: 0, UpdatedAt: now}).Update()
	if err != nil {
		return err
	}
	if n, _ := r.RowsAffected(); n == 1 {
		return nil
	}
	_, err = dao.ProxyUserLimit.Ctx(ctx).Data(do.ProxyUserLimit{UserId: userID, ProductNo: productNo,
		LimitBytes: limit, Pushed: 0, UpdatedAt: now}).InsertIgnore()
	if err != nil {
		return err
	}
	// A racing insert won: write the value over it.
	_, err = dao.ProxyUserLimit.Ctx(ctx).Where(cols.UserId, userID).Where(cols.ProductNo, productNo).
		Data(do.ProxyUserLimit{LimitBytes: limit, Pushed: 0, UpdatedAt: now}).Update()
	return err
}

// pushLimit sends the stored limit by flow/limit/v2 and marks it pushed only if the value
// is still the one sent (a newer edit keeps pushed = 0 for its own push).
func (s *sProxy) pushLimit(ctx context.Context, userID int64, productNo string) (entity.ProxyUserLimit, error) {
	var l entity.ProxyUserLimit
	cols := dao.ProxyUserLimit.Columns()
	q := func() error {
		return dao.ProxyUserLimit.Ctx(ctx).Where(cols.UserId, userID).Where(cols.ProductNo, productNo).Scan(&l)
	}
	if err := q(); err != nil {
		return l, err
	}
	var u entity.ProxyUser
	if err := dao.ProxyUser.Ctx(ctx).WherePri(userID).Scan(&u); err != nil {
		return l, err
	}
	d := do.ProxyUserLimit{LastError: ""}
	up, err := s.upstream()
	if err == nil {
		err = up.SetFlowLimit(ctx, productNo, u.AppUsername, l.LimitBytes)
	}
	if err != nil {
		d.LastError = trim(err.Error())
	} else {
		d.Pushed, d.PushedAt = 1, gtime.New(s.now())
	}
	if _, err := dao.ProxyUserLimit.Ctx(ctx).Where(cols.Id, l.Id).Where(cols.LimitBytes, l.LimitBytes).
		Data(d).Update(); err != nil {
		return l, err
	}
	return l, q()
}

// PushLimits runs proxy.limit_push once: every limit not yet pushed, oldest first.
func (s *sProxy) PushLimits(ctx context.Context) (int, error) {
	if _, err := s.upstream(); err != nil {
		return 0, nil // not configured: nothing can be pushed yet
	}
	var rows []entity.ProxyUserLimit
	cols := dao.ProxyUserLimit.Columns()
	if err := dao.ProxyUserLimit.Ctx(ctx).Where(cols.Pushed, 0).OrderAsc(cols.Id).Limit(500).Scan(&rows); err != nil {
		return 0, err
	}
	n := 0
	for _, r := range rows {
		l, err := s.pushLimit(ctx, r.UserId, r.ProductNo)
		if err != nil {
			return n, err
		}
		if l.Pushed == 1 {
			n++
		}
	}
	return n, nil
}

// growLimit adds bought bytes to a user's limit for the product at a dynamic order's
// success, in the order's transaction (unless the limit is -1, none). The push follows the
// commit (pushLimit); a failed push is left for proxy.limit_push.
func growLimit(ctx context.Context, o entity.ProxyOrder, bytes int64, now *gtime.Time) error {
	var u entity.ProxyUser
	if err := dao.ProxyUser.Ctx(ctx).WherePri(o.UserId).Scan(&u); err != nil {
		return err
	}
	cols := dao.ProxyUserLimit.Columns()
	var l *entity.ProxyUserLimit
	err := dao.ProxyUserLimit.Ctx(ctx).Where(cols.UserId, o.UserId).Where(cols.ProductNo, o.ProductNo).Scan(&l)
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	cur := u.FlowLimit
	if l != nil {
		cur = l.LimitBytes
	}
	if cur == -1 {
		return nil
	}
	if l == nil {
		_, err = dao.ProxyUserLimit.Ctx(ctx).Data(do.ProxyUserLimit{UserId: o.UserId, ProductNo: o.ProductNo,
			LimitBytes: cur + bytes, Pushed: 0, UpdatedAt: now}).Insert()
		return err
	}
	_, err = dao.ProxyUserLimit.Ctx(ctx).Where(cols.Id, l.Id).Data(do.ProxyUserLimit{
		LimitBytes: gdb.Raw(cols.LimitBytes + "+" + strconv.FormatInt(bytes, 10)), Pushed: 0, UpdatedAt: now}).Update()
	return err
}
