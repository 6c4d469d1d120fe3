package security

import (
	"context"
	"strconv"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/utility/text"
)

// Kinds of anomaly, severities and measures, as stored and filtered (api/security/v1).
const (
	KindNewRegion = "new_region"
	KindBurst     = "burst"

	SeverityInfo     = "info"
	SeverityWarning  = "warning"
	SeverityCritical = "critical"

	MeasureNotify  = "notify"
	MeasureCaptcha = "captcha"
	MeasureLock    = "lock"
)

// event is one anomaly as the security log keeps it.
type event struct {
	UserID   int64
	ParentID int64 // the user's superior, who is told too (0: none)
	Username string
	Kind     string
	Severity string
	Measure  string
	IP       string
	Location string
	Detail   string
	// Template and Params make the notice, whose kind is the template too ("notify.<template>.title/body" in i18n).
	Template string
	Params   map[string]any
}

// record writes e to the security log and notifies the user and its superior, in the caller's
// transaction when ctx carries one (notify writes in it and delivers after commit). The row's
// id keys the notice, so a retried caller cannot notify twice for one row.
func (s *sSecurity) record(ctx context.Context, e event) (int64, error) {
	id, err := dao.SecurityEvents.Ctx(ctx).Data(do.SecurityEvents{
		UserId: e.UserID, Username: text.Truncate(e.Username, 128), Kind: e.Kind, Severity: e.Severity,
		Measure: e.Measure, Ip: text.Truncate(e.IP, 45), Location: text.Truncate(e.Location, 128),
		Detail: text.Truncate(text.EscapeControl(e.Detail), 255), CreatedAt: gtime.New(s.clock.Now()),
	}).InsertAndGetId()
	if err != nil {
		return 0, err
	}
	anomalies.WithLabelValues(e.Kind, e.Measure).Inc()
	to := []int64{e.UserID}
	if e.ParentID > 0 {
		to = append(to, e.ParentID)
	}
	params := map[string]any{"username": e.Username, "ip": e.IP, "location": e.Location, "measure": e.Measure}
	for k, v := range e.Params {
		params[k] = v
	}
	_, err = service.Notify().Send(ctx, model.Notice{
		To: model.Recipients{UserIDs: to}, Kind: e.Template, Template: e.Template, Params: params,
		Ref: model.Ref{Type: "security.event", ID: id}, DedupKey: "security.event:" + strconv.FormatInt(id, 10),
	})
	return id, err
}
