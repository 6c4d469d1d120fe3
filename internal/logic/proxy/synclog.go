package proxy

import (
	"context"
	"encoding/json"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
)

// syncRun wraps one job run in a proxy_sync_log row (status ok/failed, the counts as JSON).
func (s *sProxy) syncRun(ctx context.Context, job string, counts any, fn func(ctx context.Context) error) error {
	started := gtime.New(s.now())
	runErr := fn(ctx)
	status, msg := "ok", ""
	if runErr != nil {
		status, msg = "failed", runErr.Error()
		if len(msg) > 255 {
			msg = msg[:255]
		}
	}
	b, _ := json.Marshal(counts)
	if _, err := dao.ProxySyncLog.Ctx(ctx).Data(do.ProxySyncLog{Job: job, Status: status, Counts: string(b),
		Error: msg, StartedAt: started, FinishedAt: gtime.New(s.now())}).Insert(); err != nil && runErr == nil {
		return err
	}
	return runErr
}

// alert reports a condition for the super-admin. For now it is a warning in the process log;
// routing it through notify under the proxy.alert* rules is still to do (see the report).
func (s *sProxy) alert(ctx context.Context, kind, subject string) {
	g.Log().Warningf(ctx, "proxy alert %s: %s", kind, subject)
}
