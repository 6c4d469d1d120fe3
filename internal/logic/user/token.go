package user

import (
	"context"
	"kami/utility/dbx"
	"kami/utility/token"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
)

// Purposes of the one-time tokens in user_tokens.
const (
	purposeVerify = "verify"
	purposeReset  = "reset"
)

// issueToken stores a new one-time token for the user and returns it in clear, for the mail
// only: the table keeps its SHA-256, so a database leak yields no usable links. A random
// 256-bit token needs no slow hash.
func (s *sUser) issueToken(ctx context.Context, userID int64, purpose string, ttl time.Duration) (string, error) {
	plain := token.Random(32)
	now := s.clock.Now()
	_, err := dao.UserTokens.Ctx(ctx).Data(do.UserTokens{
		UserId: userID, Purpose: purpose, TokenHash: token.Hash(plain),
		ExpiresAt: gtime.New(now.Add(ttl)), CreatedAt: gtime.New(now),
	}).Insert()
	if err != nil {
		return "", err
	}
	return plain, nil
}

// consumeToken marks a live token of purpose used and returns its user id. Unknown, expired,
// used and wrong-purpose tokens all give the same TOKEN_INVALID. The update is conditional on
// used_at still being NULL, so two requests racing with one link cannot both succeed.
func (s *sUser) consumeToken(ctx context.Context, plain, purpose string) (int64, error) {
	now := gtime.New(s.clock.Now())
	cols := dao.UserTokens.Columns()
	var t entity.UserTokens
	err := dao.UserTokens.Ctx(ctx).Where(cols.TokenHash, token.Hash(plain)).Where(cols.Purpose, purpose).Scan(&t)
	if err != nil && !dbx.IsNoRows(err) {
		return 0, err
	}
	if t.Id == 0 || t.UsedAt != nil || t.ExpiresAt == nil || !t.ExpiresAt.After(now) {
		return 0, errs.TokenInvalid.New()
	}
	res, err := dao.UserTokens.Ctx(ctx).WherePri(t.Id).WhereNull(cols.UsedAt).
		Data(do.UserTokens{UsedAt: now}).Update()
	if err != nil {
		return 0, err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return 0, errs.TokenInvalid.New()
	}
	return t.UserId, nil
}

// burnTokens marks every unused token of purpose of the user used: once a password is reset,
// older reset links in the mailbox must stop working too.
func (s *sUser) burnTokens(ctx context.Context, userID int64, purpose string) error {
	cols := dao.UserTokens.Columns()
	_, err := dao.UserTokens.Ctx(ctx).Where(cols.UserId, userID).Where(cols.Purpose, purpose).
		WhereNull(cols.UsedAt).Data(do.UserTokens{UsedAt: gtime.New(s.clock.Now())}).Update()
	return err
}
