// Package maintenance is the upgrade side of operations: what version runs, and the
// maintenance switch. The switch is a setting (maintenance.enabled), so it reaches every node
// the way every setting does (settings poll, about a second); the admin middleware asks Refusal
// before any mutating call that is not tagged maintenance:"exempt".
package maintenance

import (
	"context"
	"errors"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	v1 "kami/api/system/v1"
	"kami/internal/logic/settings"
	"kami/internal/migrate"
	"kami/internal/service"
	"kami/internal/version"
)

func init() {
	settings.Define(settings.Def{Key: "maintenance.enabled", Group: "maintenance", Type: settings.TypeBool, Default: false})
	settings.Define(settings.Def{Key: "maintenance.retryAfter", Group: "maintenance", Type: settings.TypeDuration, Default: 5 * time.Minute,
		Min: settings.Bound(int64(time.Second)), Max: settings.Bound(int64(24 * time.Hour))})
	settings.Define(settings.Def{Key: "maintenance.message", Group: "maintenance", Type: settings.TypeString, Default: "",
		Validate: func(v any) error {
			if s, _ := v.(string); len([]rune(s)) > 500 {
				return errors.New("at most 500 characters")
			}
			return nil
		}})
	service.RegisterMaintenance(New())
}

type sMaintenance struct{}

func New() *sMaintenance { return &sMaintenance{} }

// Refusal reports whether maintenance mode refuses mutating calls now, and the Retry-After
// (whole seconds, at least 1) to send with the refusal.
func (s *sMaintenance) Refusal() (bool, int64) {
	st := service.Settings()
	if !st.Bool("maintenance.enabled") {
		return false, 0
	}
	secs := int64(st.Duration("maintenance.retryAfter") / time.Second)
	return true, max(secs, 1)
}

// Version answers what this node runs and the schema its database is at.
func (s *sMaintenance) Version(ctx context.Context, _ *v1.VersionReq) (*v1.VersionRes, error) {
	schema, err := migrate.SchemaVersion(ctx, g.DB())
	if err != nil {
		return nil, err
	}
	info := version.Get()
	return &v1.VersionRes{Version: info.Version, Commit: info.Commit, SchemaVersion: schema}, nil
}

// Status is the switch as this node sees it.
func (s *sMaintenance) Status(ctx context.Context, _ *v1.MaintenanceGetReq) (*v1.MaintenanceGetRes, error) {
	st := service.Settings()
	return &v1.MaintenanceGetRes{
		Enabled:    st.Bool("maintenance.enabled"),
		RetryAfter: int64(st.Duration("maintenance.retryAfter") / time.Second),
		Message:    st.String("maintenance.message"),
	}, nil
}
