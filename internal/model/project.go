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
