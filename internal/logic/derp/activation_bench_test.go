package derp_test

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/testkit"
)

// B3 (§15): 200 concurrent activations with distinct serials on 20 servers.
const (
	benchActivations = 200
	benchServerCount = 20
	benchMembers     = 20
)

var benchSeq atomic.Int64

// benchServerSet inserts benchServerCount servers in state (as the servers API would, through the
// dao) and answers their ids. Active sets drain every other active server first, so placement
// sees exactly these; draining sets are the baseline's, which placement never touches.
func benchServerSet(tb testing.TB, state string) []int64 {
	tb.Helper()
	ctx := context.Background()
	cols := dao.DerpServers.Columns()
	if state == "active" {
		if _, err := dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: "draining"}).Where(cols.State, "active").Update(); err != nil {
			tb.Fatal(err)
		}
	}
	ids := make([]int64, benchServerCount)
	for i := range ids {
		n := benchSeq.Add(1)
		id, err := dao.DerpServers.Ctx(ctx).Data(do.DerpServers{Name: fmt.Sprintf("bench%d", n),
			Region: []string{"sha", "can", "hkg", "sin", "tyo"}[i%5], RegionName: "R",
			PublicIpv4: fmt.Sprintf("127.%d.%d.%d", 100+n/65536, (n/256)%256, n%256), SshHost: "127.0.0.1", SshPort: 1,
			SshAuth: "password", SshSecretEnc: "x", CertPem: "x", CertKeyEnc: "x", CertPin: "sha256-raw:00",
			PortBase: 20000, PortCount: 1000, MaxContainers: 50, State: state, Health: "unknown", HostState: "pending"}).
			InsertAndGetId()
		if err != nil {
			tb.Fatal(err)
		}
		ids[i] = id
	}
	return ids
}

type benchWorld struct {
	admin   *testkit.Client
	members []actor
	plan    int64
}

var (
	benchWorldOnce sync.Once
	benchW         benchWorld
)

func benchSetup(b *testing.B) benchWorld {
	b.Helper()
	benchWorldOnce.Do(func() {
		root := testkit.SuperAdmin(b)
		agent := testkit.SeedUser(b, consts.RoleAgent, testkit.SeedUser(b, consts.RoleAgentAdmin, root))
		benchW.admin = testkit.Current().Login(b, root)
		var p v1.PlanItem
		benchW.admin.Post(b, "/api/derp/plans", map[string]any{"name": testkit.UniqueName("bench"), "days": 30, "price": 100,
			"status": "enabled"}).Expect(b, http.StatusOK).Decode(b, &p)
		benchW.plan = p.Id
		for range benchMembers {
			u := testkit.SeedUser(b, consts.RoleMember, agent)
			c := testkit.Current().Login(b, u)
			// 200 activations at once queue on the hot server rows (MySQL): allow each its wait.
			c.HTTP.Timeout = 3 * time.Minute
			benchW.members = append(benchW.members, actor{SeededUser: u, C: c})
		}
	})
	return benchW
}

// benchSerials issues n serials of the plan and answers their codes.
func benchSerials(b *testing.B, w benchWorld, n int) []string {
	b.Helper()
	var res v1.SerialBatchCreateRes
	w.admin.Post(b, "/api/derp/serials/batches", map[string]any{"planId": w.plan, "count": n}).
		Expect(b, http.StatusOK).Decode(b, &res)
	return res.Codes
}

// concurrently runs fn(i) for i in [0, n) all at once and answers the rate per second.
func concurrently(b *testing.B, n int, fn func(i int) error) float64 {
	b.Helper()
	var (
		wg     sync.WaitGroup
		failed atomic.Value
		gate   = make(chan struct{})
	)
	for i := range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-gate
			if err := fn(i); err != nil {
				failed.CompareAndSwap(nil, err)
			}
		}()
	}
	start := time.Now()
	close(gate)
	wg.Wait()
	elapsed := time.Since(start)
	if err, _ := failed.Load().(error); err != nil {
		b.Fatalf("an activation failed: %v", err)
	}
	return float64(n) / elapsed.Seconds()
}

// BenchmarkDerpActivation (B3): per round, 200 members' activations with distinct serials run at
// once over HTTP on 20 fresh servers, against a baseline of 200 concurrent transactions making
// the same row writes (the guarded serial claim, rental, order, 3 × server claim + port slot +
// container, ACL version, period) with the placement decided up front. Reports both rates and
// their ratio (§15: ≥ 0.25), and fails on a duplicate (server, port) or a serial used twice.
func BenchmarkDerpActivation(b *testing.B) {
	w := benchSetup(b)
	ctx := context.Background()
	var apiRate, sqlRate float64
	b.ResetTimer()
	for range b.N {
		b.StopTimer()
		servers := benchServerSet(b, "active")
		bare := benchServerSet(b, "draining")
		codes := benchSerials(b, w, benchActivations)
		bareCodes := benchSerials(b, w, benchActivations)
		rentals := make([]int64, benchActivations)
		b.StartTimer()
		apiRate += concurrently(b, benchActivations, func(i int) error {
			m := w.members[i%len(w.members)]
			r, err := m.C.DoErr(http.MethodPost, "/api/derp/me/rentals/activate", map[string]any{"serial": codes[i]})
			if err != nil {
				return err
			}
			if r.Status != http.StatusOK {
				return fmt.Errorf("HTTP %d %s", r.Status, r.Raw)
			}
			var d v1.RentalDetail
			r.Decode(b, &d)
			rentals[i] = d.Id
			return nil
		})
		sqlRate += concurrently(b, benchActivations, func(i int) error {
			return bareActivation(ctx, w, bare, bareCodes[i], i)
		})
		b.StopTimer()
		verifyActivations(b, servers, rentals)
		retire(b, append(servers, bare...))
		b.StartTimer()
	}
	b.StopTimer()
	apiRate, sqlRate = apiRate/float64(b.N), sqlRate/float64(b.N)
	b.ReportMetric(apiRate, "activations/s")
	b.ReportMetric(sqlRate, "baseline-tx/s")
	b.ReportMetric(apiRate/sqlRate, "x-of-baseline")
	b.Logf("%d concurrent activations on %d servers: HTTP %.0f/s, baseline transactions %.0f/s: %.2f of the baseline",
		benchActivations, benchServerCount, apiRate, sqlRate, apiRate/sqlRate)
}

// bareActivation is one baseline transaction: the activation's row writes without the lookups,
// ranking, HTTP, session and rate limiting around them. The serial is found by its last 4 (the
// code hash is the logic's secret); servers i·3+k % 20 (k < 3) take port base+i.
func bareActivation(ctx context.Context, w benchWorld, servers []int64, code string, i int) error {
	now := gtime.Now()
	m := w.members[i%len(w.members)]
	last4 := code[len(code)-4:]
	return dao.DerpRentals.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		sc := dao.DerpSerials.Columns()
		sid, err := dao.DerpSerials.Ctx(ctx).Fields(sc.Id).Where(sc.CodeLast4, last4).Where(sc.Status, "unused").
			OrderDesc(sc.Id).Value()
		if err != nil {
			return err
		}
		n, err := dao.DerpSerials.Ctx(ctx).Data(do.DerpSerials{Status: "used", UsedBy: m.ID, UsedAt: now, UsedAs: "activate"}).
			WherePri(sid.Int64()).Where(sc.Status, "unused").UpdateAndGetAffected()
		if err != nil {
			return err
		}
		if n != 1 {
			return errs.SerialInvalid.New()
		}
		no := testkit.UniqueName("b")
		rid, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{RentalNo: no, UserId: m.ID, DistributorId: 0,
			PlanId: w.plan, State: "active", StartedAt: now, ExpiresAt: now, MaxDevices: 20, OmitDefaultRegions: 1}).InsertAndGetId()
		if err != nil {
			return err
		}
		oid, err := dao.DerpOrders.Ctx(ctx).Data(do.DerpOrders{OrderNo: no, Kind: "rental_new", BuyerId: m.ID, PlanId: w.plan,
			Count: 1, PayMethod: "serial", Status: "completed", RentalId: rid, SerialId: sid.Int64(), CreatedAt: now}).InsertAndGetId()
		if err != nil {
			return err
		}
		if _, err = dao.DerpSerials.Ctx(ctx).WherePri(sid.Int64()).Data(do.DerpSerials{RentalId: rid}).Update(); err != nil {
			return err
		}
		// The three servers in ascending id order, as placement locks them.
		picks := []int64{servers[(i*3)%len(servers)], servers[(i*3+1)%len(servers)], servers[(i*3+2)%len(servers)]}
		slices.Sort(picks)
		for k, srv := range picks {
			port := 20000 + i
			sv := dao.DerpServers.Columns()
			if _, err = dao.DerpServers.Ctx(ctx).WherePri(srv).Data(sv.ContainerCount + " = " + sv.ContainerCount + " + 1").
				Where(sv.ContainerCount + " < " + sv.MaxContainers).UpdateAndGetAffected(); err != nil {
				return err
			}
			if _, err = dao.DerpPortSlots.Ctx(ctx).Data(do.DerpPortSlots{ServerId: srv, Port: port, State: "held"}).Insert(); err != nil {
				return err
			}
			cid, err := dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{RentalId: rid, ServerId: srv, HaIndex: k + 1,
				Port: port, TokenGen: 1, Desired: "running", State: "pending"}).InsertAndGetId()
			if err != nil {
				return err
			}
			if _, err = dao.DerpPortSlots.Ctx(ctx).Data(do.DerpPortSlots{ContainerId: cid}).Where("server_id", srv).
				Where("port", port).Update(); err != nil {
				return err
			}
		}
		if _, err = dao.DerpRentals.Ctx(ctx).WherePri(rid).Data(do.DerpRentals{AclVersion: 1}).Update(); err != nil {
			return err
		}
		if _, err = dao.DerpAclVersions.Ctx(ctx).Data(do.DerpAclVersions{RentalId: rid, Version: 1, Sha256: no, Body: "{}",
			GeneratedAt: now, ValidUntil: now, GenTrigger: "activate", Status: "current"}).Insert(); err != nil {
			return err
		}
		_, err = dao.DerpRentalPeriods.Ctx(ctx).Data(do.DerpRentalPeriods{RentalId: rid, Kind: "activate", OrderId: oid,
			PlanId: w.plan, Days: 30, StartsAt: now, EndsAt: now, SerialId: sid.Int64()}).Insert()
		return err
	})
}

// verifyActivations: every activation made a distinct rental with 3 containers, no (server,
// port) twice, each serial used by exactly one rental.
func verifyActivations(b *testing.B, servers []int64, rentals []int64) {
	b.Helper()
	ctx := context.Background()
	seen := map[int64]bool{}
	for _, id := range rentals {
		if id == 0 || seen[id] {
			b.Fatalf("rental %d twice or missing", id)
		}
		seen[id] = true
	}
	var cs []struct {
		ServerId int64
		Port     int
	}
	if err := dao.DerpContainers.Ctx(ctx).Fields("server_id, port").WhereIn("rental_id", rentals).Scan(&cs); err != nil {
		b.Fatal(err)
	}
	if len(cs) != 3*benchActivations {
		b.Fatalf("%d containers for %d activations", len(cs), benchActivations)
	}
	ports := map[string]bool{}
	for _, c := range cs {
		k := fmt.Sprintf("%d:%d", c.ServerId, c.Port)
		if ports[k] {
			b.Fatalf("duplicate port %s", k)
		}
		ports[k] = true
	}
	n, err := dao.DerpSerials.Ctx(ctx).WhereIn("rental_id", rentals).Where("status", "used").Count()
	if err != nil || n != benchActivations {
		b.Fatalf("%d serials used for %d rentals (%v)", n, benchActivations, err)
	}
	if d, err := dao.DerpSerials.Ctx(ctx).WhereIn("rental_id", rentals).Fields("COUNT(DISTINCT rental_id)").Value(); err != nil ||
		d.Int() != benchActivations {
		b.Fatalf("serials name %v distinct rentals (%v)", d, err)
	}
}

// retire takes a round's servers out of placement, so the next round (and any later test)
// starts from its own.
func retire(b *testing.B, ids []int64) {
	b.Helper()
	if _, err := dao.DerpServers.Ctx(context.Background()).Data(do.DerpServers{State: "removed"}).WhereIn("id", ids).Update(); err != nil {
		b.Fatal(err)
	}
}
