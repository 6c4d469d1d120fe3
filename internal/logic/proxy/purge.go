package proxy

import (
	"context"
	"time"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/service"
)

// JobPurge drops old proxy logs (§5).
const JobPurge = "proxy.purge"

// Retention: upstream calls 30 days (§1); settled callbacks 30 days (pending ones stay for
// callback_retry); job runs 90 days; flow use records 180 days.
const (
	keepCalls     = 30 * 24 * time.Hour
	keepCallbacks = 30 * 24 * time.Hour
	keepSyncLogs  = 90 * 24 * time.Hour
	keepFlowLogs  = 180 * 24 * time.Hour
)

func init() {
	job.Register(job.Def{
		Name:            JobPurge,
		Description:     "Delete proxy call logs and settled callbacks older than 30 days, job runs older than 90, flow use records older than 180",
		DefaultSchedule: "0 40 3 * * *",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().Purge(ctx) },
	})
}

// Purge runs proxy.purge once and answers how many rows it deleted.
func (s *sProxy) Purge(ctx context.Context) (int, error) {
	now := s.now()
	var total int64
	c := map[string]int64{}
	err := s.syncRun(ctx, JobPurge, c, func(ctx context.Context) error {
		steps := []struct {
			name string
			run  func() (int64, error)
		}{
			{"calls", func() (int64, error) {
				r, err := dao.ProxyCallLog.Ctx(ctx).WhereLT(dao.ProxyCallLog.Columns().CreatedAt, now.Add(-keepCalls)).Delete()
				return affected(r, err)
			}},
			{"callbacks", func() (int64, error) {
				cols := dao.ProxyCallbackLog.Columns()
				r, err := dao.ProxyCallbackLog.Ctx(ctx).WhereLT(cols.CreatedAt, now.Add(-keepCallbacks)).
					WhereNot(cols.Status, "pending").Delete()
				return affected(r, err)
			}},
			{"syncLogs", func() (int64, error) {
				r, err := dao.ProxySyncLog.Ctx(ctx).WhereLT(dao.ProxySyncLog.Columns().StartedAt, now.Add(-keepSyncLogs)).Delete()
				return affected(r, err)
			}},
			{"flowLogs", func() (int64, error) {
				r, err := dao.ProxyFlowLog.Ctx(ctx).WhereLT(dao.ProxyFlowLog.Columns().UsedAt, now.Add(-keepFlowLogs)).Delete()
				return affected(r, err)
			}},
		}
		for _, st := range steps {
			n, err := st.run()
			if err != nil {
				return err
			}
			c[st.name] = n
			total += n
		}
		return nil
	})
	return int(total), err
}

type rowsResult interface{ RowsAffected() (int64, error) }

func affected(r rowsResult, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return r.RowsAffected()
}
