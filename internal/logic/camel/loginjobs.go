package camel

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/logic/job"
	"kami/internal/model/entity"
	"kami/internal/principal"
	"kami/internal/service"
)

// The login jobs (camel-oil.md §6 "Jobs").
const (
	LoginJob      = "camel_oil.login"
	TokenCheckJob = "camel_oil.token_check"
	// loginsAtOnce bounds one run of the login job; stuckAfter is when logging_in is given up.
	loginsAtOnce = 5
	stuckAfter   = 10 * time.Minute
	// renewBefore is how close to its expiry an online token is renewed.
	renewBefore = time.Hour
)

func init() {
	job.Register(job.Def{Name: LoginJob, DefaultSchedule: "@every 1m",
		Description: "Log camel-oil accounts in (oldest pending_login first) while today's remaining capacity is under capacityFloor; release logins stuck over 10 minutes",
		Run:         func(ctx context.Context) (int, error) { return service.Camel().LoginRun(ctx) }})
	job.Register(job.Def{Name: TokenCheckJob, DefaultSchedule: "@every 30m",
		Description: "Log camel-oil accounts in again when their token expires within the hour",
		Run:         func(ctx context.Context) (int, error) { return service.Camel().TokenCheckRun(ctx) }})
}

func operatorOf(ctx context.Context) int64 {
	if p := principal.From(ctx); p != nil {
		return p.UserID
	}
	return 0
}

// LoginRun is one run of camel_oil.login: stuck logins back to pending_login, then — when the
// online accounts' room today is under capacityFloor — up to loginsAtOnce logins, oldest first.
func (s *sCamel) LoginRun(ctx context.Context) (int, error) {
	cols := dao.CamelOilAccount.Columns()
	var stuck []entity.CamelOilAccount
	if err := dao.CamelOilAccount.Ctx(ctx).Fields(cols.Id).Where(cols.Status, StatusLoggingIn).
		WhereLT(cols.StatusChangedAt, s.now().Add(-stuckAfter)).Scan(&stuck); err != nil {
		return 0, err
	}
	for _, a := range stuck {
		if err := dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			_, err := s.move(ctx, tx, a.Id, StatusLoggingIn, StatusPendingLogin, "login stuck over 10 minutes", 0, nil)
			return err
		}); err != nil {
			return 0, err
		}
	}
	today := s.today()
	room, err := dao.CamelOilAccount.Ctx(ctx).Where(cols.Status, StatusOnline).
		Sum(fmt.Sprintf("CASE WHEN %s = '%s' THEN %s - %s ELSE %s END", cols.DailyDate, today, cols.DailyLimit,
			cols.DailyOrderCount, cols.DailyLimit))
	if err != nil {
		return 0, err
	}
	if int64(room) >= settingInt(SettingCapacityFloor) {
		return len(stuck), nil
	}
	return s.loginSome(ctx, dao.CamelOilAccount.Ctx(ctx).Where(cols.Status, StatusPendingLogin), "capacity below the floor")
}

// loginSome logs in up to loginsAtOnce accounts of m, oldest first, and waits for them.
func (s *sCamel) loginSome(ctx context.Context, m *gdb.Model, reason string) (int, error) {
	cols := dao.CamelOilAccount.Columns()
	var due []entity.CamelOilAccount
	if err := m.OrderAsc(cols.CreatedAt).OrderAsc(cols.Id).Limit(loginsAtOnce).Scan(&due); err != nil {
		return 0, err
	}
	var wg sync.WaitGroup
	n := 0
	for i := range due {
		if err := s.startLogin(ctx, due[i].Id, 0, reason); err != nil {
			continue // another node or an admin started it first
		}
		n++
		wg.Add(1)
		go func() { defer wg.Done(); s.runLogin(ctx, &due[i]) }()
	}
	wg.Wait()
	return n, nil
}

// TokenCheckRun is one run of camel_oil.token_check: online accounts whose token expires
// within the hour go to pending_login and log in again.
func (s *sCamel) TokenCheckRun(ctx context.Context) (int, error) {
	cols := dao.CamelOilAccount.Columns()
	var due []entity.CamelOilAccount
	if err := dao.CamelOilAccount.Ctx(ctx).Where(cols.Status, StatusOnline).
		WhereLT(cols.TokenExpireAt, s.now().Add(renewBefore)).Scan(&due); err != nil {
		return 0, err
	}
	ids := make([]int64, 0, len(due))
	for _, a := range due {
		err := dao.CamelOilAccount.Transaction(ctx, func(ctx context.Context, tx gdb.TX) error {
			ok, err := s.move(ctx, tx, a.Id, StatusOnline, StatusPendingLogin, "token expires within the hour", 0, nil)
			if ok {
				ids = append(ids, a.Id)
			}
			return err
		})
		if err != nil {
			return 0, err
		}
	}
	if len(ids) == 0 {
		return 0, nil
	}
	return s.loginSome(ctx, dao.CamelOilAccount.Ctx(ctx).WhereIn(cols.Id, ids).Where(cols.Status, StatusPendingLogin), "token renewal")
}
