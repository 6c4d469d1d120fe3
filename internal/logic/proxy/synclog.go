package proxy

import (
	"context"
	"encoding/json"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/internal/timefmt"
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
	if runErr != nil {
		s.alertFailedSyncs(ctx, job)
	}
	return runErr
}

// alert tells the super-admins of a condition (seed 000's alert rules: low upstream balance,
// failed syncs, stuck orders, margin, coin drift): the process log, and an inbox notice with an
// email copy, once per kind and subject a day (the dedup key), so a condition that persists
// across runs is not repeated every minute. A failed notice is logged, never the run's failure.
func (s *sProxy) alert(ctx context.Context, kind, subject string) {
	g.Log().Warningf(ctx, "proxy alert %s: %s", kind, subject)
	day := s.now().In(timefmt.Zone()).Format("2006-01-02")
	_, err := service.Notify().Send(ctx, model.Notice{To: model.Recipients{Roles: []string{consts.RoleSuperAdmin}},
		Kind: "proxy.alert", Template: "proxy.alert", Params: map[string]any{"kind": kind, "subject": subject},
		DedupKey: "proxy.alert:" + kind + ":" + subject + ":" + day, Channels: []string{model.ChannelEmail}})
	if err != nil {
		g.Log().Warningf(ctx, "proxy alert %s: notice: %v", kind, err)
	}
}

// alertFailedSyncs raises proxy.sync_failed once a job's last proxy.alertFailedSyncs runs all
// failed (the run just logged included).
func (s *sProxy) alertFailedSyncs(ctx context.Context, job string) {
	n := int(service.Settings().Int(keyAlertFailedSyncs))
	if n < 1 {
		return
	}
	cols := dao.ProxySyncLog.Columns()
	sts, err := dao.ProxySyncLog.Ctx(ctx).Fields(cols.Status).Where(cols.Job, job).OrderDesc(cols.Id).Limit(n).Array()
	if err != nil || len(sts) < n {
		return
	}
	for _, st := range sts {
		if st.String() != "failed" {
			return
		}
	}
	s.alert(ctx, "proxy.sync_failed", job)
}
