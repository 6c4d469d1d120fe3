package project

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"

	"kami/internal/infra/keyring"
	"kami/utility/randkey"
)

// Seal purposes: a value sealed for one does not open for another (keyring.Seal uses the
// purpose as additional data), so a leaked webhook secret column cannot be replayed into the
// app secret one.
const (
	purposeAppSecret  = "project.appSecret"
	purposeWebhook    = "project.webhookSecret"
	purposeSigningKey = "project.signingKey"
)

// AlgEd25519 is the only response-signing algorithm (openapi.md).
const AlgEd25519 = "Ed25519"

// credentials are a new project's secrets, in the clear (shown once) and sealed (stored).
type credentials struct {
	AppKey, AppSecret, WebhookSecret string
	SealedSecret, SealedWebhook      string
}

func newCredentials() (*credentials, error) {
	c := &credentials{}
	var err error
	if c.AppKey, err = randkey.AppKey(); err != nil {
		return nil, err
	}
	if c.AppSecret, err = randkey.Secret("as_"); err != nil {
		return nil, err
	}
	if c.WebhookSecret, err = randkey.Secret("whsec_"); err != nil {
		return nil, err
	}
	if c.SealedSecret, err = keyring.Seal(purposeAppSecret, []byte(c.AppSecret)); err != nil {
		return nil, err
	}
	if c.SealedWebhook, err = keyring.Seal(purposeWebhook, []byte(c.WebhookSecret)); err != nil {
		return nil, err
	}
	return c, nil
}

// signingKey is a fresh Ed25519 key: its id, public key (standard base64, as published) and
// sealed seed.
type signingKey struct {
	Kid, PublicKey, SealedSeed string
}

func newSigningKey() (*signingKey, error) {
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, err
	}
	id, err := randkey.Bytes(8)
	if err != nil {
		return nil, err
	}
	sealed, err := keyring.Seal(purposeSigningKey, priv.Seed())
	if err != nil {
		return nil, err
	}
	return &signingKey{Kid: "k_" + hex.EncodeToString(id), PublicKey: base64.StdEncoding.EncodeToString(pub), SealedSeed: sealed}, nil
}
