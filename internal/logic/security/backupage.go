package security

import (
	"context"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
	"kami/internal/service"
)

// SettingMonitorBackupAge: the newest verified backup older than this raises a fault alert
// (seed 001 §9.3 "backup age"); 0 turns the check off.
const SettingMonitorBackupAge = "security.monitorBackupAge"

// CheckBackup names the backup-age check in alert rows.
const CheckBackup = "backup"

// checkBackup fails while the newest verified backup is older than security.monitorBackupAge.
// With no backup yet, the age counts from the deployment's first migration, so a fresh install
// is not alerted before it could have made its first daily backup.
func (s *sSecurity) checkBackup(ctx context.Context) finding {
	limit := service.Settings().Duration(SettingMonitorBackupAge)
	if limit <= 0 {
		return finding{Check: CheckBackup, OK: true}
	}
	cols := dao.Backups.Columns()
	v, err := dao.Backups.Ctx(ctx).Where(cols.Status, "verified").OrderDesc(cols.CreatedAt).Value(cols.CreatedAt)
	if err != nil {
		return finding{Check: CheckBackup, Severity: SeverityWarning, Message: err.Error()}
	}
	newest, what := v.GTime(), "the newest verified backup"
	if newest == nil || newest.IsZero() {
		first, err := g.DB().Ctx(ctx).Model("schema_migrations").OrderAsc("applied_at").Value("applied_at")
		if err != nil {
			return finding{Check: CheckBackup, Severity: SeverityWarning, Message: err.Error()}
		}
		newest, what = first.GTime(), "no verified backup; the first boot"
	}
	if newest == nil || newest.IsZero() {
		return finding{Check: CheckBackup, OK: true}
	}
	if age := s.clock.Now().Sub(newest.Time); age > limit {
		return finding{Check: CheckBackup, Severity: SeverityWarning,
			Message: fmt.Sprintf("%s is %s old (limit %s)", what, age.Truncate(time.Minute), limit)}
	}
	return finding{Check: CheckBackup, OK: true}
}
