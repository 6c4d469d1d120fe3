package quota

import (
	"context"
	"strconv"

	"kami/internal/model"
	"kami/internal/service"
)

// tell writes an inbox notice (kind quota.changed) about a movement to one user, in the
// caller's transaction; the dedup key makes a replayed request notify once.
func (s *sQuota) tell(ctx context.Context, userID int64, template string, movementID int64, params map[string]any) error {
	_, err := service.Notify().Send(ctx, model.Notice{
		To: model.Recipients{UserIDs: []int64{userID}}, Kind: "quota.changed", Template: template, Params: params,
		Ref:      model.Ref{Type: "quota.movement", ID: movementID},
		DedupKey: template + ":" + strconv.FormatInt(movementID, 10) + ":" + strconv.FormatInt(userID, 10),
	})
	return err
}
