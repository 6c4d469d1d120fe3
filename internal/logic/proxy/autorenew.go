package proxy

import (
	"context"
	"fmt"
	"time"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	v1 "kami/api/proxy/v1"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/logic/job"
	"kami/internal/model"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
	"kami/internal/timefmt"
)

// JobAutoRenew renews instances marked auto-renew a day before they expire (§5).
const JobAutoRenew = "proxy.auto_renew"

func init() {
	job.Register(job.Def{
		Name:            JobAutoRenew,
		Description:     "Renew auto-renew instances one cycle within 24 h of expiry, charged to the owner (once per expiry; no quota: one notice)",
		DefaultSchedule: "@every 30m",
		Run:             func(ctx context.Context) (int, error) { return service.Proxy().AutoRenew(ctx) },
	})
}

// AutoRenewCounts is what one auto_renew run did.
type AutoRenewCounts struct{ Due, Renewed, NoQuota, Failed int }

// AutoRenew runs auto_renew once. Each due instance is first claimed for its expiry with a
// guarded UPDATE (renewed_for := expires_at while it differs), so one expiry is renewed once
// even when runs overlap; the renew is then placed as the owner (it pays, as if it had asked).
// Without quota the claim is given back (a top-up before expiry still renews) and the owner
// gets one notice for that expiry; any other refusal gives the claim back too.
func (s *sProxy) AutoRenew(ctx context.Context) (int, error) {
	var c AutoRenewCounts
	err := s.syncRun(ctx, JobAutoRenew, &c, func(ctx context.Context) error {
		now := s.now()
		cols := dao.ProxyInstance.Columns()
		var rows []entity.ProxyInstance
		if err := dao.ProxyInstance.Ctx(ctx).Where(cols.AutoRenew, 1).WhereNot(cols.Status, instReleased).
			Where(cols.BusyOrderId, 0).WhereGT(cols.ExpiresAt, now).WhereLTE(cols.ExpiresAt, now.Add(24*time.Hour)).
			OrderAsc(cols.Id).Scan(&rows); err != nil {
			return err
		}
		for _, in := range rows {
			if in.RenewedFor != nil && in.RenewedFor.Unix() == in.ExpiresAt.Unix() {
				continue
			}
			c.Due++
			claimed, err := s.claimRenewal(ctx, in)
			if err != nil {
				return err
			}
			if !claimed {
				continue
			}
			switch err := s.renewAsOwner(ctx, in); {
			case err == nil:
				c.Renewed++
			case errs.Is(err, errs.QuotaInsufficient):
				c.NoQuota++
				if err := s.unclaimRenewal(ctx, in); err != nil {
					return err
				}
				if err := s.notifyNoQuota(ctx, in); err != nil {
					return err
				}
			default:
				c.Failed++
				g.Log().Warningf(ctx, "proxy: auto-renew of %s: %v", in.InstanceNo, err)
				if err := s.unclaimRenewal(ctx, in); err != nil {
					return err
				}
			}
		}
		return nil
	})
	return c.Renewed, err
}

func (s *sProxy) claimRenewal(ctx context.Context, in entity.ProxyInstance) (bool, error) {
	cols := dao.ProxyInstance.Columns()
	m := dao.ProxyInstance.Ctx(ctx).Where(cols.Id, in.Id)
	if in.RenewedFor == nil {
		m = m.WhereNull(cols.RenewedFor)
	} else {
		m = m.Where(cols.RenewedFor, in.RenewedFor)
	}
	r, err := m.Data(do.ProxyInstance{RenewedFor: in.ExpiresAt}).Update()
	if err != nil {
		return false, err
	}
	n, _ := r.RowsAffected()
	return n == 1, nil
}

func (s *sProxy) unclaimRenewal(ctx context.Context, in entity.ProxyInstance) error {
	cols := dao.ProxyInstance.Columns()
	d := g.Map{cols.RenewedFor: nil}
	if in.RenewedFor != nil {
		d[cols.RenewedFor] = in.RenewedFor
	}
	_, err := dao.ProxyInstance.Ctx(ctx).Where(cols.Id, in.Id).Where(cols.RenewedFor, in.ExpiresAt).Data(d).Update()
	return err
}

// renewAsOwner places a one-cycle renew with the owner as the caller (and payer).
func (s *sProxy) renewAsOwner(ctx context.Context, in entity.ProxyInstance) error {
	var u *entity.Users
	if err := dao.Users.Ctx(ctx).WherePri(in.AgentId).Scan(&u); err != nil || u == nil {
		return fmt.Errorf("owner %d of %s: %v", in.AgentId, in.InstanceNo, err)
	}
	owner := principal.With(ctx, &principal.Principal{UserID: u.Id, Username: u.Username, Role: u.Role, Path: u.Path})
	_, err := s.RenewInstances(owner, &v1.InstanceRenewReq{InstanceNos: []string{in.InstanceNo}, CycleTimes: 1})
	return err
}

func (s *sProxy) notifyNoQuota(ctx context.Context, in entity.ProxyInstance) error {
	return dao.ProxyInstance.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
		_, err := service.Notify().Send(ctx, model.Notice{
			To: model.Recipients{UserIDs: []int64{in.AgentId}}, Kind: "proxy.expiry", Template: "proxy.autoRenewNoQuota",
			Params:   map[string]any{"instanceNo": in.InstanceNo, "ip": in.Ip, "expiresAt": timefmt.Format(in.ExpiresAt)},
			Ref:      model.Ref{Type: "proxy.instance", ID: in.Id},
			DedupKey: fmt.Sprintf("proxy.auto_renew.no_quota:%s:%d", in.InstanceNo, in.ExpiresAt.Unix()),
		})
		return err
	})
}
