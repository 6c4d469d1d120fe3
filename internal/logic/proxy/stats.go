package proxy

import (
	"context"
	"sort"
	"strconv"
	"time"

	v1 "kami/api/proxy/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/scope"
	"kami/internal/timefmt"
)

// maxStatsDays is the widest range GET /stats/orders answers (§2).
const maxStatsDays = 93

// OrderStats is GET /api/proxy/stats/orders: the caller's orders created in [from, to] (days
// in the display zone). Closed days proxy.stats_rollup has totalled are read from
// proxy_stats_daily; the days after (today, or any the job has not reached) are counted from
// the orders themselves, so the page is complete whether or not the job has run.
func (s *sProxy) OrderStats(ctx context.Context, req *v1.OrderStatsReq) (*v1.OrderStatsRes, error) {
	zone := timefmt.Zone()
	from, err1 := time.ParseInLocation(time.DateOnly, req.From, zone)
	to, err2 := time.ParseInLocation(time.DateOnly, req.To, zone)
	if err1 != nil || err2 != nil || to.Before(from) {
		return nil, errs.InvalidInput.New()
	}
	end := to.AddDate(0, 0, 1)
	if end.Sub(from) > maxStatsDays*24*time.Hour+time.Hour { // +1 h: a DST day
		return nil, errs.InvalidInput.New()
	}
	prev, err := lastRollup(ctx)
	if err != nil {
		return nil, err
	}
	liveFrom := from
	if through, err := time.ParseInLocation(time.DateOnly, prev.Through, zone); err == nil && !through.Before(from) {
		liveFrom = through.AddDate(0, 0, 1)
	}
	groups := map[string]*statsSum{}
	keyOf := func(day string, k statsKey) string {
		switch req.GroupBy {
		case "day":
			return day
		case "agent":
			return strconv.FormatInt(k.Agent, 10)
		case "product":
			return k.ProductNo
		}
		return k.Kind
	}
	addTo := func(key string, t statsSum) {
		if groups[key] == nil {
			groups[key] = &statsSum{}
		}
		groups[key].merge(t)
	}
	if liveFrom.After(from) {
		sc := dao.ProxyStatsDaily.Columns()
		var rows []entity.ProxyStatsDaily
		if err := scope.Apply(ctx, dao.ProxyStatsDaily.Ctx(ctx), sc.AgentId).WhereGTE(sc.Day, from.Format(time.DateOnly)).
			WhereLT(sc.Day, minTime(liveFrom, end).Format(time.DateOnly)).Scan(&rows); err != nil {
			return nil, err
		}
		for _, r := range rows {
			day := ""
			if r.Day != nil {
				day = r.Day.Layout(time.DateOnly)
			}
			addTo(keyOf(day, statsKey{r.AgentId, r.ProductNo, r.Kind}), rowSum(r))
		}
	}
	if liveFrom.Before(end) {
		bases, err := flowBases(ctx)
		if err != nil {
			return nil, err
		}
		for d := liveFrom; d.Before(end); d = d.AddDate(0, 0, 1) {
			m := scope.Apply(ctx, dao.ProxyOrder.Ctx(ctx), dao.ProxyOrder.Columns().AgentId)
			sums, err := dayOrders(ctx, m, d, d.AddDate(0, 0, 1), bases)
			if err != nil {
				return nil, err
			}
			for k, t := range sums {
				addTo(keyOf(d.Format(time.DateOnly), k), *t)
			}
		}
	}
	super := principal.From(ctx).Role == consts.RoleSuperAdmin
	res := &v1.OrderStatsRes{Items: make([]v1.OrderStatsRow, 0, len(groups))}
	for k, g := range groups {
		row := v1.OrderStatsRow{Key: k, Orders: g.Orders, Success: g.Success, SaleAmount: g.Sale,
			ChargedAmount: g.Charged, FlowBytes: g.FlowBytes, Instances: g.Instances}
		if super {
			c := g.Cost
			row.CostAmount = &c
		}
		res.Items = append(res.Items, row)
	}
	sort.Slice(res.Items, func(i, j int) bool { return res.Items[i].Key < res.Items[j].Key })
	res.Total = len(res.Items)
	return res, nil
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}
