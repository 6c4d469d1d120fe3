package stats

import (
	"context"
	"math/bits"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// slotSeconds is the grain of the online-time estimate: a user with a login or an operation in a
// 5-minute slot counts as online for that slot. Sessions keep no per-request trail, and the
// operation log is the activity they leave; a 5-minute grain neither counts a single click as
// an hour nor misses a user working steadily.
const slotSeconds = 300

// activityBatch bounds the log rows one keyset read holds.
const activityBatch = 5000

type hourKey struct {
	user int64
	hour int
}

type hourAgg struct {
	logins, ops int64
	slots       uint16 // bit i: activity in the hour's i-th 5-minute slot
}

// activityBuckets reads the day's successful logins and logged operations (user and time only,
// in id order, a batch at a time) and answers the daily rows (with online seconds) and the
// hourly ones.
func activityBuckets(ctx context.Context, day string, start, end time.Time) ([]do.StatsActivityDaily, []do.StatsActivityHourly, error) {
	agg := map[hourKey]*hourAgg{}
	zone := timefmt.Zone()
	for i, m := range []func() *gdb.Model{
		func() *gdb.Model { return dao.LoginLogs.Ctx(ctx).Where("result", 1) },
		func() *gdb.Model { return dao.OperationLogs.Ctx(ctx) },
	} {
		after := int64(0)
		for {
			var rows []struct {
				Id        int64
				UserId    int64
				CreatedAt *gtime.Time
			}
			err := m().Fields("id, user_id, created_at").WhereGT("user_id", 0).WhereGTE("created_at", start).
				WhereLT("created_at", end).WhereGT("id", after).OrderAsc("id").Limit(activityBatch).Scan(&rows)
			if err != nil && !dbx.IsNoRows(err) {
				return nil, nil, err
			}
			for _, r := range rows {
				if r.CreatedAt == nil {
					continue
				}
				local := r.CreatedAt.Time.In(zone)
				k := hourKey{r.UserId, local.Hour()}
				a := agg[k]
				if a == nil {
					a = &hourAgg{}
					agg[k] = a
				}
				if i == 0 {
					a.logins++
				} else {
					a.ops++
				}
				a.slots |= 1 << (local.Minute() / 5)
			}
			if len(rows) < activityBatch {
				break
			}
			after = rows[len(rows)-1].Id
		}
	}
	daily := map[int64]*do.StatsActivityDaily{}
	var hourly []do.StatsActivityHourly
	for k, a := range agg {
		hourly = append(hourly, do.StatsActivityHourly{Day: day, Hour: k.hour, UserId: k.user, Logins: a.logins, Operations: a.ops})
		d := daily[k.user]
		if d == nil {
			d = &do.StatsActivityDaily{Day: day, UserId: k.user, Logins: int64(0), Operations: int64(0), OnlineSeconds: int64(0)}
			daily[k.user] = d
		}
		d.Logins = d.Logins.(int64) + a.logins
		d.Operations = d.Operations.(int64) + a.ops
		d.OnlineSeconds = d.OnlineSeconds.(int64) + int64(bits.OnesCount16(a.slots))*slotSeconds
	}
	out := make([]do.StatsActivityDaily, 0, len(daily))
	for _, d := range daily {
		out = append(out, *d)
	}
	return out, hourly, nil
}
