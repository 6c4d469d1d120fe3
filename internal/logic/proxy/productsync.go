package proxy

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/ipipv"
	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// JobProductSync is the catalogue sync (§5).
const JobProductSync = "proxy.product_sync"

func init() {
	job.Register(job.Def{
		Name:            JobProductSync,
		Description:     "Sync the IPIPV products and the areas of dynamic products: changed rows only, vanished ones offline, a product whose cost rose above its sale price unsellable",
		DefaultSchedule: "0 */30 * * * *",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().SyncProducts(ctx) },
	})
}

// SyncCounts is what one product_sync run did (kept in proxy_sync_log).
type SyncCounts struct {
	Seen, Inserted, Changed, Offline, Unsellable, Malformed int
	AreasInserted, AreasChanged, AreasOffline               int
}

func rawHash(v any) string {
	b, _ := json.Marshal(v)
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])
}

func kindOf(p ipipv.Product) string {
	if p.Dynamic() {
		return "dynamic"
	}
	return "static"
}

// SyncProducts runs product_sync once: an unchanged upstream writes no product or area row
// (compared by the hash of the raw upstream row), so a run costs reads only.
func (s *sProxy) SyncProducts(ctx context.Context) (int, error) {
	var c SyncCounts
	err := s.syncRun(ctx, JobProductSync, &c, func(ctx context.Context) error {
		up, err := s.upstream()
		if err != nil {
			return err
		}
		products, err := up.Products(ctx, "")
		if err != nil {
			return upstreamErr(err)
		}
		var have []entity.ProxyProduct
		if err = dao.ProxyProduct.Ctx(ctx).Scan(&have); err != nil {
			return err
		}
		byNo := make(map[string]*entity.ProxyProduct, len(have))
		for i := range have {
			byNo[have[i].ProductNo] = &have[i]
		}
		now := gtime.New(s.now())
		seen := map[string]bool{}
		for _, p := range products {
			c.Seen++
			seen[p.ProductNo] = true
			if err := s.syncProduct(ctx, p, byNo[p.ProductNo], now, &c); err != nil {
				return err
			}
			if p.Dynamic() && p.Enable == 1 {
				areas, err := up.Areas(ctx, p.ProductNo, p.ProxyType)
				if err != nil {
					return upstreamErr(err)
				}
				if err := s.syncAreas(ctx, p.ProductNo, areas, now, &c); err != nil {
					return err
				}
			}
		}
		cols := dao.ProxyProduct.Columns()
		for no, row := range byNo {
			if seen[no] || row.UpstreamStatus == "offline" {
				continue
			}
			if _, err := dao.ProxyProduct.Ctx(ctx).Where(cols.Id, row.Id).Data(do.ProxyProduct{
				UpstreamStatus: "offline", Sellable: 0, Version: row.Version + 1, UpdatedAt: now}).Update(); err != nil {
				return err
			}
			c.Offline++
		}
		return nil
	})
	return c.Seen, err
}

// syncProduct inserts or updates one product when its raw row changed. Sale fields are Kami's
// and survive; the margin guard clears sellable when the cost rose above the sale price.
func (s *sProxy) syncProduct(ctx context.Context, p ipipv.Product, row *entity.ProxyProduct, now *gtime.Time, c *SyncCounts) error {
	hash := rawHash(p)
	if row != nil && row.RawHash == hash && row.UpstreamStatus == "online" {
		return nil
	}
	cost, err := ipipv.YuanToFen(p.CostPrice)
	if err != nil {
		c.Malformed++ // kept as it was: a price we cannot read must not become 0
		return nil
	}
	data := do.ProxyProduct{
		ProductNo: p.ProductNo, Name: p.ProductName, ProxyType: p.ProxyType, Kind: kindOf(p),
		CountryCode: p.CountryCode, StateCode: p.StateCode, CityCode: p.CityCode, Unit: p.Unit,
		Duration: p.Duration, Inventory: p.Inventory, DrawType: p.DrawType, AssignIp: p.AssignIP,
		IpCount: p.IPCount, RefundDuration: p.RefundDuration, FlowBase: int(ipipv.FlowBase(p.FlowConversionBase)),
		CapIpWhiteList: p.IPWhiteList, CapPwdDraw: p.PwdDrawProxyUser, CapUserFlowLimit: p.ProxyUserFlowLimit,
		CapFlowUseLog: p.FlowUseLog, UpstreamEnable: p.Enable, UpstreamStatus: "online",
		CostPrice: cost, CostPriceRaw: p.CostPrice, RawHash: hash, SyncedAt: now, UpdatedAt: now,
	}
	if row == nil {
		data.SalePrice, data.Sellable, data.CreatedAt = 0, 0, now
		_, err = dao.ProxyProduct.Ctx(ctx).Data(data).Insert()
		c.Inserted++
		return err
	}
	if row.Sellable == 1 && row.SalePrice < cost {
		data.Sellable = 0
		c.Unsellable++
		s.alert(ctx, "proxy.margin", p.ProductNo)
	}
	data.Version = row.Version + 1
	_, err = dao.ProxyProduct.Ctx(ctx).Where(dao.ProxyProduct.Columns().Id, row.Id).Data(data).Update()
	c.Changed++
	return err
}

// syncAreas mirrors one product's areas the same way; a vanished area goes status -1.
func (s *sProxy) syncAreas(ctx context.Context, productNo string, areas []ipipv.Area, now *gtime.Time, c *SyncCounts) error {
	cols := dao.ProxyProductArea.Columns()
	var have []entity.ProxyProductArea
	if err := dao.ProxyProductArea.Ctx(ctx).Where(cols.ProductNo, productNo).Scan(&have); err != nil {
		return err
	}
	byCode := make(map[string]entity.ProxyProductArea, len(have))
	for _, a := range have {
		byCode[a.AreaCode] = a
	}
	seen := map[string]bool{}
	for _, a := range areas {
		seen[a.AreaCode] = true
		hash := rawHash(a)
		row, ok := byCode[a.AreaCode]
		if ok && row.RawHash == hash {
			continue
		}
		data := do.ProxyProductArea{ProductNo: productNo, AreaCode: a.AreaCode, CountryCode: a.CountryCode,
			StateCode: a.StateCode, CityCode: a.CityCode, Status: a.Status, Region: a.Region, RawHash: hash, SyncedAt: now}
		var err error
		if ok {
			_, err = dao.ProxyProductArea.Ctx(ctx).Where(cols.Id, row.Id).Data(data).Update()
			c.AreasChanged++
		} else {
			_, err = dao.ProxyProductArea.Ctx(ctx).Data(data).Insert()
			c.AreasInserted++
		}
		if err != nil {
			return err
		}
	}
	for code, row := range byCode {
		if seen[code] || row.Status == -1 {
			continue
		}
		if _, err := dao.ProxyProductArea.Ctx(ctx).Where(cols.Id, row.Id).
			Data(do.ProxyProductArea{Status: -1, RawHash: "", SyncedAt: now}).Update(); err != nil {
			return err
		}
		c.AreasOffline++
	}
	return nil
}
