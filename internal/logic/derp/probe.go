package derp

import (
	"context"
	"net"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/logic/derp/host"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
)

// §4/§9: down after 3 failed rounds, healthy after 2 ok; a round is ok at ≥ 50 % of its checks.
const (
	downAfterRounds    = 3
	healthyAfterRounds = 2
	dockerProbeTimeout = 10 * time.Second
	healthHealthy      = "healthy"
	healthDegraded     = "degraded"
)

// check is one probe result.
type check struct {
	cid     int64
	kind    string // https, stun, docker
	ok      bool
	latency time.Duration
	err     string
}

// RunProbes is derp.probe (§9): per running container an HTTPS pin check and a STUN binding
// on its port, per server docker version over SSH; network first, then one transaction per
// server for the raw rows, the hourly aggregate, the streaks and the health.
func (s *sDerp) RunProbes(ctx context.Context) (int, error) {
	srvs, err := hostServers(ctx)
	if err != nil {
		return 0, err
	}
	results := make([][]check, len(srvs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, readoutParallel)
	for i := range srvs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = probeServer(ctx, &srvs[i])
		}(i)
	}
	wg.Wait()
	now := s.now()
	for i := range srvs {
		if err := s.recordRound(ctx, &srvs[i], results[i], now); err != nil {
			return i, err
		}
	}
	return len(srvs), nil
}

func probeServer(ctx context.Context, srv *entity.DerpServers) []check {
	cc := dao.DerpContainers.Columns()
	var cs []entity.DerpContainers
	_ = dao.DerpContainers.Ctx(ctx).Where(cc.ServerId, srv.Id).Where(cc.State, containerRunning).
		Where(cc.Desired, containerRunning).OrderAsc(cc.Id).Scan(&cs)
	p := currentProber()
	var out []check
	for _, c := range cs {
		addr := net.JoinHostPort(srv.PublicIpv4, strconv.Itoa(c.Port))
		d, err := p.HTTPS(ctx, addr, srv.CertPin)
		out = append(out, mkCheck(c.Id, "https", d, err))
		d, err = p.STUN(ctx, addr)
		out = append(out, mkCheck(c.Id, "stun", d, err))
	}
	t, err := srvTarget(srv)
	if err == nil {
		start := time.Now()
		var res host.Result
		res, err = hostRunner().Run(ctx, t, host.Cmd{Argv: host.VersionArgv, Timeout: dockerProbeTimeout})
		if err == nil && res.Exit != 0 {
			err = &host.Error{Kind: host.Retryable, Op: "probe:docker", Msg: "exit " + strconv.Itoa(res.Exit)}
		}
		out = append(out, mkCheck(0, "docker", time.Since(start), err))
	} else {
		out = append(out, mkCheck(0, "docker", 0, err))
	}
	return out
}

func mkCheck(cid int64, kind string, d time.Duration, err error) check {
	c := check{cid: cid, kind: kind, ok: err == nil, latency: d}
	if err != nil {
		c.err, c.latency = clip255(err.Error()), 0
	}
	return c
}

func clip255(s string) string {
	if len(s) > 255 {
		return s[:255]
	}
	return s
}

// recordRound writes one server's round in one transaction.
func (s *sDerp) recordRound(ctx context.Context, srv *entity.DerpServers, checks []check, now time.Time) error {
	oks := 0
	perC := map[int64]bool{}
	var lat []int
	for _, c := range checks {
		if c.ok {
			oks++
			lat = append(lat, int(c.latency/time.Millisecond))
		}
		if c.cid != 0 {
			if prev, seen := perC[c.cid]; !seen || prev {
				perC[c.cid] = c.ok
			}
		}
	}
	roundOK := len(checks) > 0 && oks*2 >= len(checks)
	return dao.DerpProbes.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		at := gtime.NewFromTime(now)
		rows := make([]do.DerpProbes, 0, len(checks))
		for _, c := range checks {
			ok := 0
			if c.ok {
				ok = 1
			}
			rows = append(rows, do.DerpProbes{ServerId: srv.Id, ContainerId: c.cid, Kind: c.kind, Ok: ok,
				LatencyMs: int(c.latency / time.Millisecond), Error: c.err, ProbedAt: at, CreatedAt: at})
		}
		if len(rows) > 0 {
			if _, err := dao.DerpProbes.Ctx(ctx).Data(rows).Insert(); err != nil {
				return err
			}
		}
		if err := containerHealth(ctx, perC, now); err != nil {
			return err
		}
		if err := addProbeHour(ctx, srv.Id, roundOK, now); err != nil {
			return err
		}
		return serverHealth(ctx, srv, roundOK, median(lat), now)
	})
}

// containerHealth keeps down_since: set at a container's first failed round, cleared when ok;
// derp.placement re-places one down ≥ 60 min.
func containerHealth(ctx context.Context, perC map[int64]bool, now time.Time) error {
	cc := dao.DerpContainers.Columns()
	for cid, ok := range perC {
		var err error
		if ok {
			_, err = dao.DerpContainers.Ctx(ctx).Data(map[string]any{cc.ProbeOk: 1, cc.DownSince: nil}).WherePri(cid).Update()
		} else {
			if _, err = dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{ProbeOk: 0}).WherePri(cid).Update(); err == nil {
				_, err = dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{DownSince: gtime.NewFromTime(now)}).WherePri(cid).
					WhereNull(cc.DownSince).Update()
			}
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// addProbeHour keeps the server's hourly aggregate: rounds, ok rounds, p50/p95/max over the
// hour's successful raw latencies.
func addProbeHour(ctx context.Context, serverID int64, ok bool, now time.Time) error {
	hour := now.Truncate(time.Hour)
	pc, hc := dao.DerpProbes.Columns(), dao.DerpProbesHourly.Columns()
	vals, err := dao.DerpProbes.Ctx(ctx).Fields(pc.LatencyMs).Where(pc.ServerId, serverID).Where(pc.Ok, 1).
		WhereGTE(pc.ProbedAt, gtime.NewFromTime(hour)).WhereLT(pc.ProbedAt, gtime.NewFromTime(hour.Add(time.Hour))).Array()
	if err != nil && !dbx.IsNoRows(err) {
		return err
	}
	ms := make([]int, 0, len(vals))
	for _, v := range vals {
		ms = append(ms, v.Int())
	}
	sort.Ints(ms)
	p50, p95, mx := pct(ms, 50), pct(ms, 95), pct(ms, 100)
	okN := int64(0)
	if ok {
		okN = 1
	}
	n, err := dao.DerpProbesHourly.Ctx(ctx).Data(map[string]any{hc.Rounds: gdbInc(hc.Rounds, 1),
		hc.OkRounds: gdbInc(hc.OkRounds, okN), hc.P50Ms: p50, hc.P95Ms: p95, hc.MaxMs: mx}).Where(hc.ServerId, serverID).
		Where(hc.ContainerId, 0).Where(hc.BucketTs, gtime.NewFromTime(hour)).UpdateAndGetAffected()
	if err != nil || n == 1 {
		return err
	}
	_, err = dao.DerpProbesHourly.Ctx(ctx).Data(do.DerpProbesHourly{ServerId: serverID, ContainerId: 0,
		BucketTs: gtime.NewFromTime(hour), Rounds: 1, OkRounds: okN, P50Ms: p50, P95Ms: p95, MaxMs: mx,
		CreatedAt: gtime.NewFromTime(now)}).Insert()
	return err
}

// pct is the nearest-rank percentile of sorted ms (0 when empty).
func pct(ms []int, p int) int {
	if len(ms) == 0 {
		return 0
	}
	i := (p*len(ms)+99)/100 - 1
	return ms[min(max(i, 0), len(ms)-1)]
}

func median(ms []int) int {
	sort.Ints(ms)
	return pct(ms, 50)
}

// serverHealth moves the streaks and the health (§4); turning down raises an alert for S.
func serverHealth(ctx context.Context, srv *entity.DerpServers, ok bool, latencyMs int, now time.Time) error {
	okS, failS, health := srv.OkStreak, srv.FailStreak, srv.Health
	if ok {
		okS, failS = okS+1, 0
		if okS >= healthyAfterRounds {
			health = healthHealthy
		}
	} else {
		okS, failS = 0, failS+1
		switch {
		case failS >= downAfterRounds:
			health = healthDown
		case health == healthHealthy || health == "unknown":
			health = healthDegraded
		}
	}
	sc := dao.DerpServers.Columns()
	data := map[string]any{sc.OkStreak: okS, sc.FailStreak: failS, sc.Health: health}
	if ok {
		data[sc.LastLatencyMs] = latencyMs
	}
	if _, err := dao.DerpServers.Ctx(ctx).Data(data).WherePri(srv.Id).Update(); err != nil {
		return err
	}
	if health == healthDown && srv.Health != healthDown {
		return raiseAlert(ctx, "server_down", "critical", srv.Id, 0, 0, "3 failed probe rounds",
			"server_down:"+strconv.FormatInt(srv.Id, 10)+":"+strconv.FormatInt(now.Unix(), 10), now)
	}
	return nil
}
