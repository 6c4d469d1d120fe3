package outbox

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/logic/settings"
	"kami/internal/retention"
	"kami/internal/service"
)

// SettingRetention is how long a finished event and its delivery log are kept; 0 keeps them.
const SettingRetention = "outbox.retention"

// The log.retention job deletes, past outbox.retention:
//   - events delivered or failed, dated by their last change (a redelivered event is pending and
//     counts afresh once it finishes). A pending event, in flight or waiting for its next
//     attempt, is never touched, whatever its age: the status is part of every DELETE, so an
//     event an admin redelivers during the run stays;
//   - then the delivery rows whose event is gone. An event's attempts are all logged before its
//     last change, so they are old enough in the same run as their event.
func init() {
	settings.Define(settings.Def{Key: SettingRetention, Type: settings.TypeDuration, Default: 90 * 24 * time.Hour,
		Min: settings.Bound(0), Max: settings.Bound(int64(10 * 365 * 24 * time.Hour)), Validate: retention.CheckWindow})
	window := func() time.Duration { return service.Settings().Duration(SettingRetention) }
	ec, dc := dao.OutboxEvents.Columns(), dao.OutboxDeliveries.Columns()
	retention.Register(retention.Table{
		Name: dao.OutboxEvents.Table(), TimeCol: ec.UpdatedAt, Window: window,
		Where: func(_ context.Context, m *gdb.Model) *gdb.Model {
			return m.WhereIn(ec.Status, []string{StatusDelivered, StatusFailed})
		},
	})
	retention.Register(retention.Table{
		Name: dao.OutboxDeliveries.Table(), TimeCol: dc.CreatedAt, Window: window,
		Where: func(ctx context.Context, m *gdb.Model) *gdb.Model {
			return m.WhereNotIn(dc.EventId, dao.OutboxEvents.Ctx(ctx).Fields(ec.EventId))
		},
	})
}
