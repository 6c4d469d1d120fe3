package security

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/geo"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// CheckLogin runs on every successful login, before it is written to the login log: a login from
// a place where the user has not logged in within security.regionWindow (异地登录) is an anomaly,
// recorded and notified. The place is the offline geo location ("country region city"), so a
// move to another city, province or country counts. The LAN and unknown places never do (they
// say nothing about where the person is), and a user with no placed login in the window has no
// usual region yet: its first placed login sets one instead of alarming.
func (s *sSecurity) CheckLogin(ctx context.Context, u *entity.Users, ip string) error {
	loc := service.Geo().Locate(ctx, ip)
	if loc == geo.LAN || loc == geo.Unknown || loc == "" {
		return nil
	}
	since := s.clock.Now().Add(-service.Settings().Duration(SettingRegionWindow))
	cols := dao.LoginLogs.Columns()
	places, err := dao.LoginLogs.Ctx(ctx).Fields(cols.Location).Distinct().
		Where(cols.UserId, u.Id).Where(cols.Result, 1).WhereGTE(cols.CreatedAt, gtime.New(since)).
		WhereNotIn(cols.Location, g.Slice{geo.LAN, geo.Unknown, ""}).Array()
	if err != nil {
		return err
	}
	if len(places) == 0 {
		return nil
	}
	for _, p := range places {
		if p.String() == loc {
			return nil
		}
	}
	return g.DB().Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		_, err := s.record(ctx, event{
			UserID: u.Id, ParentID: u.ParentId, Username: u.Username, Kind: KindNewRegion,
			Severity: SeverityWarning, Measure: MeasureNotify, IP: ip, Location: loc,
			Detail: "usual: " + joinPlaces(places), Template: "security.newRegion",
		})
		return err
	})
}

// joinPlaces lists the usual places for the log's detail column.
func joinPlaces(places []*g.Var) string {
	out := ""
	for i, p := range places {
		if i > 0 {
			out += "; "
		}
		out += p.String()
	}
	return out
}
