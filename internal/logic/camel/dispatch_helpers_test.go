package camel_test

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/gogf/gf/v2/frame/g"
	"github.com/gogf/gf/v2/os/gtime"

	"kami/internal/adapter/camelplatform"
	"kami/internal/dao"
	"kami/internal/infra/keyring"
	"kami/internal/testkit"
	"kami/sdk/go/kami"
)

// mEnvelope is the merchant API's answer (openapi.md's envelope).
type mEnvelope struct {
	Code    int             `json:"code"`
	Message string          `json:"message"`
	Error   *string         `json:"error"`
	Data    json.RawMessage `json:"data"`
}

type mOrder struct {
	OrderNo         string  `json:"orderNo"`
	MerchantOrderNo string  `json:"merchantOrderNo"`
	Amount          int64   `json:"amount"`
	Status          string  `json:"status"`
	PayURL          string  `json:"payUrl"`
	ExpireAt        *string `json:"expireAt"`
	PaidAt          *string `json:"paidAt"`
	Attach          string  `json:"attach"`
}

type mResp struct {
	Status int
	Header http.Header
	Env    mEnvelope
}

func (r mResp) code() string {
	if r.Env.Error == nil {
		return ""
	}
	return *r.Env.Error
}

func (r mResp) order(t *testing.T) mOrder {
	t.Helper()
	var o mOrder
	if r.Status != http.StatusOK {
		t.Fatalf("status %d %s %s", r.Status, r.code(), r.Env.Message)
	}
	if err := json.Unmarshal(r.Env.Data, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

// signer signs merchant API calls like a merchant's server; edit may spoil one part.
type signer struct {
	base, appKey, secret string
	hc                   *http.Client
}

type tamper struct {
	ts        *int64
	nonce     string
	sig       string
	body      []byte // sent instead of the signed body
	noHeaders bool
	appKey    string
}

func nonce() string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

func (s signer) post(t testing.TB, path string, body any, tp ...tamper) mResp {
	t.Helper()
	r, err := s.postErr(path, body, tp...)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func (s signer) postErr(path string, body any, tp ...tamper) (mResp, error) {
	var x tamper
	if len(tp) > 0 {
		x = tp[0]
	}
	raw, _ := json.Marshal(body)
	full := "/merchant/v1/camel-oil" + path
	ts := testkit.SharedClock{}.Now().Unix()
	if x.ts != nil {
		ts = *x.ts
	}
	n := nonce()
	if x.nonce != "" {
		n = x.nonce
	}
	appKey := s.appKey
	if x.appKey != "" {
		appKey = x.appKey
	}
	sig := kami.SignRequest([]byte(s.secret), kami.CanonicalRequest(http.MethodPost, full, nil, appKey, ts, n, raw))
	if x.sig != "" {
		sig = x.sig
	}
	if x.body != nil {
		raw = x.body
	}
	req, _ := http.NewRequest(http.MethodPost, s.base+full, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	if !x.noHeaders {
		req.Header.Set("X-Kami-App-Key", appKey)
		req.Header.Set("X-Kami-Timestamp", strconv.FormatInt(ts, 10))
		req.Header.Set("X-Kami-Nonce", n)
		req.Header.Set("X-Kami-Signature", sig)
	}
	hc := s.hc
	if hc == nil {
		hc = http.DefaultClient
	}
	resp, err := hc.Do(req)
	if err != nil {
		return mResp{}, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	out := mResp{Status: resp.StatusCode, Header: resp.Header}
	if err = json.Unmarshal(b, &out.Env); err != nil {
		return out, err
	}
	return out, nil
}

// pool is a test's world: the fake platform the settings point at, one merchant, and only the
// accounts the test made (every other account of the shared database is soft-deleted, so
// dispatch sees this test's pool alone).
type pool struct {
	fake     *camelplatform.Fake
	merchant merchant
	sign     signer
	admin    *testkit.Client
	tokens   map[int64]string
}

func newPool(t testing.TB, rateLimit int) *pool {
	t.Helper()
	// Accounts are made pending_login and then set online: camel_oil.login, due every minute,
	// would otherwise log one in between the two and write history the tests count.
	testkit.SharedClock{}.HoldSchedules(t)
	f := camelplatform.NewFake(testkit.SharedClock{}.Now)
	t.Cleanup(f.Close)
	testkit.SetSettings(t, map[string]any{"camel_oil.platformBaseUrl": f.URL()})
	cols := dao.CamelOilAccount.Columns()
	if _, err := dao.CamelOilAccount.Ctx(context.Background()).Where(cols.DeletedAt, nil).
		Data(g.Map{cols.DeletedAt: gtime.Now(), cols.PhoneKey: nil}).Update(); err != nil {
		t.Fatal(err)
	}
	c := admin(t)
	var m merchant
	c.Post(t, "/api/camel-oil/merchants", map[string]any{"name": "shop", "rateLimit": rateLimit}).
		Expect(t, http.StatusOK).Decode(t, &m)
	// Other tests insert order rows by hand with made-up merchant ids: none may count as this one's.
	if _, err := dao.CamelOilOrder.Ctx(context.Background()).Where(dao.CamelOilOrder.Columns().MerchantId, m.ID).Delete(); err != nil {
		t.Fatal(err)
	}
	return &pool{fake: f, merchant: m, admin: c, tokens: map[int64]string{},
		sign: signer{base: testkit.Current().BaseURL, appKey: m.AppKey, secret: m.AppSecret}}
}

// online adds n accounts with dailyLimit limit, online with a token the fake accepts.
func (p *pool) online(t testing.TB, n, limit int) []account {
	t.Helper()
	out := make([]account, 0, n)
	cols := dao.CamelOilAccount.Columns()
	for range n {
		a := createAccount(t, p.admin, map[string]any{"phone": newPhone(), "dailyLimit": limit})
		tok := p.fake.IssueToken(a.Phone)
		sealed, err := keyring.Seal("camel_oil.account", []byte(tok))
		if err != nil {
			t.Fatal(err)
		}
		if _, err = dao.CamelOilAccount.Ctx(context.Background()).WherePri(a.ID).Data(g.Map{cols.Status: "online",
			cols.Token: sealed, cols.TokenExpireAt: gtime.NewFromTime(time.Now().Add(48 * time.Hour).UTC())}).Update(); err != nil {
			t.Fatal(err)
		}
		p.tokens[a.ID] = tok
		a.Status = "online"
		out = append(out, a)
	}
	return out
}

func (p *pool) get(t testing.TB, id int64) account {
	t.Helper()
	var a account
	p.admin.Get(t, "/api/camel-oil/accounts/"+strconv.FormatInt(id, 10)).Expect(t, http.StatusOK).Decode(t, &a)
	return a
}

func (p *pool) submit(t testing.TB, no string, amount int64) mResp {
	t.Helper()
	return p.sign.post(t, "/orders", map[string]any{"merchantOrderNo": no, "amount": amount})
}

func orderRows(t testing.TB, merchantID int64) int {
	t.Helper()
	n, err := dao.CamelOilOrder.Ctx(context.Background()).Where(dao.CamelOilOrder.Columns().MerchantId, merchantID).Count()
	if err != nil {
		t.Fatal(err)
	}
	return n
}
