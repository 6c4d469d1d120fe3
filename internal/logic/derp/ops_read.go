package derp

import (
	"context"
	"sort"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	v1 "kami/api/derp/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/listq"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

const defaultSeriesWindow = 7 * 24 * time.Hour

var (
	ctrSorts   = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.DerpContainers.Columns().Id)})
	opSorts    = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.DerpHostOps.Columns().Id)})
	alertSorts = listq.NewSorts("id", map[string]listq.Field{"id": listq.Ordinal(dao.DerpAlerts.Columns().Id)})
)

// ServerRegions sums servers, containers, customers and load per region (§5), S only.
func (s *sDerp) ServerRegions(ctx context.Context, _ *v1.ServerRegionsReq) (*v1.ServerRegionsRes, error) {
	sc := dao.DerpServers.Columns()
	var srvs []entity.DerpServers
	if err := dao.DerpServers.Ctx(ctx).WhereNot(sc.State, srvRemoved).OrderAsc(sc.Region).Scan(&srvs); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	ids := make([]int64, len(srvs))
	for i := range srvs {
		ids[i] = srvs[i].Id
	}
	perSrv, err := srvCustomerCounts(ctx, ids)
	if err != nil {
		return nil, err
	}
	byRegion := map[string]*v1.RegionItem{}
	out := &v1.ServerRegionsRes{Items: []v1.RegionItem{}}
	var order []string
	for _, srv := range srvs {
		it := byRegion[srv.Region]
		if it == nil {
			it = &v1.RegionItem{Region: srv.Region, RegionName: srv.RegionName}
			byRegion[srv.Region] = it
			order = append(order, srv.Region)
		}
		it.Servers++
		it.Containers += srv.ContainerCount
		it.MaxContainers += srv.MaxContainers
		it.Customers += perSrv[srv.Id]
		it.RateBps += srv.RateBps
		if srv.Health == healthHealthy {
			it.HealthyServers++
		}
	}
	for _, r := range order {
		it := byRegion[r]
		if it.MaxContainers > 0 {
			it.LoadBps = it.Containers * 1000 / it.MaxContainers
		}
		out.Items = append(out.Items, *it)
	}
	return out, nil
}

// window reads from/to (RFC 3339), defaulting to the last def.
func (s *sDerp) window(from, to string, def time.Duration) (time.Time, time.Time, error) {
	t := s.now().Add(time.Second) // the bound is exclusive: what happened this second is in
	f := t.Add(-def)
	if p, err := timefmt.Parse(from); err != nil {
		return f, t, errs.TimeInvalid.New("from")
	} else if p != nil {
		f = p.Time
	}
	if p, err := timefmt.Parse(to); err != nil {
		return f, t, errs.TimeInvalid.New("to")
	} else if p != nil {
		t = p.Time
	}
	return f, t, nil
}

// ServerProbes answers a host's probe rows (raw) or its hourly aggregate.
func (s *sDerp) ServerProbes(ctx context.Context, req *v1.ServerProbesReq) (*v1.ServerProbesRes, error) {
	if _, err := srvByID(ctx, req.Id); err != nil {
		return nil, err
	}
	from, to, err := s.window(req.From, req.To, 24*time.Hour)
	if err != nil {
		return nil, err
	}
	out := &v1.ServerProbesRes{Items: []v1.ProbeItem{}}
	if req.Step == "hour" {
		hc := dao.DerpProbesHourly.Columns()
		var rows []entity.DerpProbesHourly
		if err := dao.DerpProbesHourly.Ctx(ctx).Where(hc.ServerId, req.Id).WhereGTE(hc.BucketTs, gtime.NewFromTime(from)).
			WhereLT(hc.BucketTs, gtime.NewFromTime(to)).OrderAsc(hc.BucketTs).Limit(24 * 31).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
			return nil, err
		}
		for _, r := range rows {
			out.Items = append(out.Items, v1.ProbeItem{T: timefmt.Format(r.BucketTs), ContainerId: r.ContainerId, Kind: "round",
				Ok: r.OkRounds*2 >= r.Rounds, Rounds: r.Rounds, OkRounds: r.OkRounds, P50Ms: r.P50Ms, P95Ms: r.P95Ms, MaxMs: r.MaxMs})
		}
		return out, nil
	}
	pc := dao.DerpProbes.Columns()
	var rows []entity.DerpProbes
	if err := dao.DerpProbes.Ctx(ctx).Where(pc.ServerId, req.Id).WhereGTE(pc.ProbedAt, gtime.NewFromTime(from)).
		WhereLT(pc.ProbedAt, gtime.NewFromTime(to)).OrderDesc(pc.Id).Limit(1000).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, r := range rows {
		out.Items = append(out.Items, v1.ProbeItem{T: timefmt.Format(r.ProbedAt), ContainerId: r.ContainerId, Kind: r.Kind,
			Ok: r.Ok == 1, LatencyMs: r.LatencyMs, Error: r.Error})
	}
	return out, nil
}

// ServerContainers lists a host's containers.
func (s *sDerp) ServerContainers(ctx context.Context, req *v1.ServerContainersReq) (*v1.ServerContainersRes, error) {
	if _, err := srvByID(ctx, req.Id); err != nil {
		return nil, err
	}
	cc := dao.DerpContainers.Columns()
	m := dao.DerpContainers.Ctx(ctx).Where(cc.ServerId, req.Id)
	if req.State != "" {
		m = m.Where(cc.State, req.State)
	}
	rows, total, err := listq.Page[entity.DerpContainers](m, req.PageReq, ctrSorts)
	if err != nil {
		return nil, err
	}
	nos := map[int64]string{}
	for _, c := range rows {
		if _, ok := nos[c.RentalId]; !ok {
			if r, err := rentalByID(ctx, c.RentalId); err == nil {
				nos[c.RentalId] = r.RentalNo
			}
		}
	}
	out := &v1.ServerContainersRes{Items: make([]v1.ContainerItem, 0, len(rows)), Total: total}
	for _, c := range rows {
		out.Items = append(out.Items, v1.ContainerItem{Id: c.Id, RentalId: c.RentalId, RentalNo: nos[c.RentalId],
			ServerId: c.ServerId, HaIndex: c.HaIndex, Port: c.Port, Desired: c.Desired, State: c.State, LastError: c.LastError,
			RxBytes: c.RxTotal, TxBytes: c.TxTotal, RateBps: c.RateBps, ProbeOk: c.ProbeOk == 1, LatencyMs: c.LatencyMs,
			DownSince: timefmt.Format(c.DownSince), CreatedAt: timefmt.Format(c.CreatedAt), UpdatedAt: timefmt.Format(c.UpdatedAt),
			SpecHash: c.SpecHash, TokenGen: c.TokenGen, OpGen: c.OpGen, CounterFrom: c.CounterStartedAt})
	}
	return out, nil
}

// ContainerTraffic is one container's series (S).
func (s *sDerp) ContainerTraffic(ctx context.Context, req *v1.ContainerTrafficReq) (*v1.ContainerTrafficRes, error) {
	var c *entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).WherePri(req.Id).Scan(&c); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if c == nil {
		return nil, errs.NotFound.New()
	}
	items, err := s.series(ctx, dao.DerpTrafficHourly.Columns().ContainerId, c.Id, req.From, req.To, req.Step)
	if err != nil {
		return nil, err
	}
	return &v1.ContainerTrafficRes{Items: items}, nil
}

// MeRentalTraffic is the caller's rental series over all its containers (§5); another
// customer's rental is 404.
func (s *sDerp) MeRentalTraffic(ctx context.Context, req *v1.MeRentalTrafficReq) (*v1.MeRentalTrafficRes, error) {
	r, err := myRental(ctx, req.Id)
	if err != nil {
		return nil, err
	}
	items, err := s.series(ctx, dao.DerpTrafficHourly.Columns().RentalId, r.Id, req.From, req.To, req.Step)
	if err != nil {
		return nil, err
	}
	return &v1.MeRentalTrafficRes{Items: items}, nil
}

// series sums the hourly rows matching col=id per hour or per day (kami.timeZone days); the
// peak is the highest 5-minute rate inside the step.
func (s *sDerp) series(ctx context.Context, col string, id int64, fromS, toS, step string) ([]v1.TrafficPoint, error) {
	from, to, err := s.window(fromS, toS, defaultSeriesWindow)
	if err != nil {
		return nil, err
	}
	hc := dao.DerpTrafficHourly.Columns()
	var rows []entity.DerpTrafficHourly
	if err := dao.DerpTrafficHourly.Ctx(ctx).Where(col, id).WhereGTE(hc.BucketTs, gtime.NewFromTime(from.Truncate(time.Hour))).
		WhereLT(hc.BucketTs, gtime.NewFromTime(to)).Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	sums := map[int64]*v1.TrafficPoint{}
	for _, r := range rows {
		t := r.BucketTs.Time
		if step == "day" {
			l := t.In(timefmt.Zone())
			t = time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, l.Location())
		}
		p := sums[t.Unix()]
		if p == nil {
			p = &v1.TrafficPoint{T: timefmt.Time(t)}
			sums[t.Unix()] = p
		}
		p.RxBytes += r.RxBytes
		p.TxBytes += r.TxBytes
		p.PeakBps = max(p.PeakBps, r.PeakBps)
	}
	keys := make([]int64, 0, len(sums))
	for k := range sums {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	out := make([]v1.TrafficPoint, 0, len(keys))
	for _, k := range keys {
		out = append(out, *sums[k])
	}
	return out, nil
}

// HostOpList lists host ops, newest first.
func (s *sDerp) HostOpList(ctx context.Context, req *v1.HostOpListReq) (*v1.HostOpListRes, error) {
	oc := dao.DerpHostOps.Columns()
	m := dao.DerpHostOps.Ctx(ctx)
	if req.ServerId > 0 {
		m = m.Where(oc.ServerId, req.ServerId)
	}
	if req.ContainerId > 0 {
		m = m.Where(oc.ContainerId, req.ContainerId)
	}
	if req.Op != "" {
		m = m.Where(oc.Op, req.Op)
	}
	if req.State != "" {
		m = m.Where(oc.State, req.State)
	}
	rows, total, err := listq.Page[entity.DerpHostOps](m, req.PageReq, opSorts)
	if err != nil {
		return nil, err
	}
	out := &v1.HostOpListRes{Items: make([]v1.HostOpItem, 0, len(rows)), Total: total}
	for i := range rows {
		out.Items = append(out.Items, hostOpItem(&rows[i]))
	}
	return out, nil
}

// AlertList lists alerts, newest first.
func (s *sDerp) AlertList(ctx context.Context, req *v1.AlertListReq) (*v1.AlertListRes, error) {
	ac := dao.DerpAlerts.Columns()
	m := dao.DerpAlerts.Ctx(ctx)
	if req.State != "" {
		m = m.Where(ac.State, req.State)
	}
	if req.Kind != "" {
		m = m.Where(ac.Kind, req.Kind)
	}
	if req.ServerId > 0 {
		m = m.Where(ac.ServerId, req.ServerId)
	}
	rows, total, err := listq.Page[entity.DerpAlerts](m, req.PageReq, alertSorts)
	if err != nil {
		return nil, err
	}
	out := &v1.AlertListRes{Items: make([]v1.AlertItem, 0, len(rows)), Total: total}
	for i := range rows {
		out.Items = append(out.Items, alertItem(&rows[i]))
	}
	return out, nil
}

func alertItem(a *entity.DerpAlerts) v1.AlertItem {
	return v1.AlertItem{Id: a.Id, Kind: a.Kind, Severity: a.Severity, ServerId: a.ServerId, ContainerId: a.ContainerId,
		RentalId: a.RentalId, Message: a.Message, State: a.State, AckedBy: a.AckedBy, AckedAt: timefmt.Format(a.AckedAt),
		CreatedAt: timefmt.Format(a.CreatedAt)}
}
