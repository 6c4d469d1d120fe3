package kami

import (
	"context"
	"net/http"
)

// The OpenAPI's paths (the signed path of each call).
const (
	PathVerify = "/openapi/v1/cards/verify"
	PathQuery  = "/openapi/v1/cards/query"
	PathUnbind = "/openapi/v1/cards/unbind"
	PathKeys   = "/openapi/v1/keys"
)

// Verify checks a card for a device (a stable fingerprint of the machine, 1-128 printable
// characters) and, on an unused card's first verification, activates it: Activated is true on
// that call only. version is the client software's version ("" to leave it out). An invalid
// card is a result (Valid false, Result says which), not an error.
func (c *Client) Verify(ctx context.Context, card, device, version string) (*VerifyResult, error) {
	body := struct {
		Card    string `json:"card"`
		Device  string `json:"device"`
		Version string `json:"version,omitempty"`
	}{card, device, version}
	var res VerifyResult
	if err := c.Do(ctx, http.MethodPost, PathVerify, nil, body, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// Query reads a card of the project without changing it (Found false for an unknown key or a
// card of another project).
func (c *Client) Query(ctx context.Context, card string) (*QueryResult, error) {
	body := struct {
		Card string `json:"card"`
	}{card}
	var res QueryResult
	if err := c.Do(ctx, http.MethodPost, PathQuery, nil, body, &res); err != nil {
		return nil, err
	}
	return &res, nil
}

// Unbind releases device from the card ("" releases every device). It never resets the
// card's validity period.
func (c *Client) Unbind(ctx context.Context, card, device string) (*UnbindResult, error) {
	body := struct {
		Card   string `json:"card"`
		Device string `json:"device,omitempty"`
	}{card, device}
	var res UnbindResult
	if err := c.Do(ctx, http.MethodPost, PathUnbind, nil, body, &res); err != nil {
		return nil, err
	}
	return &res, nil
}
