package relay

import (
	"context"
	"strconv"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	v1 "kami/api/relay/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	infradb "kami/internal/infra/db"
	"kami/internal/scope"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// Bounds of one series: a chart of more points is unreadable and its query needlessly large.
const (
	maxHourBuckets = 31 * 24
	maxDayBuckets  = 366
)

// figures sums the measures of relay_stats_hourly; failed is stored, so Σ failed stays
// consistent with what the rollup wrote.
const figureFields = "COALESCE(SUM(requests),0) AS requests, COALESCE(SUM(success),0) AS success, " +
	"COALESCE(SUM(failed),0) AS failed, COALESCE(SUM(prompt_tokens),0) AS prompt_tokens, " +
	"COALESCE(SUM(completion_tokens),0) AS completion_tokens, COALESCE(SUM(quota),0) AS quota"

// figureRow is one aggregate row; Hour or Key is set when the query groups by it. (gf's scan
// does not fill an embedded struct, hence one flat type.)
type figureRow struct {
	Hour             string `orm:"hour"`
	Key              string `orm:"k"`
	Requests         int64  `orm:"requests"`
	Success          int64  `orm:"success"`
	Failed           int64  `orm:"failed"`
	PromptTokens     int64  `orm:"prompt_tokens"`
	CompletionTokens int64  `orm:"completion_tokens"`
	Quota            int64  `orm:"quota"`
}

func (r figureRow) figures() v1.StatsFigures {
	return v1.StatsFigures{Requests: r.Requests, Success: r.Success, Failed: r.Failed, PromptTokens: r.PromptTokens,
		CompletionTokens: r.CompletionTokens, Quota: r.Quota}
}

func add(a *v1.StatsFigures, b v1.StatsFigures) {
	a.Requests += b.Requests
	a.Success += b.Success
	a.Failed += b.Failed
	a.PromptTokens += b.PromptTokens
	a.CompletionTokens += b.CompletionTokens
	a.Quota += b.Quota
}

// period is the UTC half-open interval [start, end) of whole hours a request covers.
type period struct{ start, end time.Time }

// statsPeriod reads startTime/endTime, widened to whole hours. Without a start: the last 24
// hours for an hourly series, else from 00:00 (kami.timeZone) 29 days before the end's day.
func (s *sRelay) statsPeriod(f *v1.StatsFilter, hourly bool) (period, error) {
	start, err := timefmt.Parse(f.StartTime)
	if err != nil {
		return period{}, errs.TimeInvalid.New("startTime")
	}
	end, err := timefmt.Parse(f.EndTime)
	if err != nil {
		return period{}, errs.TimeInvalid.New("endTime")
	}
	p := period{end: s.now().UTC()}
	if end != nil {
		p.end = end.Time.UTC()
	}
	if t := p.end.Truncate(time.Hour); !t.Equal(p.end) {
		p.end = t.Add(time.Hour)
	}
	switch {
	case start != nil:
		p.start = start.Time.UTC().Truncate(time.Hour)
	case hourly:
		p.start = p.end.Add(-24 * time.Hour)
	default:
		d := p.end.Add(-time.Nanosecond).In(timefmt.Zone())
		p.start = time.Date(d.Year(), d.Month(), d.Day()-29, 0, 0, 0, 0, timefmt.Zone()).UTC().Truncate(time.Hour)
	}
	if !p.start.Before(p.end) {
		return period{}, errs.InvalidInput.Msg("startTime must be before endTime")
	}
	return p, nil
}

// statsQuery is relay_stats_hourly over the period, in the caller's scope, with the filters.
func statsQuery(ctx context.Context, f *v1.StatsFilter, p period) *gdb.Model {
	c := dao.RelayStatsHourly.Columns()
	m := scope.Apply(ctx, dao.RelayStatsHourly.Ctx(ctx).DB(infradb.Reads()), c.UserId).
		WhereGTE(c.Hour, p.start.Format(hourKey)).WhereLT(c.Hour, p.end.Format(hourKey))
	if f.UserId > 0 {
		m = m.Where(c.UserId, f.UserId)
	}
	if f.Model != "" {
		m = m.Where(c.Model, f.Model)
	}
	return m
}

// StatsSummary answers the totals of the period.
func (s *sRelay) StatsSummary(ctx context.Context, req *v1.StatsSummaryReq) (*v1.StatsSummaryRes, error) {
	p, err := s.statsPeriod(&req.StatsFilter, false)
	if err != nil {
		return nil, err
	}
	var row figureRow
	if err = statsQuery(ctx, &req.StatsFilter, p).Fields(figureFields).Scan(&row); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	return &v1.StatsSummaryRes{StartTime: timefmt.Time(p.start), EndTime: timefmt.Time(p.end), StatsFigures: row.figures()}, nil
}

// StatsSeries answers one point per hour or per calendar day of kami.timeZone, empty buckets
// included. A day is assembled from the UTC hours that start in it, which is exact for zones
// on whole-hour offsets (Asia/Shanghai).
func (s *sRelay) StatsSeries(ctx context.Context, req *v1.StatsSeriesReq) (*v1.StatsSeriesRes, error) {
	gran := req.Granularity
	if gran == "" {
		gran = "day"
	}
	p, err := s.statsPeriod(&req.StatsFilter, gran == "hour")
	if err != nil {
		return nil, err
	}
	zone := timefmt.Zone()
	bucketOf := func(t time.Time) time.Time { return t }
	if gran == "day" {
		bucketOf = func(t time.Time) time.Time {
			l := t.In(zone)
			return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, zone)
		}
	}
	res := &v1.StatsSeriesRes{Granularity: gran, Items: []v1.StatsPoint{}}
	at := map[time.Time]int{}
	for h := p.start; h.Before(p.end); h = h.Add(time.Hour) {
		b := bucketOf(h)
		if _, ok := at[b]; ok {
			continue
		}
		if len(res.Items) == maxHourBuckets && gran == "hour" || len(res.Items) == maxDayBuckets && gran == "day" {
			return nil, errs.InvalidInput.Msg("the period has too many buckets: at most 31 days by hour, 366 by day")
		}
		at[b] = len(res.Items)
		res.Items = append(res.Items, v1.StatsPoint{Time: timefmt.Time(b)})
	}
	var rows []figureRow
	c := dao.RelayStatsHourly.Columns()
	err = statsQuery(ctx, &req.StatsFilter, p).Fields(c.Hour + ", " + figureFields).Group(c.Hour).Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, r := range rows {
		h, err := time.Parse(hourKey, r.Hour)
		if err != nil {
			continue
		}
		if i, ok := at[bucketOf(h)]; ok {
			add(&res.Items[i].StatsFigures, r.figures())
		}
	}
	return res, nil
}

// topOrders are the rankings, on the aggregates themselves (MySQL's ONLY_FULL_GROUP_BY and
// SQLite agree on those, not on aliases inside expressions); ties are broken by the key.
var topOrders = map[string]string{
	"quota":    "SUM(quota) DESC, SUM(requests) DESC",
	"requests": "SUM(requests) DESC, SUM(quota) DESC",
	"tokens":   "SUM(prompt_tokens) + SUM(completion_tokens) DESC, SUM(quota) DESC",
}

// StatsTop ranks models, users or channels of the period. Only the super-admin ranks channels:
// which upstream served a request is the operator's business (the logs hide it the same way).
func (s *sRelay) StatsTop(ctx context.Context, req *v1.StatsTopReq) (*v1.StatsTopRes, error) {
	if req.Dim == "channel" && scope.Of(ctx) != scope.All {
		return nil, errs.Forbidden.New()
	}
	p, err := s.statsPeriod(&req.StatsFilter, false)
	if err != nil {
		return nil, err
	}
	limit := req.Limit
	if limit == 0 {
		limit = 10
	}
	order := topOrders[req.By]
	if order == "" {
		order = topOrders["quota"]
	}
	col := map[string]string{"model": "model", "user": "user_id", "channel": "channel_id"}[req.Dim]
	var rows []figureRow
	err = statsQuery(ctx, &req.StatsFilter, p).Fields(col + " AS k, " + figureFields).Group(col).
		Order(order + ", " + col).Limit(limit).Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	res := &v1.StatsTopRes{Dim: req.Dim, Items: make([]v1.StatsTopItem, 0, len(rows))}
	ids := make([]int64, 0, len(rows))
	for _, r := range rows {
		it := v1.StatsTopItem{Name: r.Key, StatsFigures: r.figures()}
		if req.Dim != "model" {
			it.Id, _ = strconv.ParseInt(r.Key, 10, 64)
			it.Name = ""
			ids = append(ids, it.Id)
		}
		res.Items = append(res.Items, it)
	}
	var names map[int64]string
	switch req.Dim {
	case "user":
		names, err = namesOf(ctx, ids)
	case "channel":
		names, err = channelNames(ctx, ids)
	}
	if err != nil {
		return nil, err
	}
	for i := range res.Items {
		if n, ok := names[res.Items[i].Id]; ok {
			res.Items[i].Name = n
		}
	}
	return res, nil
}

// channelNames names the channels of ids; a deleted channel keeps an empty name.
func channelNames(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	var rows []struct {
		Id   int64  `orm:"id"`
		Name string `orm:"name"`
	}
	c := dao.RelayChannels.Columns()
	if err := dao.RelayChannels.Ctx(ctx).Fields(c.Id, c.Name).WhereIn(c.Id, ids).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, r := range rows {
		out[r.Id] = r.Name
	}
	return out, nil
}
