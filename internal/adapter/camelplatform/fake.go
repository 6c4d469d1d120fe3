package camelplatform

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
)

// Fake is the platform as a real HTTP server on 127.0.0.1 (httptest), so the real Client's code
// runs in tests. Knobs are per phone/token; every order it accepted is counted per token.
type Fake struct {
	Server *httptest.Server
	// Code is the SMS code Login accepts.
	Code string
	// TokenLife is how long issued tokens live.
	TokenLife time.Duration

	mu         sync.Mutex
	now        func() time.Time
	tokens     map[string]string // token → phone
	rejected   map[string]bool   // token → answer 401
	dailyLimit map[string]bool   // token → answer 1101
	banned     map[string]bool   // token → answer 1102
	failing    int               // answer 5xx to this many order calls
	delay      time.Duration     // sleep before answering an order (timeouts)
	orders     map[string]*fakeOrder
	perToken   map[string]int
	seq        int
	calls      int
}

type fakeOrder struct {
	OrderNo, OutOrderNo, Token, Status string
	Amount                             int64
	PaidAt                             int64
}

// NewFake starts the fake; now is its clock (the shared test clock).
func NewFake(now func() time.Time) *Fake {
	f := &Fake{Code: "123456", TokenLife: 24 * time.Hour, now: now, tokens: map[string]string{},
		rejected: map[string]bool{}, dailyLimit: map[string]bool{}, banned: map[string]bool{},
		orders: map[string]*fakeOrder{}, perToken: map[string]int{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	return f
}

func (f *Fake) URL() string { return f.Server.URL }
func (f *Fake) Close()      { f.Server.Close() }

// IssueToken makes a token the fake accepts for phone (an account set online by a test).
func (f *Fake) IssueToken(phone string) string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.issue(phone)
}

func (f *Fake) issue(phone string) string {
	f.seq++
	t := fmt.Sprintf("tok-%s-%d", phone, f.seq)
	f.tokens[t] = phone
	return t
}

func (f *Fake) RejectToken(token string)        { f.set(f.rejected, token) }
func (f *Fake) DailyLimitFor(token string)      { f.set(f.dailyLimit, token) }
func (f *Fake) BanToken(token string)           { f.set(f.banned, token) }
func (f *Fake) set(m map[string]bool, k string) { f.mu.Lock(); m[k] = true; f.mu.Unlock() }

// FailOrders answers 503 to the next n order calls.
func (f *Fake) FailOrders(n int) { f.mu.Lock(); f.failing = n; f.mu.Unlock() }

// SetDelay holds every order answer for d (longer than the client's timeout = a timeout).
func (f *Fake) SetDelay(d time.Duration) { f.mu.Lock(); f.delay = d; f.mu.Unlock() }

// Pay marks a platform order paid now; Close marks it closed.
func (f *Fake) Pay(orderNo string) bool        { return f.mark(orderNo, OrderPaid) }
func (f *Fake) CloseOrder(orderNo string) bool { return f.mark(orderNo, OrderClosed) }

func (f *Fake) mark(orderNo, status string) bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	o := f.orders[orderNo]
	if o == nil {
		return false
	}
	o.Status = status
	if status == OrderPaid {
		o.PaidAt = f.now().Unix()
	}
	return true
}

// OrdersFor is how many orders the fake accepted on token; Calls counts order placements tried.
func (f *Fake) OrdersFor(token string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.perToken[token]
}
func (f *Fake) Calls() int { f.mu.Lock(); defer f.mu.Unlock(); return f.calls }

func reply(w http.ResponseWriter, code int, data any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"code": code, "message": "", "data": data})
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Phone      string `json:"phone"`
		SmsCode    string `json:"smsCode"`
		OutOrderNo string `json:"outOrderNo"`
		Amount     int64  `json:"amount"`
	}
	if r.Body != nil {
		_ = json.NewDecoder(r.Body).Decode(&body)
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/api/sms/send":
		reply(w, codeOK, nil)
	case r.Method == http.MethodPost && r.URL.Path == "/api/login":
		f.login(w, body.Phone, body.SmsCode)
	case r.Method == http.MethodGet && r.URL.Path == "/api/user":
		if _, ok := f.auth(w, r); ok {
			reply(w, codeOK, map[string]any{})
		}
	case r.Method == http.MethodPost && r.URL.Path == "/api/orders":
		f.place(w, r, body.OutOrderNo, body.Amount)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/api/orders/"):
		f.query(w, r, strings.TrimPrefix(r.URL.Path, "/api/orders/"))
	default:
		http.NotFound(w, r)
	}
}

func (f *Fake) login(w http.ResponseWriter, phone, code string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if code != f.Code {
		reply(w, codeWrongCode, nil)
		return
	}
	reply(w, codeOK, map[string]any{"token": f.issue(phone), "expiresAt": f.now().Add(f.TokenLife).Unix()})
}

// auth answers the token's phone, or writes the 401 itself.
func (f *Fake) auth(w http.ResponseWriter, r *http.Request) (string, bool) {
	t := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	f.mu.Lock()
	_, known := f.tokens[t]
	bad := f.rejected[t]
	f.mu.Unlock()
	if !known || bad {
		w.WriteHeader(http.StatusUnauthorized)
		reply(w, codeUnauth, nil)
		return "", false
	}
	return t, true
}

func (f *Fake) place(w http.ResponseWriter, r *http.Request, out string, amount int64) {
	f.mu.Lock()
	f.calls++
	delay, failing := f.delay, f.failing > 0
	if failing {
		f.failing--
	}
	f.mu.Unlock()
	if delay > 0 {
		select {
		case <-time.After(delay):
		case <-r.Context().Done():
			return
		}
	}
	if failing {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	t, ok := f.auth(w, r)
	if !ok {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case f.banned[t]:
		reply(w, codeBanned, nil)
		return
	case f.dailyLimit[t]:
		reply(w, codeDailyLimit, nil)
		return
	}
	f.seq++
	o := &fakeOrder{OrderNo: fmt.Sprintf("P%08d", f.seq), OutOrderNo: out, Token: t, Status: OrderUnpaid, Amount: amount}
	f.orders[o.OrderNo] = o
	f.perToken[t]++
	reply(w, codeOK, map[string]any{"orderNo": o.OrderNo, "payUrl": f.Server.URL + "/pay/" + o.OrderNo,
		"expireAt": f.now().Add(30 * time.Minute).Unix()})
}

func (f *Fake) query(w http.ResponseWriter, r *http.Request, orderNo string) {
	if _, ok := f.auth(w, r); !ok {
		return
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	o := f.orders[orderNo]
	if o == nil {
		reply(w, 404, nil)
		return
	}
	reply(w, codeOK, map[string]any{"orderNo": o.OrderNo, "status": o.Status, "amount": o.Amount, "paidAt": o.PaidAt})
}
