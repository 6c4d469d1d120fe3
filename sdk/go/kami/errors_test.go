package kami

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"
)

// TestErrorEnvelopes: a refused call is an *APIError with the machine code, the HTTP status
// and Retry-After; every one of them is signed and checked, except APP_KEY_INVALID.
func TestErrorEnvelopes(t *testing.T) {
	now := time.Unix(time.Now().Unix(), 0)
	retryDate := now.Add(90 * time.Second).UTC().Format(http.TimeFormat)
	tests := []struct {
		name       string
		hook       func(*fakeAnswer)
		client     func(f *FakeServer) *Client
		status     int
		machine    string
		retryAfter time.Duration
	}{
		{"rate limited, seconds", func(a *fakeAnswer) {
			a.fail(http.StatusTooManyRequests, 42940, CodeRateLimited)
			a.Header.Set("Retry-After", "7")
		}, nil, 429, CodeRateLimited, 7 * time.Second},
		{"unavailable, HTTP date", func(a *fakeAnswer) {
			a.fail(http.StatusServiceUnavailable, 50340, CodeUnavailable)
			a.Header.Set("Retry-After", retryDate)
		}, nil, 503, CodeUnavailable, 90 * time.Second},
		{"bad request", func(a *fakeAnswer) { a.fail(http.StatusBadRequest, 40040, CodeBadRequest) }, nil, 400, CodeBadRequest, 0},
		{"unknown appKey, unsigned", nil, func(f *FakeServer) *Client {
			return New(f.URL, "ak_unknown", f.Secret, WithClock(func() time.Time { return now }))
		}, 401, CodeAppKeyInvalid, 0},
		{"wrong secret", nil, func(f *FakeServer) *Client {
			return New(f.URL, f.AppKey, []byte("as_wrong"), WithClock(func() time.Time { return now }))
		}, 401, CodeSignatureInvalid, 0},
		{"client clock off", nil, func(f *FakeServer) *Client {
			// The server refuses the request; its signed answer is dated by its own clock,
			// which the client sees within the skew once given a wide one.
			return clientOf(f, WithClock(func() time.Time { return now.Add(-10 * time.Minute) }), WithMaxSkew(time.Hour))
		}, 401, CodeTimestampOutOfWindow, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			f.SetClock(func() time.Time { return now })
			f.SetHook(tt.hook)
			c := clientOf(f, WithClock(func() time.Time { return now }))
			if tt.client != nil {
				c = tt.client(f)
			}
			_, err := c.Verify(ctxT(t), "ANY-CARD", "pc", "")
			var apiErr *APIError
			if !errors.As(err, &apiErr) {
				t.Fatalf("Verify = %v, want an *APIError", err)
			}
			if apiErr.HTTPStatus != tt.status || apiErr.Err != tt.machine || apiErr.Code == 0 || apiErr.RetryAfter != tt.retryAfter {
				t.Fatalf("got %+v", apiErr)
			}
			if !IsCode(fmt.Errorf("wrapped: %w", err), tt.machine) || IsCode(err, "OTHER") {
				t.Fatal("IsCode does not see the machine code")
			}
		})
	}
}

func TestNonceReplayedByServer(t *testing.T) {
	f := newFake(t)
	f.AddCard("NONC-E000", 1, 0)
	c := clientOf(f, WithNonce(func() string { return "always-the-same-nonce" }))
	if _, err := c.Query(ctxT(t), "NONC-E000"); err != nil {
		t.Fatal(err)
	}
	if _, err := c.Query(ctxT(t), "NONC-E000"); !IsCode(err, CodeNonceReplayed) {
		t.Fatalf("second use of a nonce: %v", err)
	}
}

func TestAPIErrorText(t *testing.T) {
	e := &APIError{HTTPStatus: 429, Code: 42940, Err: CodeRateLimited, Message: "slow down", RetryAfter: 3 * time.Second}
	if got, want := e.Error(), "kami: HTTP 429 RATE_LIMITED (code 42940): slow down, retry after 3s"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
	if IsCode(errors.New("plain"), CodeRateLimited) || IsCode(nil, CodeRateLimited) {
		t.Fatal("IsCode on a non-API error")
	}
}
