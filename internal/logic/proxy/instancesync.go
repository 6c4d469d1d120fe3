package proxy

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// JobInstanceSync follows the upstream's instance states (§5).
const JobInstanceSync = "proxy.instance_sync"

func init() {
	job.Register(job.Def{
		Name:            JobInstanceSync,
		Description:     "Follow the IPIPV instance list: status, expiry and endpoint drift of known instances is written locally",
		DefaultSchedule: "@every 15m",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().SyncInstances(ctx) },
	})
}

// InstanceSyncCounts is what one instance_sync run did.
type InstanceSyncCounts struct{ Seen, Changed, Unknown int }

// maxSyncPages bounds one run (100 rows a page); the rest waits for the next run.
const maxSyncPages = 200

// SyncInstances runs instance_sync once: every page of instance/list/v2; a known instance
// whose status, expiry or endpoint differs is updated (only then: an unchanged run writes
// nothing); instances unknown here are counted and left to proxy.consistency.
func (s *sProxy) SyncInstances(ctx context.Context) (int, error) {
	var c InstanceSyncCounts
	err := s.syncRun(ctx, JobInstanceSync, &c, func(ctx context.Context) error {
		up, err := s.upstream()
		if err != nil {
			return err
		}
		for page := 1; page <= maxSyncPages; page++ {
			pg, err := up.InstanceList(ctx, page, 100)
			if err != nil {
				return err
			}
			for _, in := range pg.List {
				c.Seen++
				changed, known, err := s.followInstance(ctx, in.InstanceNo, in.Status, in.UserExpired, in.IP, in.Port)
				if err != nil {
					return err
				}
				if !known {
					c.Unknown++
				} else if changed {
					c.Changed++
				}
			}
			if len(pg.List) < 100 || page*100 >= pg.Total {
				break
			}
		}
		return nil
	})
	return c.Changed, err
}

// followInstance writes the upstream's view of one instance when it differs from ours.
func (s *sProxy) followInstance(ctx context.Context, no string, status int, expired int64, ip string, port int) (changed, known bool, err error) {
	cols := dao.ProxyInstance.Columns()
	var local *entity.ProxyInstance
	if err := dao.ProxyInstance.Ctx(ctx).Where(cols.InstanceNo, no).Scan(&local); err != nil || local == nil {
		return false, false, nil
	}
	d := do.ProxyInstance{}
	if status != 0 && status != local.Status {
		d.Status, changed = status, true
		if status == instReleased && local.ReleasedAt == nil {
			d.ReleasedAt = gtime.New(s.now())
		}
	}
	if expired > 0 && (local.ExpiresAt == nil || local.ExpiresAt.Unix() != expired) {
		d.ExpiresAt, changed = gtime.New(time.Unix(expired, 0).UTC()), true
	}
	if ip != "" && ip != local.Ip {
		d.Ip, changed = ip, true
	}
	if port != 0 && port != local.Port {
		d.Port, changed = port, true
	}
	if !changed {
		return false, true, nil
	}
	d.UpdatedAt = gtime.New(s.now())
	_, err = dao.ProxyInstance.Ctx(ctx).Where(cols.Id, local.Id).Data(d).Update()
	return err == nil, true, err
}
