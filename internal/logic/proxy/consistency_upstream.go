package proxy

import (
	"context"
	"fmt"
	"time"

	"kami/internal/dao"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/timefmt"
	"kami/utility/dbx"
)

// Finding kinds of the instance and limit rules.
const (
	kindInstanceDrift    = "instance_drift"    // status, expiry or endpoint differed: written (fixed)
	kindInstanceUpstream = "instance_upstream" // live upstream, unknown here: needs a decision
	kindInstanceLocal    = "instance_local"    // live here, absent upstream: needs a decision
	kindLimitDrift       = "limit_drift"       // the upstream's limit differed: re-pushed (fixed)
)

const instClosed = 10

type instanceCounts struct {
	Instances      int `json:"instances"`
	InstancesFixed int `json:"instancesFixed"`
	LimitsChecked  int `json:"limitsChecked"`
	LimitsRepushed int `json:"limitsRepushed"`
	LimitErrors    int `json:"limitErrors"`
}

func runDay(at time.Time) string { return at.In(timefmt.Zone()).Format(time.DateOnly) }

// checkInstances walks instance/list/v2: a known instance that drifted is written (as
// instance_sync does); a live one unknown here, or a live local one the complete list lacks,
// is a needs_decision finding: which side is right (and who pays) is the super-admin's call.
func (s *sProxy) checkInstances(ctx context.Context, up upstream, runAt time.Time, c *consistencyCounts) error {
	seen := map[string]bool{}
	complete := false
	for page := 1; page <= maxSyncPages; page++ {
		pg, err := up.InstanceList(ctx, page, 100)
		if err != nil {
			return upstreamErr(err)
		}
		for _, in := range pg.List {
			seen[in.InstanceNo] = true
			c.Instances++
			changed, known, err := s.followInstance(ctx, in.InstanceNo, in.Status, in.UserExpired, in.IP, in.Port)
			if err != nil {
				return err
			}
			switch {
			case !known && in.Status != instClosed && in.Status != instReleased:
				err = s.finding(ctx, kindInstanceUpstream, in.InstanceNo, discDecision, map[string]any{
					"productNo": in.ProductNo, "ip": in.IP, "status": in.Status, "userExpired": in.UserExpired}, c)
			case changed:
				c.InstancesFixed++
				err = s.finding(ctx, kindInstanceDrift, in.InstanceNo+"@"+runDay(runAt), discFixed, map[string]any{
					"status": in.Status, "userExpired": in.UserExpired, "ip": in.IP, "port": in.Port}, c)
			}
			if err != nil {
				return err
			}
		}
		if len(pg.List) < 100 || page*100 >= pg.Total {
			complete = true
			break
		}
	}
	if !complete {
		return nil // a cut list proves nothing about what it lacks
	}
	cols := dao.ProxyInstance.Columns()
	for after := int64(0); ; {
		var rows []entity.ProxyInstance
		if err := dao.ProxyInstance.Ctx(ctx).Fields(cols.Id, cols.InstanceNo, cols.AgentId, cols.ProductNo).
			WhereGT(cols.Id, after).WhereNotIn(cols.Status, []int{instClosed, instReleased}).
			OrderAsc(cols.Id).Limit(ledgerBatch).Scan(&rows); err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		after = rows[len(rows)-1].Id
		for _, r := range rows {
			if seen[r.InstanceNo] {
				continue
			}
			if err := s.finding(ctx, kindInstanceLocal, r.InstanceNo, discDecision, map[string]any{
				"agent": r.AgentId, "productNo": r.ProductNo}, c); err != nil {
				return err
			}
		}
	}
}

// checkLimits compares every pushed limit with proxy/user/info/v2; a difference marks it
// unpushed and pushes it again at once (proxy.limit_push retries a failure). A read that fails
// is counted and skipped: it proves no drift.
func (s *sProxy) checkLimits(ctx context.Context, up upstream, runAt time.Time, c *consistencyCounts) error {
	cols := dao.ProxyUserLimit.Columns()
	names := map[int64]string{}
	for after := int64(0); ; {
		var rows []entity.ProxyUserLimit
		if err := dao.ProxyUserLimit.Ctx(ctx).Where(cols.Pushed, 1).WhereGT(cols.Id, after).
			OrderAsc(cols.Id).Limit(ledgerBatch).Scan(&rows); err != nil {
			return err
		}
		if len(rows) == 0 {
			return nil
		}
		after = rows[len(rows)-1].Id
		for _, l := range rows {
			name, ok := names[l.UserId]
			if !ok {
				var u entity.ProxyUser
				if err := dao.ProxyUser.Ctx(ctx).Fields(dao.ProxyUser.Columns().AppUsername).WherePri(l.UserId).Scan(&u); err != nil && !dbx.IsNoRows(err) {
					return err
				}
				name, names[l.UserId] = u.AppUsername, u.AppUsername
			}
			if name == "" {
				continue // a limit without its user: nothing upstream to compare
			}
			c.LimitsChecked++
			uf, err := up.UserInfo(ctx, l.ProductNo, name)
			if err != nil {
				c.LimitErrors++
				continue
			}
			if uf.LimitFlow == l.LimitBytes {
				continue
			}
			r, err := dao.ProxyUserLimit.Ctx(ctx).Where(cols.Id, l.Id).Where(cols.LimitBytes, l.LimitBytes).
				Where(cols.Pushed, 1).Data(do.ProxyUserLimit{Pushed: 0}).Update()
			if err != nil {
				return err
			}
			if n, _ := r.RowsAffected(); n != 1 {
				continue // edited meanwhile: that edit's own push decides
			}
			if _, err := s.pushLimit(ctx, l.UserId, l.ProductNo); err != nil {
				return err
			}
			c.LimitsRepushed++
			if err := s.finding(ctx, kindLimitDrift, fmt.Sprintf("%d/%s@%s", l.UserId, l.ProductNo, runDay(runAt)),
				discFixed, map[string]any{"local": l.LimitBytes, "upstream": uf.LimitFlow}, c); err != nil {
				return err
			}
		}
	}
}
