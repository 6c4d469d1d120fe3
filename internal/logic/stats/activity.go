package stats

import (
	"context"
	"fmt"
	"time"

	v1 "kami/api/stats/v1"
	"kami/internal/dao"
	"kami/utility/dbx"
)

// Activity answers logins, operations and the estimated minutes online of the users in scope, per day, ISO week (2026-W49),
// month (2026-12) or year.
func (s *sStats) Activity(ctx context.Context, req *v1.ActivityReq) (*v1.ActivityRes, error) {
	from, to, err := s.period(req.RangeReq)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Day                        string
		Logins, Operations, Online int64
	}
	err = scoped(ctx, dao.StatsActivityDaily.Ctx(ctx), "user_id", from, to).
		Fields("day, SUM(logins) logins, SUM(operations) operations, SUM(online_seconds) online").Group("day").Scan(&rows)
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
	res := &v1.ActivityRes{Chart: newChart(ctx, axis, []string{"logins", "operations", "onlineMinutes"})}
	at := index(axis)
	for _, r := range rows {
		i := at[periodOf(r.Day, req.Granularity)]
		res.Series[0].Data[i] += r.Logins
		res.Series[1].Data[i] += r.Operations
		res.Series[2].Data[i] += r.Online / 60
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

// Heatmap answers the activity (logins plus operations) of the users in scope over the period
// by hour of the day and weekday, as ECharts' heatmap takes it: [hour, weekday, value] triples,
// weekday 0 = Monday.
func (s *sStats) Heatmap(ctx context.Context, req *v1.HeatmapReq) (*v1.HeatmapRes, error) {
	from, to, err := s.period(req.RangeReq)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Day  string
		Hour int
		N    int64
	}
	err = scoped(ctx, dao.StatsActivityHourly.Ctx(ctx), "user_id", from, to).
		Fields("day, hour, SUM(logins) + SUM(operations) n").Group("day, hour").Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	var grid [24][7]int64
	for _, r := range rows {
		d, err := time.Parse(dayLayout, r.Day)
		if err != nil || r.Hour < 0 || r.Hour > 23 {
			continue
		}
		grid[r.Hour][(int(d.Weekday())+6)%7] += r.N
	}
	res := &v1.HeatmapRes{Data: [][3]int64{}}
	for h := range grid {
		res.Hours = append(res.Hours, fmt.Sprintf("%02d", h))
		for w, n := range grid[h] {
			res.Data = append(res.Data, [3]int64{int64(h), int64(w), n})
			res.Max = max(res.Max, n)
		}
	}
	for w := 0; w < 7; w++ {
		res.Weekdays = append(res.Weekdays, title(ctx, fmt.Sprintf("weekday%d", w)))
	}
	return res, nil
}
