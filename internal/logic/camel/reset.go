package camel

import (
	"context"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/entity"
	"kami/internal/service"
)

// ResetJob reopens the accounts paused for a day that is over (camel-oil.md §2 "Daily reset").
const ResetJob = "camel_oil.daily_reset"

func init() {
	job.Register(job.Def{
		Name:            ResetJob,
		Description:     "Move camel-oil accounts paused for a past Asia/Shanghai day back online (or to pending_login when their token expired)",
		DefaultSchedule: "@every 1m",
		Run:             func(ctx context.Context) (int, error) { return service.Camel().DailyReset(ctx) },
	})
}

// DailyReset is one run: every paused_daily account whose daily_date is before today goes back
// online when its token is still valid, else to pending_login, each with its history row. The
// counters need no write: a date that is not today reads as 0. Only past dates qualify and each
// move is guarded on paused_daily, so a run mid-day or on two nodes at once changes nothing twice.
func (s *sCamel) DailyReset(ctx context.Context) (int, error) {
	cols := dao.CamelOilAccount.Columns()
	var rows []entity.CamelOilAccount
	err := dao.CamelOilAccount.Ctx(ctx).Fields(cols.Id, cols.TokenExpireAt).Where(cols.Status, StatusPausedDaily).
		WhereLT(cols.DailyDate, s.today()).Scan(&rows)
	if err != nil {
		return 0, err
	}
	now := s.now()
	moved := 0
	for _, a := range rows {
		to, reason := StatusOnline, "daily reset"
		if a.TokenExpireAt == nil || !a.TokenExpireAt.After(now) {
			to, reason = StatusPendingLogin, "daily reset: token expired"
		}
		err = dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			ok, err := s.move(ctx, tx, a.Id, StatusPausedDaily, to, reason, 0, nil)
			if ok {
				moved++
			}
			return err
		})
		if err != nil {
			return moved, err
		}
	}
	return moved, nil
}
