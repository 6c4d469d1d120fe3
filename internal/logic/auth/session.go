package auth

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"kami/utility/dbx"
	"kami/utility/text"
	"kami/utility/token"
	"strconv"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
)

// createSession stores a refresh session and returns the access token and the refresh cookie
// value "<sessionId>.<secret>"; only the secret's hash is stored.
func (s *sAuth) createSession(ctx context.Context, u *entity.Users, ip, ua string) (access, refresh string, err error) {
	now := s.clock.Now().UTC()
	idBytes := make([]byte, 16)
	_, _ = rand.Read(idBytes)
	sid := hex.EncodeToString(idBytes)
	secret := token.Random(32)
	_, err = dao.UserSessions.Ctx(ctx).Data(do.UserSessions{
		Id:          sid,
		UserId:      u.Id,
		RefreshHash: token.Hash(secret),
		Ip:          ip,
		UserAgent:   text.Truncate(ua, 255),
		ExpiresAt:   gtime.NewFromTime(now.Add(s.cfg().Auth.RefreshTTL)),
		LastUsedAt:  gtime.NewFromTime(now),
		CreatedAt:   gtime.NewFromTime(now),
	}).Insert()
	if err != nil {
		return "", "", err
	}
	access, err = s.signAccess(u.Id, sid, now)
	return access, sid + "." + secret, err
}

// Authenticate checks the access token and that its session is live and its user enabled, in
// one indexed query, so a logout or disable on any node is seen on the next request.
func (s *sAuth) Authenticate(ctx context.Context, token string) (*principal.Principal, error) {
	claims, err := s.parseAccess(token)
	if err != nil {
		return nil, err
	}
	var row struct {
		RevokedAt *gtime.Time
		ExpiresAt *gtime.Time
		entity.Users
	}
	err = dao.UserSessions.Ctx(ctx).As("s").
		InnerJoin(dao.Users.Table()+" u", "u.id = s.user_id").
		Fields("s.revoked_at, s.expires_at, u.*").
		Where("s.id", claims.SessionID).
		Scan(&row)
	if err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if row.Id == 0 || strconv.FormatInt(row.Id, 10) != claims.Subject || row.RevokedAt != nil ||
		row.ExpiresAt == nil || !row.ExpiresAt.Time.After(s.clock.Now()) || row.Status != consts.StatusEnabled {
		return nil, errs.Unauthorized.New()
	}
	return &principal.Principal{
		UserID:             row.Id,
		Username:           row.Username,
		Role:               row.Role,
		Path:               row.Path,
		SessionID:          claims.SessionID,
		MustChangePassword: row.MustChangePassword == 1,
	}, nil
}

// RevokeUserSessions ends every live session of a user except keepSessionID (may be "").
// Password changes, resets and disabling call it.
func (s *sAuth) RevokeUserSessions(ctx context.Context, userID int64, keepSessionID, reason string) error {
	m := dao.UserSessions.Ctx(ctx).Where(dao.UserSessions.Columns().UserId, userID).WhereNull(dao.UserSessions.Columns().RevokedAt)
	if keepSessionID != "" {
		m = m.WhereNot(dao.UserSessions.Columns().Id, keepSessionID)
	}
	_, err := m.Data(do.UserSessions{RevokedAt: gtime.New(s.clock.Now()), RevokeReason: reason}).Update()
	return err
}

func (s *sAuth) revokeSession(ctx context.Context, sid, reason string) error {
	_, err := dao.UserSessions.Ctx(ctx).Where(dao.UserSessions.Columns().Id, sid).WhereNull(dao.UserSessions.Columns().RevokedAt).
		Data(do.UserSessions{RevokedAt: gtime.New(s.clock.Now()), RevokeReason: reason}).Update()
	return err
}
