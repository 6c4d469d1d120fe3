package proxy_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sort"
	"sync"
	"testing"
	"time"

	"kami/internal/adapter/ipipv"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/logic/proxy"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/internal/testkit"
)

// benchWorld is the super-admin with a fake upstream configured and the proxy jobs paused
// (the benchmarks run what they measure themselves).
type benchWorld struct {
	admin *testkit.Client
	root  testkit.SeededUser
	fake  *ipipv.Fake
}

func newBenchWorld(b *testing.B) benchWorld {
	b.Helper()
	root := testkit.SuperAdmin(b)
	admin := testkit.Current().Login(b, root)
	f := ipipv.NewFake(fakeKey, fakeSecret)
	b.Cleanup(f.Close)
	admin.Put(b, "/api/proxy/settings", map[string]any{"baseUrl": f.URL(), "appKey": fakeKey, "appSecret": fakeSecret, "rps": 1000}).
		Expect(b, http.StatusOK)
	for _, name := range []string{proxy.JobOrderReconcile, proxy.JobCallbackRetry, proxy.JobProductSync, proxy.JobLimitPush,
		proxy.JobConsistency, proxy.JobInstanceSync, proxy.JobUsageSync, proxy.JobFlowLogSync, proxy.JobAutoRenew} {
		admin.Put(b, "/api/system/job/"+name, map[string]any{"enabled": false}).Expect(b, http.StatusOK)
		b.Cleanup(func() { admin.Put(b, "/api/system/job/"+name, map[string]any{"enabled": true}) })
	}
	return benchWorld{admin: admin, root: root, fake: f}
}

// catalogue is n products (one in five dynamic, each with areasPer areas) under a prefix.
func catalogue(prefix string, n, areasPer int) ([]ipipv.Product, []ipipv.Area) {
	ps := make([]ipipv.Product, 0, n)
	var as []ipipv.Area
	for i := range n {
		p := ipipv.Product{ProductNo: fmt.Sprintf("%s%05d", prefix, i), ProductName: "bench", ProxyType: 101,
			CountryCode: "USA", CostPrice: "10.00", Inventory: 100, Enable: 1, Duration: 30, Unit: 1}
		if i%5 == 0 {
			p.ProxyType, p.FlowConversionBase, p.DrawType = 104, 1024, 3
			for j := range areasPer {
				as = append(as, ipipv.Area{ProductNo: p.ProductNo, AreaCode: fmt.Sprintf("A%03d", j), CountryCode: "USA", Status: 1})
			}
		}
		ps = append(ps, p)
	}
	return ps, as
}

func dropBenchRows(b *testing.B, prefixes ...string) {
	ctx := context.Background()
	for _, p := range prefixes {
		if _, err := dao.ProxyProductArea.Ctx(ctx).WhereLike(dao.ProxyProductArea.Columns().ProductNo, p+"%").Delete(); err != nil {
			b.Error(err)
		}
		if _, err := dao.ProxyProduct.Ctx(ctx).WhereLike(dao.ProxyProduct.Columns().ProductNo, p+"%").Delete(); err != nil {
			b.Error(err)
		}
	}
}

// bulkInsert is the baseline: the same rows written as multi-row INSERTs of 500.
func bulkInsert(ctx context.Context, ps []ipipv.Product, as []ipipv.Area, prefix string) error {
	rows := make([]do.ProxyProduct, 0, 500)
	flush := func() error {
		if len(rows) == 0 {
			return nil
		}
		_, err := dao.ProxyProduct.Ctx(ctx).Data(rows).Insert()
		rows = rows[:0]
		return err
	}
	for _, p := range ps {
		rows = append(rows, do.ProxyProduct{ProductNo: prefix + p.ProductNo, Name: p.ProductName, ProxyType: p.ProxyType,
			Kind: "static", CountryCode: p.CountryCode, CostPrice: 1000, CostPriceRaw: p.CostPrice, RawHash: "x",
			UpstreamEnable: 1, UpstreamStatus: "online"})
		if len(rows) == cap(rows) {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	areas := make([]do.ProxyProductArea, 0, 500)
	for i, a := range as {
		areas = append(areas, do.ProxyProductArea{ProductNo: prefix + a.ProductNo, AreaCode: a.AreaCode,
			CountryCode: a.CountryCode, Status: a.Status, RawHash: "x"})
		if len(areas) == cap(areas) || i == len(as)-1 {
			if _, err := dao.ProxyProductArea.Ctx(ctx).Data(areas).Insert(); err != nil {
				return err
			}
			areas = areas[:0]
		}
	}
	return nil
}

func lastSyncCounts(b *testing.B) proxy.SyncCounts {
	b.Helper()
	var row entity.ProxySyncLog
	if err := dao.ProxySyncLog.Ctx(context.Background()).Where(dao.ProxySyncLog.Columns().Job, proxy.JobProductSync).
		OrderDesc(dao.ProxySyncLog.Columns().Id).Limit(1).Scan(&row); err != nil {
		b.Fatal(err)
	}
	var c proxy.SyncCounts
	if err := jsonUnmarshal(row.Counts, &c); err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkProxyProductSync: product_sync of 10,000 products and 20,000 areas from the fake,
// first run and an unchanged second run (0 writes), against a bulk insert of the same rows.
// One round per call whatever b.N; the ratios are the figures.
func BenchmarkProxyProductSync(b *testing.B) {
	w := newBenchWorld(b)
	ctx := context.Background()
	tag := fmt.Sprintf("BS%d", time.Now().UnixNano()%1_000_000)
	ps, as := catalogue(tag, 10_000, 10)
	w.fake.SetProducts(ps, as)
	b.Cleanup(func() { dropBenchRows(b, tag, "BL"+tag) })
	b.ResetTimer()
	t0 := time.Now()
	if err := bulkInsert(ctx, ps, as, "BL"); err != nil {
		b.Fatal(err)
	}
	base := time.Since(t0)
	t1 := time.Now()
	if _, err := service.Proxy().SyncProducts(ctx); err != nil {
		b.Fatal(err)
	}
	first := time.Since(t1)
	c1 := lastSyncCounts(b)
	t2 := time.Now()
	if _, err := service.Proxy().SyncProducts(ctx); err != nil {
		b.Fatal(err)
	}
	second := time.Since(t2)
	b.StopTimer()
	c2 := lastSyncCounts(b)
	if c1.Inserted != len(ps) || c1.AreasInserted != len(as) {
		b.Fatalf("first run %+v", c1)
	}
	writes := c2.Inserted + c2.Changed + c2.Offline + c2.AreasInserted + c2.AreasChanged + c2.AreasOffline
	if writes != 0 {
		b.Fatalf("an unchanged second run wrote %d: %+v", writes, c2)
	}
	b.ReportMetric(base.Seconds(), "bulk-s")
	b.ReportMetric(first.Seconds(), "first-s")
	b.ReportMetric(second.Seconds(), "second-s")
	b.ReportMetric(first.Seconds()/base.Seconds(), "x-bulk-first")
	b.ReportMetric(second.Seconds()/base.Seconds(), "x-bulk-second")
	b.ReportMetric(float64(writes), "second-writes")
	b.Logf("%d products, %d areas: bulk insert %v, first sync %v (%.1fx), unchanged second %v (%.2fx, %d writes)",
		len(ps), len(as), base, first, first.Seconds()/base.Seconds(), second, second.Seconds()/base.Seconds(), writes)
}

// latencies keeps every call's duration for the p99.
type latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *latencies) add(d time.Duration) { l.mu.Lock(); l.d = append(l.d, d); l.mu.Unlock() }

func (l *latencies) p99() time.Duration {
	sort.Slice(l.d, func(i, j int) bool { return l.d[i] < l.d[j] })
	if len(l.d) == 0 {
		return 0
	}
	return l.d[min(len(l.d)-1, len(l.d)*99/100)]
}

// benchAgent is a funded, logged-in agent.
type benchAgent struct {
	testkit.SeededUser
	c *testkit.Client
}

func benchAgents(b *testing.B, root testkit.SeededUser, n int, funds int64) []benchAgent {
	b.Helper()
	boss := testkit.SeedUser(b, consts.RoleAgentAdmin, root)
	out := make([]benchAgent, n)
	for i := range out {
		u := testkit.SeedUser(b, consts.RoleAgent, boss)
		fund(b, u.ID, funds)
		out[i] = benchAgent{SeededUser: u, c: testkit.Current().Login(b, u)}
	}
	return out
}

func jsonUnmarshal(s string, v any) error { return json.Unmarshal([]byte(s), v) }
