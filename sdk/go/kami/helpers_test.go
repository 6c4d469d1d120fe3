package kami

import (
	"context"
	"fmt"
	"net/http"
	"sync/atomic"
	"testing"
	"time"
)

// newFake starts a fake server for one test and closes it at the end.
func newFake(t *testing.T) *FakeServer {
	t.Helper()
	f := NewFakeServer()
	t.Cleanup(f.Close)
	return f
}

// clientOf is a client of the fake's project.
func clientOf(f *FakeServer, opts ...Option) *Client {
	return New(f.URL, f.AppKey, f.Secret, opts...)
}

// ctxT is a context that ends with the test, with a deadline so a hang fails instead of
// blocking the run.
func ctxT(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// fixedNonces returns nonces n-0000000000000001, n-0000000000000002, ...
func fixedNonces() func() string {
	var i atomic.Int64
	return func() string { return fmt.Sprintf("n-%016d", i.Add(1)) }
}

// exampleResponse is a bare 200 answer carrying the response-signing headers.
func exampleResponse(kid, ts, sig string) *http.Response {
	h := http.Header{}
	h.Set(HeaderKid, kid)
	h.Set(HeaderTimestamp, ts)
	h.Set(HeaderResponseSignature, sig)
	return &http.Response{StatusCode: http.StatusOK, Header: h}
}
