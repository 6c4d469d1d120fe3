package notify

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/logic/settings"
	"kami/internal/retention"
	"kami/internal/service"
)

// settingRetention is how long read notifications and finished copies are kept; 0 keeps them.
const settingRetention = "notify.retention"

// The log.retention job deletes, past notify.retention, in this order:
//   - copies (email) that are done: sent, failed for good, or skipped, dated by their last
//     change. A pending copy, or one a node is sending, is never touched;
//   - inbox rows read before the cutoff that no copy still waits on: the worker reads the inbox
//     row when it sends, so a copy due later keeps its row, whatever its age. An unread row is
//     kept forever;
//   - notices older than the cutoff that no inbox row refers to any more. A notice is written
//     with its inbox rows in one transaction, and the window is far longer than one.
//
// Every rule is part of its DELETE, so a row whose state changed during the run stays.
func init() {
	settings.Define(settings.Def{Key: settingRetention, Group: "notify", Type: settings.TypeDuration, Default: 180 * 24 * time.Hour,
		Min: settings.Bound(0), Max: settings.Bound(int64(10 * 365 * 24 * time.Hour)), Validate: retention.CheckWindow})
	window := func() time.Duration { return service.Settings().Duration(settingRetention) }
	dc, ic, nc := dao.NotificationDeliveries.Columns(), dao.Notifications.Columns(), dao.Notices.Columns()
	retention.Register(retention.Table{
		Name: dao.NotificationDeliveries.Table(), TimeCol: dc.UpdatedAt, Window: window,
		Where: func(_ context.Context, m *gdb.Model) *gdb.Model {
			return m.WhereIn(dc.Status, []string{statusSent, statusFailed, statusSkipped})
		},
	})
	retention.Register(retention.Table{
		Name: dao.Notifications.Table(), TimeCol: ic.ReadAt, Window: window,
		Where: func(ctx context.Context, m *gdb.Model) *gdb.Model {
			due := dao.NotificationDeliveries.Ctx(ctx).Fields(dc.NotificationId).
				WhereIn(dc.Status, []string{statusPending, statusSending})
			return m.WhereNotNull(ic.ReadAt).WhereNotIn(ic.Id, due)
		},
	})
	retention.Register(retention.Table{
		Name: dao.Notices.Table(), TimeCol: nc.CreatedAt, Window: window,
		Where: func(ctx context.Context, m *gdb.Model) *gdb.Model {
			return m.WhereNotIn(nc.Id, dao.Notifications.Ctx(ctx).Fields(ic.NoticeId))
		},
	})
}
