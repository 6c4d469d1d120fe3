package sms

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
)

// FakeServer is an Aliyun SMS endpoint on 127.0.0.1 for tests: it checks each call's signature
// with the secret, answers OK (or the platform's SignatureDoesNotMatch) and keeps the accepted
// calls' parameters. Point the real adapter's endpoint at URL.
type FakeServer struct {
	*httptest.Server
	mu    sync.Mutex
	calls []map[string]string
}

func NewFakeServer(secret string) *FakeServer {
	f := &FakeServer{}
	f.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := map[string]string{}
		for k, v := range r.URL.Query() {
			q[k] = v[0]
		}
		sig := q["Signature"]
		delete(q, "Signature")
		if Sign(r.Method, secret, q) != sig {
			_ = json.NewEncoder(w).Encode(map[string]string{"Code": "SignatureDoesNotMatch", "Message": "bad signature"})
			return
		}
		f.mu.Lock()
		f.calls = append(f.calls, q)
		f.mu.Unlock()
		_ = json.NewEncoder(w).Encode(map[string]string{"Code": "OK", "Message": "OK", "BizId": "biz-1", "RequestId": "req-1"})
	}))
	return f
}

// Calls are the accepted calls' query parameters, oldest first.
func (f *FakeServer) Calls() []map[string]string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]map[string]string(nil), f.calls...)
}
