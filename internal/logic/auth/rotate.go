package auth

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"strings"
	"time"

	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/consts"
	"kami/internal/dao"
	"kami/internal/errs"
	"kami/internal/infra/keyring"
	"kami/internal/model/do"
	"kami/internal/model/entity"
	"kami/utility/dbx"
	"kami/utility/token"
)

// The refresh cookie is "<sessionId>.<secret>". Rotation derives the next secret from the
// current one under a server key instead of drawing a random one: every request that races
// with one cookie (two tabs, two nodes) computes the same next cookie, so the losers of the
// conditional update can be given the winner's answer without the plaintext ever being stored.
//
// The rule, for a live session and a presented secret:
//   - the current secret rotates (once, whoever wins the update);
//   - the secret just replaced, within kami.auth.refreshGrace of the rotation, answers the same
//     next cookie again;
//   - any earlier secret of the session (the previous one after the window, or one several
//     rotations back) is a replayed copy: the session is revoked for every holder;
//   - anything else (a guess, "<sid>.WRONG") is refused and changes nothing, so knowing a
//     session id (it is in the access token) is not enough to end someone's session.

// maxReplayWalk bounds how many rotations back a replayed secret is recognised, and so the
// work an invalid secret costs. A week of refreshes every 15 minutes is about 700.
const maxReplayWalk = 1024

// maxSecretLen refuses absurd cookies before any hashing.
const maxSecretLen = 128

// nextSecret is the secret that replaces secret in session sid. Only the server can compute it.
func nextSecret(sid, secret string) string {
	m := hmac.New(sha256.New, keyring.SubKey("refresh-rotation"))
	m.Write([]byte(sid))
	m.Write([]byte{'.'})
	m.Write([]byte(secret))
	return base64.RawURLEncoding.EncodeToString(m.Sum(nil))
}

type verdict int

const (
	verdictInvalid verdict = iota // never a secret of this session: refuse, keep the session
	verdictRotate                 // the current secret: rotate
	verdictRepeat                 // the secret just replaced, within the grace window: same next cookie
	verdictReuse                  // an earlier secret of the session: revoke it
)

// judge applies the rule to secret presented for sess at now. It reads nothing but its
// arguments, so the window can be tested at any instant.
func judge(sess *entity.UserSessions, secret string, now time.Time, grace time.Duration) verdict {
	h := token.Hash(secret)
	if hashEqual(h, sess.RefreshHash) {
		return verdictRotate
	}
	if sess.PrevHash != "" && hashEqual(h, sess.PrevHash) {
		// A rotation stamped by a node whose clock runs ahead is still "just now".
		if sess.RotatedAt != nil && now.Sub(sess.RotatedAt.Time) <= grace {
			return verdictRepeat
		}
		return verdictReuse
	}
	// An older secret leads to the current one through the derivation chain; a guess does not.
	s := secret
	for i := 0; i < min(sess.Generation, maxReplayWalk); i++ {
		s = nextSecret(sess.Id, s)
		if hashEqual(token.Hash(s), sess.RefreshHash) {
			return verdictReuse
		}
	}
	return verdictInvalid
}

func hashEqual(a, b string) bool { return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1 }

// rotate answers a refresh with cookie at now: the session's user, its id and the next cookie.
// Every refusal is REFRESH_TOKEN_INVALID.
func (s *sAuth) rotate(ctx context.Context, cookie string, now time.Time) (u *entity.Users, sid, newCookie string, err error) {
	sid, secret, ok := strings.Cut(cookie, ".")
	if !ok || len(sid) != 32 || secret == "" || len(secret) > maxSecretLen {
		return nil, "", "", errs.RefreshInvalid.New()
	}
	grace := s.cfg().Auth.RefreshGrace
	var (
		next   string
		userID int64
	)
	// Two rounds: a request that loses the rotation race judges again against the row the
	// winner wrote, where its secret is now the one just replaced.
	for round := 0; round < 2 && next == ""; round++ {
		sess, err := loadSession(ctx, sid)
		if err != nil {
			return nil, "", "", err
		}
		if sess == nil || sess.RevokedAt != nil || sess.ExpiresAt == nil || !now.Before(sess.ExpiresAt.Time) {
			return nil, "", "", errs.RefreshInvalid.New()
		}
		userID = sess.UserId
		switch judge(sess, secret, now, grace) {
		case verdictRotate:
			won, err := advance(ctx, sess, secret, now)
			if err != nil {
				return nil, "", "", err
			}
			if won {
				next = nextSecret(sid, secret)
			}
		case verdictRepeat:
			next = nextSecret(sid, secret)
		case verdictReuse:
			// Someone kept a copy of an old cookie: end the session for both holders.
			if err = s.revokeSession(ctx, sid, "refresh_reuse"); err != nil {
				return nil, "", "", err
			}
			return nil, "", "", errs.RefreshInvalid.New()
		default:
			return nil, "", "", errs.RefreshInvalid.New()
		}
	}
	if next == "" {
		return nil, "", "", errs.RefreshInvalid.New()
	}
	if u, err = s.liveUser(ctx, userID, sid); err != nil {
		return nil, "", "", err
	}
	return u, sid, sid + "." + next, nil
}

// advance moves sess from secret to its successor. The update is conditional on the current
// hash, so of many racing requests exactly one wins; it reports whether this one did.
func advance(ctx context.Context, sess *entity.UserSessions, secret string, now time.Time) (bool, error) {
	cols := dao.UserSessions.Columns()
	at := gtime.NewFromTime(now.UTC())
	res, err := dao.UserSessions.Ctx(ctx).
		Where(cols.Id, sess.Id).
		Where(cols.RefreshHash, sess.RefreshHash).
		WhereNull(cols.RevokedAt).
		Data(do.UserSessions{
			RefreshHash: token.Hash(nextSecret(sess.Id, secret)),
			PrevHash:    sess.RefreshHash,
			RotatedAt:   at,
			Generation:  sess.Generation + 1,
			LastUsedAt:  at,
		}).Update()
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// loadSession reads one session row; nil when there is none.
func loadSession(ctx context.Context, sid string) (*entity.UserSessions, error) {
	var sess entity.UserSessions
	if err := dao.UserSessions.Ctx(ctx).Where(dao.UserSessions.Columns().Id, sid).Scan(&sess); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if sess.Id == "" {
		return nil, nil
	}
	return &sess, nil
}

// liveUser is the enabled owner of session sid; a user disabled or deleted since ends it.
func (s *sAuth) liveUser(ctx context.Context, userID int64, sid string) (*entity.Users, error) {
	u := &entity.Users{}
	if err := dao.Users.Ctx(ctx).WherePri(userID).Scan(u); err != nil && !dbx.IsNoRows(err) {
		return nil, err
	}
	if u.Id == 0 || u.Status != consts.StatusEnabled {
		if err := s.revokeSession(ctx, sid, "user_disabled"); err != nil {
			return nil, err
		}
		return nil, errs.RefreshInvalid.New()
	}
	return u, nil
}

// cookieSession is the live session a refresh cookie may act for: its secret must be one that
// would refresh it right now (the current one, or the one just replaced within the grace
// window). Anything else names no session and revokes nothing.
func (s *sAuth) cookieSession(ctx context.Context, cookie string, now time.Time) (string, error) {
	sid, secret, ok := strings.Cut(cookie, ".")
	if !ok || len(sid) != 32 || secret == "" || len(secret) > maxSecretLen {
		return "", nil
	}
	sess, err := loadSession(ctx, sid)
	if err != nil || sess == nil || sess.RevokedAt != nil {
		return "", err
	}
	switch judge(sess, secret, now, s.cfg().Auth.RefreshGrace) {
	case verdictRotate, verdictRepeat:
		return sid, nil
	}
	return "", nil
}
