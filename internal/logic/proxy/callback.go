package proxy

import (
	"context"
	"crypto/subtle"
	"net"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/peer"
	"kami/internal/infra/throttle"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
	"kami/utility/ratelimit"
)

// JobCallbackRetry re-processes callbacks an upstream failure left pending.
const JobCallbackRetry = "proxy.callback_retry"

const callbackBudget = 3 * time.Second

func init() {
	job.Register(job.Def{
		Name:            JobCallbackRetry,
		Description:     "Re-process IPIPV callbacks whose re-query failed (they stay pending until the upstream answers)",
		DefaultSchedule: "@every 1m",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().RetryCallbacks(ctx) },
	})
}

// CallbackGet and CallbackPost are the public callback routes.
func (s *sProxy) CallbackGet(ctx context.Context, req *v1.CallbackGetReq) (*v1.CallbackGetRes, error) {
	return nil, s.callback(ctx, req.CallbackQuery)
}

func (s *sProxy) CallbackPost(ctx context.Context, req *v1.CallbackPostReq) (*v1.CallbackPostRes, error) {
	return nil, s.callback(ctx, req.CallbackQuery)
}

// callback authenticates the trigger by the secret path token (a wrong one is 404, like any
// unknown path), logs it, and processes it within callbackBudget. The upstream gets success
// once the log row exists, whatever the processing did: a failed re-query is retried by
// callback_retry, not by the upstream.
func (s *sProxy) callback(ctx context.Context, q v1.CallbackQuery) error {
	ip := peer.RequestIP(ctx)
	if err := throttle.Allow(ctx, "proxy-callback:"+ip, ratelimit.PerSecond(int(service.Settings().Int(keyCallbackRate)))); err != nil {
		return err
	}
	token := service.Settings().String(keyCallbackToken)
	if token == "" || subtle.ConstantTimeCompare([]byte(token), []byte(q.Token)) != 1 || !callbackIPAllowed(ip) {
		return errs.NotFound.New()
	}
	now := gtime.New(s.now())
	id, err := dao.ProxyCallbackLog.Ctx(ctx).Data(do.ProxyCallbackLog{Type: q.Type, RefNo: q.No, Op: q.Op, Ip: ip,
		Status: "pending", CreatedAt: now}).InsertAndGetId()
	if err != nil {
		return err // 500: the upstream retries
	}
	pctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), callbackBudget)
	defer cancel()
	s.processCallback(pctx, entity.ProxyCallbackLog{Id: id, Type: q.Type, RefNo: q.No, Op: q.Op})
	g.RequestFromCtx(ctx).Response.WriteJson(g.Map{"code": "success", "msg": "ok"})
	return nil
}

func callbackIPAllowed(ip string) bool {
	allow := service.Settings().Strings(keyAllowIPs)
	if len(allow) == 0 {
		return true
	}
	addr := net.ParseIP(ip)
	for _, c := range allow {
		if _, n, err := net.ParseCIDR(c); err == nil && addr != nil && n.Contains(addr) {
			return true
		}
	}
	return false
}

// processCallback re-reads what the callback names with Kami's own credentials and applies
// that; nothing in the query becomes state. Outcome: done, ignored, or still pending.
func (s *sProxy) processCallback(ctx context.Context, c entity.ProxyCallbackLog) {
	status, why := "done", ""
	switch c.Type {
	case "order":
		status, why = s.processOrderCallback(ctx, c.RefNo)
	case "product":
		if _, err := s.SyncProducts(ctx); err != nil {
			status, why = "pending", err.Error()
		}
	default: // instance
		status, why = s.processInstanceCallback(ctx, c.RefNo)
	}
	d := do.ProxyCallbackLog{Status: status, LastError: trim(why), Attempts: c.Attempts + 1}
	if status != "pending" {
		d.ProcessedAt = gtime.New(s.now())
	}
	if _, err := dao.ProxyCallbackLog.Ctx(ctx).WherePri(c.Id).Data(d).Update(); err != nil {
		g.Log().Warningf(ctx, "proxy callback %d: %v", c.Id, err)
	}
}

func (s *sProxy) processOrderCallback(ctx context.Context, no string) (string, string) {
	cols := dao.ProxyOrder.Columns()
	var o *entity.ProxyOrder
	err := dao.ProxyOrder.Ctx(ctx).Where(cols.AppOrderNo, no).WhereOr(cols.UpstreamOrderNo, no).Limit(1).Scan(&o)
	if err != nil && !dbx.IsNoRows(err) {
		return "pending", err.Error()
	}
	if o == nil || no == "" {
		return "ignored", ""
	}
	if o.Status == stSuccess || o.Status == stPartial || o.Status == stFailed {
		// Settled: apply moves live orders only, so a re-query could change nothing (the
		// duplicates of a storm cost one log row each, not one upstream call each).
		return "done", ""
	}
	up, err := s.upstream()
	if err != nil {
		return "pending", err.Error()
	}
	uo, err := up.QueryOrder(ctx, o.AppOrderNo)
	if err != nil {
		if ipipv.KindOf(err) == ipipv.Rejected {
			return "ignored", err.Error() // the upstream does not know it: the reconcile decides
		}
		return "pending", err.Error()
	}
	if err := s.apply(ctx, o.AppOrderNo, uo); err != nil {
		return "pending", err.Error()
	}
	return "done", ""
}

// RetryCallbacks runs callback_retry once.
func (s *sProxy) RetryCallbacks(ctx context.Context) (int, error) {
	var rows []entity.ProxyCallbackLog
	cols := dao.ProxyCallbackLog.Columns()
	if err := dao.ProxyCallbackLog.Ctx(ctx).Where(cols.Status, "pending").OrderAsc(cols.Id).Limit(500).Scan(&rows); err != nil {
		return 0, err
	}
	for _, c := range rows {
		s.processCallback(ctx, c)
	}
	return len(rows), nil
}

// processInstanceCallback re-reads the named instance with instance/v2 and writes the upstream's
// status, expiry and endpoint when they differ (followInstance, as instance_sync does). An
// instance unknown here, or one the upstream does not return, is ignored: consistency decides.
func (s *sProxy) processInstanceCallback(ctx context.Context, no string) (string, string) {
	if no == "" {
		return "ignored", ""
	}
	n, err := dao.ProxyInstance.Ctx(ctx).Where(dao.ProxyInstance.Columns().InstanceNo, no).Count()
	if err != nil {
		return "pending", err.Error()
	}
	if n == 0 {
		return "ignored", ""
	}
	up, err := s.upstream()
	if err != nil {
		return "pending", err.Error()
	}
	list, err := up.Instances(ctx, []string{no})
	if err != nil {
		if ipipv.KindOf(err) == ipipv.Rejected {
			return "ignored", err.Error()
		}
		return "pending", err.Error()
	}
	for _, in := range list {
		if in.InstanceNo == no {
			if _, _, err := s.followInstance(ctx, in.InstanceNo, in.Status, in.UserExpired, in.IP, in.Port); err != nil {
				return "pending", err.Error()
			}
			return "done", ""
		}
	}
	return "ignored", "instance/v2 does not return it"
}
