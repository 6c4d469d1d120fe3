package authorization

import (
	"context"
	"strconv"

	"github.com/gogf/gf/v2/database/gdb"
	"github.com/gogf/gf/v2/frame/g"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/logic/project"
	"kami/internal/model/entity"
	"kami/internal/service"
	"kami/utility/dbx"
)

// ExpireJob ends authorizations at their end time and warns their holders before.
const ExpireJob = "authorization.expire"

// expireBatch bounds the rows one pass handles; a run loops until none is left.
const expireBatch = 200

func init() {
	job.Register(job.Def{
		Name:            ExpireJob,
		Description:     "End authorizations whose end time passed and tell their holders; warn those ending soon (projects.authorizationWarning)",
		DefaultSchedule: "@every 1m",
		Run:             func(ctx context.Context) (int, error) { return service.Authorization().Expire(ctx) },
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// Expire is one run of the job: every authorization in force whose end is within the warning
// window gets its "ends soon" notice once (warned_at, and a dedup key per end), and every one
// whose end passed is marked expired (its active_key freed) and its holder told. Each row is
// one transaction with its notice, claimed by a conditional UPDATE, so two nodes or a retried
// run never tell twice. It answers how many rows it changed.
func (s *sAuthorization) Expire(ctx context.Context) (int, error) {
	warned, err := s.warnSoon(ctx)
	if err != nil {
		return warned, err
	}
	ended, err := s.endDue(ctx)
	return warned + ended, err
}

func (s *sAuthorization) warnSoon(ctx context.Context) (int, error) {
	cols := dao.Authorizations.Columns()
	done := 0
	for {
		now := s.now()
		horizon := now.Add(service.Settings().Duration(project.SettingAuthorizationWarning))
		var rows []entity.Authorizations
		err := dao.Authorizations.Ctx(ctx).Where(cols.Status, statusActive).WhereNull(cols.WarnedAt).
			WhereGT(cols.ExpiresAt, now).WhereLTE(cols.ExpiresAt, horizon).
			OrderAsc(cols.ExpiresAt).Limit(expireBatch).Scan(&rows)
		if err != nil && !dbx.IsNoRows(err) {
			return done, err
		}
		for i := range rows {
			a := &rows[i]
			err := dao.Authorizations.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
				res, err := dao.Authorizations.Ctx(ctx).WherePri(a.Id).Where(cols.Status, statusActive).WhereNull(cols.WarnedAt).
					Data(g.Map{cols.WarnedAt: now}).Update()
				if err != nil {
					return err
				}
				if n, _ := res.RowsAffected(); n != 1 {
					return nil // another node warned it
				}
				done++
				name, err := s.projectName(ctx, a.ProjectId)
				if err != nil {
					return err
				}
				return s.tell(ctx, a.UserId, "authorization.expiring", "authorization.expiring", a.Id, name, a.ExpiresAt, a.ExpiresAt)
			})
			if err != nil {
				return done, err
			}
			changed(ctx, a.ProjectId, a.UserId)
		}
		if len(rows) < expireBatch || ctx.Err() != nil {
			return done, ctx.Err()
		}
	}
}

func (s *sAuthorization) endDue(ctx context.Context) (int, error) {
	cols := dao.Authorizations.Columns()
	done := 0
	for {
		now := s.now()
		var rows []entity.Authorizations
		err := dao.Authorizations.Ctx(ctx).Where(cols.Status, statusActive).WhereLTE(cols.ExpiresAt, now).
			OrderAsc(cols.ExpiresAt).Limit(expireBatch).Scan(&rows)
		if err != nil && !dbx.IsNoRows(err) {
			return done, err
		}
		for i := range rows {
			a := &rows[i]
			err := dao.Authorizations.Transaction(ctx, func(ctx context.Context, _ gdb.TX) error {
				res, err := dao.Authorizations.Ctx(ctx).WherePri(a.Id).Where(cols.Status, statusActive).
					Data(g.Map{cols.Status: statusExpired, cols.ActiveKey: nil, cols.EndedAt: a.ExpiresAt, cols.UpdatedAt: now}).Update()
				if err != nil {
					return err
				}
				if n, _ := res.RowsAffected(); n != 1 {
					return nil // revoked, renewed or ended by another node meanwhile
				}
				done++
				name, err := s.projectName(ctx, a.ProjectId)
				if err != nil {
					return err
				}
				return s.tell(ctx, a.UserId, "authorization.changed", "authorization.expired", a.Id, name, a.ExpiresAt, nil)
			})
			if err != nil {
				return done, err
			}
		}
		if len(rows) < expireBatch || ctx.Err() != nil {
			return done, ctx.Err()
		}
	}
}

func (s *sAuthorization) projectName(ctx context.Context, id int64) (string, error) {
	names, err := service.Project().Names(ctx, []int64{id})
	return names[id], err
}
