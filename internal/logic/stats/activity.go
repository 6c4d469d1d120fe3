package stats

import (
	"context"
	"fmt"
	"time"

	v1 "kami/api/stats/v1"
	"kami/internal/dao"
	"kami/utility/dbx"
)

// Activity answers logins and operations of the users in scope, per day, ISO week (2026-W49),
// month (2026-12) or year.
func (s *sStats) Activity(ctx context.Context, req *v1.ActivityReq) (*v1.ActivityRes, error) {
	from, to, err := s.period(req.RangeReq)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Day                string
		Logins, Operations int64
	}
	err = scoped(ctx, dao.StatsActivityDaily.Ctx(ctx), "user_id", from, to).
		Fields("day, SUM(logins) logins, SUM(operations) operations").Group("day").Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	var axis []string
	seen := map[string]bool{}
	for _, d := range span(from, to) {
		if p := periodOf(d, req.Granularity); !seen[p] {
			seen[p] = true
			axis = append(axis, p)
		}
	}
	res := &v1.ActivityRes{Chart: newChart(ctx, axis, []string{"logins", "operations"})}
	at := index(axis)
	for _, r := range rows {
		i := at[periodOf(r.Day, req.Granularity)]
		res.Series[0].Data[i] += r.Logins
		res.Series[1].Data[i] += r.Operations
	}
	return res, nil
}

// periodOf names the period of granularity a day falls in.
func periodOf(day, granularity string) string {
	d, err := time.Parse(dayLayout, day)
	if err != nil {
		return day
	}
	switch granularity {
	case "week":
		y, w := d.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	case "month":
		return d.Format("2006-01")
	case "year":
		return d.Format("2006")
	}
	return day
}
