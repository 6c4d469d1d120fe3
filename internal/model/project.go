package model

import (
	"crypto/ed25519"
	"time"
)

// Project statuses (projects.status; plans use the same two).
const (
	ProjectActive   = "active"
	ProjectDisabled = "disabled"
)

// ProjectCredentials is what the OpenAPI needs to check a project's request and sign its
// answer, opened from their sealed copies (service.Project().Credentials).
type ProjectCredentials struct {
	ProjectID int64
	AppKey    string
	Status    string // active or disabled
	// Secrets verify request signatures: the current appSecret first, then the previous one
	// while its rotation grace lasts.
	Secrets       [][]byte
	WebhookSecret []byte
	// Kid and SigningKey are the active Ed25519 response-signing key.
	Kid        string
	SigningKey ed25519.PrivateKey
}

// ProjectPublicKey is a published response-signing key (GET /openapi/v1/keys).
type ProjectPublicKey struct {
	Kid       string
	PublicKey string // standard base64 of the 32-byte key
	Status    string // active or retiring
	RetireAt  *time.Time
}

// ProjectSnapshot is what the OpenAPI caches of a project, secrets still sealed (it is kept in
// Redis): service.Project().Snapshot reads it, OpenSnapshot opens its secrets. Times are unix
// seconds, 0 for none.
type ProjectSnapshot struct {
	ID                 int64
	AppKey             string
	Name               string
	Status             string
	AppSecret          string // sealed
	PrevAppSecret      string // sealed; "" when none
	PrevSecretUntil    int64
	WebhookSecret      string // sealed
	CallbackURL        string
	CallbackEvents     []string
	MaxUnbinds         int
	UnbindCooldown     int
	VerifyAfterAuthEnd bool
	RatePerApp         int // per minute, 0: no limit
	RatePerIP          int
	Kid                string
	SigningKey         string // sealed Ed25519 seed of the active key
	RowVersion         int64
}

// OpenedProject is a ProjectSnapshot's secrets in the clear.
type OpenedProject struct {
	AppSecret     []byte
	PrevAppSecret []byte // nil when none
	WebhookSecret []byte
	SigningKey    ed25519.PrivateKey
}
