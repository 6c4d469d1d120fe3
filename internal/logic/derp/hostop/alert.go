package hostop

import (
	"context"
	"strconv"
	"time"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
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
	return err
}
