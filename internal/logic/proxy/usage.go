package proxy

import (
	"context"
	"math/big"
	"strings"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/listq"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/scope"
	"kami/internal/service"
	"kami/internal/timefmt"
)

// Usage jobs (§5).
const (
	JobUsageSync   = "proxy.usage_sync"
	JobFlowLogSync = "proxy.flow_log_sync"
)

func init() {
	job.Register(job.Def{
		Name:            JobUsageSync,
		Description:     "Snapshot every agent's flow pools per dynamic product (proxy/info/v2); on an upstream failure the last snapshot stays, marked stale",
		DefaultSchedule: "@every 10m",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().SyncUsage(ctx) },
	})
	job.Register(job.Def{
		Name:            JobFlowLogSync,
		Description:     "Copy the last two days of flow use records of every agent and dynamic product (insert-ignore on agent, product, time)",
		DefaultSchedule: "0 5 * * * *",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().SyncFlowLogs(ctx) },
	})
}

// mbToBytes parses the upstream's MB decimal string exactly (1 MB = base² B), floor.
func mbToBytes(mb string, base int) int64 {
	r, ok := new(big.Rat).SetString(strings.TrimSpace(mb))
	if !ok || r.Sign() < 0 {
		return 0
	}
	b := ipipv.FlowBase(base)
	r.Mul(r, new(big.Rat).SetInt64(b*b))
	return new(big.Int).Quo(r.Num(), r.Denom()).Int64()
}

// usagePairs is every (main account, dynamic product) to ask about.
func usagePairs(ctx context.Context) ([]entity.ProxyAccount, []entity.ProxyProduct, error) {
	var accts []entity.ProxyAccount
	if err := dao.ProxyAccount.Ctx(ctx).OrderAsc(dao.ProxyAccount.Columns().Id).Scan(&accts); err != nil {
		return nil, nil, err
	}
	var prods []entity.ProxyProduct
	if err := dao.ProxyProduct.Ctx(ctx).Where(dao.ProxyProduct.Columns().Kind, "dynamic").
		OrderAsc(dao.ProxyProduct.Columns().Id).Scan(&prods); err != nil {
		return nil, nil, err
	}
	return accts, prods, nil
}

// SyncUsage runs usage_sync once. A failed read marks that pool stale and the run goes on.
func (s *sProxy) SyncUsage(ctx context.Context) (int, error) {
	c := struct{ Pools, Stale int }{}
	err := s.syncRun(ctx, JobUsageSync, &c, func(ctx context.Context) error {
		up, err := s.upstream()
		if err != nil {
			return err
		}
		accts, prods, err := usagePairs(ctx)
		if err != nil {
			return err
		}
		cols := dao.ProxyPool.Columns()
		now := gtime.New(s.now())
		for _, a := range accts {
			for _, p := range prods {
				pools, err := up.Pools(ctx, a.AppUsername, p.ProxyType, p.ProductNo)
				if err != nil {
					c.Stale++
					if _, err := dao.ProxyPool.Ctx(ctx).Where(cols.AgentId, a.AgentId).Where(cols.ProductNo, p.ProductNo).
						Data(do.ProxyPool{Stale: 1}).Update(); err != nil {
						return err
					}
					continue
				}
				for _, pl := range pools {
					if pl.ProductNo != p.ProductNo {
						continue
					}
					c.Pools++
					if _, err := dao.ProxyPool.Ctx(ctx).Data(do.ProxyPool{AgentId: a.AgentId, ProductNo: p.ProductNo,
						TotalBytes: mbToBytes(pl.Total, p.FlowBase), UsedBytes: mbToBytes(pl.Used, p.FlowBase),
						BalanceBytes: mbToBytes(pl.Balance, p.FlowBase), Stale: 0, SyncedAt: now}).
						OnConflict(cols.AgentId, cols.ProductNo).Save(); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	return c.Pools, err
}

// SyncFlowLogs runs flow_log_sync once over the last 48 hours (an hourly job: each row is seen
// on many runs, and the unique key keeps one).
func (s *sProxy) SyncFlowLogs(ctx context.Context) (int, error) {
	inserted := 0
	err := s.syncRun(ctx, JobFlowLogSync, map[string]*int{"inserted": &inserted}, func(ctx context.Context) error {
		up, err := s.upstream()
		if err != nil {
			return err
		}
		accts, prods, err := usagePairs(ctx)
		if err != nil {
			return err
		}
		end := s.now()
		start := end.Add(-48 * time.Hour)
		for _, a := range accts {
			for _, p := range prods {
				if p.CapFlowUseLog != 1 {
					continue
				}
				for page := 1; page <= maxSyncPages; page++ {
					pg, err := up.FlowLogs(ctx, a.AppUsername, p.ProductNo, start.Unix(), end.Unix(), page, 100)
					if err != nil {
						return err
					}
					for _, r := range pg.List {
						res, err := dao.ProxyFlowLog.Ctx(ctx).Data(do.ProxyFlowLog{AgentId: a.AgentId, ProductNo: p.ProductNo,
							UsedAt: gtime.New(time.Unix(r.UsedTime, 0).UTC()), UsedBytes: r.Used, TotalBytes: r.Total,
							BalanceBytes: r.Balance}).InsertIgnore()
						if err != nil {
							return err
						}
						if n, _ := res.RowsAffected(); n > 0 {
							inserted++
						}
					}
					if len(pg.List) < 100 || page*100 >= pg.Total {
						break
					}
				}
			}
		}
		return nil
	})
	return inserted, err
}

var poolSorts = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.ProxyPool.Columns().Id)})

// Pools is GET /api/proxy/pools/list.
func (s *sProxy) Pools(ctx context.Context, req *v1.PoolListReq) (*v1.PoolListRes, error) {
	cols := dao.ProxyPool.Columns()
	m := scope.Apply(ctx, dao.ProxyPool.Ctx(ctx), cols.AgentId)
	if req.ProductNo != "" {
		m = m.Where(cols.ProductNo, req.ProductNo)
	}
	if req.AgentId != 0 {
		m = m.Where(cols.AgentId, req.AgentId)
	}
	rows, total, err := listq.Page[entity.ProxyPool](m, req.PageReq, poolSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.PoolListRes{Items: make([]v1.PoolItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.PoolItem{AgentId: r.AgentId, ProductNo: r.ProductNo, TotalBytes: r.TotalBytes,
			UsedBytes: r.UsedBytes, BalanceBytes: r.BalanceBytes, SyncedAt: timefmt.Ptr(r.SyncedAt), Stale: r.Stale == 1})
	}
	return res, nil
}

var flowLogSorts = listq.NewSorts("usedAt", map[string]listq.Field{
	"usedAt": listq.Ordinal(dao.ProxyFlowLog.Columns().UsedAt),
	"id":     listq.Ordinal(dao.ProxyFlowLog.Columns().Id),
})

// FlowLogs is GET /api/proxy/flow-logs/list.
func (s *sProxy) FlowLogs(ctx context.Context, req *v1.FlowLogListReq) (*v1.FlowLogListRes, error) {
	cols := dao.ProxyFlowLog.Columns()
	m := scope.Apply(ctx, dao.ProxyFlowLog.Ctx(ctx), cols.AgentId)
	if req.ProductNo != "" {
		m = m.Where(cols.ProductNo, req.ProductNo)
	}
	if req.AgentId != 0 {
		m = m.Where(cols.AgentId, req.AgentId)
	}
	m, err := listq.TimeRange(m, cols.UsedAt, req.From, req.To)
	if err != nil {
		return nil, err
	}
	rows, total, err := listq.Page[entity.ProxyFlowLog](m, req.PageReq, flowLogSorts)
	if err != nil {
		return nil, err
	}
	res := &v1.FlowLogListRes{Items: make([]v1.FlowLogItem, 0, len(rows)), Total: total}
	for _, r := range rows {
		res.Items = append(res.Items, v1.FlowLogItem{AgentId: r.AgentId, ProductNo: r.ProductNo, UsedAt: timefmt.Format(r.UsedAt),
			UsedBytes: r.UsedBytes, TotalBytes: r.TotalBytes, BalanceBytes: r.BalanceBytes})
	}
	return res, nil
}
