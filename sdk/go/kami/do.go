package kami

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// maxResponse bounds how much of an answer is read; the API's answers are a few hundred bytes.
const maxResponse = 1 << 20

const userAgent = "kami-go-sdk/1"

// Do makes one signed call and decodes the envelope's data into out (nil: discard it). body
// is marshalled to JSON (nil: no body; a json.RawMessage is sent byte for byte). The answer is
// checked (signature, kid, timestamp, nonce echo) before anything is decoded; an error envelope
// is an *APIError. Each call has a fresh nonce, so retrying a failed call is a new request.
func (c *Client) Do(ctx context.Context, method, path string, q url.Values, body any, out any) error {
	raw, err := encodeBody(body)
	if err != nil {
		return err
	}
	nonce := c.nonce()
	if !ValidNonce(nonce) {
		return fmt.Errorf("kami: the nonce source gave %q, not 16-64 of [A-Za-z0-9_-]", nonce)
	}
	method = strings.ToUpper(method)
	ts := c.now().Unix()
	req, err := c.newRequest(ctx, method, path, q, raw)
	if err != nil {
		return err
	}
	req.Header.Set(HeaderAppKey, c.appKey)
	req.Header.Set(HeaderTimestamp, strconv.FormatInt(ts, 10))
	req.Header.Set(HeaderNonce, nonce)
	req.Header.Set(HeaderSignature, SignRequest(c.secret, CanonicalRequest(method, path, q, c.appKey, ts, nonce, raw)))

	resp, data, err := c.send(req)
	if err != nil {
		return err
	}
	env, envErr := parseEnvelope(data)
	// An unknown appKey has no signing keys, so this one answer cannot be signed; it carries
	// no result, so trusting it unverified gives a forger nothing.
	if envErr == nil && resp.StatusCode == http.StatusUnauthorized && env.Error == CodeAppKeyInvalid {
		return c.apiError(resp, env)
	}
	if err := c.checkResponse(ctx, resp, nonce, method, path, data); err != nil {
		return err
	}
	if envErr != nil {
		return c.notEnvelope(resp, envErr)
	}
	if err := checkNonceEcho(env.Data, nonce); err != nil {
		return err
	}
	if env.Code != 0 || resp.StatusCode >= 300 {
		return c.apiError(resp, env)
	}
	return decodeData(env.Data, out)
}

func encodeBody(body any) ([]byte, error) {
	switch b := body.(type) {
	case nil:
		return nil, nil
	case json.RawMessage:
		return b, nil
	}
	raw, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("kami: encoding the body: %w", err)
	}
	return raw, nil
}

// newRequest builds the request with the canonical query as the URL's query, so the bytes
// signed are the bytes sent.
func (c *Client) newRequest(ctx context.Context, method, path string, q url.Values, body []byte) (*http.Request, error) {
	if !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("kami: path %q does not start with /", path)
	}
	u, err := url.Parse(c.baseURL + path)
	if err != nil {
		return nil, fmt.Errorf("kami: bad URL: %w", err)
	}
	u.RawQuery = CanonicalQuery(q)
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
	if err != nil {
		return nil, fmt.Errorf("kami: %w", err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", userAgent)
	return req, nil
}

// send does the round trip and reads the whole (bounded) answer.
func (c *Client) send(req *http.Request) (*http.Response, []byte, error) {
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, nil, fmt.Errorf("kami: %s %s: %w", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxResponse+1))
	if err != nil {
		return nil, nil, fmt.Errorf("kami: reading the answer: %w", err)
	}
	if len(data) > maxResponse {
		return nil, nil, errors.New("kami: the answer is over 1 MiB")
	}
	return resp, data, nil
}
