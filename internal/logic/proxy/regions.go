package proxy

import (
	"context"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/proxy/v1"
	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// JobRegionSync keeps the region tree (§5).
const JobRegionSync = "proxy.region_sync"

func init() {
	job.Register(job.Def{
		Name:            JobRegionSync,
		Description:     "Sync the IPIPV region tree (area/v2): changed rows only",
		DefaultSchedule: "0 20 4 * * *",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().SyncRegions(ctx) },
	})
}

// SyncRegions runs region_sync once: the tree is flattened to (code, parent); a row whose raw
// hash is unchanged is not written. Regions that vanish upstream are kept (products may still
// name them).
func (s *sProxy) SyncRegions(ctx context.Context) (int, error) {
	c := struct{ Seen, Written int }{}
	err := s.syncRun(ctx, JobRegionSync, &c, func(ctx context.Context) error {
		up, err := s.upstream()
		if err != nil {
			return err
		}
		tree, err := up.Regions(ctx)
		if err != nil {
			return err
		}
		var have []entity.ProxyRegion
		if err := dao.ProxyRegion.Ctx(ctx).Fields(dao.ProxyRegion.Columns().Code, dao.ProxyRegion.Columns().RawHash).Scan(&have); err != nil {
			return err
		}
		hashes := make(map[string]string, len(have))
		for _, r := range have {
			hashes[r.Code] = r.RawHash
		}
		now := gtime.New(s.now())
		var walk func(parent string, nodes []ipipv.Region) error
		walk = func(parent string, nodes []ipipv.Region) error {
			for _, n := range nodes {
				c.Seen++
				h := rawHash([]string{n.Code, parent, n.Name, n.NameEn})
				if hashes[n.Code] != h {
					c.Written++
					if _, err := dao.ProxyRegion.Ctx(ctx).Data(do.ProxyRegion{Code: n.Code, ParentCode: parent, Name: n.Name,
						NameEn: n.NameEn, RawHash: h, SyncedAt: now}).OnConflict(dao.ProxyRegion.Columns().Code).Save(); err != nil {
						return err
					}
				}
				if err := walk(n.Code, n.Children); err != nil {
					return err
				}
			}
			return nil
		}
		return walk("", tree)
	})
	return c.Written, err
}

// Regions is GET /api/proxy/regions?parentCode=.
func (s *sProxy) Regions(ctx context.Context, req *v1.RegionListReq) (*v1.RegionListRes, error) {
	cols := dao.ProxyRegion.Columns()
	var rows []entity.ProxyRegion
	if err := dao.ProxyRegion.Ctx(ctx).Where(cols.ParentCode, req.ParentCode).OrderAsc(cols.Code).Limit(1000).Scan(&rows); err != nil {
		return nil, err
	}
	res := &v1.RegionListRes{Items: make([]v1.RegionItem, 0, len(rows)), Total: len(rows)}
	for _, r := range rows {
		res.Items = append(res.Items, v1.RegionItem{Code: r.Code, ParentCode: r.ParentCode, Name: r.Name, NameEn: r.NameEn})
	}
	return res, nil
}
