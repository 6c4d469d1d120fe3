package security

import (
	"context"
	"fmt"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
	"kami/utility/text"
)

// Alert statuses.
const (
	AlertFiring   = "firing"
	AlertResolved = "resolved"
)

// finding is one check's verdict in a monitor run: ok, or failing with a message.
type finding struct {
	Check    string
	OK       bool
	Severity string
	Message  string
}

// apply raises, refreshes or resolves the alert of f's check. A failing check with no firing
// row inserts one and notifies the super-admins; one with a firing row only moves last_seen
// and the count. A passing check resolves the firing row (guarded on its status, so two runs
// cannot both resolve it) and notifies once more. The notices are keyed by the row and the
// transition, so a retried run notifies once each way.
func (s *sSecurity) apply(ctx context.Context, f finding) error {
	cols := dao.SecurityAlerts.Columns()
	now := gtime.New(s.clock.Now())
	var open entity.SecurityAlerts
	if err := dao.SecurityAlerts.Ctx(ctx).Where(cols.OpenKey, f.Check).Scan(&open); err != nil && !dbx.IsNoRows(err) {
		return err
	}
	if f.OK {
		if open.Id == 0 {
			return nil
		}
		return g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
			res, err := dao.SecurityAlerts.Ctx(ctx).WherePri(open.Id).Where(cols.Status, AlertFiring).
				Data(g.Map{cols.Status: AlertResolved, cols.OpenKey: nil, cols.ResolvedAt: now}).Update()
			if err != nil {
				return err
			}
			if n, _ := res.RowsAffected(); n != 1 {
				return nil // another node resolved it
			}
			return s.alertNotice(ctx, open.Id, "security.alertResolved", f.Check, open.Message)
		})
	}
	msg := text.Truncate(f.Message, 255)
	if open.Id != 0 {
		_, err := dao.SecurityAlerts.Ctx(ctx).WherePri(open.Id).Where(cols.Status, AlertFiring).
			Data(g.Map{cols.LastSeen: now, cols.Count: gdb.Raw(cols.Count + " + 1"), cols.Message: msg}).Update()
		return err
	}
	return g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		id, err := dao.SecurityAlerts.Ctx(ctx).Data(do.SecurityAlerts{
			CheckName: f.Check, OpenKey: f.Check, Status: AlertFiring, Severity: f.Severity, Message: msg,
			FirstSeen: now, LastSeen: now, Count: 1,
		}).InsertAndGetId()
		if err != nil {
			return err // a unique clash: another node raised it in the same run
		}
		alertsRaised.WithLabelValues(f.Check).Inc()
		return s.alertNotice(ctx, id, "security.alertRaised", f.Check, msg)
	})
}

// alertNotice tells the super-admins (inbox, email and SMS once a transport exists) that an alert fired or resolved.
func (s *sSecurity) alertNotice(ctx context.Context, id int64, template, check, msg string) error {
	_, err := service.Notify().Send(ctx, model.Notice{
		To: model.Recipients{Roles: []string{consts.RoleSuperAdmin}}, Kind: template, Template: template,
		Params: map[string]any{"check": check, "message": msg, "id": id},
		Ref:    model.Ref{Type: "security.alert", ID: id}, DedupKey: fmt.Sprintf("%s:%d", template, id),
		Channels: []string{model.ChannelEmail, model.ChannelSMS},
	})
	return err
}
