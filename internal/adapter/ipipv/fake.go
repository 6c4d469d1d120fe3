package ipipv

import (
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"time"
)

// Fake is the upstream for tests: a real server on 127.0.0.1 speaking the envelope protocol,
// so the real Client's code runs. Orders are deduped on appOrderNo; outcomes and faults are
// scripted. State lives in memory behind one mutex (tests are small).
type Fake struct {
	AppKey, Secret string
	Now            func() time.Time

	srv *httptest.Server
	mu  sync.Mutex

	products []Product
	areas    []Area
	coin     int64 // fen
	calls    []FakeCall
	faults   map[string][]Fault // path → queued faults, consumed one per call
	outcomes map[string]Outcome // appOrderNo or productNo → outcome
	orders   map[string]*Order  // appOrderNo → order
	// orderProduct lets an outcome be scripted per product as well as per order.
	orderProduct map[string]string
	seq          int
	users        map[string]int64 // appUsername → limitFlow
	limits       map[string]int64 // appUsername/productNo → limitFlow
	// held: the instances a renew or release order acts on (appOrderNo → instanceNo → cycles).
	held map[string]map[string]int
	// instProduct remembers each delivered instance's product (renew prices).
	instProduct map[string]string
	whitelist   map[string][]string // appUsername/productNo → IPs
	more        fakeMore
}

// FakeCall is one received request, decrypted.
type FakeCall struct {
	Path, ReqID string
	Params      json.RawMessage
}

// Fault is a scripted failure of one call to a path.
type Fault struct {
	kind      string // http502, timeout, code, applyThenDrop, dropBeforeApply
	code      int
	msg       string
	hangUntil chan struct{}
}

// HTTP502 answers 502 without doing anything.
func HTTP502() Fault { return Fault{kind: "http502"} }

// DropBeforeApply closes the connection before the request is processed.
func DropBeforeApply() Fault { return Fault{kind: "dropBeforeApply"} }

// ApplyThenDrop processes the request and then closes the connection unanswered.
func ApplyThenDrop() Fault { return Fault{kind: "applyThenDrop"} }

// Code answers a business error.
func Code(n int, msg string) Fault { return Fault{kind: "code", code: n, msg: msg} }

// Outcome is what an order becomes after status 2.
type Outcome struct {
	kind string
	k    int
}

var (
	// Success fulfils the order.
	Success = Outcome{kind: "success"}
	// Fail fails it (status 4).
	Fail = Outcome{kind: "fail"}
	// Hang keeps it processing.
	Hang = Outcome{kind: "hang"}
)

// Partial fulfils k of the order's count (status 5).
func Partial(k int) Outcome { return Outcome{kind: "partial", k: k} }

// NewFake starts the server; Close it when done.
func NewFake(appKey, secret string) *Fake {
	f := &Fake{AppKey: appKey, Secret: secret, Now: time.Now, coin: 1_000_000_00,
		faults: map[string][]Fault{}, outcomes: map[string]Outcome{}, orders: map[string]*Order{}, orderProduct: map[string]string{},
		users: map[string]int64{}, limits: map[string]int64{},
		held: map[string]map[string]int{}, instProduct: map[string]string{}, whitelist: map[string][]string{},
		more: newFakeMore()}
	f.products = defaultProducts()
	f.areas = []Area{{ProductNo: "DYN104", AreaCode: "US", CountryCode: "USA", Status: 1, Region: "North America"},
		{ProductNo: "DYN105", AreaCode: "JP", CountryCode: "JPN", Status: 1, Region: "Asia"}}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err) // test setup only: no loopback means no test can run
	}
	f.srv = httptest.NewUnstartedServer(http.HandlerFunc(f.serve))
	f.srv.Listener.Close()
	f.srv.Listener = l
	f.srv.Start()
	return f
}

func defaultProducts() []Product {
	return []Product{
		{ProductNo: "ST101", ProductName: "Static US", ProxyType: 101, CountryCode: "USA", CostPrice: "10.00", Inventory: 100, Enable: 1, Duration: 30, Unit: 1, DrawType: 0},
		{ProductNo: "ST103", ProductName: "Static JP assign", ProxyType: 103, CountryCode: "JPN", CostPrice: "12.50", Inventory: 50, Enable: 1, Duration: 30, Unit: 1, AssignIP: 1, RefundDuration: 24},
		{ProductNo: "ST103C", ProductName: "Static count-sold", ProxyType: 103, CountryCode: "JPN", CostPrice: "5.00", Inventory: 50, Enable: 1, IPCount: 5},
		{ProductNo: "DYN104", ProductName: "Dynamic global", ProxyType: 104, CostPrice: "3.00", Inventory: 1000, Enable: 1, DrawType: 3, FlowConversionBase: 1024, IPWhiteList: 1, PwdDrawProxyUser: 1, ProxyUserFlowLimit: 1, FlowUseLog: 1},
		{ProductNo: "DYN105", ProductName: "Dynamic JP", ProxyType: 105, CostPrice: "4.00", Inventory: 1000, Enable: 1, DrawType: 1, FlowConversionBase: 1000, IPWhiteList: -1},
	}
}

// URL is the base URL to configure.
func (f *Fake) URL() string { return f.srv.URL }

// Close stops the server.
func (f *Fake) Close() { f.srv.CloseClientConnections(); f.srv.Close() }

// Fault queues a fault for the next call to path.
func (f *Fake) Fault(path string, fl Fault) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.faults[path] = append(f.faults[path], fl)
}

// FaultFor queues a fault for the next call to path about appOrderNo only, so background
// jobs querying other orders do not consume it.
func (f *Fake) FaultFor(path, appOrderNo string, fl Fault) {
	f.Fault(path+"|"+appOrderNo, fl)
}

// Script sets the outcome for an appOrderNo or a productNo.
func (f *Fake) Script(key string, o Outcome) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.outcomes[key] = o
}

// SetProducts replaces the catalogue.
func (f *Fake) SetProducts(p []Product, a []Area) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.products, f.areas = p, a
}

// Calls returns the received calls.
func (f *Fake) Calls() []FakeCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]FakeCall(nil), f.calls...)
}

// OrdersFor returns the upstream orders placed under appOrderNo (0 or 1: dedupe).
func (f *Fake) OrdersFor(appOrderNo string) []Order {
	f.mu.Lock()
	defer f.mu.Unlock()
	if o, ok := f.orders[appOrderNo]; ok {
		return []Order{*o}
	}
	return nil
}

// Limit is the flow limit last pushed for a user and product (ok false: never pushed).
func (f *Fake) Limit(appUsername, productNo string) (int64, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	v, ok := f.limits[appUsername+"/"+productNo]
	return v, ok
}

// Coin is the remaining upstream balance in fen.
func (f *Fake) Coin() int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.coin
}

// Advance moves every processing order to its scripted outcome (the fake's "later").
func (f *Fake) Advance() {
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, o := range f.orders {
		if o.Status == 2 {
			f.settle(o)
		}
	}
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	var env envelope
	body, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(body, &env); err != nil {
		writeJSON(w, answer{Code: 400, Msg: "bad envelope"})
		return
	}
	if env.AppKey != f.AppKey {
		writeJSON(w, answer{ReqID: env.ReqID, Code: 401, Msg: "unknown appKey"})
		return
	}
	var params json.RawMessage
	if env.Params != "" {
		plain, err := Decrypt([]byte(f.Secret), env.Params)
		if err != nil {
			writeJSON(w, answer{ReqID: env.ReqID, Code: 400, Msg: "params undecryptable"})
			return
		}
		params = plain
	}
	f.mu.Lock()
	f.calls = append(f.calls, FakeCall{Path: r.URL.Path, ReqID: env.ReqID, Params: params})
	var fault Fault
	var about struct {
		AppOrderNo string `json:"appOrderNo"`
	}
	_ = json.Unmarshal(params, &about)
	for _, key := range []string{r.URL.Path + "|" + about.AppOrderNo, r.URL.Path} {
		if q := f.faults[key]; len(q) > 0 && fault.kind == "" {
			fault, f.faults[key] = q[0], q[1:]
		}
	}
	f.mu.Unlock()
	switch fault.kind {
	case "http502":
		w.WriteHeader(http.StatusBadGateway)
		return
	case "dropBeforeApply":
		drop(w)
		return
	case "code":
		writeJSON(w, answer{ReqID: env.ReqID, Code: fault.code, Msg: fault.msg})
		return
	}
	data, code, msg := f.handle(r.URL.Path, params)
	if fault.kind == "applyThenDrop" {
		drop(w)
		return
	}
	a := answer{ReqID: env.ReqID, Code: code, Msg: msg}
	if data != nil && code == 200 {
		plain, _ := json.Marshal(data)
		enc, _ := Encrypt([]byte(f.Secret), plain)
		a.Data, _ = json.Marshal(enc)
	}
	writeJSON(w, a)
}

// drop closes the connection without an answer (the client sees a reset / EOF).
func drop(w http.ResponseWriter) {
	if hj, ok := w.(http.Hijacker); ok {
		if c, _, err := hj.Hijack(); err == nil {
			_ = c.Close()
			return
		}
	}
	w.WriteHeader(http.StatusBadGateway)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// fakeSeq numbers orders across every fake of a process, behind a per-process tag: instance
// numbers derive from order numbers, and tests sharing one database (also over several runs
// on MariaDB) must not see a later fake reuse an earlier one's.
var (
	fakeSeq atomic.Int64
	fakeTag = NewReqID()[:6]
)

func (f *Fake) nextOrderNo() string {
	f.seq++
	return fmt.Sprintf("UP%s%06d", fakeTag, fakeSeq.Add(1))
}
