package pigsms

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
)

// Fake is the SMS platform as a real HTTP server on 127.0.0.1. A number's code arrives after
// CodeAfter polls (0 = never); every occupy and release is counted, so tests check the number
// was given back on every path.
type Fake struct {
	Server    *httptest.Server
	Token     string
	Code      string
	mu        sync.Mutex
	codeAfter int
	polls     map[string]int
	held      map[string]bool
	gets      map[string]int
	releases  map[string]int
	next      int
}

func NewFake(token, code string) *Fake {
	f := &Fake{Token: token, Code: code, codeAfter: 1, polls: map[string]int{}, held: map[string]bool{},
		gets: map[string]int{}, releases: map[string]int{}, next: 17000000000}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	return f
}

func (f *Fake) URL() string { return f.Server.URL }
func (f *Fake) Close()      { f.Server.Close() }

// NumbersFrom makes the numbers it hands out follow n (tests keep runs on one database apart).
func (f *Fake) NumbersFrom(n int) { f.mu.Lock(); f.next = n; f.mu.Unlock() }

// CodeAfter sets after how many polls a number's code arrives; 0 = never.
func (f *Fake) CodeAfter(n int) { f.mu.Lock(); f.codeAfter = n; f.mu.Unlock() }

// Held reports whether phone is occupied now; Releases and Gets count the calls per phone.
func (f *Fake) Held(phone string) bool    { f.mu.Lock(); defer f.mu.Unlock(); return f.held[phone] }
func (f *Fake) Releases(phone string) int { f.mu.Lock(); defer f.mu.Unlock(); return f.releases[phone] }
func (f *Fake) Gets(phone string) int     { f.mu.Lock(); defer f.mu.Unlock(); return f.gets[phone] }

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	out := map[string]any{"code": "0"}
	f.mu.Lock()
	defer f.mu.Unlock()
	phone := q.Get("phone")
	switch {
	case q.Get("token") != f.Token:
		out = map[string]any{"code": "-1", "msg": "token invalid"}
	case q.Get("api") == "getPhone":
		if phone == "" {
			f.next++
			phone = itoa(f.next)
		}
		f.held[phone] = true
		f.gets[phone]++
		f.polls[phone] = 0
		out["phone"] = phone
	case q.Get("api") == "getMessage":
		f.polls[phone]++
		if !f.held[phone] || f.codeAfter == 0 || f.polls[phone] < f.codeAfter {
			out = map[string]any{"code": "-2", "msg": "no message yet"}
		} else {
			out["sms"] = "【骆驼加油】验证码 " + f.Code
			out["yzm"] = f.Code
		}
	case q.Get("api") == "cancelRecv":
		delete(f.held, phone)
		f.releases[phone]++
	default:
		out = map[string]any{"code": "-3", "msg": "unknown api"}
	}
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(out)
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}
