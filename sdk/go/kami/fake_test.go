package kami

import (
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"time"
)

// FakeServer is an in-process Kami OpenAPI for this package's tests and examples. It is
// written from the contract, not from the client: it checks request signatures with its own
// HMAC code, keeps a few cards, and signs every answer with an Ed25519 key it publishes at
// /openapi/v1/keys. Hooks let a test break an answer the way a forger or a replay would.
type FakeServer struct {
	*httptest.Server
	AppKey string
	Secret []byte

	mu         sync.Mutex
	now        func() time.Time
	keys       []*fakeKey // published, newest last
	signer     *fakeKey   // signs the answers
	nonces     map[string]bool
	cards      map[string]*fakeCard
	hook       func(*fakeAnswer) // changes an answer before it is signed
	tamper     func([]byte) []byte
	requests   []seenRequest
	keyFetches int
}

type fakeKey struct {
	kid    string
	priv   ed25519.PrivateKey
	status string
}

// seenRequest is a signed request as it arrived.
type seenRequest struct {
	Method, Path, RawQuery string
	Header                 http.Header
	Body                   []byte
}

// fakeAnswer is an answer before it is encoded and signed; hooks edit it.
type fakeAnswer struct {
	Nonce   string // the request's nonce, the one signed
	Method  string
	Path    string
	Status  int
	Code    int
	Error   string
	Message string
	Data    map[string]any
	TS      int64
	Kid     string
	Header  http.Header
	signer  ed25519.PrivateKey
	signed  bool
}

// NewFakeServer starts the fake on 127.0.0.1 with one signing key and no cards.
func NewFakeServer() *FakeServer {
	f := &FakeServer{
		AppKey: "ak_0123456789abcdef01234567",
		Secret: []byte("as_fake-secret-for-tests-only-000000000000000"),
		now:    time.Now,
		nonces: map[string]bool{},
		cards:  map[string]*fakeCard{},
	}
	f.Rotate()
	f.Server = &httptest.Server{
		Listener: mustListen(),
		Config:   &http.Server{Handler: http.HandlerFunc(f.serve)},
	}
	f.Start()
	return f
}

func mustListen() net.Listener {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	return l
}

// Rotate publishes a new signing key and signs with it; the old ones stay published, retiring.
func (f *FakeServer) Rotate() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, k := range f.keys {
		k.status = KeyRetiring
	}
	k := newFakeKey(fmt.Sprintf("k_%02d", len(f.keys)+1))
	f.keys = append(f.keys, k)
	f.signer = k
	return k.kid
}

// SignWithUnpublished signs from now on with a key that /openapi/v1/keys does not list.
func (f *FakeServer) SignWithUnpublished() {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.signer = newFakeKey("k_unpublished")
}

func newFakeKey(kid string) *fakeKey {
	_, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		panic(err)
	}
	return &fakeKey{kid: kid, priv: priv, status: KeyActive}
}

// SetHook sets a change made to every answer before it is signed (nil: none).
func (f *FakeServer) SetHook(h func(*fakeAnswer)) { f.mu.Lock(); f.hook = h; f.mu.Unlock() }

// SetTamper sets a change made to every answer's body after it was signed (nil: none).
func (f *FakeServer) SetTamper(t func([]byte) []byte) { f.mu.Lock(); f.tamper = t; f.mu.Unlock() }

// SetClock sets the server's clock.
func (f *FakeServer) SetClock(now func() time.Time) { f.mu.Lock(); f.now = now; f.mu.Unlock() }

// Requests returns the signed requests received so far.
func (f *FakeServer) Requests() []seenRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seenRequest(nil), f.requests...)
}

// KeyFetches is how many times /openapi/v1/keys was called.
func (f *FakeServer) KeyFetches() int { f.mu.Lock(); defer f.mu.Unlock(); return f.keyFetches }

func (f *FakeServer) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == PathKeys && r.Method == http.MethodGet {
		f.serveKeys(w, r)
		return
	}
	body, _ := io.ReadAll(io.LimitReader(r.Body, 64<<10+1))
	f.mu.Lock()
	defer f.mu.Unlock()
	f.requests = append(f.requests, seenRequest{r.Method, r.URL.Path, r.URL.RawQuery, r.Header.Clone(), body})
	a := &fakeAnswer{Nonce: r.Header.Get(HeaderNonce), Method: r.Method, Path: r.URL.Path, Status: http.StatusOK,
		TS: f.now().Unix(), Kid: f.signer.kid, signer: f.signer.priv, signed: true, Header: http.Header{}}
	if r.Header.Get(HeaderAppKey) != f.AppKey {
		a.fail(http.StatusUnauthorized, 40140, CodeAppKeyInvalid)
		a.signed = false // no project, no keys
	} else if code, machine := f.checkRequest(r, body); machine != "" {
		a.fail(code/100, code, machine)
	} else {
		f.route(r.URL.Path, body, a)
	}
	if f.hook != nil {
		f.hook(a)
	}
	f.write(w, a)
}

func (a *fakeAnswer) fail(status, code int, machine string) {
	a.Status, a.Code, a.Error, a.Message, a.Data = status, code, machine, "refused: "+machine, nil
}

// checkRequest applies the contract's request rules with the fake's own HMAC code.
func (f *FakeServer) checkRequest(r *http.Request, body []byte) (int, string) {
	h := r.Header
	ts, err := strconv.ParseInt(h.Get(HeaderTimestamp), 10, 64)
	nonce := h.Get(HeaderNonce)
	if err != nil || h.Get(HeaderSignature) == "" || !ValidNonce(nonce) {
		return 40141, CodeSignatureInvalid
	}
	if len(body) > 64<<10 {
		return 41340, CodeBodyTooLarge
	}
	sum := sha256.Sum256(body)
	canonical := "KAMI-HMAC-SHA256\n" + r.Method + "\n" + r.URL.Path + "\n" + r.URL.RawQuery + "\n" +
		f.AppKey + "\n" + h.Get(HeaderTimestamp) + "\n" + nonce + "\n" + hex.EncodeToString(sum[:])
	mac := hmac.New(sha256.New, f.Secret)
	mac.Write([]byte(canonical))
	got, _ := hex.DecodeString(h.Get(HeaderSignature))
	if !hmac.Equal(got, mac.Sum(nil)) {
		return 40141, CodeSignatureInvalid
	}
	if d := f.now().Unix() - ts; d > 300 || d < -300 {
		return 40142, CodeTimestampOutOfWindow
	}
	if f.nonces[nonce] {
		return 40143, CodeNonceReplayed
	}
	f.nonces[nonce] = true
	return 0, ""
}

func (f *FakeServer) write(w http.ResponseWriter, a *fakeAnswer) {
	env := map[string]any{"code": a.Code, "message": a.Message, "error": nil, "data": nil}
	if a.Error != "" {
		env["error"] = a.Error
	} else {
		env["message"] = "ok"
	}
	if a.Data != nil {
		env["data"] = a.Data
	}
	body, _ := json.Marshal(env)
	for k, vs := range a.Header {
		w.Header()[k] = vs
	}
	w.Header().Set("Content-Type", "application/json")
	if a.signed {
		sum := sha256.Sum256(body)
		canonical := "KAMI-ED25519\n" + a.Nonce + "\n" + a.Method + "\n" + a.Path + "\n" +
			strconv.FormatInt(a.TS, 10) + "\n" + hex.EncodeToString(sum[:])
		w.Header().Set(HeaderKid, a.Kid)
		w.Header().Set(HeaderTimestamp, strconv.FormatInt(a.TS, 10))
		w.Header().Set(HeaderResponseSignature, base64.StdEncoding.EncodeToString(ed25519.Sign(a.signer, []byte(canonical))))
	}
	if f.tamper != nil {
		body = f.tamper(body)
	}
	w.WriteHeader(a.Status)
	_, _ = w.Write(body)
}

func (f *FakeServer) serveKeys(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.keyFetches++
	if r.URL.Query().Get("appKey") != f.AppKey {
		w.WriteHeader(http.StatusUnauthorized)
		_, _ = w.Write([]byte(`{"code":40140,"message":"unknown appKey","error":"APP_KEY_INVALID","data":null}`))
		return
	}
	keys := []map[string]string{}
	for _, k := range f.keys {
		keys = append(keys, map[string]string{"kid": k.kid, "alg": AlgEd25519, "status": k.status,
			"publicKey": base64.StdEncoding.EncodeToString(k.priv.Public().(ed25519.PublicKey))})
	}
	body, _ := json.Marshal(map[string]any{"code": 0, "message": "ok", "error": nil, "data": map[string]any{"keys": keys}})
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write(body)
}

// PublicKeys is what /openapi/v1/keys lists now, for pinning.
func (f *FakeServer) PublicKeys() []PublicKey {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []PublicKey
	for _, k := range f.keys {
		out = append(out, PublicKey{Kid: k.kid, Alg: AlgEd25519, Status: k.status,
			PublicKey: base64.StdEncoding.EncodeToString(k.priv.Public().(ed25519.PublicKey))})
	}
	return out
}
