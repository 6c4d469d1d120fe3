package auth

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"kami/utility/dbx"
	"kami/utility/text"
	"kami/utility/token"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/config"
	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/internal/principal"
)

// RefreshCookie is the httpOnly cookie Vben sends to /auth/refresh (admin-api.md).
const RefreshCookie = "jwt"

// createSession stores a refresh session and returns the access token and the refresh cookie
// value "<sessionId>.<secret>"; only the secret's hash is stored.
func createSession(ctx context.Context, u *entity.Users, ip, ua string) (access, refresh string, err error) {
	now := time.Now()
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
		ExpiresAt:   gtime.New(now.Add(config.Get().Auth.RefreshTTL)),
		LastUsedAt:  gtime.New(now),
		CreatedAt:   gtime.New(now),
	}).Insert()
	if err != nil {
		return "", "", err
	}
	access, err = signAccess(u.Id, sid, now)
	return access, sid + "." + secret, err
}

// Authenticate checks the access token and that its session is live and its user enabled, in
// one indexed query, so a logout or disable on any node is seen on the next request.
func (s *sAuth) Authenticate(ctx context.Context, token string) (*principal.Principal, error) {
	claims, err := parseAccess(token)
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
		row.ExpiresAt == nil || row.ExpiresAt.Before(gtime.Now()) || row.Status != consts.StatusEnabled {
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
	_, err := m.Data(do.UserSessions{RevokedAt: gtime.Now(), RevokeReason: reason}).Update()
	return err
}

func revokeSession(ctx context.Context, sid, reason string) error {
	_, err := dao.UserSessions.Ctx(ctx).Where(dao.UserSessions.Columns().Id, sid).WhereNull(dao.UserSessions.Columns().RevokedAt).
		Data(do.UserSessions{RevokedAt: gtime.Now(), RevokeReason: reason}).Update()
	return err
}

// rotate swaps the refresh secret of a live session; the conditional update makes a replayed
// (already rotated) secret fail even when two requests race.
func rotate(ctx context.Context, cookie string) (u *entity.Users, sid, newCookie string, err error) {
	sid, secret, ok := strings.Cut(cookie, ".")
	if !ok || len(sid) != 32 || secret == "" {
		return nil, "", "", errs.RefreshInvalid.New()
	}
	var sess entity.UserSessions
	if err = dao.UserSessions.Ctx(ctx).Where(dao.UserSessions.Columns().Id, sid).Scan(&sess); err != nil && !dbx.IsNoRows(err) {
		return nil, "", "", err
	}
	if sess.Id == "" || sess.RevokedAt != nil || sess.ExpiresAt.Before(gtime.Now()) {
		return nil, "", "", errs.RefreshInvalid.New()
	}
	if subtle.ConstantTimeCompare([]byte(sess.RefreshHash), []byte(token.Hash(secret))) != 1 {
		// An old secret came back: someone kept a copy. End the session for both holders.
		if err = revokeSession(ctx, sid, "refresh_reuse"); err != nil {
			return nil, "", "", err
		}
		return nil, "", "", errs.RefreshInvalid.New()
	}
	next := token.Random(32)
	res, err := dao.UserSessions.Ctx(ctx).
		Where(dao.UserSessions.Columns().Id, sid).
		Where(dao.UserSessions.Columns().RefreshHash, sess.RefreshHash).
		WhereNull(dao.UserSessions.Columns().RevokedAt).
		Data(do.UserSessions{RefreshHash: token.Hash(next), LastUsedAt: gtime.Now()}).Update()
	if err != nil {
		return nil, "", "", err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return nil, "", "", errs.RefreshInvalid.New()
	}
	u = &entity.Users{}
	if err = dao.Users.Ctx(ctx).WherePri(sess.UserId).Scan(u); err != nil && !dbx.IsNoRows(err) {
		return nil, "", "", err
	}
	if u.Id == 0 || u.Status != consts.StatusEnabled {
		if err = revokeSession(ctx, sid, "user_disabled"); err != nil {
			return nil, "", "", err
		}
		return nil, "", "", errs.RefreshInvalid.New()
	}
	return u, sid, sid + "." + next, nil
}

func setRefreshCookie(ctx context.Context, value string, maxAge time.Duration) {
	r := g.RequestFromCtx(ctx)
	if r == nil {
		return
	}
	r.Cookie.SetHttpCookie(&http.Cookie{
		Name:     RefreshCookie,
		Value:    value,
		Path:     "/",
		HttpOnly: true,
		Secure:   config.Get().Auth.CookieSecure,
		SameSite: http.SameSiteLaxMode,
		MaxAge:   int(maxAge / time.Second),
	})
}
