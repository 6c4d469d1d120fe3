package auth_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"strings"
	"sync"
	"testing"

	"kami/internal/testkit"
)

// vben replays what the stock Vben Admin 5 web-ele panel sends (apps/web-ele/src/api/request.ts
// and api/core/auth.ts): requestClient adds the bearer token and Accept-Language; the bare
// baseRequestClient used for refresh and logout posts its axios options as the JSON body and
// carries the cookie, never an Authorization header.
type vben struct {
	base  string
	ip    string
	http  *http.Client
	token string
}

func newVben(t *testing.T) *vben {
	jar, _ := cookiejar.New(nil)
	return &vben{base: testkit.Current().BaseURL, ip: testkit.NewClient("").Header.Get("X-Forwarded-For"), http: &http.Client{Jar: jar}}
}

type vbenResp struct {
	status int
	raw    []byte
	header http.Header
	env    struct {
		Code    int             `json:"code"`
		Data    json.RawMessage `json:"data"`
		Error   *string         `json:"error"`
		Message string          `json:"message"`
		Reason  string          `json:"reason"`
	}
}

// shown is what the stock error interceptor puts on screen: error ?? message.
func (r *vbenResp) shown() string {
	if r.env.Error != nil && *r.env.Error != "" {
		return *r.env.Error
	}
	return r.env.Message
}

func (v *vben) send(t *testing.T, bare bool, method, path string, body any) *vbenResp {
	t.Helper()
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, v.base+"/api"+path, rd)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Accept", "application/json, text/plain, */*")
	req.Header.Set("X-Forwarded-For", v.ip)
	if body != nil {
		req.Header.Set("Content-Type", "application/json;charset=utf-8")
	}
	if !bare {
		req.Header.Set("Accept-Language", "zh-CN")
		if v.token != "" {
			req.Header.Set("Authorization", "Bearer "+v.token)
		}
	}
	res, err := v.http.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	out := &vbenResp{status: res.StatusCode, header: res.Header}
	out.raw, _ = io.ReadAll(res.Body)
	if len(out.raw) > 0 && out.raw[0] == '{' {
		_ = json.Unmarshal(out.raw, &out.env)
	}
	return out
}

func (v *vben) login(t *testing.T, username, password string) *vbenResp {
	t.Helper()
	r := v.send(t, false, "POST", "/auth/login", map[string]any{
		"username": username, "password": password, "captcha": true, "selectAccount": "vben"})
	if r.status == 200 {
		var d struct {
			AccessToken string `json:"accessToken"`
		}
		_ = json.Unmarshal(r.env.Data, &d)
		v.token = d.AccessToken
	}
	return r
}

// refresh is doRefreshToken: the bare client, the cookie, and the token read from the raw body.
func (v *vben) refresh(t *testing.T) *vbenResp {
	t.Helper()
	r := v.send(t, true, "POST", "/auth/refresh", map[string]any{"withCredentials": true})
	if r.status == 200 {
		v.token = string(r.raw)
	}
	return r
}

func TestStockVbenClientEndToEnd(t *testing.T) {
	u := testkit.SeedUser(t, "agent-admin", testkit.SuperAdmin(t))
	v := newVben(t)
	r := v.login(t, u.Username, u.Password)
	if r.status != 200 || r.env.Code != 0 || v.token == "" {
		t.Fatalf("stock login form refused: %d %s", r.status, r.raw)
	}
	info := v.send(t, false, "GET", "/user/info", nil)
	var me map[string]any
	_ = json.Unmarshal(info.env.Data, &me)
	if info.status != 200 || me["username"] != u.Username || me["avatar"] != nil {
		t.Fatalf("user info (avatar must be null for the panel's default): %s", info.raw)
	}
	for _, p := range []string{"/auth/codes", "/menu/all"} {
		if r := v.send(t, false, "GET", p, nil); r.status != 200 || r.env.Code != 0 {
			t.Fatalf("%s: %d %s", p, r.status, r.raw)
		}
	}
	// The access token expired: the panel refreshes with the cookie alone.
	if r := v.refresh(t); r.status != 200 || v.token == "" || strings.HasPrefix(string(r.raw), "{") {
		t.Fatalf("refresh with the cookie alone: %d %s", r.status, r.raw)
	}
	if r := v.send(t, false, "GET", "/user/info", nil); r.status != 200 {
		t.Fatalf("the refreshed token does not work: %s", r.raw)
	}
	// Two tabs refresh at the same instant with the same cookie: both keep working.
	var wg sync.WaitGroup
	status := make([]int, 2)
	for i := range status {
		wg.Add(1)
		go func() {
			defer wg.Done()
			status[i] = v.send(t, true, "POST", "/auth/refresh", map[string]any{"withCredentials": true}).status
		}()
	}
	wg.Wait()
	if status[0] != 200 || status[1] != 200 {
		t.Fatalf("two tabs refreshing at once: %v", status)
	}
	if r := v.refresh(t); r.status != 200 {
		t.Fatalf("after the two tabs: %d %s", r.status, r.raw)
	}
	// Logout through the bare client: the cookie alone ends the session and is cleared.
	access := v.token
	out := v.send(t, true, "POST", "/auth/logout", map[string]any{"withCredentials": true})
	if out.status != 200 || !strings.Contains(strings.Join(out.header.Values("Set-Cookie"), ";"), "jwt=;") {
		t.Fatalf("logout: %d %s %v", out.status, out.raw, out.header.Values("Set-Cookie"))
	}
	if r := v.refresh(t); r.status != 403 {
		t.Fatalf("the refresh cookie still works after logout: %d %s", r.status, r.raw)
	}
	v.token = access
	if r := v.send(t, false, "GET", "/user/info", nil); r.status != 401 {
		t.Fatalf("the access token still works after logout: %d", r.status)
	}
}

// What the stock error interceptor shows is the readable Chinese text, never a machine code, and
// the slider's "captcha": true never counts as solving the image captcha.
func TestStockVbenClientErrorsAndCaptcha(t *testing.T) {
	u := testkit.SeedUser(t, "agent", testkit.SuperAdmin(t))
	v := newVben(t)
	r := v.login(t, u.Username, "wrong-Pass-1")
	if r.status != 400 || r.shown() != "用户名或密码错误" || r.env.Reason != "INVALID_CREDENTIALS" {
		t.Fatalf("wrong password shows %q: %s", r.shown(), r.raw)
	}
	for i := 0; i < 2; i++ {
		v.login(t, u.Username, "wrong-Pass-1")
	}
	r = v.login(t, u.Username, u.Password) // right password, "captcha": true, no image captcha
	if r.status != 400 || r.env.Reason != "CAPTCHA_REQUIRED" || strings.Contains(r.shown(), "CAPTCHA") {
		t.Fatalf("the slider flag passed for the image captcha: %s", r.raw)
	}
}

// Colleagues behind one proxy share an IP: one person's typos do not put the next person in
// front of a captcha (the per-IP threshold is its own, higher one).
func TestSharedOfficeIPKeepsWorking(t *testing.T) {
	admin := testkit.SuperAdmin(t)
	office := newVben(t)
	for i := 0; i < 3; i++ {
		typo := testkit.SeedUser(t, "agent", admin)
		for j := 0; j < 2; j++ {
			office.login(t, typo.Username, "wrong-Pass-1")
		}
	}
	colleague := testkit.SeedUser(t, "agent", admin)
	other := newVben(t)
	other.ip = office.ip
	if r := other.login(t, colleague.Username, colleague.Password); r.status != 200 {
		t.Fatalf("six failures of others from the office IP blocked a colleague: %s", r.raw)
	}
}
