package derp

import (
	"context"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/derp/host"
	"kami/internal/logic/derp/hostop"
	"kami/internal/logic/settings"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

func init() {
	settings.Define(settings.Def{Key: keyRateHighBps, Group: "derp", Type: settings.TypeInt, Default: int64(0),
		Min: settings.Bound(0)})
}

func svcInt(key string) int64 { return service.Settings().Int(key) }

func srvTarget(r *entity.DerpServers) (host.Target, error) { return hostop.TargetOf(r) }

// gdbInc and gdbMax are column updates computed by the database, so concurrent writers add up.
func gdbInc(col string, n int64) gdb.Raw { return gdb.Raw(fmt.Sprintf("%s + %d", col, n)) }

func gdbMax(col string, n int64) gdb.Raw {
	return gdb.Raw(fmt.Sprintf("CASE WHEN %s < %d THEN %d ELSE %s END", col, n, n, col))
}

// billingLabel names the server's billing month containing now (kami.timeZone): it starts on
// billingDay (the month's last day when shorter), labelled by the month it starts in.
func billingLabel(now time.Time, billingDay int) string {
	t := now.In(timefmt.Zone())
	day := func(y int, m time.Month) int {
		last := time.Date(y, m+1, 0, 0, 0, 0, 0, t.Location()).Day()
		return min(max(billingDay, 1), last)
	}
	y, m := t.Year(), t.Month()
	if t.Day() < day(y, m) {
		prev := time.Date(y, m, 1, 0, 0, 0, 0, t.Location()).AddDate(0, -1, 0)
		y, m = prev.Year(), prev.Month()
	}
	return fmt.Sprintf("%04d-%02d", y, int(m))
}

// ResetMonths is derp.month_reset (§9): each server whose billing month turned starts it.
func (s *sDerp) ResetMonths(ctx context.Context) (int, error) {
	now := s.now()
	cols := dao.DerpServers.Columns()
	var srvs []entity.DerpServers
	if err := dao.DerpServers.Ctx(ctx).WhereNot(cols.State, srvRemoved).OrderAsc(cols.Id).Scan(&srvs); err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	done := 0
	for _, srv := range srvs {
		started := false
		err := dao.DerpServers.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
			var err error
			started, err = startMonthed(ctx, srv.Id, billingLabel(now, srv.BillingDay), now)
			return err
		})
		if err != nil {
			return done, err
		}
		if started {
			done++
		}
	}
	return done, nil
}

func startMonth(ctx context.Context, serverID int64, label string, now time.Time) error {
	_, err := startMonthed(ctx, serverID, label, now)
	return err
}

// startMonthed opens the server's month row for label; the first to insert it (the primary key
// decides between nodes and between the traffic and reset jobs) zeroes the month counter and
// lifts over_quota, restarting the containers of active rentals.
func startMonthed(ctx context.Context, serverID int64, label string, now time.Time) (bool, error) {
	_, err := dao.DerpServerMonths.Ctx(ctx).Data(do.DerpServerMonths{ServerId: serverID, Month: label, UsedBytes: 0,
		CreatedAt: gtime.NewFromTime(now)}).Insert()
	if dbx.IsUniqueViolation(err) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	sc := dao.DerpServers.Columns()
	if _, err = dao.DerpServers.Ctx(ctx).Data(do.DerpServers{MonthUsedBytes: 0}).WherePri(serverID).Update(); err != nil {
		return false, err
	}
	n, err := dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: srvActive}).WherePri(serverID).
		Where(sc.State, srvOverQuota).UpdateAndGetAffected()
	if err != nil || n != 1 {
		return true, err
	}
	cc := dao.DerpContainers.Columns()
	vals, err := dao.DerpContainers.Ctx(ctx).Fields(cc.Id).Where(cc.ServerId, serverID).Where(cc.Desired, containerStopped).
		WhereNotIn(cc.State, []string{"removed", "abandoned", "failed"}).
		Where(cc.RentalId + " IN (SELECT id FROM derp_rentals WHERE state = 'active')").Array()
	if err != nil && !dbx.IsNoRows(err) {
		return true, err
	}
	ids := make([]int64, 0, len(vals))
	for _, v := range vals {
		ids = append(ids, v.Int64())
	}
	if len(ids) == 0 {
		return true, nil
	}
	if _, err = dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{Desired: containerRunning}).WhereIn(cc.Id, ids).Update(); err != nil {
		return true, err
	}
	return true, queueConverge(ctx, ids)
}

// raiseAlert records an alert for S once per dedup key (derp_alerts).
func raiseAlert(ctx context.Context, kind, severity string, serverID, containerID, rentalID int64, msg, dedup string,
	now time.Time) error {
	_, err := dao.DerpAlerts.Ctx(ctx).Data(do.DerpAlerts{Kind: kind, Severity: severity, ServerId: serverID,
		ContainerId: containerID, RentalId: rentalID, Message: msg, DedupKey: dedup, State: "open",
		CreatedAt: gtime.NewFromTime(now)}).Insert()
	if dbx.IsUniqueViolation(err) {
		return nil
	}
	if err != nil || (kind != "server_down" && kind != "server_over_quota") {
		return err
	}
	return hostop.NotifyAdmins(ctx, kind, serverID, msg, dedup)
}
