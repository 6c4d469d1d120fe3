package stats

import (
	"context"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/i18n/gi18n"

	v1 "kami/api/stats/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/utility/dbx"
)

// period resolves a report's range: to defaults to today, from to 29 days before to.
func (s *sStats) period(r v1.RangeReq) (string, string, error) {
	to := r.To
	if to == "" {
		to = dayOf(s.now())
	}
	from := r.From
	if from == "" {
		d, _ := time.Parse(dayLayout, to)
		from = d.AddDate(0, 0, -29).Format(dayLayout)
	}
	f, err1 := time.Parse(dayLayout, from)
	t, err2 := time.Parse(dayLayout, to)
	if err1 != nil || err2 != nil || f.After(t) || t.Sub(f) >= maxDays*24*time.Hour {
		return "", "", errs.StatsRange.New()
	}
	return from, to, nil
}

// scoped is an aggregate table's rows of the period, inside the caller's scope by its user column.
func scoped(ctx context.Context, m *gdb.Model, userCol, from, to string) *gdb.Model {
	return scope.Apply(ctx, m.WhereGTE("day", from).WhereLTE("day", to), userCol)
}

func title(ctx context.Context, name string) string { return gi18n.T(ctx, "stats.measure."+name) }

// cardMeasures are the columns of stats_card_daily a cards chart draws, in order.
var cardMeasures = []string{"created", "activated", "expired", "disabled"}

// Cards answers the cards report.
func (s *sStats) Cards(ctx context.Context, req *v1.CardsReq) (*v1.CardsRes, error) {
	from, to, err := s.period(req.RangeReq)
	if err != nil {
		return nil, err
	}
	m := func() *gdb.Model {
		q := scoped(ctx, dao.StatsCardDaily.Ctx(ctx), "owner_id", from, to)
		if req.ProjectId > 0 {
			q = q.Where("project_id", req.ProjectId)
		}
		return q
	}
	sums := "SUM(created) created, SUM(activated) activated, SUM(expired) expired, SUM(disabled) disabled"
	var days []struct {
		Day                                   string
		Created, Activated, Expired, Disabled int64
	}
	if err = m().Fields("day, " + sums).Group("day").Scan(&days); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	res := &v1.CardsRes{Chart: newChart(ctx, span(from, to), cardMeasures), Projects: []v1.ProjectCards{}}
	at := index(res.Axis)
	for _, d := range days {
		i := at[d.Day]
		for j, n := range []int64{d.Created, d.Activated, d.Expired, d.Disabled} {
			res.Series[j].Data[i] = n
		}
	}
	if err = m().Fields("project_id, " + sums).Group("project_id").OrderAsc("project_id").Scan(&res.Projects); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if res.Projects == nil {
		res.Projects = []v1.ProjectCards{}
	}
	ids := make([]int64, len(res.Projects))
	for i, p := range res.Projects {
		ids[i] = p.ProjectId
	}
	names, err := service.Project().Names(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range res.Projects {
		res.Projects[i].ProjectName = names[res.Projects[i].ProjectId]
	}
	return res, nil
}

// Quota answers the quota flows report: a series "<type>.in" and "<type>.out" per entry type.
func (s *sStats) Quota(ctx context.Context, req *v1.QuotaReq) (*v1.QuotaRes, error) {
	from, to, err := s.period(req.RangeReq)
	if err != nil {
		return nil, err
	}
	var rows []struct {
		Day, Type string
		Qin, Qout int64
	}
	err = scoped(ctx, dao.StatsQuotaDaily.Ctx(ctx), "user_id", from, to).
		Fields("day, type, SUM(amount_in) qin, SUM(amount_out) qout").Group("day, type").OrderAsc("type").Scan(&rows)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	res := &v1.QuotaRes{Chart: v1.Chart{Axis: span(from, to), Series: []v1.Series{}}}
	at := index(res.Axis)
	series := map[string]int{}
	put := func(name, label string, day string, n int64) {
		i, ok := series[name]
		if !ok {
			i = len(res.Series)
			series[name] = i
			res.Series = append(res.Series, v1.Series{Name: name, Title: label, Data: make([]int64, len(res.Axis))})
		}
		res.Series[i].Data[at[day]] += n
	}
	for _, r := range rows {
		typ := r.Type // entry types are machine names, as the ledger list shows them
		put(r.Type+".in", typ+" "+title(ctx, "in"), r.Day, r.Qin)
		put(r.Type+".out", typ+" "+title(ctx, "out"), r.Day, r.Qout)
	}
	return res, nil
}

// newChart is an axis with one zeroed series per measure.
func newChart(ctx context.Context, axis []string, measures []string) v1.Chart {
	c := v1.Chart{Axis: axis, Series: make([]v1.Series, len(measures))}
	for i, m := range measures {
		c.Series[i] = v1.Series{Name: m, Title: title(ctx, m), Data: make([]int64, len(axis))}
	}
	return c
}

func index(axis []string) map[string]int {
	at := make(map[string]int, len(axis))
	for i, a := range axis {
		at[a] = i
	}
	return at
}
