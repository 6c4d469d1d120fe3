// Package v1 is the OpenAPI third-party software calls (openapi.md), under /openapi/v1: signed
// requests (HMAC-SHA256), signed answers (Ed25519), its own envelope {code, message, error,
// data} with error the machine code. These routes skip the admin API's envelope, session
// auth and operation log.
package v1

import (
	"github.com/gogf/gf/v2/frame/g"
)

// Card is a card as a project's software sees it.
type Card struct {
	Status           string  `json:"status"           dc:"unused, active, expired or disabled"`
	ActivatedAt      *string `json:"activatedAt"      dc:"RFC 3339, null before the first verification"`
	ExpiresAt        *string `json:"expiresAt"        dc:"RFC 3339; null for a permanent card or before activation"`
	RemainingSeconds *int64  `json:"remainingSeconds" dc:"seconds of validity left; null for a permanent or unused card"`
	MaxDevices       int     `json:"maxDevices"`
	BoundDevices     int     `json:"boundDevices"`
}

// QueriedCard is a card with what only query tells.
type QueriedCard struct {
	Card
	CreatedAt string `json:"createdAt" dc:"RFC 3339"`
	Plan      Plan   `json:"plan"`
}

type Plan struct {
	Name            string `json:"name"`
	DurationSeconds int64  `json:"durationSeconds" dc:"validity from activation; 0 = permanent"`
}

type VerifyReq struct {
	g.Meta  `path:"/cards/verify" method:"post" tags:"OpenAPI" summary:"Verify a card from a device: the first verification activates it and binds the device" maintenance:"exempt" envelope:"openapi"`
	Card    string `json:"card"    dc:"required: the card key, any spelling (case, dashes, spaces), at most 64 characters" minLength:"1" maxLength:"64"`
	Device  string `json:"device"  dc:"required: the device's stable id, 1-128 characters" minLength:"1" maxLength:"128"`
	Version string `json:"version" dc:"the client's version, at most 32 characters (kept in the verification history)" maxLength:"32"`
}

type VerifyRes struct {
	Valid      bool   `json:"valid"`
	Result     string `json:"result"     dc:"VALID, NOT_FOUND, DISABLED, EXPIRED, DEVICE_MISMATCH, TOO_MANY_DEVICES, PROJECT_DISABLED or NOT_AUTHORIZED"`
	Activated  bool   `json:"activated"  dc:"true only on the call that activated the card"`
	Card       *Card  `json:"card"       dc:"null when NOT_FOUND"`
	ServerTime string `json:"serverTime"`
	Nonce      string `json:"nonce"      dc:"the request's X-Kami-Nonce"`
}

type QueryReq struct {
	g.Meta `path:"/cards/query" method:"post" tags:"OpenAPI" summary:"Look a card up; changes nothing" maintenance:"exempt" envelope:"openapi"`
	Card   string `json:"card" dc:"required: the card key, at most 64 characters" minLength:"1" maxLength:"64"`
}

type QueryRes struct {
	Found      bool         `json:"found"`
	Card       *QueriedCard `json:"card"`
	ServerTime string       `json:"serverTime"`
	Nonce      string       `json:"nonce"`
}

type UnbindReq struct {
	g.Meta `path:"/cards/unbind" method:"post" tags:"OpenAPI" summary:"Release a device of a card (all when device is absent); the validity period is never reset" envelope:"openapi"`
	Card   string `json:"card"   dc:"required: the card key, at most 64 characters" minLength:"1" maxLength:"64"`
	Device string `json:"device" dc:"the device to release, at most 128 characters; absent: every device" maxLength:"128"`
}

type UnbindRes struct {
	Result       string `json:"result"       dc:"UNBOUND, NOT_BOUND, NOT_FOUND or UNBIND_LIMIT_REACHED"`
	BoundDevices int    `json:"boundDevices"`
	RetryAfter   int64  `json:"retryAfter,omitempty" dc:"with UNBIND_LIMIT_REACHED during the project's unbind cooldown: seconds until the next unbind is allowed"`
	ServerTime   string `json:"serverTime"`
	Nonce        string `json:"nonce"`
}
