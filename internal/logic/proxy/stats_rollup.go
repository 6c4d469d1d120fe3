package proxy

import (
	"context"
	"encoding/json"
	"sort"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// JobStatsRollup writes the daily order totals GET /stats/orders reads for closed days (§5).
const JobStatsRollup = "proxy.stats_rollup"

func init() {
	job.Register(job.Def{
		Name:            JobStatsRollup,
		Description:     "Total proxy orders per day, agent, product and kind into proxy_stats_daily: every day since the last run, and again every earlier day one of whose orders changed since",
		DefaultSchedule: "0 10 4 * * *", // after proxy.consistency (03:30) repaired yesterday's orders
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().RollupStats(ctx) },
	})
}

// statsKey is one row of proxy_stats_daily.
type statsKey struct {
	Agent     int64
	ProductNo string
	Kind      string
}

// statsSum is the totals of one group (the columns of proxy_stats_daily and the API row).
type statsSum struct {
	Orders, Success, Instances     int
	Sale, Charged, Cost, FlowBytes int64
}

// add counts one order the way the usage page shows it: every order counts as an order and by
// its sale amount; only success and partial ones count as delivered, charged and at cost.
func (t *statsSum) add(o entity.ProxyOrder, flowBase int) {
	t.Orders++
	t.Sale += o.SaleAmount
	if o.Status != stSuccess && o.Status != stPartial {
		return
	}
	t.Success++
	t.Charged += o.ChargedAmount
	t.Cost += o.CostAmount
	switch o.Kind {
	case "dynamic":
		t.FlowBytes += boughtBytes(o, flowBase)
	case "static", "static_assign":
		t.Instances += o.SuccessCount
	}
}

func (t *statsSum) merge(o statsSum) {
	t.Orders += o.Orders
	t.Success += o.Success
	t.Instances += o.Instances
	t.Sale += o.Sale
	t.Charged += o.Charged
	t.Cost += o.Cost
	t.FlowBytes += o.FlowBytes
}

type rollupCounts struct {
	Days    int    `json:"days"`
	Written int    `json:"written"`
	Deleted int    `json:"deleted"`
	Through string `json:"through,omitempty"` // the last closed day totalled (kami.timeZone)
	RanAt   int64  `json:"ranAt,omitempty"`
	MaxID   int64  `json:"maxOrderId,omitempty"` // the newest order seen: any newer one marks its day
}

// RollupStats runs proxy.stats_rollup once. Days are those of kami.timeZone; only closed days
// (before today) are written. Each day is recomputed whole from proxy_order and written by
// upsert only where a total differs, so a rerun writes nothing.
func (s *sProxy) RollupStats(ctx context.Context) (int, error) {
	zone := timefmt.Zone()
	now := s.now()
	today := dayOf(now, zone)
	c := rollupCounts{RanAt: now.Unix()}
	err := s.syncRun(ctx, JobStatsRollup, &c, func(ctx context.Context) error {
		prev, err := lastRollup(ctx)
		if err != nil {
			return err
		}
		maxID, err := dao.ProxyOrder.Ctx(ctx).Max(dao.ProxyOrder.Columns().Id)
		if err != nil {
			return err
		}
		c.MaxID = int64(maxID)
		days, err := rollupDays(ctx, prev, today, zone)
		if err != nil {
			return err
		}
		bases, err := flowBases(ctx)
		if err != nil {
			return err
		}
		for _, d := range days {
			w, del, err := s.rollupDay(ctx, d, zone, bases)
			if err != nil {
				return err
			}
			c.Days++
			c.Written += w
			c.Deleted += del
		}
		c.Through = today.AddDate(0, 0, -1).Format(time.DateOnly)
		return nil
	})
	return c.Written, err
}

func dayOf(t time.Time, zone *time.Location) time.Time {
	l := t.In(zone)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, zone)
}

// lastRollup is what the last successful run recorded (zero: never ran).
func lastRollup(ctx context.Context) (rollupCounts, error) {
	cols := dao.ProxySyncLog.Columns()
	var rows []entity.ProxySyncLog
	if err := dao.ProxySyncLog.Ctx(ctx).Where(cols.Job, JobStatsRollup).Where(cols.Status, "ok").
		OrderDesc(cols.Id).Limit(1).Scan(&rows); err != nil {
		return rollupCounts{}, err
	}
	var rc rollupCounts
	if len(rows) == 1 {
		_ = json.Unmarshal([]byte(rows[0].Counts), &rc)
	}
	return rc, nil
}

// rollupDays: every closed day after the last one totalled (from the first order's day on a
// first run), plus every earlier closed day holding an order placed or changed since the last
// run (a reconcile, callback or consistency repair settles orders days later). New orders are
// found by id, so a clock that moved back cannot hide one.
func rollupDays(ctx context.Context, prev rollupCounts, today time.Time, zone *time.Location) ([]time.Time, error) {
	cols := dao.ProxyOrder.Columns()
	set := map[time.Time]bool{}
	from := today
	if t, err := time.ParseInLocation(time.DateOnly, prev.Through, zone); err == nil {
		from = t.AddDate(0, 0, 1)
		var changed []entity.ProxyOrder
		if err := dao.ProxyOrder.Ctx(ctx).Fields(cols.CreatedAt).
			Where(dao.ProxyOrder.Ctx(ctx).Builder().WhereGT(cols.Id, prev.MaxID).
				WhereOrGTE(cols.UpdatedAt, gtime.New(time.Unix(prev.RanAt, 0).UTC()))).
			Scan(&changed); err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		for _, o := range changed {
			if o.CreatedAt != nil {
				set[dayOf(o.CreatedAt.Time, zone)] = true
			}
		}
	} else {
		var oldest []entity.ProxyOrder
		err := dao.ProxyOrder.Ctx(ctx).Fields(cols.CreatedAt).OrderAsc(cols.CreatedAt).Limit(1).Scan(&oldest)
		if err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		if len(oldest) == 1 && oldest[0].CreatedAt != nil {
			from = dayOf(oldest[0].CreatedAt.Time, zone)
		}
	}
	for d := from; d.Before(today); d = d.AddDate(0, 0, 1) {
		set[d] = true
	}
	out := make([]time.Time, 0, len(set))
	for d := range set {
		if d.Before(today) {
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out, nil
}

// flowBases is every dynamic product's flow base (bytes of the flow it sold).
func flowBases(ctx context.Context) (map[string]int, error) {
	pc := dao.ProxyProduct.Columns()
	var prods []entity.ProxyProduct
	if err := dao.ProxyProduct.Ctx(ctx).Fields(pc.ProductNo, pc.FlowBase).Where(pc.Kind, "dynamic").Scan(&prods); err != nil {
		return nil, err
	}
	out := make(map[string]int, len(prods))
	for _, p := range prods {
		out[p.ProductNo] = p.FlowBase
	}
	return out, nil
}

// dayOrders totals the orders created on one day per (agent, product, kind).
func dayOrders(ctx context.Context, m *gdb.Model, from, to time.Time, bases map[string]int) (map[statsKey]*statsSum, error) {
	cols := dao.ProxyOrder.Columns()
	var rows []entity.ProxyOrder
	if err := m.Fields(cols.Kind, cols.Status, cols.AgentId, cols.ProductNo, cols.Quantity, cols.SaleAmount,
		cols.ChargedAmount, cols.CostAmount, cols.SuccessCount, cols.CreatedAt).
		WhereGTE(cols.CreatedAt, gtime.New(from.UTC())).WhereLT(cols.CreatedAt, gtime.New(to.UTC())).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	out := map[statsKey]*statsSum{}
	for _, o := range rows {
		k := statsKey{o.AgentId, o.ProductNo, o.Kind}
		if out[k] == nil {
			out[k] = &statsSum{}
		}
		out[k].add(o, bases[o.ProductNo])
	}
	return out, nil
}

// rollupDay writes one day: changed groups upserted, vanished ones deleted (in one transaction).
func (s *sProxy) rollupDay(ctx context.Context, d time.Time, zone *time.Location, bases map[string]int) (written, deleted int, err error) {
	sums, err := dayOrders(ctx, dao.ProxyOrder.Ctx(ctx), d, d.AddDate(0, 0, 1), bases)
	if err != nil {
		return 0, 0, err
	}
	day := d.Format(time.DateOnly)
	sc := dao.ProxyStatsDaily.Columns()
	var have []entity.ProxyStatsDaily
	if err := dao.ProxyStatsDaily.Ctx(ctx).Where(sc.Day, day).Scan(&have); err != nil && !dbx.IsNoRows(err) {
		return 0, 0, err
	}
	err = dao.ProxyStatsDaily.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
		seen := map[statsKey]bool{}
		for _, h := range have {
			k := statsKey{h.AgentId, h.ProductNo, h.Kind}
			if t := sums[k]; t != nil && *t == rowSum(h) {
				seen[k] = true
				continue
			}
			if sums[k] == nil {
				if _, err := dao.ProxyStatsDaily.Ctx(ctx).WherePri(h.Id).Delete(); err != nil {
					return err
				}
				deleted++
			}
		}
		now := gtime.New(s.now())
		for k, t := range sums {
			if seen[k] {
				continue
			}
			// The day as its text (a DATE on MySQL, text on SQLite): no zone conversion on the way.
			if _, err := dao.ProxyStatsDaily.Ctx(ctx).Data(map[string]any{sc.Day: day, sc.AgentId: k.Agent,
				sc.ProductNo: k.ProductNo, sc.Kind: k.Kind, sc.Orders: t.Orders, sc.Success: t.Success,
				sc.SaleAmount: t.Sale, sc.ChargedAmount: t.Charged, sc.CostAmount: t.Cost, sc.FlowBytes: t.FlowBytes,
				sc.Instances: t.Instances, sc.UpdatedAt: now}).OnConflict(sc.Day, sc.AgentId, sc.ProductNo, sc.Kind).Save(); err != nil {
				return err
			}
			written++
		}
		return nil
	})
	return written, deleted, err
}

func rowSum(h entity.ProxyStatsDaily) statsSum {
	return statsSum{Orders: h.Orders, Success: h.Success, Instances: h.Instances, Sale: h.SaleAmount,
		Charged: h.ChargedAmount, Cost: h.CostAmount, FlowBytes: h.FlowBytes}
}
