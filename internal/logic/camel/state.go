package camel

import (
	"context"
	"slices"

	"github.com/gogf/gf/v2/database/gdb"

	"kami/internal/dao"
	"kami/internal/errs"
)

// Account statuses (camel-oil.md §1).
const (
	StatusPendingLogin = "pending_login"
	StatusLoggingIn    = "logging_in"
	StatusOnline       = "online"
	StatusPausedDaily  = "paused_daily"
	StatusInvalid      = "invalid"
	StatusDisabled     = "disabled"
)

// allowed is the contract's transition table; anything else is refused, so a bug elsewhere
// cannot walk an account around the state machine. "any → disabled" is handled by the caller.
var allowed = map[string][]string{
	StatusPendingLogin: {StatusLoggingIn},
	StatusLoggingIn:    {StatusOnline, StatusPendingLogin, StatusInvalid},
	StatusOnline:       {StatusPausedDaily, StatusPendingLogin, StatusInvalid},
	StatusPausedDaily:  {StatusOnline, StatusPendingLogin},
	StatusDisabled:     {StatusPendingLogin},
	StatusInvalid:      {StatusPendingLogin},
}

func canMove(from, to string) bool {
	return to == StatusDisabled && from != StatusDisabled || slices.Contains(allowed[from], to)
}

// move is one transition: the guarded UPDATE … WHERE id=? AND status=from, plus its history
// row, in tx. extra are more columns set by the same statement (token, counters, failure…).
// It answers false, writing nothing, when the account is no longer in from: a racing change
// won, and the caller decides whether that is an error.
func (s *sCamel) move(ctx context.Context, tx gdb.TX, id int64, from, to, reason string, operator int64,
	extra gdb.Map) (bool, error) {
	if !canMove(from, to) {
		return false, errs.InvalidState.New()
	}
	cols := dao.CamelOilAccount.Columns()
	now := s.now()
	data := gdb.Map{cols.Status: to, cols.StatusChangedAt: now, cols.UpdatedAt: now,
		cols.Version: gdb.Raw(cols.Version + "+1")}
	for k, v := range extra {
		data[k] = v
	}
	r, err := dao.CamelOilAccount.Ctx(ctx).TX(tx).Where(cols.Id, id).Where(cols.Status, from).Data(data).Update()
	if err != nil {
		return false, err
	}
	if n, err := r.RowsAffected(); err != nil || n != 1 {
		return false, err
	}
	h := dao.CamelOilAccountHistory.Columns()
	_, err = dao.CamelOilAccountHistory.Ctx(ctx).TX(tx).Data(gdb.Map{h.AccountId: id, h.FromStatus: from,
		h.ToStatus: to, h.Reason: reason, h.OperatorId: operator, h.CreatedAt: now}).Insert()
	return err == nil, err
}
