package hostop

import (
	"context"
	"strconv"
	"strings"
	"time"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// raiseDeadAlert records §10's dead-letter alert for S (derp_alerts, once per op by its dedup
// key), in the transaction that marks the op dead.
func raiseDeadAlert(ctx context.Context, op *entity.DerpHostOps, msg string, now time.Time) error {
	if len(msg) > 400 {
		msg = msg[:400]
	}
	_, err := dao.DerpAlerts.Ctx(ctx).Data(do.DerpAlerts{Kind: "host_op_dead", Severity: "critical",
		ServerId: op.ServerId, ContainerId: op.ContainerId, Message: op.Op + ": " + msg,
		DedupKey: "host_op_dead:" + strconv.FormatInt(op.Id, 10), State: "open", CreatedAt: gt(now)}).Insert()
	if dbx.IsUniqueViolation(err) {
		return nil
	}
	if err != nil {
		return err
	}
	return NotifyAdmins(ctx, "host_op_dead", op.ServerId, op.Op+": "+msg, "host_op_dead:"+strconv.FormatInt(op.Id, 10))
}

// NotifyAdmins mails the super-admins about an alert (§12's admin templates server_down,
// host_op_dead, server_over_quota), in the caller's transaction and once per dedup key; the
// notify service delivers after the commit.
func NotifyAdmins(ctx context.Context, kind string, serverID int64, msg, dedup string) error {
	// Notice kinds are <module>.<camelCase>: server_down → derp.serverDown.
	parts := strings.Split(kind, "_")
	for i := 1; i < len(parts); i++ {
		if parts[i] != "" {
			parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
		}
	}
	name := "derp." + strings.Join(parts, "")
	// The mail names the server as the admin registered it; its id when the row is gone.
	server := any(serverID)
	if v, err := dao.DerpServers.Ctx(ctx).WherePri(serverID).Value(dao.DerpServers.Columns().Name); err == nil && !v.IsEmpty() {
		server = v.String()
	}
	_, err := service.Notify().Send(ctx, model.Notice{To: model.Recipients{Roles: []string{consts.RoleSuperAdmin}},
		Kind: name, Template: name, Params: map[string]any{"server": server, "message": msg},
		Ref: model.Ref{Type: "derp.server", ID: serverID}, DedupKey: "derp:" + dedup, Channels: []string{model.ChannelEmail}})
	return err
}
