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
// in the display zone), summed per group in Go so the day boundary is the same on SQLite and
// MySQL. Failed orders count as orders only.
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
	cols := dao.ProxyOrder.Columns()
	var rows []entity.ProxyOrder
	if err := scope.Apply(ctx, dao.ProxyOrder.Ctx(ctx), cols.AgentId).
		Fields(cols.Kind, cols.Status, cols.AgentId, cols.ProductNo, cols.Quantity, cols.SaleAmount, cols.ChargedAmount,
			cols.CostAmount, cols.SuccessCount, cols.CreatedAt).
		WhereGTE(cols.CreatedAt, from.UTC()).WhereLT(cols.CreatedAt, end.UTC()).Scan(&rows); err != nil {
		return nil, err
	}
	bases := map[string]int{}
	var prods []entity.ProxyProduct
	if err := dao.ProxyProduct.Ctx(ctx).Fields(dao.ProxyProduct.Columns().ProductNo, dao.ProxyProduct.Columns().FlowBase).
		Where(dao.ProxyProduct.Columns().Kind, "dynamic").Scan(&prods); err != nil {
		return nil, err
	}
	for _, p := range prods {
		bases[p.ProductNo] = p.FlowBase
	}
	groups := map[string]*v1.OrderStatsRow{}
	var cost = map[string]int64{}
	for _, o := range rows {
		key := o.Kind
		switch req.GroupBy {
		case "day":
			key = o.CreatedAt.Time.In(zone).Format(time.DateOnly)
		case "agent":
			key = strconv.FormatInt(o.AgentId, 10)
		case "product":
			key = o.ProductNo
		}
		g := groups[key]
		if g == nil {
			g = &v1.OrderStatsRow{Key: key}
			groups[key] = g
		}
		g.Orders++
		g.SaleAmount += o.SaleAmount
		if o.Status != stSuccess && o.Status != stPartial {
			continue
		}
		g.Success++
		g.ChargedAmount += o.ChargedAmount
		cost[key] += o.CostAmount
		switch o.Kind {
		case "dynamic":
			g.FlowBytes += boughtBytes(o, bases[o.ProductNo])
		case "static", "static_assign":
			g.Instances += o.SuccessCount
		}
	}
	super := principal.From(ctx).Role == consts.RoleSuperAdmin
	res := &v1.OrderStatsRes{Items: make([]v1.OrderStatsRow, 0, len(groups))}
	for k, g := range groups {
		if super {
			c := cost[k]
			g.CostAmount = &c
		}
		res.Items = append(res.Items, *g)
	}
	sort.Slice(res.Items, func(i, j int) bool { return res.Items[i].Key < res.Items[j].Key })
	res.Total = len(res.Items)
	return res, nil
}
