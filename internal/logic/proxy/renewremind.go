package proxy

import (
	"context"
	"fmt"
	"time"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
)

// JobRenewRemind tells owners their instances expire soon (§5).
const JobRenewRemind = "proxy.renew_remind"

func init() {
	job.Register(job.Def{
		Name:            JobRenewRemind,
		Description:     "Remind owners 7, 3 and 1 days before a static instance expires (once per instance, expiry and step)",
		DefaultSchedule: "0 0 9 * * *",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().RemindRenewals(ctx) },
	})
}

// remindSteps are the days before expiry a reminder goes out at.
var remindSteps = []int{1, 3, 7}

// remindStep is the step an expiry falls in now (0: more than 7 days away).
func remindStep(left time.Duration) int {
	for _, d := range remindSteps {
		if left <= time.Duration(d)*24*time.Hour {
			return d
		}
	}
	return 0
}

// RemindRenewals runs renew_remind once: every live instance expiring within 7 days without
// auto-renew gets one notice per step; the DedupKey (instance, expiry, step) makes a re-run, or
// a run on a later day in the same step, send nothing more, and a renewed instance (new
// expiry) is reminded again as its new expiry approaches.
func (s *sProxy) RemindRenewals(ctx context.Context) (int, error) {
	sent := 0
	err := s.syncRun(ctx, JobRenewRemind, map[string]*int{"sent": &sent}, func(ctx context.Context) error {
		now := s.now()
		cols := dao.ProxyInstance.Columns()
		var rows []entity.ProxyInstance
		if err := dao.ProxyInstance.Ctx(ctx).WhereNot(cols.Status, instReleased).Where(cols.AutoRenew, 0).
			WhereGT(cols.ExpiresAt, now).WhereLTE(cols.ExpiresAt, now.Add(7*24*time.Hour)).
			OrderAsc(cols.Id).Scan(&rows); err != nil {
			return err
		}
		for _, in := range rows {
			step := remindStep(in.ExpiresAt.Time.Sub(now))
			if step == 0 {
				continue
			}
			n, err := service.Notify().Send(ctx, model.Notice{
				To: model.Recipients{UserIDs: []int64{in.AgentId}}, Kind: "proxy.expiry", Template: "proxy.renewRemind",
				Params: map[string]any{"instanceNo": in.InstanceNo, "ip": in.Ip, "days": step,
					"expiresAt": timefmt.Format(in.ExpiresAt)},
				Ref:      model.Ref{Type: "proxy.instance", ID: in.Id},
				DedupKey: fmt.Sprintf("proxy.renew_remind:%s:%d:%d", in.InstanceNo, in.ExpiresAt.Unix(), step),
			})
			if err != nil {
				return err
			}
			sent += n
		}
		return nil
	})
	return sent, err
}
