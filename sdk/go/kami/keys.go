package kami

import (
	"context"
	"net/http"
	"net/url"
)

// Keys fetches the project's published response-signing keys (GET /openapi/v1/keys?appKey=,
// unsigned: the keys are what answers are checked with; their trust comes from TLS, or pin
// them with WithPublicKeys). The client calls it itself on first use and on an unknown kid.
func (c *Client) Keys(ctx context.Context) ([]PublicKey, error) {
	q := url.Values{"appKey": {c.appKey}}
	req, err := c.newRequest(ctx, http.MethodGet, PathKeys, q, nil)
	if err != nil {
		return nil, err
	}
	resp, data, err := c.send(req)
	if err != nil {
		return nil, err
	}
	env, err := parseEnvelope(data)
	if err != nil {
		return nil, c.notEnvelope(resp, err)
	}
	if env.Code != 0 || resp.StatusCode >= 300 {
		return nil, c.apiError(resp, env)
	}
	var out struct {
		Keys []PublicKey `json:"keys"`
	}
	if err := decodeData(env.Data, &out); err != nil {
		return nil, err
	}
	return out.Keys, nil
}
