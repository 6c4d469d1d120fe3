package kami

import (
	"context"
	"crypto/ed25519"
	"encoding/base64"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// checkResponse verifies a signed answer to the request (nonce, method, path): the kid is a
// published key, the Ed25519 signature covers CanonicalResponse, and the response timestamp is
// within the maximum skew of the client clock. Nothing of the body is trusted before this.
func (c *Client) checkResponse(ctx context.Context, resp *http.Response, nonce, method, path string, body []byte) error {
	kid := resp.Header.Get(HeaderKid)
	sig := resp.Header.Get(HeaderResponseSignature)
	tsHeader := resp.Header.Get(HeaderTimestamp)
	if kid == "" || sig == "" || tsHeader == "" {
		return fmt.Errorf("%w: the answer (HTTP %d) is not signed", ErrResponseSignature, resp.StatusCode)
	}
	ts, err := strconv.ParseInt(tsHeader, 10, 64)
	if err != nil {
		return fmt.Errorf("%w: bad %s %q", ErrResponseSignature, HeaderTimestamp, tsHeader)
	}
	raw, err := base64.StdEncoding.DecodeString(sig)
	if err != nil || len(raw) != ed25519.SignatureSize {
		return fmt.Errorf("%w: bad %s", ErrResponseSignature, HeaderResponseSignature)
	}
	pk, err := c.keys.lookup(ctx, kid)
	if err != nil {
		return err
	}
	if !ed25519.Verify(pk, []byte(CanonicalResponse(nonce, method, path, ts, body)), raw) {
		return fmt.Errorf("%w: the signature does not match the answer (HTTP %d)", ErrResponseSignature, resp.StatusCode)
	}
	if d := c.now().Sub(time.Unix(ts, 0)); d > c.maxSkew || d < -c.maxSkew {
		return fmt.Errorf("%w: the answer is dated %s from now", ErrStaleResponse, d.Round(time.Second))
	}
	return nil
}
