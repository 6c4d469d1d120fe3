package auth

import (
	"errors"
	"strconv"
	"time"

	"github.com/golang-jwt/jwt/v5"

	"kami/internal/errs"
	"kami/internal/infra/keyring"
)

const issuer = "kami"

// accessClaims is the access token: who, which session, until when. Role and status are NOT
// trusted from the token; Authenticate reads them from the database on every request so a
// disable or role change takes effect at once on every node.
type accessClaims struct {
	SessionID string `json:"sid"`
	jwt.RegisteredClaims
}

func (s *sAuth) signAccess(userID int64, sessionID string, now time.Time) (string, error) {
	claims := accessClaims{
		SessionID: sessionID,
		RegisteredClaims: jwt.RegisteredClaims{
			Issuer:    issuer,
			Subject:   strconv.FormatInt(userID, 10),
			IssuedAt:  jwt.NewNumericDate(now),
			ExpiresAt: jwt.NewNumericDate(now.Add(s.cfg().Auth.AccessTTL)),
		},
	}
	return jwt.NewWithClaims(jwt.SigningMethodHS256, claims).SignedString(keyring.SubKey("jwt"))
}

func (s *sAuth) parseAccess(token string) (*accessClaims, error) {
	if token == "" {
		return nil, errs.Unauthorized.New()
	}
	claims := &accessClaims{}
	_, err := jwt.ParseWithClaims(token, claims, func(*jwt.Token) (any, error) {
		return keyring.SubKey("jwt"), nil
	}, jwt.WithValidMethods([]string{jwt.SigningMethodHS256.Alg()}), jwt.WithIssuer(issuer), jwt.WithExpirationRequired(),
		jwt.WithTimeFunc(s.clock.Now))
	switch {
	case errors.Is(err, jwt.ErrTokenExpired):
		return nil, errs.TokenExpired.New()
	case err != nil || claims.SessionID == "":
		return nil, errs.Unauthorized.New()
	}
	return claims, nil
}
