package derp_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/logic/derp"
	"kami/internal/logic/derp/host"
	"kami/internal/logic/derp/host/hostfake"
	"kami/internal/model/do"
	"kami/internal/service"
	"kami/internal/testkit"
)

// benchHosts registers n ready servers behind SSH fakes (rows written directly: the benchmarks
// measure the jobs and the worker, not registration).
func benchHosts(b *testing.B, n int) ([]*hostfake.Docker, []int64) {
	b.Helper()
	ctx := context.Background()
	sealed, err := keyring.Seal("derp.server.ssh", []byte("pw"))
	if err != nil {
		b.Fatal(err)
	}
	fakes, ids := make([]*hostfake.Docker, n), make([]int64, n)
	for i := range fakes {
		fakes[i] = hostfake.New(testkit.SharedClock{}.Now)
		s, err := hostfake.StartSSH(fakes[i], hostfake.SSHConfig{User: "root", Password: "pw"})
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { _ = s.Close() })
		ids[i], err = dao.DerpServers.Ctx(ctx).Data(do.DerpServers{Name: fmt.Sprintf("b%d", i), Region: "sha", RegionName: "B",
			PublicIpv4: uniqueIPv4(), SshHost: "127.0.0.1", SshPort: s.Port, SshUser: "root", SshAuth: "password",
			SshSecretEnc: sealed, CertPem: "x", CertKeyEnc: "x", CertPin: "sha256-raw:00", PortBase: 20000, PortCount: 1000,
			MaxContainers: 1000, State: "draining", Health: "unknown", HostState: "ready", HostIface: "eth0"}).InsertAndGetId()
		if err != nil {
			b.Fatal(err)
		}
		id := ids[i]
		b.Cleanup(func() {
			_, _ = dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: "removed"}).WherePri(id).Update()
		})
	}
	return fakes, ids
}

// opsBenchContainers writes per containers on each server, each with its own rental row, in
// server-interleaved id order, at ports from 20000+from (a later round takes ports of its own:
// the fakes still run the containers of the rounds before).
func opsBenchContainers(b *testing.B, ids []int64, from, per int, desired string) []int64 {
	b.Helper()
	ctx := context.Background()
	now := gtime.NewFromTime(testkit.SharedClock{}.Now())
	var out []int64
	for k := 0; k < per; k++ {
		for _, sid := range ids {
			rid, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{RentalNo: testkit.UniqueName("B") + fmt.Sprint(len(out)),
				UserId: 1, PlanId: 3, State: "active", StartedAt: now, ExpiresAt: gtime.NewFromTime(now.Time.Add(30 * 24 * time.Hour)), TrafficQuotaBytes: 0}).InsertAndGetId()
			if err != nil {
				b.Fatal(err)
			}
			cid, err := dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{RentalId: rid, ServerId: sid, HaIndex: 1,
				Port: 20000 + from + k, TokenGen: 1, Desired: desired, State: "pending"}).InsertAndGetId()
			if err != nil {
				b.Fatal(err)
			}
			out = append(out, cid)
		}
	}
	return out
}

// B5 (§15): derp.traffic over 1,000 containers on 20 SSH fakes against a baseline of 20 `true`
// execs over the same SSH pool plus the same row writes (per container one transaction with a
// sample insert and the container and rental updates).
func BenchmarkDerpTraffic(b *testing.B) {
	clk := testkit.SharedClock{}
	clk.Freeze(b, time.Now().Truncate(time.Second))
	b.Cleanup(func() { clk.Release(b) })
	fakes, ids := benchHosts(b, 20)
	cids := opsBenchContainers(b, ids, 0, 50, "running")
	for i, cid := range cids {
		fakes[i%len(fakes)].Plant(cid, "running", "s")
	}
	ctx := context.Background()
	pool := host.NewSSH()
	b.Cleanup(pool.Close)
	var tTraffic, tBase time.Duration
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		clk.Advance(b, 5*time.Minute)
		for i, cid := range cids {
			fakes[i%len(fakes)].SetCounters(cid, int64(1000*(n+1)), int64(2000*(n+1)))
		}
		start := time.Now()
		done, err := service.Derp().RunTraffic(ctx)
		if err != nil || done != len(cids) {
			b.Fatalf("traffic booked %d of %d: %v", done, len(cids), err)
		}
		tTraffic += time.Since(start)

		start = time.Now()
		for _, sid := range ids {
			var srv struct{ SshPort int }
			_ = dao.DerpServers.Ctx(ctx).Fields("ssh_port").WherePri(sid).Scan(&srv)
			t := host.Target{ServerID: sid, Addr: fmt.Sprintf("127.0.0.1:%d", srv.SshPort), User: "root", Password: "pw"}
			if _, err := pool.Run(ctx, t, host.Cmd{Argv: []string{"true"}, Timeout: 10 * time.Second}); err != nil {
				b.Fatal(err)
			}
		}
		bucket := gtime.NewFromTime(clk.Now().Add(time.Hour * 24 * 365)) // its own buckets
		for _, cid := range cids {
			err := dao.DerpTrafficSamples.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
				if _, err := dao.DerpTrafficSamples.Ctx(ctx).Data(do.DerpTrafficSamples{ContainerId: cid + int64(n)*1_000_000_000,
					BucketTs: bucket, RxBytes: 1, TxBytes: 1}).Insert(); err != nil {
					return err
				}
				if _, err := dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{RateBps: n}).WherePri(cid).Update(); err != nil {
					return err
				}
				_, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{AclVersion: 0}).Where("id = (SELECT rental_id FROM derp_containers WHERE id = ?)", cid).Update()
				return err
			})
			if err != nil {
				b.Fatal(err)
			}
		}
		tBase += time.Since(start)
	}
	b.ReportMetric(float64(tTraffic.Milliseconds())/float64(b.N), "ms/traffic-round")
	b.ReportMetric(float64(tBase.Milliseconds())/float64(b.N), "ms/baseline-round")
	b.ReportMetric(float64(tTraffic)/float64(tBase), "x-baseline")
}

// B6 (§15): 300 containers on 10 fakes, each exec stalled 20 ms, converged by the boot worker:
// execs per container and the wall time against the ideal 300·3·20 ms/(10·4).
func BenchmarkDerpConverge(b *testing.B) {
	clk := testkit.SharedClock{}
	clk.Freeze(b, time.Now().Truncate(time.Second))
	b.Cleanup(func() { clk.Release(b) })
	testkit.SetSettings(b, map[string]any{"derp.admitBaseUrl": "http://127.0.0.1:9", "derp.image": testImage})
	for service.Settings().String("derp.image") != testImage {
		time.Sleep(20 * time.Millisecond)
	}
	fakes, ids := benchHosts(b, 10)
	for _, f := range fakes {
		f.Stall(20 * time.Millisecond)
	}
	ctx := context.Background()
	pool := host.NewSSH()
	b.Cleanup(pool.Close)
	wk := derp.NewHostWorker(clk, pool, testkit.UniqueName("bench"), ids)
	ideal := time.Duration(300*3) * 20 * time.Millisecond / (10 * 4)
	queue := func(from, per int) []int64 {
		cids := opsBenchContainers(b, ids, from, per, "running")
		now := gtime.NewFromTime(clk.Now())
		rows := make([]do.DerpHostOps, 0, len(cids))
		for i, cid := range cids {
			rows = append(rows, do.DerpHostOps{ServerId: ids[i%len(ids)], ContainerId: cid, Op: "converge", State: "pending",
				NextRunAt: now, TargetGen: 0})
		}
		if _, err := dao.DerpHostOps.Ctx(ctx).Data(rows).Insert(); err != nil {
			b.Fatal(err)
		}
		return cids
	}
	// One container per server first, untimed: a node's worker keeps its SSH connections (one per
	// server) and its database pool, and B6 is about converging, not about the first handshakes.
	queue(990, 1)
	if _, err := wk.Drain(ctx); err != nil {
		b.Fatal(err)
	}
	var wall time.Duration
	execs := 0
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		b.StopTimer()
		calls0 := 0
		for _, f := range fakes {
			calls0 += len(f.Calls())
		}
		cids := queue(30*n, 30)
		b.StartTimer()
		start := time.Now()
		if _, err := wk.Drain(ctx); err != nil { // what the node's worker loop runs
			b.Fatal(err)
		}
		wall += time.Since(start)
		b.StopTimer()
		running, _ := dao.DerpContainers.Ctx(ctx).WhereIn("id", cids).Where("state", "running").Count()
		if running != len(cids) {
			errsSeen, _ := dao.DerpHostOps.Ctx(ctx).Fields("state, last_error, COUNT(*) n").WhereIn("container_id", cids).
				Group("state, last_error").All()
			b.Fatalf("%d of %d running; ops: %v", running, len(cids), errsSeen)
		}
		for _, f := range fakes {
			execs += len(f.Calls())
		}
		execs -= calls0
		b.StartTimer()
	}
	b.ReportMetric(float64(execs)/float64(300*b.N), "execs/container")
	b.ReportMetric(float64(wall.Milliseconds())/float64(b.N), "ms/300-converges")
	b.ReportMetric(float64(wall)/float64(b.N)/float64(ideal), "x-ideal")
}
