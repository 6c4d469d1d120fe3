package authorization

import (
	"context"
	"strconv"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/model"
	"kami/internal/service"
	"kami/internal/timefmt"
)

// never stands for "no end" in a notice: params are not translated, and the sign reads the
// same in every language.
const never = "∞"

func endParam(end *gtime.Time) string {
	if end == nil || end.IsZero() {
		return never
	}
	return timefmt.Format(end)
}

// tell writes an inbox notice about authorization (or application) refID to one user, in the
// caller's transaction. The dedup key is the template, the row and, for events that can
// happen again to the same row (a renewal), the moment: a retried run notifies once.
func (s *sAuthorization) tell(ctx context.Context, to int64, kind, template string, refID int64, project string,
	end *gtime.Time, at *gtime.Time) error {
	key := template + ":" + strconv.FormatInt(refID, 10)
	if at != nil {
		key += ":" + strconv.FormatInt(at.Unix(), 10)
	}
	refType := "authorization"
	if kind == "authorization.application" {
		refType = "authorization.application"
	}
	_, err := service.Notify().Send(ctx, model.Notice{
		To: model.Recipients{UserIDs: []int64{to}}, Kind: kind, Template: template,
		Params: map[string]any{"project": project, "expiresAt": endParam(end)},
		Ref:    model.Ref{Type: refType, ID: refID}, DedupKey: key,
	})
	return err
}
