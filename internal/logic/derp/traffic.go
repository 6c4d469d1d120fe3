package derp

import (
	"context"
	"fmt"
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

const (
	trafficBucket = 5 * time.Minute
	// rateHighRounds is §9's "rate above threshold for 3 samples".
	rateHighRounds = 3
	keyRateHighBps = "derp.traffic.rateHighBps"
	// readoutParallel bounds how many servers are read at once (one exec each).
	readoutParallel = 8
)

// RunTraffic is derp.traffic (§9): one readout exec per server, then one short transaction per
// container. The sample's primary key (container, 5-min bucket) is inserted first and totals
// move only when it took effect, so a second run in the same bucket counts nothing twice; its
// counters stay unread and the next bucket's delta carries them.
func (s *sDerp) RunTraffic(ctx context.Context) (int, error) {
	now := s.now()
	srvs, err := hostServers(ctx)
	if err != nil {
		return 0, err
	}
	outs := make([]*host.Readout, len(srvs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, readoutParallel)
	for i := range srvs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			t, err := srvTarget(&srvs[i])
			if err != nil {
				return
			}
			if r, err := (host.Docker{Runner: hostRunner()}).Readout(ctx, t, srvs[i].HostIface); err == nil {
				outs[i] = &r
			}
		}(i)
	}
	wg.Wait()
	done := 0
	for i := range srvs {
		if outs[i] == nil {
			continue
		}
		n, err := s.applyReadout(ctx, &srvs[i], outs[i], now)
		done += n
		if err != nil {
			return done, err
		}
	}
	return done, nil
}

// hostServers are the servers whose hosts are prepared and not retired.
func hostServers(ctx context.Context) ([]entity.DerpServers, error) {
	cols := dao.DerpServers.Columns()
	var out []entity.DerpServers
	err := dao.DerpServers.Ctx(ctx).WhereNot(cols.State, srvRemoved).Where(cols.HostState, "ready").
		OrderAsc(cols.Id).Scan(&out)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	return out, nil
}

// delta is §9's rule: cur − last, or cur after a restart (startedAt changed) or a counter that
// went down.
func delta(cur, last int64, restarted bool) int64 {
	if restarted || cur < last {
		return cur
	}
	return cur - last
}

func (s *sDerp) applyReadout(ctx context.Context, srv *entity.DerpServers, r *host.Readout, now time.Time) (int, error) {
	bucket := now.Truncate(trafficBucket)
	cc := dao.DerpContainers.Columns()
	var rows []entity.DerpContainers
	if err := dao.DerpContainers.Ctx(ctx).Where(cc.ServerId, srv.Id).WhereNotIn(cc.State, []string{"removed", "abandoned"}).
		Scan(&rows); err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	byID := make(map[int64]*entity.DerpContainers, len(rows))
	for i := range rows {
		byID[rows[i].Id] = &rows[i]
	}
	near, err := nearQuota(ctx, rows)
	if err != nil {
		return 0, err
	}
	done := 0
	for _, cur := range r.Containers {
		c := byID[cur.CID]
		if c == nil {
			continue
		}
		ok, err := s.applyContainer(ctx, srv, c, cur, bucket, now, near[c.RentalId])
		if err != nil {
			return done, err
		}
		if ok {
			done++
		}
	}
	if r.Host != nil {
		if err := s.applyHost(ctx, srv, r.Host, bucket, now); err != nil {
			return done, err
		}
	}
	return done, nil
}

// applyContainer books one container's delta in one transaction (sample first).
func (s *sDerp) applyContainer(ctx context.Context, srv *entity.DerpServers, c *entity.DerpContainers,
	cur host.ContainerCounters, bucket, now time.Time, left *int64) (bool, error) {
	restarted := c.CounterStartedAt != cur.StartedAt
	rx, tx := delta(cur.Rx, c.RxLast, restarted), delta(cur.Tx, c.TxLast, restarted)
	secs := int64(trafficBucket / time.Second)
	rate := (rx + tx) * 8 / secs
	booked, suspended := false, false
	err := dao.DerpContainers.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		_, err := dao.DerpTrafficSamples.Ctx(ctx).Data(do.DerpTrafficSamples{ContainerId: c.Id,
			BucketTs: gtime.NewFromTime(bucket), RxBytes: rx, TxBytes: tx, RateBps: rate, CreatedAt: gtime.NewFromTime(now)}).Insert()
		if dbx.IsUniqueViolation(err) {
			return errRaced // this bucket is booked: nothing moves
		}
		if err != nil {
			return err
		}
		cc := dao.DerpContainers.Columns()
		streak := 0
		if limit := svcInt(keyRateHighBps); limit > 0 && rate > limit {
			streak = c.RateHighStreak + 1
		}
		// The sample's key is the guard: one booking per container and bucket. (No affected-rows
		// check here: MySQL counts an UPDATE that changes nothing as 0 rows.)
		if _, err = dao.DerpContainers.Ctx(ctx).Data(map[string]any{cc.RxLast: cur.Rx, cc.TxLast: cur.Tx,
			cc.CounterStartedAt: cur.StartedAt, cc.RxTotal: gdbInc(cc.RxTotal, rx), cc.TxTotal: gdbInc(cc.TxTotal, tx),
			cc.RateBps: rate, cc.RateHighStreak: streak}).WherePri(c.Id).Update(); err != nil {
			return err
		}
		if err = addHourly(ctx, c, bucket, rx, tx, rate); err != nil {
			return err
		}
		if streak == rateHighRounds {
			if err = raiseAlert(ctx, "rate_high", "warning", srv.Id, c.Id, c.RentalId,
				"rate "+strconv.FormatInt(rate, 10)+" bps", "rate_high:"+strconv.FormatInt(c.Id, 10)+":"+bucket.Format(time.RFC3339), now); err != nil {
				return err
			}
		}
		booked = true
		suspended, err = s.addRentalTraffic(ctx, c.RentalId, tx, left != nil && tx >= *left)
		return err
	})
	if err == errRaced {
		return false, nil
	}
	if err == nil && suspended {
		s.invalidateAdmission(ctx, c.RentalId)
	}
	return booked, err
}

func addHourly(ctx context.Context, c *entity.DerpContainers, bucket time.Time, rx, tx, rate int64) error {
	hc := dao.DerpTrafficHourly.Columns()
	hour := gtime.NewFromTime(bucket.Truncate(time.Hour))
	// Insert first, add on a duplicate: an UPDATE's affected count cannot tell "no row" from
	// "no change" on MySQL.
	_, err := dao.DerpTrafficHourly.Ctx(ctx).Data(do.DerpTrafficHourly{ContainerId: c.Id, BucketTs: hour, RentalId: c.RentalId,
		RxBytes: rx, TxBytes: tx, PeakBps: rate}).Insert()
	if !dbx.IsUniqueViolation(err) {
		return err
	}
	_, err = dao.DerpTrafficHourly.Ctx(ctx).Data(map[string]any{hc.RxBytes: gdbInc(hc.RxBytes, rx),
		hc.TxBytes: gdbInc(hc.TxBytes, tx), hc.PeakBps: gdbMax(hc.PeakBps, rate)}).Where(hc.ContainerId, c.Id).
		Where(hc.BucketTs, hour).Update()
	return err
}

// addRentalTraffic counts tx bytes on the rental (§9); past its quota an active rental is
// suspended (traffic), its containers stop and the owner is told; crossing 80 % of the quota
// sends the traffic_80 notice once per term. It answers whether it suspended the rental, so the
// caller invalidates admission after the commit.
// mayCross says the job's snapshot (nearQuota) puts this delta at or past the quota; only then
// is the guarded suspend UPDATE issued, which stays the real check.
func (s *sDerp) addRentalTraffic(ctx context.Context, rentalID, tx int64, mayCross bool) (bool, error) {
	if tx == 0 {
		return false, nil
	}
	rc := dao.DerpRentals.Columns()
	if _, err := dao.DerpRentals.Ctx(ctx).Data(map[string]any{rc.TrafficUsedBytes: gdbInc(rc.TrafficUsedBytes, tx)}).
		WherePri(rentalID).Update(); err != nil {
		return false, err
	}
	if err := s.noticeTraffic80(ctx, rentalID, tx); err != nil {
		return false, err
	}
	if !mayCross {
		return false, nil
	}
	n, err := dao.DerpRentals.Ctx(ctx).Data(do.DerpRentals{State: rentalSuspended, SuspendReason: suspendTraffic}).
		WherePri(rentalID).Where(rc.State, rentalActive).WhereGT(rc.TrafficQuotaBytes, 0).
		Where(rc.TrafficUsedBytes + " >= " + rc.TrafficQuotaBytes).UpdateAndGetAffected()
	if err != nil || n != 1 {
		return false, err
	}
	if err = setDesired(ctx, rentalID, rentalSuspended); err != nil {
		return false, err
	}
	_, err = s.notice(ctx, nil, toRental(rentalID), "suspended", map[string]any{"reason": suspendTraffic},
		fmt.Sprintf("suspended:%d:%s:%d", rentalID, suspendTraffic, s.now().Unix()))
	return err == nil, err
}

// noticeTraffic80 sends traffic_80 when this delta took the rental's term traffic across 80 %
// of its quota; the key (rental, expiry) makes it once per term.
func (s *sDerp) noticeTraffic80(ctx context.Context, rentalID, tx int64) error {
	r, err := rentalByID(ctx, rentalID)
	if err != nil || r.TrafficQuotaBytes <= 0 || r.ExpiresAt == nil {
		return err
	}
	mark := r.TrafficQuotaBytes / 10 * 8
	if r.TrafficUsedBytes < mark || r.TrafficUsedBytes-tx >= mark {
		return nil
	}
	_, err = s.notice(ctx, nil, toRental(rentalID), "traffic_80",
		map[string]any{"usedBytes": r.TrafficUsedBytes, "quotaBytes": r.TrafficQuotaBytes},
		fmt.Sprintf("traffic_80:%d:%d", rentalID, r.ExpiresAt.Unix()))
	return err
}

// applyHost books the host interface's tx delta into the server's month (§9: what the cloud
// bills is egress) and moves a server at or over its month quota to over_quota.
func (s *sDerp) applyHost(ctx context.Context, srv *entity.DerpServers, h *host.Counters, bucket, now time.Time) error {
	tx := delta(h.Tx, srv.HostTxLast, false)
	if srv.HostRxLast == 0 && srv.HostTxLast == 0 {
		tx = 0 // the first readout is the baseline: the host's uptime bytes are not this month's
	}
	label := billingLabel(now, srv.BillingDay)
	return dao.DerpServers.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		// The host's row in the samples: container_id = −server_id keeps one per bucket too.
		_, err := dao.DerpTrafficSamples.Ctx(ctx).Data(do.DerpTrafficSamples{ContainerId: -srv.Id,
			BucketTs: gtime.NewFromTime(bucket), RxBytes: max(delta(h.Rx, srv.HostRxLast, false), 0), TxBytes: tx,
			CreatedAt: gtime.NewFromTime(now)}).Insert()
		if dbx.IsUniqueViolation(err) {
			return nil
		}
		if err != nil {
			return err
		}
		if err = startMonth(ctx, srv.Id, label, now); err != nil {
			return err
		}
		sc, mc := dao.DerpServers.Columns(), dao.DerpServerMonths.Columns()
		if _, err = dao.DerpServers.Ctx(ctx).Data(map[string]any{sc.HostRxLast: h.Rx, sc.HostTxLast: h.Tx,
			sc.MonthUsedBytes: gdbInc(sc.MonthUsedBytes, tx), sc.TotalUsedBytes: gdbInc(sc.TotalUsedBytes, tx)}).
			WherePri(srv.Id).Update(); err != nil {
			return err
		}
		if _, err = dao.DerpServerMonths.Ctx(ctx).Data(map[string]any{mc.UsedBytes: gdbInc(mc.UsedBytes, tx)}).
			Where(mc.ServerId, srv.Id).Where(mc.Month, label).Update(); err != nil {
			return err
		}
		return overQuota(ctx, srv.Id, now)
	})
}

// overQuota moves the server to over_quota once its month is used up (§9): its containers
// stop, the rentals' other regions serve on, S gets an alert; nothing is re-placed.
func overQuota(ctx context.Context, serverID int64, now time.Time) error {
	sc := dao.DerpServers.Columns()
	n, err := dao.DerpServers.Ctx(ctx).Data(do.DerpServers{State: srvOverQuota}).WherePri(serverID).
		WhereIn(sc.State, []string{srvActive, srvDraining}).WhereGT(sc.MonthlyQuotaBytes, 0).
		Where(sc.MonthUsedBytes + " >= " + sc.MonthlyQuotaBytes).UpdateAndGetAffected()
	if err != nil || n != 1 {
		return err
	}
	ids, err := serverLiveContainers(ctx, serverID)
	if err != nil {
		return err
	}
	cc := dao.DerpContainers.Columns()
	if len(ids) > 0 {
		if _, err = dao.DerpContainers.Ctx(ctx).Data(do.DerpContainers{Desired: containerStopped}).WhereIn(cc.Id, ids).
			Where(cc.Desired, containerRunning).Update(); err != nil {
			return err
		}
		if err = queueConverge(ctx, ids); err != nil {
			return err
		}
	}
	return raiseAlert(ctx, "server_over_quota", "critical", serverID, 0, 0, "monthly traffic quota used up",
		"server_over_quota:"+strconv.FormatInt(serverID, 10)+":"+now.Format("2006-01-02"), now)
}

func serverLiveContainers(ctx context.Context, serverID int64) ([]int64, error) {
	cc := dao.DerpContainers.Columns()
	vals, err := dao.DerpContainers.Ctx(ctx).Fields(cc.Id).Where(cc.ServerId, serverID).
		WhereNotIn(cc.State, []string{"removed", "abandoned", "failed"}).WhereNot(cc.Desired, "removed").Array()
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	ids := make([]int64, 0, len(vals))
	for _, v := range vals {
		ids = append(ids, v.Int64())
	}
	return ids, nil
}

// nearQuota reads, in one query, what the active rentals with a quota among the server's
// containers have left (one container per rental per server, and one traffic run at a time,
// so the snapshot holds for this server's pass).
func nearQuota(ctx context.Context, cs []entity.DerpContainers) (map[int64]*int64, error) {
	out := map[int64]*int64{}
	if len(cs) == 0 {
		return out, nil
	}
	ids := make([]int64, 0, len(cs))
	for _, c := range cs {
		ids = append(ids, c.RentalId)
	}
	rc := dao.DerpRentals.Columns()
	var rs []entity.DerpRentals
	if err := dao.DerpRentals.Ctx(ctx).Fields(rc.Id, rc.TrafficQuotaBytes, rc.TrafficUsedBytes).WhereIn(rc.Id, ids).
		Where(rc.State, rentalActive).WhereGT(rc.TrafficQuotaBytes, 0).Scan(&rs); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	for _, r := range rs {
		left := r.TrafficQuotaBytes - r.TrafficUsedBytes
		out[r.Id] = &left
	}
	return out, nil
}
